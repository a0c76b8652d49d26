"""Fuzzing the roster and paper-answer imports: any file gives a clean result or clean
problems (row, column, message), never a crash, and a refused file writes nothing."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from assessment.extensions import db
from assessment.paper.operations import check_paper_file, import_paper
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.roster.models import RosterEntry
from assessment.roster.operations import check_roster_file, replace_roster
from assessment.roster.tables import UnreadableFile, read_table
from tests.helpers import make_event

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
DATABASE_FUZZ = settings(FUZZ, max_examples=40)

#: cells people (and attackers) put in spreadsheets
CELLS = st.one_of(
    st.sampled_from(["", " ", "E1001", "e1001", "สมชาย ใจดี", "นายสมชาย", "pre", "post", "PRE",
                     "followup", "a", "a;c", "a;;c", "z", "true", "FALSE", "ใช่", "3.14", "1,000",
                     "๔๒", "-0", "1e400", "nan", "=1+1", "+SUM(A1)", "@x", "\t", "\r", '"', "'",
                     ";", ",", "\x00", "\ufeff", "กองคลัง", "Finance", "ปฏิบัติการ", "x" * 300]),
    st.text(max_size=30),
)
HEADERS = st.lists(st.sampled_from(["employee_id", "name", "department", "level", "phase",
                                    "EMPLOYEE_ID ", "Name", "q1", "smart-1", "bogus", "", "name"]),
                   max_size=9)


def _csv_bytes(header, rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue().encode("utf-8")


SHEETS = st.builds(_csv_bytes, HEADERS, st.lists(st.lists(CELLS, max_size=10), max_size=8))
ANY_BYTES = st.one_of(SHEETS, st.binary(max_size=400),
                      st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b))


def _assert_clean_problems(problems) -> None:
    for problem in problems:
        assert problem.row >= 1 and problem.column is not None and problem.message


@FUZZ
@given(content=ANY_BYTES, name=st.sampled_from(["staff.csv", "staff.xlsx", "staff.txt"]))
def test_reading_any_file_gives_a_table_or_a_plain_refusal(content, name):
    try:
        table = read_table(name, content)
    except UnreadableFile as refusal:
        assert str(refusal)
        return
    assert all(row.number >= 2 for row in table.rows)


@pytest.fixture
def event(app, bank_version):
    return make_event(bank_version, open_kind=None)


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@DATABASE_FUZZ
@given(content=ANY_BYTES)
def test_any_roster_file_is_checked_cleanly_and_a_refused_one_changes_nothing(event, content):
    before = _count(RosterEntry)
    try:
        check = check_roster_file("staff.csv", content)
    except UnreadableFile:
        assert _count(RosterEntry) == before
        return
    _assert_clean_problems(check.problems)
    if check.ok:
        assert replace_roster(event, check) == len(check.people)
    else:
        with pytest.raises(ValueError):
            replace_roster(event, check)
        assert _count(RosterEntry) == before


@DATABASE_FUZZ
@given(content=ANY_BYTES)
def test_any_paper_file_is_checked_cleanly_and_a_refused_one_changes_nothing(event, content):
    before = (_count(Participant), _count(Attempt), _count(Answer))
    try:
        check = check_paper_file(event, "answers.csv", content)
    except UnreadableFile:
        assert (_count(Participant), _count(Attempt), _count(Answer)) == before
        return
    _assert_clean_problems(check.problems)
    if check.ok:
        import_paper(event, check)
    else:
        with pytest.raises(ValueError):
            import_paper(event, check)
        assert (_count(Participant), _count(Attempt), _count(Answer)) == before
