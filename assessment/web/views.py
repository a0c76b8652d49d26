"""Pages every visitor can reach that belong to no feature: health check and error pages."""

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

bp = Blueprint("web", __name__)


@bp.route("/healthz")
def health():
    return {"ok": True}


@bp.app_errorhandler(404)
def not_found(_error):
    return render_template("error.html", message=_("This page does not exist. Check the code or "
                                                   "the link.")), 404


@bp.app_errorhandler(405)
def wrong_method(error):
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
