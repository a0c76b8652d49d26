"""Pages every visitor can reach that belong to no feature: health check and error pages."""

from flask import Blueprint, current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from assessment import database
from assessment.extensions import db

bp = Blueprint("web", __name__)


@bp.route("/healthz")
def health():
    """For monitoring and a proxy's checks: 200 when the database answers, has been
    migrated and takes a write; 503 otherwise, saying "read-only" when it answers but cannot
    store answers (the cause goes to the log, not to whoever asked)."""
    try:
        db.session.execute(text("SELECT version_num FROM alembic_version")).one()
    except SQLAlchemyError as error:
        return _unhealthy("unreachable", error)
    with database.writing(db.session):  # a GET: the check's write must say it writes
        try:
            # a write that changes nothing, rolled back: a read-only file or server refuses it
            db.session.execute(text("UPDATE alembic_version SET version_num = version_num"))
        except SQLAlchemyError as error:
            return _unhealthy("read-only", error)
        finally:
            db.session.rollback()
    return {"ok": True, "database": "ok"}, 200, {"Cache-Control": "no-store"}


def _unhealthy(state: str, error: Exception):
    """A 503 naming the state, and one log line each time (not a traceback per poll)."""
    current_app.logger.warning("health check: the database is %s: %s", state,
                               str(error).splitlines()[0])
    return {"ok": False, "database": state}, 503


@bp.app_errorhandler(404)
def not_found(_error):
    return render_template("error.html", message=_("This page does not exist. Check the code or "
                                                   "the link.")), 404


@bp.app_errorhandler(405)
def wrong_method(error):
    if request.path.startswith("/staff/"):
        from assessment.events.views import staff_wrong_method

        return staff_wrong_method(error)
    page = render_template("error.html", message=_("This page cannot be opened this way. Go "
                                                   "back and use the page's own buttons."))
    return page, 405, {"Allow": ", ".join(error.valid_methods or ())}


@bp.app_errorhandler(CSRFError)
def csrf_failed(_error):
    return render_template("error.html", message=_("This page was open too long or in another "
                                                   "browser. Go back, reload it and try again; "
                                                   "saved answers are kept.")), 400


@bp.app_errorhandler(413)
def too_large(_error):
    return render_template("error.html", message=_("What you sent is too large.")), 413


@bp.app_errorhandler(403)
def forbidden(_error):
    return render_template("error.html", message=_("Your account cannot open this page. Ask an "
                                                   "administrator if you need it.")), 403


@bp.app_errorhandler(500)
def server_error(_error):
    """Anything the server failed at (its database gone, say): a plain page in the reader's
    language instead of the framework's English one. Flask has logged the error already."""
    return render_template("error.html", message=_(
        "Something went wrong on the server. Answers you saved are kept: wait a moment, then "
        "try again.")), 500
