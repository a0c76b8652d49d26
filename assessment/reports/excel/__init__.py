"""The Excel workbook HR archives and shares: one sheet per view of a LearningReport.

Sheets are written row by row in xlsxwriter's constant_memory mode, so a 10,000-person
event (20,000 rows of answers, as many of points) needs little memory. Strings are never
read as formulas (the workbook's strings_to_* options are off), and text that begins like
one (= + - @ tab CR) also gets Excel's quote prefix, so editing the cell keeps it text.

HR's workbook names everyone (the download is in the audit log). The shareable one, for
anyone outside HR, names nobody: each person is a stable pseudonym, the sheets of people leave
out department and staff level, and the statistics of groups under the minimum size are blank.
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import xlsxwriter

from assessment.reports.excel.book import Book, display_width, plain_values
from assessment.reports.excel.identities import Identities, pseudonym
from assessment.reports.excel.sheets import (
    write_answers,
    write_charts,
    write_columns,
    write_summary,
    write_tables,
)
from assessment.reports.excel.words import CHART_TITLES, SHEETS

__all__ = ["CHART_TITLES", "build_workbook", "display_width", "plain_values", "pseudonym"]


def build_workbook(report, responses: pd.DataFrame, scores_wide: pd.DataFrame,
                   charts: dict[str, bytes], *, lang: str = "th", pseudonymise: bool = False,
                   event_title: str = "", event_date: date | None = None,
                   secret: str = "", header_codes: bool = False) -> bytes:
    """The report as .xlsx bytes: Summary, group tables, people, items, answers, charts and
    the meaning of every column; headers in words, or their codes with `header_codes`."""
    identities = Identities(secret, everyone=pseudonymise)
    output = io.BytesIO()
    with xlsxwriter.Workbook(output, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False}) as workbook:
        workbook.set_properties({"title": event_title})
        book = Book(workbook, lang if lang in SHEETS else "en",
                    int(report.summary.get("min_group_size", 5)), identities, header_codes)
        write_summary(book, report, event_title, event_date)
        write_report_tables(book, report)
        if getattr(report, "retention", None) is not None:
            write_retention(book, report.retention)
        write_answers(book, "responses", responses)
        write_answers(book, "scores", scores_wide)
        write_tables(book, "not_paired", [book.people(report.not_paired)], frozen_columns=2)
        write_charts(book, shareable_charts(report, charts) if pseudonymise else charts)
        write_columns(book)
    return output.getvalue()


#: Charts that draw the mean of each staff level or department (the report table of the same
#: name), whatever its size.
GROUP_CHARTS = ("by_level", "by_department")


def shareable_charts(report, charts: dict[str, bytes]) -> dict[str, bytes]:
    """The charts without those that would show the mean of a group under the minimum size."""
    def has_small(table) -> bool:
        return bool(table["small_group"].fillna(False).astype(bool).any())

    return {name: image for name, image in charts.items()
            if name not in GROUP_CHARTS or not has_small(getattr(report, name))}


def write_retention(book: Book, retention) -> None:
    """Follow-up against post-test: everyone, then by level group, level, department, topic."""
    titles = book.words["retention_by"]
    everyone = book.table(pd.DataFrame([{"group": book.words["retention_everyone"]}
                                        | retention.summary]))
    write_tables(book, "retention", [everyone] + [
        book.table(getattr(retention, f"by_{key}"), titles[key]) for key in titles])


def write_report_tables(book: Book, report) -> None:
    """By level, By department, By topic, Participants and Items."""
    write_tables(book, "by_level", [book.table(report.by_level), book.table(
        report.by_level_group, book.words["by_level_group"])])
    write_tables(book, "by_department", [book.table(report.by_department), book.table(
        report.by_level_department, book.words["by_level_department"])])
    write_tables(book, "by_topic", [book.table(report.by_topic)])
    write_tables(book, "participants", [book.people(report.participants)], frozen_columns=2)
    write_tables(book, "items", [
        book.table(book.phase_words(report.items, "phase")),
        book.table(report.review, book.words["item_review"]),
        book.table(report.options, book.words["option_shares"])])
