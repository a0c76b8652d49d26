"""Staff login and logout.

Wrong passwords are counted per user name and per address (assessment/web/limits.py).
Past the limit a login is refused without checking the password, for a real name and an
unknown one alike, unless the browser logged in to that account before: it carries a
signed cookie naming the account, so a stranger's wrong passwords never lock the owner out.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from itsdangerous import BadSignature, URLSafeSerializer

from assessment.auth.forms import LoginForm
from assessment.auth.operations import authenticate, end_sessions
from assessment.web.limits import address, count, is_over
from assessment.web.redirects import safe_next

bp = Blueprint("auth", __name__, url_prefix="/staff")

#: the cookie that marks a browser as one an account logged in from
KNOWN_BROWSER_COOKIE = "staff_browser"
KNOWN_BROWSER_DAYS = 365


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data.strip().lower()
        if _guessing_limited(username) and not _known_browser(username):
            form.password.errors.append(_(
                "Too many wrong passwords for this user name or from this network. Wait 15 "
                "minutes, or log in from a browser you have used for this account before."))
            return render_template("auth/login.html", form=form)
        user = authenticate(username, form.password.data)
        if user is not None:
            _start_new_session()
            login_user(user)
            response = redirect(safe_next(request.args.get("next"))
                                or url_for("events_views.home"))
            _remember_browser(response, username)
            return response
        count("LOGIN_FAILURES_PER_ACCOUNT", username)
        count("LOGIN_FAILURES_PER_ADDRESS", address())
        form.password.errors.append(_("User name or password is wrong."))
    return render_template("auth/login.html", form=form)


def _guessing_limited(username: str) -> bool:
    return is_over("LOGIN_FAILURES_PER_ACCOUNT", username) or is_over(
        "LOGIN_FAILURES_PER_ADDRESS", address())


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="known-staff-browser")


def _known_browser(username: str) -> bool:
    """True when this browser logged in to the account before."""
    try:
        return _signer().loads(request.cookies.get(KNOWN_BROWSER_COOKIE, "")) == username
    except BadSignature:
        return False


def _remember_browser(response, username: str) -> None:
    response.set_cookie(KNOWN_BROWSER_COOKIE, _signer().dumps(username),
                        max_age=KNOWN_BROWSER_DAYS * 86400, httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))


def _start_new_session() -> None:
    """A fresh session at login, keeping only the language choice."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    end_sessions(current_user)  # a copy of this cookie, or another browser's, ends too
    logout_user()
    session.clear()
    flash(_("You are logged out."))
    return redirect(url_for("auth.login"))
