"""The workbook, its formats, column widths and the tables written into it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from assessment.reports.excel import columns as column_words
from assessment.reports.excel.identities import Identities
from assessment.reports.excel.words import (
    COUNTS,
    FORMULA_STARTS,
    HEADER_WRAP,
    KEPT_IN_SMALL_GROUPS,
    MAX_WIDTH,
    MIN_WIDTH,
    ONE_DECIMAL,
    P_VALUE_FORMAT,
    PERSON_COLUMNS,
    SHARES,
    SHEETS,
    TWO_DECIMALS,
    WHERE_PEOPLE_WORK,
    WORDS,
    ZERO_WIDTH,
)

WARN_COLOUR = "#FFF2CC"
ROW_PIXELS = 20


# --- the workbook, its formats and words ------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One table to write: an optional title, machine column names, headers, values by column."""

    title: str | None
    columns: list[str]
    headers: list[str]
    values: list[list]
    warn: list[bool]

    def rows(self):
        return zip(*self.values, strict=True) if self.values else iter(())


class Book:
    """The workbook being written: its language, cell formats (made once) and privacy rules."""

    def __init__(self, workbook, lang: str, min_group_size: int, identities: Identities,
                 codes: bool = False):
        self.workbook, self.lang, self.identities = workbook, lang, identities
        self.min_group_size, self.codes = min_group_size, codes
        self.words = WORDS[lang]
        #: each column code written so far and its header, for the Columns sheet
        self.shown: dict[str, str] = {}
        self._formats: dict = {}

    @property
    def shareable(self) -> bool:
        """The export without names, for anyone outside HR."""
        return self.identities.everyone

    def sheet(self, key: str):
        return self.workbook.add_worksheet(SHEETS[self.lang][key])

    def header(self, column: str) -> str:
        """The column's header in words, or its code for scripts (--headers codes)."""
        column = str(column)
        text = column if self.codes else column_words.header(column, self.lang)
        self.shown.setdefault(column, text)
        return text

    def person_columns(self, columns: list[str]) -> list[str]:
        """The columns about who a person is; the shareable export leaves out where they work,
        which could pick out the one person of a small department or level."""
        if not self.shareable:
            return list(columns)
        return [column for column in columns if column not in WHERE_PEOPLE_WORK]

    def cell(self, num_format=None, warn=False, quoted=False, **extra):
        """The format for a cell, made on first use; None for a plain cell."""
        key = (num_format, warn, quoted, tuple(sorted(extra.items())))
        if key not in self._formats:
            properties = dict(extra)
            if num_format:
                properties["num_format"] = num_format
            if warn:
                properties["bg_color"] = WARN_COLOUR
            if quoted:
                properties["quote_prefix"] = True
            self._formats[key] = self.workbook.add_format(properties) if properties else None
        return self._formats[key]

    def heading(self):
        return self.cell(bold=True, text_wrap=True, valign="top", bottom=1, bg_color="#DDEBF7")

    def title(self, size: int = 12, text: str = ""):
        return self.cell(None, False, text.startswith(FORMULA_STARTS), bold=True, font_size=size)

    def table(self, frame: pd.DataFrame, title: str | None = None,
              note: str = "small_group") -> Table:
        """A report frame as a table; rows of small groups marked with a ⚠ note."""
        frame = frame.drop(columns=["participant_id"], errors="ignore")
        warn = [False] * len(frame)
        if "small_group" in frame.columns:
            warn = frame["small_group"].fillna(False).astype(bool).tolist()
            if self.shareable and note == "small_group":
                frame, note = blank_small_groups(frame, warn), "small_blank"
            text = self.words[note].format(n=self.min_group_size)
            frame = frame.assign(note=[text if small else None for small in warn])
        columns = [str(column) for column in frame.columns]
        return Table(title, columns, [self.header(c) for c in columns],
                     [plain_values(frame[c]) for c in frame.columns], warn)

    def people(self, frame: pd.DataFrame) -> Table:
        """Participants or Not paired: names (or pseudonyms in the shareable export), phases in
        words."""
        people = self.phase_words(self.identities.masked(frame), "phase_taken")
        if self.shareable:
            people = people.drop(columns=[*WHERE_PEOPLE_WORK, "small_group"], errors="ignore")
        first = [column for column in PERSON_COLUMNS if column in people.columns]
        people = people[first + [c for c in people.columns if c not in first]]
        return self.table(people, note="small_person")

    def phase_words(self, frame: pd.DataFrame, column: str) -> pd.DataFrame:
        """pre and post as ก่อนอบรม and หลังอบรม in a Thai workbook."""
        if column not in frame.columns:
            return frame
        phases = self.words["phases"]
        return frame.assign(**{column: frame[column].map(lambda p: phases.get(p, p))})


