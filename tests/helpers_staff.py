"""Staff accounts for tests: create one and log a test client in as it."""

from __future__ import annotations

from flask import g

from assessment.auth.operations import create_user, find_user
from tests.helpers import csrf_from

PASSWORD = "correct-horse-battery"  # at least MIN_PASSWORD_LENGTH characters


def isolate_requests(app) -> None:
    """Forget the previous request's user and CSRF token at the start of each request.

    Tests run inside one app context, so `g` outlives a request: without this, a second
    test client would be served as the user (and with the CSRF token) of the first.
    Call it before the app serves its first request.
    """

    @app.before_request
    def _forget_the_previous_request():
        for name in ("_login_user", "csrf_token"):
            g.pop(name, None)


def login(client, username: str, role: str):
    """Create the account if needed and log the client in; returns the login response."""
    if find_user(username) is None:
        create_user(username, role, PASSWORD)
    g.pop("csrf_token", None)
    page = client.get("/staff/login").get_data(as_text=True)
    response = client.post("/staff/login?next=/staff/", data={
        "csrf_token": csrf_from(page), "username": username, "password": PASSWORD})
    assert response.status_code == 302, f"login as {username} failed"
    return response
