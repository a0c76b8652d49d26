"""The Summary, Responses, Scores and Charts sheets."""

from __future__ import annotations

import io
import math
import numbers
from datetime import date

import numpy as np
import pandas as pd
from xlsxwriter.image import Image

from assessment.reports.excel import columns as column_words
from assessment.reports.excel.book import (
    ROW_PIXELS,
    Book,
    Table,
    column_widths,
    display_width,
    number_format,
    set_widths,
    widest,
    write_headers,
)
from assessment.reports.excel.words import (
    ANSWER_PERSON_COLUMNS,
    CHART_TITLES,
    FORMULA_STARTS,
    KEPT_IN_SMALL_GROUPS,
    MAX_WIDTH,
    MIN_WIDTH,
    SUMMARY_LABELS,
    WIDE_PERSON_COLUMNS,
)
from assessment.reports.thai_dates import thai_date

# --- report tables and Summary ------------------------------------------------------------


def write_cell(sheet, book: Book, row: int, col: int, value, num_format=None,
               warn: bool = False) -> None:
    """One value as its own type: text as text, numbers as numbers, missing as empty."""
    if value is None or value == "":
        if warn:
            sheet.write_blank(row, col, None, book.cell(warn=True))
    elif isinstance(value, str):
        quoted = value.startswith(FORMULA_STARTS)
        sheet.write_string(row, col, value, book.cell(None, warn, quoted))
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, book.cell(None, warn))
    elif isinstance(value, numbers.Real):
        if math.isfinite(value):
            sheet.write_number(row, col, value, book.cell(num_format, warn))
        elif warn:
            sheet.write_blank(row, col, None, book.cell(warn=True))
    else:
        write_cell(sheet, book, row, col, str(value), num_format, warn)


def write_table(sheet, book: Book, table: Table, row: int, widths: list[float],
                formatted_columns: bool = False) -> int:
    """Header and rows from `row`; returns the row after the last.

    With `formatted_columns` (the columns' number formats are this table's) plain rows go
    out whole, as write_row does; rows of small groups are written cell by cell, highlighted.
    """
    write_headers(sheet, book, row, table.headers, widths)
    formats = [number_format(column) for column in table.columns]
    formula_like = formula_like_cells(table.values)
    quoted = book.cell(quoted=True)
    for offset, (cells, warn) in enumerate(zip(table.rows(), table.warn, strict=True), 1):
        if formatted_columns and not warn:
            sheet.write_row(row + offset, 0, cells)
            for col in formula_like.get(offset - 1, ()):
                sheet.write_string(row + offset, col, cells[col], quoted)
            continue
        for col, value in enumerate(cells):
            write_cell(sheet, book, row + offset, col, value, formats[col], warn)
    return row + len(table.warn) + 1


def write_tables(book: Book, key: str, tables: list[Table], frozen_columns: int = 0) -> None:
    """The first table filterable under a frozen header; the others below it, with a title."""
    sheet = book.sheet(key)
    widths = widest(tables)
    set_widths(sheet, widths, [book.cell(number_format(c)) for c in tables[0].columns])
    row = 0
    for index, table in enumerate(tables):
        if table.title:
            sheet.write_string(row + 1, 0, table.title, book.title())
            row += 2
        end = write_table(sheet, book, table, row, widths, formatted_columns=index == 0)
        if index == 0 and table.columns:
            sheet.freeze_panes(1, frozen_columns)
            sheet.autofilter(0, 0, max(end - 1, 0), len(table.columns) - 1)
        row = end


def event_date_text(when: date | None, lang: str) -> str:
    """16 มกราคม พ.ศ. 2563 in Thai, 16 January 2020 in English."""
    if when is None:
        return ""
    return thai_date(when) if lang == "th" else f"{when.day} {when:%B %Y}"


def headline(summary: dict) -> list[tuple[str, object]]:
    """The summary's figures in reading order, then any the labels do not know yet."""
    known = [key for key in SUMMARY_LABELS if key in summary]
    others = [key for key in summary if key not in SUMMARY_LABELS and key != "small_group"]
    return [(key, summary[key]) for key in known + others]


#: What the shareable export's Summary keeps when the whole event is under the minimum size.
KEPT_IN_SUMMARY = KEPT_IN_SMALL_GROUPS | {"n_pre", "n_post", "min_group_size"}


