"""Staff login and logout."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user

from assessment.auth.forms import LoginForm
from assessment.auth.operations import authenticate, is_locked
from assessment.web.redirects import safe_next

bp = Blueprint("auth", __name__, url_prefix="/staff")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            _start_new_session()
            login_user(user)
            return redirect(safe_next(request.args.get("next")) or url_for("events_views.home"))
        if is_locked(form.username.data):
            form.password.errors.append(_("Too many wrong passwords. Try again in 15 minutes."))
        else:
            form.password.errors.append(_("User name or password is wrong."))
    return render_template("auth/login.html", form=form)


def _start_new_session() -> None:
    """A fresh session at login, keeping only the language choice."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    session.clear()
    flash(_("You are logged out."))
    return redirect(url_for("auth.login"))
