"""CSRF protection with each phone's token checked once per worker.

A phone sends the same signed CSRF token with every one of its thirty answers.
Flask-WTF checks the token's signature (itsdangerous) on every post, which was
about a sixth of what an empty post cost the server. A token that passed once
with a given session is kept for a few minutes; the same token with the same
session then passes without its signature being checked again. Any other token,
or the same token with another session, is checked in full by Flask-WTF.

Tokens are only kept while they have no time limit of their own
(WTF_CSRF_TIME_LIMIT = None, this app's default: the token lives as long as the
session); with a time limit configured every post is checked in full.
"""

from __future__ import annotations

from flask import current_app, g, request, session
from flask_wtf.csrf import CSRFProtect, same_origin

from assessment.web.kept import Kept

#: how long a checked token is trusted without checking it again
TRUST_SECONDS = 300


class CheckedOnceCSRF(CSRFProtect):
    """Flask-WTF's CSRFProtect, remembering the (token, session token) pairs that passed."""

    def __init__(self, app=None):
        #: (signed token, session's raw token) pairs that passed
        self._passed = Kept()
        super().__init__(app)

    def protect(self, apply_exemptions=False):
        if apply_exemptions and (not request.endpoint or self._is_exempt()):
            return  # as Flask-WTF: exempt views and unrouted paths are not checked at all
        pair = self._pair()
        if pair is not None and self._passed.get(pair):
            self._check_referrer()
            g.csrf_valid = True
            return
        super().protect()
        if pair is not None and g.get("csrf_valid"):
            self._passed.keep(pair, True, TRUST_SECONDS)

    def _pair(self) -> tuple[str, str] | None:
        """The posted token and the session's, when this request is one that must carry both."""
        config = current_app.config
        if request.method not in config["WTF_CSRF_METHODS"]:
            return None
        if config["WTF_CSRF_TIME_LIMIT"] is not None:
            return None
        token = self._get_csrf_token()
        in_session = session.get(config["WTF_CSRF_FIELD_NAME"])
        if not isinstance(token, str) or not isinstance(in_session, str):
            return None
        return token, in_session

    def _check_referrer(self) -> None:
        """What Flask-WTF checks after the token under HTTPS: the post came from this host."""
        if not (request.is_secure and current_app.config["WTF_CSRF_SSL_STRICT"]):
            return
        if not request.referrer:
            self._error_response("The referrer header is missing.")
        if not same_origin(request.referrer, f"https://{request.host}/"):
            self._error_response("The referrer does not match the host.")
