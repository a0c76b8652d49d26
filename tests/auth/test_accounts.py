"""`flask users create`: a real password or a plain refusal."""

from __future__ import annotations

import pytest

from assessment.auth.operations import find_user


def _create(runner, username, password):
    return runner.invoke(args=["users", "create", username, "--role", "trainer"],
                         input=f"{password}\n{password}\n")


@pytest.mark.parametrize(("password", "why"), [
    (" " * 10, "at least 10 characters other than spaces"),
    ("short", "at least 10 characters"),
    ("1234567890", "too easy to guess"),
    ("password123", "too easy to guess"),
    ("qwertyuiop", "too easy to guess"),
    ("aaaaaaaaaaaa", "too easy to guess"),
    ("Somchai2024!", "too easy to guess"),
])
def test_weak_passwords_are_refused_with_the_reason(runner, password, why):
    result = _create(runner, "somchai", password)
    assert result.exit_code == 1
    assert why in result.output
    assert find_user("somchai") is None


def test_a_real_password_creates_the_account(runner):
    result = _create(runner, "somchai", "lantern-mango-river-7")
    assert result.exit_code == 0, result.output
    assert find_user("somchai").role == "trainer"


def test_a_generated_password_passes_the_rule(runner):
    result = runner.invoke(args=["users", "create", "hr1", "--role", "hr", "--generate"])
    assert result.exit_code == 0, result.output
    assert "password (shown only now)" in result.output
