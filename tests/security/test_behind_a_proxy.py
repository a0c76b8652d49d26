"""Behind nginx (ASSESSMENT_PROXY_HOPS=1) the app sees the phone's address and HTTPS from
the proxy's X-Forwarded-* headers; without proxies those headers are not believed."""

from __future__ import annotations

import pytest
from flask import request
from flask_migrate import upgrade

from assessment import create_app
from tests.helpers import csrf_from

FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https",
             "X-Forwarded-Host": "quiz.city.example"}


@pytest.fixture
def served(tmp_path):
    def make(hops: int):
        app = create_app({"TESTING": True, "SECRET_KEY": "test", "PROXY_HOPS": hops,
                          "DATABASE_URL": f"sqlite:///{tmp_path / 'proxy.sqlite'}"})
        app.add_url_rule("/whoami", "whoami",
                         lambda: f"{request.remote_addr} {request.scheme} {request.host}")
        with app.app_context():
            upgrade(directory=app.extensions["migrate"].directory)
        return app
    return make


def test_behind_one_proxy_the_phones_address_and_https_are_taken_from_it(served):
    client = served(1).test_client()
    response = client.get("/whoami", headers=FORWARDED)
    assert response.get_data(as_text=True) == "203.0.113.7 https quiz.city.example"
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_without_proxies_forwarded_headers_are_ignored(served):
    client = served(0).test_client()
    response = client.get("/whoami", headers=FORWARDED)
    assert response.get_data(as_text=True) == "127.0.0.1 http localhost"
    assert "Strict-Transport-Security" not in response.headers


def test_behind_a_proxy_under_https_a_post_from_another_site_is_refused(served):
    app = served(1)
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    token = csrf_from(client.get("/staff/login", headers=FORWARDED).get_data(as_text=True))
    form = {"csrf_token": token, "username": "nobody", "password": "wrong-password"}
    foreign = client.post("/staff/login", data=form, headers={
        **FORWARDED, "Referer": "https://evil.example/staff/login"})
    assert foreign.status_code == 400
    own = client.post("/staff/login", data=form, headers={
        **FORWARDED, "Referer": "https://quiz.city.example/staff/login"})
    assert own.status_code == 200
