"""Security on every response: headers, cookies, caching, request size, join limits, codes."""

from __future__ import annotations

import math
import re

from flask import g

from assessment import create_app
from assessment.auth.operations import create_user
from assessment.events.operations import CODE_ALPHABET, CODE_LENGTH, new_join_code
from tests.helpers import attempt_id_from, csrf_from, identify, make_event


def _phone(app):
    """A new test client; the CSRF token the fixture's shared app context cached is dropped."""
    g.pop("csrf_token", None)
    return app.test_client()


def _login(client, role="hr"):
    create_user(f"{role}1", role, "a-long-password")
    page = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"csrf_token": csrf_from(page), "username": f"{role}1",
                                      "password": "a-long-password"})


def test_every_page_has_the_security_headers(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_under_https(client):
    response = client.get("/", base_url="https://quiz.test")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_session_cookie_is_httponly_and_lax(client, bank_version):
    event = make_event(bank_version)
    client.get(f"/j/{event.code}")
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    assert not cookie.secure


def test_cookies_are_secure_when_served_over_https(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    for settings in ({"PUBLIC_URL": "https://quiz.example"}, {"PREFERRED_URL_SCHEME": "https"}):
        app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": url, **settings})
        assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_report_pages_and_exports_are_never_cached(client, bank_version):
    event = make_event(bank_version)
    _login(client)
    for path in (f"/staff/reports/{event.code}", f"/staff/reports/{event.code}/workbook.xlsx"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path


def test_participant_pages_are_never_cached(client, bank_version):
    event = make_event(bank_version)
    assert client.get(f"/j/{event.code}").headers["Cache-Control"] == "no-store"


def test_too_large_request_is_refused_with_413(app, client):
    body = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/", data=body, content_type="application/octet-stream")
    assert response.status_code == 413


def test_join_codes_have_at_least_20_bits_and_vary():
    assert CODE_LENGTH * math.log2(len(CODE_ALPHABET)) >= 20
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_generated_join_codes_do_not_repeat(app):
    codes = {new_join_code() for _ in range(200)}
    shape = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
    assert len(codes) == 200 and all(shape.fullmatch(code) for code in codes)


def _guess_code(client, code):
    page = client.get("/").get_data(as_text=True)
    return client.post("/", data={"csrf_token": csrf_from(page), "code": code})


def test_wrong_code_guesses_are_limited_per_phone(app, client, bank_version):
    app.config["CODE_GUESSES_PER_DEVICE"] = "3 per 10 minutes"
    event = make_event(bank_version)
    assert [_guess_code(client, "ZZZZZZ").status_code for _ in range(3)] == [200] * 3
    limited = _guess_code(client, "ZZZZZY")
    assert limited.status_code == 429 and limited.headers["Retry-After"]
    assert _guess_code(client, event.code).status_code == 429
    other_phone = _phone(app)
    assert _guess_code(other_phone, event.code).status_code == 302


def test_wrong_code_guesses_without_cookies_are_limited_per_address(app, bank_version):
    app.config["CODE_GUESSES_PER_ADDRESS"] = "4 per 10 minutes"
    statuses = []
    for _ in range(6):
        fresh = _phone(app)  # a new cookie jar each time, like a script
        statuses.append(_guess_code(fresh, "ZZZZZZ").status_code)
    assert statuses == [200, 200, 200, 200, 429, 429]


def test_identify_posts_are_limited_per_phone(app, client, bank_version):
    app.config["JOIN_LIMIT_PER_DEVICE"] = "2 per 5 minutes"
    event = make_event(bank_version)
    page = client.get(f"/j/{event.code}").get_data(as_text=True)
    posts = [client.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page), "name": ""})
             for _ in range(3)]
    assert [p.status_code for p in posts] == [200, 200, 429]


def test_a_room_of_honest_phones_is_not_limited(app, bank_version):
    event = make_event(bank_version)
    for i in range(30):
        response = identify(_phone(app), event, name=f"คนที่ {i}")
        assert response.status_code == 200 and "attempt_id" in response.get_data(as_text=True)


def test_forbidden_and_required_field_pages_are_in_thai(app, client, bank_version):
    from tests.helpers_staff import login

    login(client, "hr-forbidden", "hr")
    refused = client.get("/staff/banks/")
    assert refused.status_code == 403
    assert "บัญชีของคุณเปิดหน้านี้ไม่ได้" in refused.get_data(as_text=True)
    participant = app.test_client()
    page = participant.get("/").get_data(as_text=True)
    from tests.helpers import csrf_from

    empty = participant.post("/", data={"code": "", "csrf_token": csrf_from(page)})
    html = empty.get_data(as_text=True)
    assert "กรุณาพิมพ์รหัสเข้าร่วมที่แสดงบนจอ" in html and "This field is required" not in html


def test_answer_key_template_and_autosave_are_never_cached(app, client, bank_version):
    from tests.helpers_staff import login

    event = make_event(bank_version)
    phone = _phone(app)
    quiz = identify(phone, event).get_data(as_text=True)
    question = bank_version.questions[0].question_key
    saved = phone.post(f"/j/{event.code}/save", data={
        "csrf_token": csrf_from(quiz), "attempt_id": attempt_id_from(quiz),
        "question": question, "value": ["a"]})
    assert saved.status_code == 200 and saved.headers["Cache-Control"] == "no-store"
    login(client, "admin-cache", "admin")
    for path in (f"/staff/banks/{bank_version.bank_key}/v{bank_version.version}/source.yaml",
                 f"/staff/events/{event.code}/paper/template.csv"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path


def test_static_files_may_be_cached(client):
    response = client.get("/static/css/app.css")
    response.close()  # a static file is sent from an open file
    assert response.status_code == 200 and "no-store" not in response.headers.get(
        "Cache-Control", "")
