"""Staff roster pages: upload a file, preview every problem, then replace the roster."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessment.auth.access import roles_required
from assessment.events.guards import can_load_roster, can_see_roster, event_or_404
from assessment.i18n import current_language, translated
from assessment.organisation.lists import names
from assessment.roster.forms import ConfirmImportForm, UploadForm
from assessment.roster.operations import check_roster_file, replace_roster, roster_of
from assessment.roster.tables import UnreadableFile
from assessment.roster.uploads import decode_upload, encode_upload

bp = Blueprint("roster_views", __name__, url_prefix="/staff/events")


def _roster_event(code, loading: bool):
    """The event, if the user may see its roster (`loading`: load or replace it); else 403."""
    event = event_or_404(code)
    allowed = can_load_roster if loading else can_see_roster
    if not allowed(current_user, event):
        abort(403)
    return event


@bp.route("/<code>/roster", methods=["GET", "POST"])
@roles_required("trainer", "hr")
def roster_page(code):
    """The current roster and the upload form; a posted file is checked and previewed."""
    event = _roster_event(code, loading=request.method == "POST")
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        return _preview(event, upload.filename or "roster.csv", upload.read())
    return render_template("roster/index.html", event=event, form=form, entries=roster_of(event),
                           names=names(current_language()),
                           may_load=can_load_roster(current_user, event))


def _preview(event, filename, content):
    try:
        check = check_roster_file(filename, content)
    except UnreadableFile as error:
        flash(_("The file could not be read: %(reason)s", reason=translated(error.wording)))
        return redirect(url_for("roster_views.roster_page", code=event.code))
    confirm = ConfirmImportForm(data=encode_upload(filename, content))
    return render_template("roster/preview.html", event=event, check=check, filename=filename,
                           confirm=confirm, names=names(current_language()))


@bp.route("/<code>/roster/save", methods=["POST"])
@roles_required("trainer", "hr")
def save_roster(code):
    """Check the previewed file again and replace the roster only if it has no problems."""
    event = _roster_event(code, loading=True)
    form = ConfirmImportForm()
    content = decode_upload(form.content.data or "") if form.validate_on_submit() else None
    if content is None:
        abort(400)
    try:
        check = check_roster_file(form.filename.data, content)
    except UnreadableFile:
        abort(400)
    if not check.ok:
        return render_template("roster/preview.html", event=event, check=check,
                               filename=form.filename.data, confirm=form,
                               names=names(current_language()))
    count = replace_roster(event, check)
    flash(_("The roster now lists %(count)d people.", count=count))
    return redirect(url_for("roster_views.roster_page", code=event.code))
