"""Staff accounts for tests: create one and log a test client in as it."""

from __future__ import annotations

from assessment.auth.operations import create_user, find_user
from tests.helpers import csrf_from

PASSWORD = "correct-horse-battery"  # at least MIN_PASSWORD_LENGTH characters


def login(client, username: str, role: str):
    """Create the account if needed and log the client in; returns the login response."""
    if find_user(username) is None:
        create_user(username, role, PASSWORD)
    page = client.get("/staff/login").get_data(as_text=True)
    response = client.post("/staff/login?next=/staff/", data={
        "csrf_token": csrf_from(page), "username": username, "password": PASSWORD})
    assert response.status_code == 302, f"login as {username} failed"
    return response
