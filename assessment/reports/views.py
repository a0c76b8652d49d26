"""HR's report pages: the event report, the workbook and each chart to download."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user

from assessment.auth.access import can_view_reports, roles_required, sees_names
from assessment.events.operations import find_event
from assessment.i18n import current_language
from assessment.privacy.audit import record
from assessment.privacy.operations import pseudonym_key
from assessment.reports.excel.identities import Identities
from assessment.reports.service import Filters, cached_charts, event_report, workbook

bp = Blueprint("reports", __name__, url_prefix="/staff/reports")

CHART_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _event_for_reader(code):
    event = find_event(code)
    if event is None:
        abort(404)
    if not can_view_reports(current_user, event):
        abort(403)
    return event


def _filters() -> Filters:
    return Filters(level=request.args.get("level", ""),
                   department=request.args.get("department", ""))


def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/<code>")
@roles_required("hr", "trainer")
def event_report_page(code):
    event = _event_for_reader(code)
    record(current_user, "view_report", event, request.full_path)
    filters = _filters()
    built = event_report(event, current_language(), filters)
    everyone = event_report(event, current_language()) if filters.active else built
    return _private(Response(render_template(
        "reports/event.html", event=event, built=built, report=built.report, filters=filters,
        not_paired=_named(built.report.not_paired), with_names=sees_names(current_user),
        levels=everyone.report.by_level["level"].tolist(),
        departments=everyone.report.by_department["department"].tolist(),
    )))


@bp.route("/<code>/workbook.xlsx")
@roles_required("hr", "trainer")
def download_workbook(code):
    event = _event_for_reader(code)
    record(current_user, "download_workbook", event, request.full_path)
    language = request.args.get("lang", current_language())
    built = event_report(event, language, _filters())
    without_names = request.args.get("pseudonymise") == "1" or not sees_names(current_user)
    data = workbook(built, pseudonymise=without_names)
    response = Response(data, mimetype=XLSX)
    plain, full = _file_names(built, _kind_of_workbook(language, without_names))
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{plain}"; filename*=UTF-8\'\'{quote(full)}')
    return _private(response)


def _named(people):
    """The people as the reader may see them: by name for HR, else under their pseudonym."""
    if sees_names(current_user):
        return people
    return Identities(pseudonym_key(), everyone=True).masked(people)


def _kind_of_workbook(language: str, without_names: bool) -> str:
    """What tells the downloads apart: a workbook without names must never be mistaken for
    the one with names when it is passed on."""
    return ("-en" if language == "en" else "") + ("-no-names" if without_names else "")


def _file_names(built, kind: str) -> tuple[str, str]:
    """The workbook's file name in ASCII (report-CODE[-part]) and in full (with the level and
    department a filtered workbook holds), each followed by its kind."""
    filters = built.filters
    plain = [built.event.code, "part" if filters.active else ""]
    full = [built.event.code, filters.level, filters.department]
    return tuple("report-" + "-".join(p for p in parts if p).replace("/", "-") + kind + ".xlsx"
                 for parts in (plain, full))


@bp.route("/<code>/charts/<name>.<fmt>")
@roles_required("hr", "trainer")
def chart(code, name, fmt):
    if fmt not in CHART_TYPES:
        abort(404)
    event = _event_for_reader(code)
    record(current_user, "chart", event, request.full_path)
    images = cached_charts(event, current_language(), _filters(), fmt)
    if name not in images:
        abort(404)
    response = Response(images[name], mimetype=CHART_TYPES[fmt])
    if request.args.get("download"):
        filename = f"{event.code}-{name}.{fmt}"
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)
