"""Wrong staff passwords: guessing is slowed per user name and per address, the owner is
never locked out from a browser they used before, and nothing tells a real user name from
an unknown one."""

from __future__ import annotations

import pytest

from assessment.auth import operations
from assessment.auth.operations import create_user
from tests.helpers import csrf_from

PASSWORD = "lantern-mango-river-7"
WRONG = "User name or password is wrong."
LIMITED = "Too many wrong passwords"


@pytest.fixture
def admin(app):
    create_user("admin", "admin", PASSWORD)
    app.config["BABEL_DEFAULT_LOCALE"] = "en"  # compare the English sentences


def _try(client, username, password):
    page = client.get("/staff/login").get_data(as_text=True)
    return client.post("/staff/login", data={"csrf_token": csrf_from(page),
                                             "username": username, "password": password})


def _answer(client, username, password) -> str:
    response = _try(client, username, password)
    if response.status_code == 302:
        return "logged in"
    html = response.get_data(as_text=True)
    return LIMITED if LIMITED in html else WRONG if WRONG in html else html


def test_a_strangers_wrong_passwords_do_not_lock_the_owner_out(app, admin):
    owner = app.test_client()
    assert _answer(owner, "admin", PASSWORD) == "logged in"  # the owner's browser, known now
    for _ in range(5):
        assert _answer(app.test_client(), "ADMIN ", "guess") == WRONG
    assert _answer(app.test_client(), "admin", "guess") == LIMITED
    assert _answer(app.test_client(), "admin", PASSWORD) == LIMITED  # a new browser waits
    owner.post("/staff/logout", data={"csrf_token": csrf_from(
        owner.get("/staff/").get_data(as_text=True))})
    assert _answer(owner, "admin", PASSWORD) == "logged in"


def test_a_known_browser_with_a_wrong_password_is_still_refused(app, admin):
    owner = app.test_client()
    assert _answer(owner, "admin", PASSWORD) == "logged in"
    for _ in range(5):
        _answer(app.test_client(), "admin", "guess")
    assert _answer(owner, "admin", "guess") == WRONG


def test_a_real_and_an_unknown_user_name_answer_alike(app, admin):
    stranger = app.test_client()
    real = [_answer(stranger, "admin", f"guess-{n}") for n in range(7)]
    unknown = [_answer(stranger, "nobody", f"guess-{n}") for n in range(7)]
    assert real == unknown == [WRONG] * 5 + [LIMITED] * 2


def test_an_unknown_name_costs_the_same_password_check(app, admin, monkeypatch):
    checked = []
    matches = operations._password_matches

    def counted(password_hash, password):
        checked.append(password_hash.split("$")[:4])  # algorithm and cost, not salt or hash
        return matches(password_hash, password)

    monkeypatch.setattr(operations, "_password_matches", counted)
    operations.authenticate("admin", "guess")
    operations.authenticate("nobody", "guess")
    assert len(checked) == 2 and checked[0] == checked[1]


def test_guessing_many_names_from_one_address_is_limited(app, admin):
    app.config["LOGIN_FAILURES_PER_ADDRESS"] = "4 per 15 minutes"
    for n in range(4):
        assert _answer(app.test_client(), f"user{n}", "guess") == WRONG
    assert _answer(app.test_client(), "someone-else", "guess") == LIMITED


def test_the_limits_live_in_the_configured_storage(app):
    limiter = app.extensions["attempt_limits"]
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    assert type(limiter.limiter.storage).__name__ == "MemoryStorage"
