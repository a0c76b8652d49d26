"""Logging out, a new password or a disabled account ends every session of that account,
copies of the cookie included."""

from __future__ import annotations

from assessment.auth.operations import find_user, set_active, set_password
from tests.helpers import csrf_from
from tests.helpers_staff import login

REPORTS = "/staff/"


def _copy_of_cookie(app, client):
    """A second browser holding a copy of the client's session cookie (a stolen cookie)."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def _opens_staff_pages(client) -> bool:
    return client.get(REPORTS).status_code == 200


def test_logout_ends_a_copied_cookie(app, client):
    login(client, "trainer1", "trainer")
    thief = _copy_of_cookie(app, client)
    assert _opens_staff_pages(thief)
    page = client.get(REPORTS).get_data(as_text=True)
    client.post("/staff/logout", data={"csrf_token": csrf_from(page)})
    assert not _opens_staff_pages(thief)
    assert thief.get(REPORTS).status_code == 302  # to the login page


def test_logout_ends_the_accounts_other_browsers(app):
    laptop, phone = app.test_client(), app.test_client()
    login(laptop, "hr1", "hr")
    login(phone, "hr1", "hr")
    page = laptop.get(REPORTS).get_data(as_text=True)
    laptop.post("/staff/logout", data={"csrf_token": csrf_from(page)})
    assert not _opens_staff_pages(phone)


def test_a_new_password_ends_every_session(app, client):
    login(client, "trainer1", "trainer")
    set_password(find_user("trainer1"), "lantern-mango-river-7")
    assert not _opens_staff_pages(client)


def test_a_disabled_account_is_out_and_cannot_log_in(app, client, runner):
    login(client, "trainer1", "trainer")
    result = runner.invoke(args=["users", "disable", "trainer1"])
    assert result.exit_code == 0, result.output
    assert not _opens_staff_pages(client)
    again = app.test_client()
    page = again.get("/staff/login").get_data(as_text=True)
    refused = again.post("/staff/login", data={"csrf_token": csrf_from(page),
                                               "username": "trainer1",
                                               "password": "correct-horse-battery"})
    assert refused.status_code == 200 and not _opens_staff_pages(again)
    set_active(find_user("trainer1"), True)
    login(again, "trainer1", "trainer")
    assert _opens_staff_pages(again)


def test_users_password_refuses_a_weak_one_and_keeps_the_sessions(client, runner):
    login(client, "trainer1", "trainer")
    weak = runner.invoke(args=["users", "password", "trainer1"], input="1234567890\n1234567890\n")
    assert weak.exit_code == 1 and "too easy to guess" in weak.output
    assert _opens_staff_pages(client)
    strong = runner.invoke(args=["users", "password", "trainer1", "--generate"])
    assert strong.exit_code == 0 and "sessions have ended" in strong.output
    assert not _opens_staff_pages(client)
