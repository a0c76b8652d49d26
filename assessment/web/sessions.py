"""Flask's signed-cookie sessions, with each distinct cookie checked once per worker.

A phone sends the same session cookie with every one of its thirty answers.
Checking the cookie's signature and decoding it (itsdangerous) was a good part
of what an answer cost the server. A cookie that was checked once is kept,
with what it held, for a few minutes; the same cookie then opens a copy of that
without being checked again. A changed or forged cookie is a different string,
so it is checked as before; the cookie's age limit still holds, give or take
those minutes.
"""

from __future__ import annotations

import copy

from flask.sessions import SecureCookieSessionInterface

from assessment.web.kept import Kept

#: how long a checked cookie is trusted without checking it again
TRUST_SECONDS = 300


class CheckedOnceSessions(SecureCookieSessionInterface):
    """Signed-cookie sessions whose cookies are verified once per worker and then reused."""

    def __init__(self) -> None:
        #: cookie value -> the data it held
        self._checked = Kept()

    def open_session(self, app, request):
        value = request.cookies.get(self.get_cookie_name(app))
        known = self._checked.get(value) if value else None
        if known is not None:
            return self.session_class(_copy(known))
        session = super().open_session(app, request)
        if value and session:  # verified and not empty (a bad signature opens an empty one)
            self._checked.keep(value, _copy(dict(session)), TRUST_SECONDS)
        return session


def _copy(data: dict) -> dict:
    """A copy the request may change (flashed messages are a list) without touching the kept one."""
    if all(isinstance(v, str | int | float | bool | None) for v in data.values()):
        return dict(data)
    return copy.deepcopy(data)
