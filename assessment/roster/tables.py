"""Spreadsheets HR and trainers upload, read into plain rows (pure, no Flask).

Both the staff roster and the paper answers arrive as CSV (UTF-8, with or without
the BOM Excel writes) or as an Excel workbook. Row numbers are the ones the person
sees in their spreadsheet: the header is row 1, the first person is row 2.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from assessment.messages import N_, Message, Worded, WordedError

#: a workbook's first bytes (xlsx is a zip archive)
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Problem(Worded):
    """One thing wrong in an uploaded file, where the person can find it."""

    row: int
    column: str
    #: what is wrong: str() gives the English, render(gettext) the reader's language
    wording: Message

    def line(self, filename: str) -> str:
        """`FILE:ROW:COLUMN: message`, in the style of a compiler error."""
        return f"{filename}:{self.row}:{self.column}: {self.message}"


def did_you_mean(close: str | None) -> Message | str:
    """' (did you mean "X"?)' to end a problem with, or '' when nothing is close."""
    return Message(N_(' (did you mean "%(label)s"?)'), label=close) if close else ""


@dataclass(frozen=True)
class Row:
    """One data row: its spreadsheet row number and its cells by column name."""

    number: int
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        """The cell's text, trimmed ('' when empty or absent)."""
        return (self.cells.get(column) or "").strip()


@dataclass(frozen=True)
class Table:
    """A file read into its column names (as written) and its non-empty rows."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]


class UnreadableFile(WordedError):
    """The file is not a CSV or Excel file we can read; `wording` says why (str() in English)."""


def read_table(filename: str, content: bytes) -> Table:
    """Read CSV or .xlsx bytes into a Table (column names lower-cased and trimmed)."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or content.startswith(XLSX_MAGIC):
        matrix = _xlsx_matrix(content)
    else:
        matrix = _csv_matrix(content)
    return table_from_matrix(matrix)


def table_from_matrix(matrix: list[list[str]]) -> Table:
    """The first row names the columns; wholly empty rows are skipped."""
    if not matrix:
        return Table((), ())
    columns = tuple(cell.strip().lower() for cell in matrix[0])
    rows = []
    for number, values in enumerate(matrix[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        cells = {name: values[i] if i < len(values) else ""
                 for i, name in enumerate(columns) if name}
        rows.append(Row(number, cells))
    return Table(columns, tuple(rows))


def missing_columns(table: Table, required: tuple[str, ...]) -> list[Problem]:
    """A problem on row 1 for every required column the header lacks."""
    return [Problem(1, name, Message(N_("the column '%(name)s' is missing"), name=name))
            for name in required if name not in table.columns]


def _csv_matrix(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(Message(
            N_("the file is not UTF-8 text; in Excel use 'Save as' > 'CSV UTF-8'"))) from error
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        return [list(row) for row in reader]
    except csv.Error as error:
        raise UnreadableFile(Message(
            N_("line %(line)s: the CSV cannot be read (%(error)s); save it again from Excel as "
               "'CSV UTF-8'"), line=reader.line_num, error=str(error))) from error


def _xlsx_matrix(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise UnreadableFile(Message(
            N_("the file is not an Excel workbook (.xlsx) we can read"))) from error
    try:
        sheet = workbook.worksheets[0]
        return [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """An Excel cell as the text a person typed: 1001.0 is '1001', TRUE is 'true'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
