"""Joining: one person cannot stop a room from joining, and guessing codes or employee IDs
stays slow (issue 20, items 5 and 9)."""

from __future__ import annotations

import pytest
from flask import g

from assessment.extensions import db
from assessment.roster.models import RosterEntry
from tests.helpers import csrf_from, identify, make_event


def _phone(app, address="10.0.0.1"):
    """A new phone (its own cookies) on an address; a room shares one."""
    g.pop("csrf_token", None)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


@pytest.fixture
def roster_event(app, bank_version):
    event = make_event(bank_version)
    db.session.add(RosterEntry(event_id=event.id, employee_id="E001", name="สมชาย ใจดี",
                               department_code="x", level_code="y"))
    db.session.commit()
    return event


def _try_id(phone, event, employee_id) -> int:
    page = phone.get(f"/j/{event.code}").get_data(as_text=True)
    return phone.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page),
                                                "employee_id": employee_id}).status_code


def test_a_script_with_fresh_cookies_does_not_stop_the_room(app, roster_event):
    """The issue's attack: 101 bad identifications, a fresh cookie every 15, from outside
    the room; every honest phone still joins."""
    attacker = None
    for n in range(101):
        if n % 15 == 0:
            attacker = _phone(app, "203.0.113.9")
        _try_id(attacker, roster_event, f"X{n}")
    honest = _phone(app, "10.0.0.1")
    assert _try_id(honest, roster_event, "E001") == 302


def test_a_wrong_name_form_counts_nowhere(app, bank_version):
    app.config["ROSTER_MISSES_PER_ADDRESS"] = "2 per 5 minutes"
    app.config["ROSTER_MISSES_PER_CODE"] = "2 per 5 minutes"
    event = make_event(bank_version)  # no roster: people join by name
    for _ in range(5):
        phone = _phone(app)
        page = phone.get(f"/j/{event.code}").get_data(as_text=True)
        assert phone.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page),
                                                    "name": ""}).status_code == 200
    response = identify(_phone(app), event, name="สมหญิง รักเรียน")
    assert response.status_code == 200 and "attempt_id" in response.get_data(as_text=True)


def test_guessing_employee_ids_is_limited_per_address(app, roster_event):
    app.config["ROSTER_MISSES_PER_ADDRESS"] = "3 per 5 minutes"
    guesses = [_try_id(_phone(app, "203.0.113.9"), roster_event, f"X{n}") for n in range(4)]
    assert guesses == [200, 200, 200, 429]
    assert _try_id(_phone(app, "10.0.0.1"), roster_event, "E001") == 302  # another address


def test_guessing_employee_ids_from_many_addresses_is_limited_per_code(app, roster_event):
    app.config["ROSTER_MISSES_PER_CODE"] = "3 per 5 minutes"
    guesses = [_try_id(_phone(app, f"203.0.113.{n}"), roster_event, f"X{n}") for n in range(4)]
    assert guesses == [200, 200, 200, 429]


def test_right_employee_ids_are_not_counted(app, roster_event):
    app.config["ROSTER_MISSES_PER_CODE"] = "2 per 5 minutes"
    for _ in range(5):
        assert _try_id(_phone(app), roster_event, "E001") == 302


def test_opening_unknown_join_links_is_limited_like_typing_codes(app, bank_version):
    app.config["CODE_GUESSES_PER_DEVICE"] = "3 per 10 minutes"
    event = make_event(bank_version)
    phone = _phone(app)
    assert [phone.get(f"/j/ZZZZZ{n}").status_code for n in range(3)] == [404] * 3
    assert phone.get("/j/ZZZZZ9").status_code == 429
    assert phone.get(f"/j/{event.code}").status_code == 429  # an oracle no longer
    assert _phone(app).get(f"/j/{event.code}").status_code == 200


def test_unknown_join_links_from_one_address_are_limited(app, bank_version):
    app.config["CODE_GUESSES_PER_ADDRESS"] = "4 per 10 minutes"
    statuses = [_phone(app, "203.0.113.9").get(f"/j/ZZZZZ{n}").status_code for n in range(6)]
    assert statuses == [404] * 4 + [429] * 2
