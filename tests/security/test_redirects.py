"""`next=` only ever leads to a page of this site, however the browser would read it."""

from __future__ import annotations

import pytest

from assessment.auth.operations import create_user
from assessment.web.redirects import safe_next
from tests.helpers import csrf_from

#: each of these a browser reads as another site (tab and newline dropped, backslash as slash)
OFF_SITE = ["//evil.example", "/%09/evil.example", "/\t/evil.example", "/\\evil.example",
            "\\\\evil.example", "/\n/evil.example", " //evil.example", "https://evil.example/",
            "javascript:alert(1)", "/\r\n/evil.example", "\t//evil.example"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_off_site_targets_are_refused(target):
    from urllib.parse import unquote

    assert safe_next(unquote(target)) is None


@pytest.mark.parametrize("target", ["/", "/staff/events/", "/j/ABC234?x=1", "/a//b"])
def test_same_site_paths_are_kept(target):
    assert safe_next(target) == target


@pytest.mark.parametrize("target", ["/%09/evil.example", "/%5Cevil.example", "/%0A/evil.example"])
def test_language_switch_stays_on_this_site(client, target):
    response = client.get(f"/lang/en?next={target}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_language_switch_keeps_a_page_of_this_site(client):
    assert client.get("/lang/en?next=/staff/login").headers["Location"] == "/staff/login"


def test_login_does_not_follow_an_off_site_next(app, client):
    create_user("trainer1", "trainer", "a-long-password")
    page = client.get("/staff/login").get_data(as_text=True)
    response = client.post("/staff/login?next=/%09/evil.example", data={
        "csrf_token": csrf_from(page), "username": "trainer1", "password": "a-long-password"})
    assert response.status_code == 302
    assert "evil" not in response.headers["Location"]
    assert response.headers["Location"].startswith("/staff/")
