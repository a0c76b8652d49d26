"""Hostile spreadsheets: a zip bomb, a sheet that claims a million rows, a file of endless
rows, control characters. Each is refused with a plain sentence before it can take the
server's memory or time; an honest file's problems are listed 100 at a time."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from assessment.roster import tables
from assessment.roster.parsing import check_roster
from assessment.roster.tables import UnreadableFile, read_table
from tests.roster.test_parsing import LISTS

SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>')
SHEET_END = "</sheetData></worksheet>"
ROW = '<row><c t="inlineStr"><is><t>E1</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>'


def _workbook(sheet_rows, dimension: str = "") -> bytes:
    """A real workbook whose first sheet is written by hand: `sheet_rows` is an iterable of
    XML chunks, streamed into the zip so a bomb never sits in the test's memory."""
    book = Workbook()
    book.active.append(["employee_id", "name"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for member in source.infolist():
            if member.filename != SHEET:
                target.writestr(member, source.read(member))
        with target.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START.format(dimension=dimension).encode())
            for chunk in sheet_rows:
                sheet.write(chunk.encode())
            sheet.write(SHEET_END.encode())
    return out.getvalue()


def _refusal(content: bytes, filename="staff.xlsx") -> tuple[str, int]:
    """The refusal's English sentence and the most memory reading took (bytes)."""
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile) as refused:
            read_table(filename, content)
        return str(refused.value), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_it_is_read():
    rows_per_chunk = 1000
    chunks = (tables.MAX_UNPACKED_BYTES + 2**20) // (len(ROW) * rows_per_chunk) + 1
    bomb = _workbook(ROW * rows_per_chunk for _ in range(chunks))
    assert len(bomb) < 400_000  # a few hundred KB that unpack to over 49 MiB
    message, peak = _refusal(bomb)
    assert re.search(r"the workbook unpacks to \d\d MiB; a file may unpack to at most "
                     r"48 MiB", message)
    assert peak < 8 * 2**20


def test_a_sheet_that_declares_a_million_rows_is_refused_before_its_rows_are_read():
    bomb = _workbook([ROW] * 3, dimension='<dimension ref="A1:B1048576"/>')
    message, peak = _refusal(bomb)
    assert "more than 100,000 rows under its header" in message
    assert peak < 8 * 2**20


def test_a_sheet_that_declares_every_column_is_refused():
    bomb = _workbook([ROW] * 3, dimension='<dimension ref="A1:XFD3"/>')
    assert "more than 300 columns" in _refusal(bomb)[0]


def test_rows_past_the_bound_are_refused_while_streaming(monkeypatch):
    """A sheet without a declared size is counted as it is read, and reading stops there."""
    monkeypatch.setattr(tables, "MAX_ROWS", 1000)
    endless = _workbook(ROW * 1000 for _ in range(200))  # 200,000 rows, declared nowhere
    message, peak = _refusal(endless)
    assert "more than 1,000 rows" in message
    assert peak < 16 * 2**20


def test_a_csv_of_endless_empty_rows_is_refused():
    content = b"employee_id,name,department,level\n" + b",\n" * 200_000
    assert "more than 100,000 rows" in _refusal(content, "staff.csv")[0]


def test_a_cell_past_the_last_column_is_refused():
    content = ("employee_id,name,department,level" + "," * 400 + "x\n").encode()
    assert "more than 300 columns" in _refusal(content, "staff.csv")[0]


def test_a_roster_of_a_whole_city_is_within_the_bounds():
    header = "employee_id,name,department,level\n"
    content = (header + "".join(f"E{n},คน {n},clerk,prof-op\n" for n in range(100_000)))
    check = check_roster(read_table("staff.csv", content.encode()), LISTS)
    assert check.ok and len(check.people) == 100_000


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x07", "\x7f", "\x85"])
def test_control_characters_are_refused_with_row_and_column(character):
    content = ("employee_id,name,department,level\nE1,สมชาย,clerk,prof-op\n"
               f"E2,สม{character}หญิง,clerk,prof-op\n").encode()
    check = check_roster(read_table("staff.csv", content), LISTS)
    assert not check.ok
    assert [(p.row, p.column) for p in check.problems] == [(3, "name")]
    assert f"control character (U+{ord(character):04X})" in check.problems[0].message


def test_a_control_character_in_the_header_is_refused():
    content = b"employee_id,name\x00,department,level\nE1,A,clerk,prof-op\n"
    check = check_roster(read_table("staff.csv", content), LISTS)
    assert (1, "name\x00") in [(p.row, p.column) for p in check.problems]
