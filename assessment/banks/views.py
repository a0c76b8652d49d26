"""Trainer pages for question banks: the list, checking a file or pasted text, saving it as a
version, importing GIFT and Aiken files, previewing and downloading a stored version."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from assessment.auth.access import roles_required
from assessment.banks.aiken import aiken_to_bank
from assessment.banks.conversion import BankInfo
from assessment.banks.forms import ImportForm, PasteForm, SaveForm, UploadForm
from assessment.banks.gift import gift_to_bank
from assessment.banks.listing import bank_shelf, events_using
from assessment.banks.operations import (
    BankRefused,
    bank_of,
    find_version,
    latest_version_number,
    load_bank,
)
from assessment.banks.preview import TYPE_LABELS, question_previews
from assessment.banks.review import (
    clean_filename,
    decode_draft,
    encode_draft,
    source_lines,
    stored_text,
)
from assessment.banks.validation import check_bank_text
from assessment.database import outside_transaction
from assessment.extensions import db
from assessment.i18n import current_language

bp = Blueprint("banks_views", __name__, url_prefix="/staff/banks")

CONVERTERS = {"gift": gift_to_bank, "aiken": aiken_to_bank}


@bp.route("/")
@roles_required("trainer")
def index():
    """Every bank with its versions, question counts and the events that use them."""
    return render_template("banks/index.html", banks=bank_shelf())


@bp.route("/new")
@roles_required("trainer")
def new():
    """Upload a YAML file or paste its text; both are checked before anything is saved."""
    return _new_page()


@bp.route("/check/file", methods=["POST"])
@roles_required("trainer")
def check_file():
    form = UploadForm()
    if not form.validate_on_submit():
        return _new_page(upload=form)
    upload = form.file.data
    return _review(clean_filename(upload.filename), upload.read())


@bp.route("/check/text", methods=["POST"])
@roles_required("trainer")
def check_text():
    form = PasteForm()
    if not form.validate_on_submit():
        return _new_page(paste=form)
    return _review(clean_filename(form.filename.data), form.source.data)


@bp.route("/save", methods=["POST"])
@roles_required("trainer")
def save():
    """Check the previewed text again and store it as a new version."""
    form = SaveForm()
    text = decode_draft(form.content.data) if form.validate_on_submit() else None
    if text is None:
        abort(400)
    filename = clean_filename(form.filename.data)
    warned = outside_transaction(db.session, _checked_with_warnings, text, filename).warnings
    if warned and not form.despite_warnings.data:
        return _review(filename, text, unconfirmed=True)
    try:
        result = load_bank(text, filename)
    except BankRefused as refused:
        return _review(filename, text, refused)
    version = result.version
    if result.created:
        flash(_("Saved: %(bank)s version %(version)s, %(count)d questions.",
                bank=version.bank_key, version=version.version, count=len(version.questions)))
    else:
        flash(_("This exact bank is already loaded as %(bank)s version %(version)s; nothing "
                "changed.", bank=version.bank_key, version=version.version))
    return redirect(url_for("banks_views.version_page", bank_key=version.bank_key,
                            number=version.version))


@bp.route("/import", methods=["GET", "POST"])
@roles_required("trainer")
def import_page():
    """A Moodle GIFT or Aiken file, converted to YAML for the trainer to check and save."""
    form = ImportForm()
    if form.validate_on_submit():
        filename = clean_filename(form.file.data.filename)
        try:
            text = form.file.data.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.file.errors.append(_("The file is not UTF-8 text; save it as UTF-8."))
        else:
            info = BankInfo(form.bank_id.data, form.title.data.strip(), form.version.data,
                            form.language.data)
            conversion = outside_transaction(db.session, CONVERTERS[form.file_format.data],
                                             text, info, filename)
            paste = PasteForm(formdata=None, source=conversion.text,
                              filename=f"{info.id}.yaml")
            return _new_page(paste=paste, conversion=conversion, converted_from=filename)
    return render_template("banks/import.html", form=form)


@bp.route("/<bank_key>/v<int:number>")
@roles_required("trainer")
def version_page(bank_key, number):
    """A stored version as participants see it, with the answer key, in every language."""
    version = _stored(bank_key, number)
    bank = bank_of(version)
    warnings = check_bank_text(version.source, version.filename, warnings=True).warnings
    events = events_using(version)
    return render_template("banks/version.html", version=version, bank=bank,
                           previews=question_previews(bank), type_labels=TYPE_LABELS,
                           events=events, reviews=_item_reviews(events),
                           warning_lines=_lines_with(version.source, warnings))


def _item_reviews(events) -> list:
    """Each event's item review of this version: what to keep, fix or drop next time."""
    from assessment.reports.service import event_report  # pandas/scipy: load when needed

    return [(event, event_report(event, current_language()).report) for event in events]


@bp.route("/<bank_key>/v<int:number>/source.yaml")
@roles_required("trainer")
def download(bank_key, number):
    """The version's YAML exactly as it was saved."""
    version = _stored(bank_key, number)
    return Response(version.source.encode("utf-8"), content_type="text/yaml; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{version.bank_key}'
                                                    f'-v{version.version}.yaml"'})


def _stored(bank_key: str, number: int):
    version = find_version(bank_key, number)
    if version is None:
        abort(404)
    return version


def _new_page(upload=None, paste=None, **context):
    upload = UploadForm(formdata=None) if upload is None else upload
    paste = PasteForm(formdata=None) if paste is None else paste
    return render_template("banks/new.html", upload=upload, paste=paste, **context)


def _review(filename: str, data: str | bytes, refused: BankRefused | None = None,
            unconfirmed: bool = False):
    """The checked bank's preview, item-writing warnings and save button, or its problems
    beside its lines. `unconfirmed`: saved with warnings but without ticking the box."""
    text = stored_text(data)
    check = outside_transaction(db.session, _checked_with_warnings, data, filename)
    if check.ok and refused is None:
        save_form = SaveForm(formdata=None, filename=filename, content=encode_draft(text))
        if unconfirmed:
            save_form.despite_warnings.errors = [
                _("Read the warnings, then tick the box to save this version as it is.")]
        return render_template("banks/checked.html", bank=check.bank, filename=filename,
                               previews=question_previews(check.bank), type_labels=TYPE_LABELS,
                               save_form=save_form, edit=_paste_form(filename, text),
                               warnings=check.warnings,
                               warning_lines=_lines_with(text, check.warnings))
    next_version = latest_version_number(check.bank.id) + 1 if check.ok else None
    return _new_page(paste=_paste_form(filename, text), problems=check.problems,
                     lines=source_lines(text, check.problems), filename=filename,
                     refused=refused, bank=check.bank, next_version=next_version)


def _checked_with_warnings(data: str | bytes, filename: str):
    """The bank checked, item-writing warnings included."""
    return check_bank_text(data, filename, warnings=True)


def _lines_with(text: str, warnings) -> list:
    """The lines of the text that have warnings, each with its warnings."""
    return [line for line in source_lines(text, warnings) if line.problems]


def _paste_form(filename: str, text: str) -> PasteForm:
    return PasteForm(formdata=None, source=text, filename=filename)
