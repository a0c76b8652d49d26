"""Spreadsheets HR and trainers upload, read into plain rows (pure, no Flask).

Both the staff roster and the paper answers arrive as CSV (UTF-8, with or without
the BOM Excel writes) or as an Excel workbook. Row numbers are the ones the person
sees in their spreadsheet: the header is row 1, the first person is row 2.

A file is bounded before it is read whole: a workbook's declared unpacked size and
its sheet's declared size are checked first (a zip of 150 KB can unpack to gigabytes),
then rows are read one at a time and the count stops at MAX_ROWS and MAX_COLUMNS.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from assessment.messages import N_, Message, Worded, WordedError

#: a workbook's first bytes (xlsx is a zip archive)
XLSX_MAGIC = b"PK\x03\x04"
#: a roster of a city's whole staff, or a room's paper answers, fit well inside these
#: (rows of people or answers, under the header)
MAX_ROWS = 100_000
MAX_COLUMNS = 300
#: everything in a workbook once unpacked (a 100,000-person roster is about 25 MiB)
MAX_UNPACKED_BYTES = 48 * 1024 * 1024


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


def too_many_rows() -> UnreadableFile:
    """A file past MAX_ROWS."""
    return UnreadableFile(Message(
        N_("the sheet has more than %(limit)s rows under its header, more than any roster or "
           "paper file needs; delete the empty rows below the data"), limit=f"{MAX_ROWS:,}"))


def too_many_columns() -> UnreadableFile:
    """A file past MAX_COLUMNS."""
    return UnreadableFile(Message(
        N_("the sheet has more than %(limit)s columns; delete the columns that are not "
           "needed"), limit=MAX_COLUMNS))


def read_table(filename: str, content: bytes) -> Table:
    """Read CSV or .xlsx bytes into a Table (column names lower-cased and trimmed)."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or content.startswith(XLSX_MAGIC):
        return table_from_matrix(_xlsx_rows(content))
    return table_from_matrix(_csv_matrix(content))


def table_from_matrix(matrix: Iterable[list[str]]) -> Table:
    """The first row names the columns; wholly empty rows are skipped. Rows are taken one
    at a time, and a file past MAX_ROWS or MAX_COLUMNS is refused as soon as it gets there."""
    lines = iter(matrix)
    header = next(lines, None)
    if header is None:
        return Table((), ())
    _check_width(header)
    columns = tuple(cell.strip().lower() for cell in header)
    rows = []
    for number, values in enumerate(lines, start=2):
        if number > MAX_ROWS + 1:
            raise too_many_rows()
        if not any(value.strip() for value in values):
            continue
        _check_width(values)
        cells = {name: values[i] if i < len(values) else ""
                 for i, name in enumerate(columns) if name}
        rows.append(Row(number, cells))
    return Table(columns, tuple(rows))


def _check_width(values: list[str]) -> None:
    if any(value.strip() for value in values[MAX_COLUMNS:]):
        raise too_many_columns()


def control_characters(table: Table) -> list[Problem]:
    """A problem for every cell (the header too) holding a control character: NUL, escape
    and the like come from a damaged or hostile file, never from a person typing."""
    problems = [Problem(1, name or "?", _control_message(name))
                for name in table.columns if _control_in(name)]
    for row in table.rows:
        problems += [Problem(row.number, column, _control_message(value))
                     for column, value in row.cells.items() if _control_in(value)]
    return problems


def _control_in(text: str) -> str | None:
    return next((ch for ch in text or "" if unicodedata.category(ch) == "Cc"), None)


def _control_message(text: str) -> Message:
    return Message(N_("the cell holds a control character (U+%(code)s), which no one types; "
                      "retype the cell"), code=f"{ord(_control_in(text)):04X}")


def missing_columns(table: Table, required: tuple[str, ...]) -> list[Problem]:
    """A problem on row 1 for every required column the header lacks."""
    return [Problem(1, name, Message(N_("the column '%(name)s' is missing"), name=name))
            for name in required if name not in table.columns]


def _csv_matrix(content: bytes) -> Iterator[list[str]]:
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
        yield from reader
    except csv.Error as error:
        raise UnreadableFile(Message(
            N_("line %(line)s: the CSV cannot be read (%(error)s); save it again from Excel as "
               "'CSV UTF-8'"), line=reader.line_num, error=str(error))) from error


def _xlsx_rows(content: bytes) -> Iterator[list[str]]:
    """The first sheet's rows one at a time, once the workbook's unpacked size and the
    sheet's declared size are known to be within bounds."""
    from openpyxl import load_workbook

    not_excel = UnreadableFile(Message(N_("the file is not an Excel workbook (.xlsx) we can "
                                          "read")))
    _check_unpacked_size(content, not_excel)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise not_excel from error
    try:
        sheet = workbook.worksheets[0]
        if (sheet.max_row or 0) > MAX_ROWS + 1:
            raise too_many_rows()
        if (sheet.max_column or 0) > MAX_COLUMNS:
            raise too_many_columns()
        # read one column past the bound, so a cell out there is seen without building
        # rows as wide as the sheet says it is
        rows = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
        while True:
            try:
                row = next(rows, None)
            except Exception as error:  # a damaged sheet: bad XML, a wrong checksum
                raise not_excel from error
            if row is None:
                return
            yield [cell_text(value) for value in row]
    finally:
        workbook.close()


def _check_unpacked_size(content: bytes, not_excel: UnreadableFile) -> None:
    """Refuse a workbook that declares more than MAX_UNPACKED_BYTES once unpacked (zipfile
    never unpacks past a member's declared size), or a sheet of more than MAX_ROWS rows.

    The rows are counted in the raw XML, which is quick: openpyxl parses a sheet whole on
    opening it when the sheet does not declare its size, before a row can be counted."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise UnreadableFile(Message(
                    N_("the workbook unpacks to %(size)s MiB; a file may unpack to at most "
                       "%(limit)s MiB (save only the sheet with the data)"),
                    size=f"{unpacked / 2**20:,.0f}", limit=MAX_UNPACKED_BYTES // 2**20))
            for member in members:
                if member.filename.startswith("xl/worksheets/") and _rows_in(
                        archive, member) > MAX_ROWS + 1:
                    raise too_many_rows()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise not_excel from error


#: a row element, with or without a namespace prefix (text never holds a bare "<")
ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")


def _rows_in(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """How many row elements a sheet's XML holds, read in chunks."""
    count, tail = 0, b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            # a tag cut at the chunk's end is counted with the next chunk
            cut = max(data.rfind(b"<"), len(data) - 64)
            count += len(ROW_TAG.findall(data, 0, cut))
            tail = data[cut:]
    return count + len(ROW_TAG.findall(tail))


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
