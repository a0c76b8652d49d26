"""Session cookies checked once per worker: a changed cookie is still refused, and what one
request does to its session never reaches the copy kept for the next."""

from __future__ import annotations

from flask import session
from flask.sessions import SecureCookieSessionInterface

from assessment.web import sessions
from tests.helpers import identify, make_event


def _session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_cookie_is_verified_once_and_again_after_the_trust_window(app, client, bank_version,
                                                                    monkeypatch):
    event = make_event(bank_version)
    identify(client, event)
    verified = []
    signed_check = SecureCookieSessionInterface.open_session

    def counted(interface, flask_app, request):
        verified.append(request.path)
        return signed_check(interface, flask_app, request)

    monkeypatch.setattr(SecureCookieSessionInterface, "open_session", counted)
    app.session_interface._checked.clear()
    for _ in range(3):
        assert client.get(f"/j/{event.code}/quiz").status_code == 200
    assert len(verified) == 1  # the same cookie three times: its signature checked once
    monkeypatch.setattr(sessions, "TRUST_SECONDS", -1)  # kept cookies are never trusted
    app.session_interface._checked.clear()
    for _ in range(2):
        assert client.get(f"/j/{event.code}/quiz").status_code == 200
    assert len(verified) == 3


def test_a_changed_cookie_is_refused_after_the_real_one_was_kept(app, client, bank_version):
    event = make_event(bank_version)
    identify(client, event)
    real = _session_cookie(client)
    assert client.get(f"/j/{event.code}/quiz").status_code == 200  # the real cookie is kept now
    forged = real[:-2] + ("AA" if real[-2:] != "AA" else "BB")
    client.set_cookie("session", forged)
    answer = client.get(f"/j/{event.code}/quiz")
    assert answer.status_code == 302 and answer.location.endswith(f"/j/{event.code}")
    client.set_cookie("session", real)
    assert client.get(f"/j/{event.code}/quiz").status_code == 200


def _cookie_holding(app, data: dict) -> str:
    with app.test_request_context("/"):
        session.update(data)
        response = app.response_class()
        app.session_interface.save_session(app, session, response)
    return response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]


def _opened(app, cookie: str):
    with app.test_request_context("/", headers={"Cookie": f"session={cookie}"}) as context:
        return app.session_interface.open_session(app, context.request)


def test_what_a_request_changes_stays_out_of_the_kept_session(app):
    cookie = _cookie_holding(app, {"participant:1": 7, "_flashes": [("message", "one")]})
    first = _opened(app, cookie)  # checked and kept
    first["participant:1"] = 8
    first["_flashes"].append(("message", "two"))
    again = _opened(app, cookie)  # from what was kept
    assert dict(again) == {"participant:1": 7, "_flashes": [("message", "one")]}