def write_summary(book: Book, report, event_title: str, event_date: date | None) -> None:
    """Title, date, headline figures, reliability per phase, ratings, and how to read them."""
    sheet = book.sheet("summary")
    language = 0 if book.lang == "en" else 1
    figures = [(SUMMARY_LABELS.get(key, (key, key))[language], key, value)
               for key, value in headline(report.summary)]
    # the page never flags the whole event as small; the shareable export must, or the mean
    # of one or two people is their score
    if book.shareable and report.summary.get("n_paired", 0) < book.min_group_size:
        figures = [(label, key, value if key in KEPT_IN_SUMMARY else None)
                   for label, key, value in figures]
    tables = [book.table(book.phase_words(report.reliability, "phase"), book.words["reliability"])]
    if len(report.ratings):
        tables.append(book.table(report.ratings, book.words["ratings"]))
    label_width = min(MAX_WIDTH, max((display_width(label) for label, _, _ in figures),
                                     default=MIN_WIDTH)) + 2
    widths = widest(tables, [label_width, 12.0])
    set_widths(sheet, widths)
    sheet.write_string(0, 0, event_title, book.title(14, event_title))
    sheet.write_string(1, 0, event_date_text(event_date, book.lang))
    write_headers(sheet, book, 3, [book.words["measure"], book.words["value"]], widths)
    for row, (label, key, value) in enumerate(figures, start=4):
        sheet.write_string(row, 0, label)
        write_cell(sheet, book, row, 1, _scalar(value), number_format(key))
    row = 4 + len(figures)
    for table in tables:
        sheet.write_string(row + 1, 0, table.title, book.title())
        row = write_table(sheet, book, table, row + 2, widths)
    notes = [book.words["paired_only"], book.words["small_rule"].format(n=book.min_group_size)]
    if book.shareable:
        notes.append(book.words["pseudonymised"].format(n=book.min_group_size))
    for offset, note in enumerate(notes, start=1):
        sheet.write_string(row + offset, 0, note)


def _scalar(value):
    return value.item() if isinstance(value, np.generic) else value


# --- Responses and Scores: 20,000 rows, written as xlsxwriter's write_row does ------------


def write_answers(book: Book, key: str, wide: pd.DataFrame) -> None:
    """One row per person and phase: who, then one column per question (answer or points)."""
    sheet = book.sheet(key)
    questions = [column for column in wide.columns if column not in WIDE_PERSON_COLUMNS]
    who = book.person_columns(ANSWER_PERSON_COLUMNS)
    people = book.phase_words(book.identities.masked(wide), "phase")[who]
    headers = [book.header(c) for c in who] + [str(q) for q in questions]
    widths = column_widths(headers, [people[c].unique() for c in who]
                           + [wide[q].unique() for q in questions])
    set_widths(sheet, widths)
    write_headers(sheet, book, 0, headers, widths)
    rows = people.join(wide[questions])
    cells = rows.to_numpy(dtype=object)
    cells[pd.isna(cells)] = None
    write_rows(sheet, book, cells.tolist(), formula_like_cells(
        [() if pd.api.types.is_numeric_dtype(rows[c]) else rows[c].tolist()
         for c in rows.columns]))
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, len(rows), len(headers) - 1)


def formula_like_cells(columns: list) -> dict[int, list[int]]:
    """Row position -> positions of the text cells that begin like a formula, by column."""
    found: dict[int, list[int]] = {}
    for col, values in enumerate(columns):
        for row, value in enumerate(values):
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                found.setdefault(row, []).append(col)
    return found


def write_rows(sheet, book: Book, rows: list[list], formula_like: dict[int, list[int]]) -> None:
    """Rows from the second on, as write_row does; formula-like text then gets the quote prefix
    (constant_memory keeps the current row until the next one starts, so rewriting is cheap)."""
    quoted = book.cell(quoted=True)
    for position, cells in enumerate(rows):
        sheet.write_row(position + 1, 0, cells)
        for col in formula_like.get(position, ()):
            sheet.write_string(position + 1, col, cells[col], quoted)


# --- Columns: every header, its code and its meaning ------------------------------------


def write_columns(book: Book) -> None:
    """One row per column header written in the other sheets: header, code, meaning."""
    sheet = book.sheet("columns")
    rows = [(text, code, column_words.meaning(code, book.lang))
            for code, text in book.shown.items()]
    words = book.words
    titles = [words["header"], words["code"], words["meaning"]]
    widths = [min(MAX_WIDTH, max([MIN_WIDTH, *(display_width(row[i]) for row in rows)])) + 2
              for i in range(2)] + [90.0]
    set_widths(sheet, widths)
    sheet.write_string(0, 0, words["columns_intro"])
    write_headers(sheet, book, 2, titles, widths)
    wrapped = book.cell(text_wrap=True, valign="top")
    for row, cells in enumerate(rows, start=3):
        for col, text in enumerate(cells):
            sheet.write_string(row, col, text, wrapped if col == 2 else None)
    sheet.freeze_panes(3, 0)


# --- Charts -------------------------------------------------------------------------------


def write_charts(book: Book, charts: dict[str, bytes]) -> None:
    """The charts one below another, each under its title."""
    sheet = book.sheet("charts")
    language = 0 if book.lang == "en" else 1
    names = [name for name in CHART_TITLES if name in charts]
    names += [name for name in charts if name not in CHART_TITLES]
    row = 0
    for name in names:
        title = CHART_TITLES.get(name, (name, name))[language]
        sheet.write_string(row, 0, title, book.title())
        image = Image(io.BytesIO(charts[name]))
        sheet.insert_image(row + 1, 0, image, {"description": title, "object_position": 1})
        height = image.height * 96 / image.y_dpi
        row += math.ceil(height / ROW_PIXELS) + 3