def blank_small_groups(frame: pd.DataFrame, small: list[bool]) -> pd.DataFrame:
    """The statistics of groups under the minimum size left blank (names and counts kept)."""
    statistics = [column for column in frame.columns if column not in KEPT_IN_SMALL_GROUPS]
    frame = frame.astype({column: object for column in statistics})
    frame.loc[np.array(small, dtype=bool), statistics] = None
    return frame


def number_format(column: str) -> str | None:
    """0.0 for percents, < 0.001 or 0.000 for p-values, 0.00 for g and effect sizes, 0.0% for
    shares."""
    if column in SHARES:
        return "0.0%"
    if column.startswith("p_"):
        return P_VALUE_FORMAT
    if column in COUNTS:
        return "0"
    if column in ONE_DECIMAL:
        return "0.0"
    return "0.00" if column in TWO_DECIMALS else None


def plain_values(series: pd.Series) -> list:
    """A column as Python values with None for every kind of missing (NaN, NA, None)."""
    if pd.api.types.is_float_dtype(series):
        series = series.where(np.isfinite(series))  # Excel has no infinity
    values = series.to_numpy(dtype=object, copy=True)
    values[pd.isna(values)] = None
    return values.tolist()


# --- widths ------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Characters that take room on screen: Thai vowel and tone marks sit above or below."""
    return len(text.translate(ZERO_WIDTH))


def _data_width(values) -> int:
    texts = {value for value in values if isinstance(value, str)}
    return max(map(display_width, texts), default=0)


def _header_width(header: str) -> int:
    """Wide enough for the header's longest word; longer headers wrap onto more lines."""
    longest_word = max(map(display_width, header.split()), default=0)
    return max(longest_word, min(display_width(header), HEADER_WRAP))


def _lines(header: str, width: float) -> int:
    lines, used = 1, 0
    for word in header.split():
        size = display_width(word)
        if used and used + 1 + size > width:
            lines, used = lines + 1, size
        else:
            used += size + (1 if used else 0)
    return lines


def column_widths(headers: list[str], columns: list) -> list[float]:
    """Excel widths (in characters) for each column, from its header and longest value."""
    return [min(MAX_WIDTH, max(MIN_WIDTH, _header_width(h), _data_width(v))) * 1.1 + 2
            for h, v in zip(headers, columns, strict=True)]


def widest(tables: list[Table], first: list[float] | None = None) -> list[float]:
    widths = list(first or [])
    for table in tables:
        for col, width in enumerate(column_widths(table.headers, table.values)):
            widths += [0.0] * (col + 1 - len(widths))
            widths[col] = max(widths[col], width)
    return widths


def set_widths(sheet, widths: list[float], formats: list | None = None) -> None:
    """Column widths, and the number format of cells written without one of their own."""
    formats = formats or []
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width, formats[col] if col < len(formats) else None)


def write_headers(sheet, book: Book, row: int, headers: list[str], widths: list[float]) -> None:
    """A header row, tall enough for its headers wrapped to the column widths."""
    lines = max((_lines(h, w / 1.1 - 1) for h, w in zip(headers, widths, strict=False)),
                default=1)
    sheet.set_row(row, 17 * lines + 3)
    for col, header in enumerate(headers):
        sheet.write_string(row, col, header, book.heading())
