"""Attempt limits: guessing join codes, employee IDs and staff passwords is slow, and no one
can lock out a room or an account by failing on purpose.

A whole room shares one address, so nothing honest people do together may reach a limit:
- identify posts (POST /j/<code>) per phone: someone retyping is fine, a script is not;
- employee IDs not on a seminar's roster (what guessing looks like) per address and per
  join code; a wrong name or an empty field counts nowhere;
- unknown join codes, typed on the home page or opened as /j/<code>, per phone and per
  address;
- wrong staff passwords per user name (real or not, so a limit tells no names apart) and
  per address; a browser that logged in to the account before passes (see auth/views.py).

Every count lives in Flask-Limiter's storage (RATELIMIT_STORAGE_URI: memory:// in one
process, redis://... for several servers), never in a worker's own memory. Each limit is
a Flask-Limiter rate string, and an installation may set its own under the same name.
"""

from __future__ import annotations

import secrets

from flask import Flask, current_app, render_template, request, session
from flask_babel import gettext as _
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse

DEFAULT_LIMITS = {
    "JOIN_LIMIT_PER_DEVICE": "20 per 5 minutes",
    "ROSTER_MISSES_PER_ADDRESS": "100 per 5 minutes",
    "ROSTER_MISSES_PER_CODE": "300 per 5 minutes",
    "CODE_GUESSES_PER_DEVICE": "10 per 10 minutes",
    "CODE_GUESSES_PER_ADDRESS": "200 per 10 minutes",
    "LOGIN_FAILURES_PER_ACCOUNT": "5 per 15 minutes",
    "LOGIN_FAILURES_PER_ADDRESS": "30 per 15 minutes",
}


def device_id() -> str:
    """This phone's random id, kept in its session cookie."""
    if "device" not in session:
        session["device"] = secrets.token_urlsafe(12)
    return session["device"]


def address() -> str:
    """The client's address, as the proxy settings let Flask see it."""
    return get_remote_address() or ""


def is_over(name: str, key: str) -> bool:
    """True when `key` (a phone, an address, a code, a user name) has used up limit `name`."""
    return not _storage().test(_rule(name), name, key)


def count(name: str, key: str) -> None:
    """One more against limit `name` for `key`."""
    _storage().hit(_rule(name), name, key)


def _rule(name: str):
    return parse(current_app.config.get(name) or DEFAULT_LIMITS[name])


def _storage():
    return current_app.extensions["attempt_limits"].limiter


def count_roster_miss(code: str) -> None:
    """An employee ID that is not on the seminar's roster: the shape of guessing."""
    count("ROSTER_MISSES_PER_ADDRESS", address())
    count("ROSTER_MISSES_PER_CODE", code)


def _join_code() -> str:
    from assessment.events.operations import normalise_code

    return normalise_code((request.view_args or {}).get("code", ""))


def _too_many(message: str):
    response = current_app.make_response(
        (render_template("error.html", message=message), 429))
    response.headers["Retry-After"] = "60"
    return response


def install_attempt_limits(app: Flask) -> None:
    """Flask-Limiter on the app's storage; the join views' limits are checked before they
    run and unknown codes are counted after."""
    app.extensions["attempt_limits"] = Limiter(get_remote_address, app=app)

    @app.before_request
    def _check():
        if request.endpoint == "quizzes.join" and request.method == "POST":
            return _check_identify()
        if (request.endpoint == "quizzes.home" and request.method == "POST") or (
                request.endpoint == "quizzes.join"):
            if is_over("CODE_GUESSES_PER_DEVICE", device_id()) or is_over(
                    "CODE_GUESSES_PER_ADDRESS", address()):
                return _too_many(_("Too many tries from this phone. Wait a few minutes and "
                                   "try again."))
        return None

    @app.after_request
    def _count_unknown_codes(response):
        # the home page answers a known code with a redirect and an unknown one with the form
        # again; /j/<code> answers an unknown code with 404
        unknown = (request.endpoint == "quizzes.home" and request.method == "POST"
                   and response.status_code == 200) or (
            request.endpoint == "quizzes.join" and response.status_code == 404)
        if unknown:
            count("CODE_GUESSES_PER_DEVICE", device_id())
            count("CODE_GUESSES_PER_ADDRESS", address())
        return response


def _check_identify():
    if is_over("CODE_GUESSES_PER_DEVICE", device_id()):
        return _too_many(_("Too many tries from this phone. Wait a few minutes and try again."))
    if is_over("JOIN_LIMIT_PER_DEVICE", device_id()):
        return _too_many(_("Too many tries from this phone. Wait a few minutes and try again."))
    if is_over("ROSTER_MISSES_PER_ADDRESS", address()) or is_over(
            "ROSTER_MISSES_PER_CODE", _join_code()):
        return _too_many(_("Too many wrong tries for this seminar. Wait a few minutes, or ask "
                           "the trainer."))
    count("JOIN_LIMIT_PER_DEVICE", device_id())
    return None
