"""An event's report, workbook and charts, assembled from the database for views and CLI."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from flask import current_app

from assessment.banks.operations import bank_of
from assessment.events.models import Event
from assessment.organisation.lists import names
from assessment.reports import charts, excel
from assessment.reports.data import EventData, read_event, wide_by_person
from assessment.reports.statistics import build_report


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


def event_report(event: Event, lang: str = "th", filters: Filters | None = None) -> EventReport:
    """Read the event's answers and compute every statistic of the report."""
    data = read_event(event.id, bank_of(event.bank_version), names(lang), lang)
    if filters and filters.active:
        data = _filtered(data, filters)
    report = build_report(data.participants, data.scores, data.questions, data.ratings,
                          min_group_size=current_app.config["MIN_GROUP_SIZE"])
    return EventReport(event, data, report, lang)


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
    )


def chart_files(built: EventReport, fmt: str = "png") -> dict[str, bytes]:
    """Every chart of the report as image bytes, keyed by file name stem."""
    return charts.all_charts(built.report, lang=built.lang, fmt=fmt)


def workbook(built: EventReport, pseudonymise: bool = False) -> bytes:
    """The one Excel workbook HR archives and shares."""
    return excel.build_workbook(
        built.report,
        wide_by_person(built.data, "value"),
        wide_by_person(built.data, "points"),
        chart_files(built, "png"),
        lang=built.lang,
        pseudonymise=pseudonymise,
        event_title=built.event.title,
        event_date=built.event.held_on,
        secret=current_app.config["SECRET_KEY"],
    )
