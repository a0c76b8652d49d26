"""Attempt limits for joining: a whole room shares one IP, so limits are per phone and per code.

Each phone carries a random device id in its session cookie. Counted in a sliding window:
- identify posts (POST /j/<code>) per device: someone retyping is fine, a script is not;
- failed identifications per join code: guessing employee IDs on a roster, cookie or not;
- wrong join codes typed on the home page per device, and per IP address for clients that
  drop their cookie (a room of honest typos stays far below it).
The windows live in each worker's memory: with N workers a client may get up to N times
the limit, and a restart forgets them. That is enough to make guessing slow (a join code has
about 30 bits); it is not an accounting system.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque

from flask import Flask, current_app, render_template, request, session
from flask_babel import gettext as _

#: (attempts, seconds) unless the config overrides them
DEFAULT_LIMITS = {
    "JOIN_LIMIT_PER_DEVICE": (20, 300),
    "JOIN_FAILURES_PER_CODE": (100, 300),
    "CODE_GUESSES_PER_DEVICE": (10, 600),
    "CODE_GUESSES_PER_ADDRESS": (200, 600),
}


class SlidingWindow:
    """How many times each key was hit in the last `seconds`; thread-safe."""

    def __init__(self):
        self._hits: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def count(self, key: str, seconds: float, now: float | None = None) -> int:
        """Hits of `key` within the window, forgetting older ones."""
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.get(key)
            if not hits:
                return 0
            while hits and hits[0] <= now - seconds:
                hits.popleft()
            if not hits:
                del self._hits[key]
                return 0
            return len(hits)

    def hit(self, key: str, now: float | None = None) -> None:
        """Count one more for `key`."""
        with self._lock:
            self._hits[key].append(time.monotonic() if now is None else now)

    def clear(self) -> None:
        with self._lock:
            self._hits.clear()


def device_id() -> str:
    """This phone's random id, kept in its session cookie."""
    if "device" not in session:
        session["device"] = secrets.token_urlsafe(12)
    return session["device"]


def _limit(name: str) -> tuple[int, int]:
    return current_app.config.get(name) or DEFAULT_LIMITS[name]


def _over(window: SlidingWindow, name: str, key: str) -> bool:
    attempts, seconds = _limit(name)
    return window.count(f"{name}:{key}", seconds) >= attempts


def _join_code() -> str:
    from assessment.events.operations import normalise_code

    return normalise_code((request.view_args or {}).get("code", ""))


def _too_many(message: str):
    response = current_app.make_response(
        (render_template("error.html", message=message), 429))
    response.headers["Retry-After"] = "60"
    return response


def install_join_limits(app: Flask) -> None:
    """Check the limits before the join views run and count the outcome after."""
    window = SlidingWindow()
    app.extensions["join_limits"] = window

    @app.before_request
    def _check():
        if request.method != "POST" or request.endpoint not in ("quizzes.join", "quizzes.home"):
            return None
        device = device_id()
        if request.endpoint == "quizzes.join":
            if _over(window, "JOIN_FAILURES_PER_CODE", _join_code()):
                return _too_many(_("Too many wrong tries for this seminar. Wait a few minutes, "
                                   "or ask the trainer."))
            if _over(window, "JOIN_LIMIT_PER_DEVICE", device):
                return _too_many(_("Too many tries from this phone. Wait a few minutes and try "
                                   "again."))
            window.hit(f"JOIN_LIMIT_PER_DEVICE:{device}")
        elif (_over(window, "CODE_GUESSES_PER_DEVICE", device)
              or _over(window, "CODE_GUESSES_PER_ADDRESS", request.remote_addr or "")):
            return _too_many(_("Too many tries from this phone. Wait a few minutes and try "
                               "again."))
        return None

    @app.after_request
    def _count(response):
        # the join views answer a success with a redirect and a refusal with the form again
        if request.method != "POST" or response.status_code != 200:
            return response
        if request.endpoint == "quizzes.join":
            window.hit(f"JOIN_FAILURES_PER_CODE:{_join_code()}")
        elif request.endpoint == "quizzes.home":
            window.hit(f"CODE_GUESSES_PER_DEVICE:{device_id()}")
            window.hit(f"CODE_GUESSES_PER_ADDRESS:{request.remote_addr or ''}")
        return response
