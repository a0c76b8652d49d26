"""CSRF (Flask-WTF's CSRFProtect): a phone's token passes with its own session every time; a
changed token, or the token from another phone, is refused; under HTTPS the post must come
from this site. A forged session cookie opens no one's attempt."""

from __future__ import annotations

from tests.helpers import attempt_id_from, csrf_from, identify, make_event


def _phone(client, event, name="สมชาย ใจดี") -> tuple[str, int]:
    page = identify(client, event, name=name).get_data(as_text=True)
    return csrf_from(page), attempt_id_from(page)


def _save(client, event, token: str, attempt_id: int, question: str = "q01"):
    return client.post(f"/j/{event.code}/save", data={
        "csrf_token": token, "attempt_id": attempt_id, "question": question, "value": "a"})


def test_a_changed_token_is_refused_and_the_real_one_still_passes(app, client, bank_version):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    assert _save(client, event, token, attempt_id).status_code == 200
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert _save(client, event, forged, attempt_id).status_code == 400
    assert _save(client, event, "", attempt_id).status_code == 400
    assert _save(client, event, token, attempt_id).status_code == 200


def test_a_token_does_not_pass_with_another_phones_session(app, bank_version):
    event = make_event(bank_version)
    mine, theirs = app.test_client(), app.test_client()
    token, attempt_id = _phone(mine, event)
    assert _save(mine, event, token, attempt_id).status_code == 200  # kept now
    _phone(theirs, event, name="สมหญิง รักเรียน")
    assert _save(theirs, event, token, attempt_id).status_code == 400  # their session's differs


def test_under_https_a_token_needs_this_sites_referrer(app, client, bank_version):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    page = f"https://localhost/j/{event.code}/quiz"

    def save(referrer: str | None):
        return client.post(f"/j/{event.code}/save", base_url="https://localhost",
                           headers={"Referer": referrer} if referrer else {},
                           data={"csrf_token": token, "attempt_id": attempt_id,
                                 "question": "q01", "value": "a"})

    assert save(page).status_code == 200
    assert save(page).status_code == 200
    assert save(None).status_code == 400
    assert save("https://elsewhere.example/j/").status_code == 400
    assert save(page).status_code == 200


def test_an_unknown_address_is_not_found_whatever_the_token(app, client, bank_version):
    event = make_event(bank_version)
    token, attempt_id = _phone(client, event)
    assert _save(client, event, token, attempt_id).status_code == 200
    answer = client.post("/no-such-page", base_url="https://localhost",
                         data={"csrf_token": token})
    assert answer.status_code == 404


def test_a_changed_session_cookie_opens_no_attempt(client, bank_version):
    event = make_event(bank_version)
    identify(client, event)
    real = client.get_cookie("session").value
    assert client.get(f"/j/{event.code}/quiz").status_code == 200
    client.set_cookie("session", real[:-2] + ("AA" if real[-2:] != "AA" else "BB"))
    answer = client.get(f"/j/{event.code}/quiz")
    assert answer.status_code == 302 and answer.location.endswith(f"/j/{event.code}")
    client.set_cookie("session", real)
    assert client.get(f"/j/{event.code}/quiz").status_code == 200
