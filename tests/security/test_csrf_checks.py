"""CSRF tokens checked once per worker: the same token with the same session passes without
its signature being checked again; any other token, or the same token from another phone,
is checked in full and refused."""

from __future__ import annotations

import flask_wtf.csrf

from assessment.web import csrf_checks
from tests.helpers import attempt_id_from, csrf_from, identify, make_event


def _phone(client, event, name="สมชาย ใจดี") -> tuple[str, int]:
    page = identify(client, event, name=name).get_data(as_text=True)
    return csrf_from(page), attempt_id_from(page)


def _save(client, event, token: str, attempt_id: int, question: str = "q01"):
    return client.post(f"/j/{event.code}/save", data={
        "csrf_token": token, "attempt_id": attempt_id, "question": question, "value": "a"})


def _counting_signature_checks(monkeypatch) -> list[str]:
    checked = []
    real = flask_wtf.csrf.validate_csrf

    def counted(data, *args, **kwargs):
        checked.append(data)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(flask_wtf.csrf, "validate_csrf", counted)
    return checked


def test_a_token_is_checked_once_and_again_after_the_trust_window(app, client, bank_version,
                                                                  monkeypatch):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    checked = _counting_signature_checks(monkeypatch)
    app.extensions["csrf"]._passed.clear()
    for question in ("q01", "q02", "q03"):
        assert _save(client, event, token, attempt_id, question).get_json()["saved"] is True
    assert checked == [token]
    monkeypatch.setattr(csrf_checks, "TRUST_SECONDS", -1)  # kept tokens are never trusted
    app.extensions["csrf"]._passed.clear()
    for question in ("q04", "q05"):
        assert _save(client, event, token, attempt_id, question).get_json()["saved"] is True
    assert checked == [token] * 3


def test_a_changed_token_is_refused_after_the_real_one_was_kept(app, client, bank_version):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    assert _save(client, event, token, attempt_id).status_code == 200  # kept now
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert _save(client, event, forged, attempt_id).status_code == 400
    assert _save(client, event, "", attempt_id).status_code == 400
    assert _save(client, event, token, attempt_id).status_code == 200


def test_a_kept_token_does_not_pass_with_another_phones_session(app, bank_version):
    event = make_event(bank_version)
    mine, theirs = app.test_client(), app.test_client()
    token, attempt_id = _phone(mine, event)
    assert _save(mine, event, token, attempt_id).status_code == 200  # kept now
    _phone(theirs, event, name="สมหญิง รักเรียน")
    assert _save(theirs, event, token, attempt_id).status_code == 400  # their session's differs


def test_with_a_time_limit_every_post_is_checked(app, client, bank_version, monkeypatch):
    app.config["WTF_CSRF_TIME_LIMIT"] = 3600
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    checked = _counting_signature_checks(monkeypatch)
    for question in ("q01", "q02"):
        assert _save(client, event, token, attempt_id, question).status_code == 200
    assert checked == [token, token]


def test_under_https_a_kept_token_still_needs_this_sites_referrer(app, client, bank_version):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    page = f"https://localhost/j/{event.code}/quiz"

    def save(referrer: str | None):
        return client.post(f"/j/{event.code}/save", base_url="https://localhost",
                           headers={"Referer": referrer} if referrer else {},
                           data={"csrf_token": token, "attempt_id": attempt_id,
                                 "question": "q01", "value": "a"})

    assert save(page).status_code == 200  # checked in full, then kept
    assert save(page).status_code == 200  # kept
    assert save(None).status_code == 400
    assert save("https://elsewhere.example/j/").status_code == 400
    assert save(page).status_code == 200


def test_an_unknown_address_is_not_found_whatever_the_token(app, client, bank_version):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    assert _save(client, event, token, attempt_id).status_code == 200  # kept now
    answer = client.post("/no-such-page", base_url="https://localhost",
                         data={"csrf_token": token})
    assert answer.status_code == 404
