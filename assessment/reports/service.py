"""An event's report, workbook and charts, assembled from the database for views and CLI."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pandas as pd
from cachetools import LRUCache
from flask import current_app
from sqlalchemy import text

from assessment.banks.operations import bank_of
from assessment.events.models import Event
from assessment.extensions import db
from assessment.organisation.lists import names
from assessment.privacy.operations import pseudonym_key
from assessment.reports.data import EventData, read_event, wide_by_person


@dataclass(frozen=True)
class Filters:
    """Show only one staff level and/or one department (codes or display names)."""

    level: str = ""
    department: str = ""

    @property
    def active(self) -> bool:
        return bool(self.level or self.department)


@dataclass(frozen=True)
class EventReport:
    event: Event
    data: EventData
    report: object
    lang: str
    filters: Filters = Filters()

    @property
    def title(self) -> str:
        """The event's title, saying which part of it a filtered report shows."""
        if not self.filters.active:
            return self.event.title
        only = "เฉพาะ" if self.lang == "th" else "only"
        part = " · ".join(p for p in (self.filters.level, self.filters.department) if p)
        return f"{self.event.title} ({only} {part})"


def event_report(event: Event, lang: str = "th", filters: Filters | None = None) -> EventReport:
    """Read the event's answers and compute every statistic of the report."""
    from assessment.reports.statistics import build_report  # pandas/scipy: load on first report

    data = read_event(event.id, bank_of(event.bank_version), names(lang), lang)
    if filters and filters.active:
        data = _filtered(data, filters)
    report = build_report(data.participants, data.scores, data.questions, data.ratings,
                          min_group_size=current_app.config["MIN_GROUP_SIZE"],
                          choices=data.choices)
    return EventReport(event, data, report, lang, filters or Filters())


def _filtered(data: EventData, filters: Filters) -> EventData:
    people = data.participants
    keep = pd.Series(True, index=people.index)
    if filters.level:
        keep &= people["level"] == filters.level
    if filters.department:
        keep &= people["department"] == filters.department
    ids = people.index[keep]
    attempts = data.attempts[data.attempts["participant_id"].isin(ids)]
    return EventData(
        participants=people.loc[ids],
        scores=data.scores[data.scores["participant_id"].isin(ids)],
        questions=data.questions,
        ratings=data.ratings[data.ratings["participant_id"].isin(ids)],
        answers=data.answers[data.answers["attempt_id"].isin(attempts["attempt_id"])],
        attempts=attempts,
        choices=data.choices[data.choices["participant_id"].isin(ids)],
    )


#: Charts are the slow part of a report page (one request per image), so each worker keeps
#: the images of the latest answers and lists per event, language, filters and format.
_CHARTS: LRUCache = LRUCache(maxsize=24)
#: The page asks for its charts at once: the first request draws them, the others wait for it
#: instead of each drawing them all again, one after another.
_CHARTS_LOCK = threading.Lock()


def data_fingerprint(event: Event) -> tuple:
    """Changes whenever an attempt of the event is submitted."""
    row = db.session.execute(text(
        "SELECT COUNT(*), MAX(a.submitted_at) FROM attempt a JOIN phase ph ON ph.id = a.phase_id "
        "WHERE ph.event_id = :event_id AND a.status = 'submitted'"), {"event_id": event.id}).one()
    return tuple(str(value) for value in row)


def cached_charts(event: Event, lang: str, filters: Filters, fmt: str) -> dict[str, bytes]:
    """The event's charts, computed again when its submitted answers change or HR renames or
    reorders a department or level (on any host: both are read from the database)."""
    lists = repr(sorted((kind, sorted(by_code.items())) for kind, by_code in names(lang).items()))
    key = (event.id, lang, filters, fmt, data_fingerprint(event), lists)
    with _CHARTS_LOCK:
        if key not in _CHARTS:
            _CHARTS[key] = chart_files(event_report(event, lang, filters), fmt)
        return _CHARTS[key]


def chart_files(built: EventReport, fmt: str = "png") -> dict[str, bytes]:
    """Every chart of the report as image bytes, keyed by file name stem."""
    from assessment.reports import charts  # matplotlib: load on first chart, not at start

    return charts.all_charts(built.report, lang=built.lang, fmt=fmt)


def workbook(built: EventReport, pseudonymise: bool = False, header_codes: bool = False) -> bytes:
    """The one Excel workbook HR archives and shares (headers as codes for scripts)."""
    from assessment.reports import excel

    return excel.build_workbook(
        built.report,
        wide_by_person(built.data, "value"),
        wide_by_person(built.data, "points"),
        chart_files(built, "png"),
        lang=built.lang,
        pseudonymise=pseudonymise,
        event_title=built.title,
        event_date=built.event.held_on,
        secret=pseudonym_key(),
        header_codes=header_codes,
    )
