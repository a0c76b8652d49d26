"""Paper answers: upload a file, preview every problem, then store it all or nothing."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from assessment.auth.access import roles_required
from assessment.events.forms import PHASE_LABELS
from assessment.events.guards import managed_event
from assessment.i18n import translated
from assessment.paper.operations import check_paper_file, ids_kept, import_paper, paper_rules
from assessment.paper.parsing import PERSON_COLUMNS
from assessment.roster.forms import ConfirmImportForm, UploadForm
from assessment.roster.tables import UnreadableFile
from assessment.roster.uploads import decode_upload, encode_upload

bp = Blueprint("paper_views", __name__, url_prefix="/staff/events")


@bp.route("/<code>/paper", methods=["GET", "POST"])
@roles_required("trainer")
def paper_page(code):
    """The upload form; a posted file is checked and previewed, nothing saved yet."""
    event = managed_event(code)
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        return _preview(event, upload.filename or "answers.csv", upload.read())
    return render_template("paper/index.html", event=event, form=form,
                           rules=paper_rules(event), columns=PERSON_COLUMNS)


def _preview(event, filename, content):
    try:
        check = check_paper_file(event, filename, content)
    except UnreadableFile as error:
        flash(_("The file could not be read: %(reason)s", reason=translated(error.wording)))
        return redirect(url_for("paper_views.paper_page", code=event.code))
    return _preview_page(event, check, filename,
                         ConfirmImportForm(data=encode_upload(filename, content)))


def _preview_page(event, check, filename, confirm):
    return render_template("paper/preview.html", event=event, check=check, filename=filename,
                           confirm=confirm, labels=PHASE_LABELS, ids_kept=ids_kept(check))


@bp.route("/<code>/paper/save", methods=["POST"])
@roles_required("trainer")
def save_paper(code):
    """Check the previewed file again and store it only if it has no problems."""
    event = managed_event(code)
    form = ConfirmImportForm()
    content = decode_upload(form.content.data or "") if form.validate_on_submit() else None
    if content is None:
        abort(400)
    try:
        check = check_paper_file(event, form.filename.data, content)
    except UnreadableFile:
        abort(400)
    if not check.ok:
        return _preview_page(event, check, form.filename.data, form)
    with_ids = ids_kept(check)
    count = import_paper(event, check)
    flash(_("%(count)d paper attempts were stored and scored.", count=count))
    if with_ids:
        flash(_("%(count)d of them gave an employee ID: the IDs are kept, and pre and post "
                "are paired by them.", count=with_ids))
    return redirect(url_for("events_views.event_page", code=event.code))


@bp.route("/<code>/paper/template.csv")
@roles_required("trainer")
def paper_template(code):
    """An empty CSV with this event's columns, to fill in from the paper sheets."""
    event = managed_event(code)
    columns = list(PERSON_COLUMNS) + [q.id for q in paper_rules(event).bank.questions]
    body = "\ufeff" + ",".join(columns) + "\r\n"
    return Response(body.encode("utf-8"), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=paper-{event.code}.csv"})
