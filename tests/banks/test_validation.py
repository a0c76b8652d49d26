"""The bank validator against a corpus of good and bad banks.

Each bad bank states the problem it must produce on its first line,
`# expect: LINE:COLUMN: message`, so the corpus describes itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.banks.validation import MAX_BANK_BYTES, check_bank_file, check_bank_text
from tests.helpers import DATA, SHIPPED_BANK

BAD = sorted((DATA / "banks" / "bad").glob("*.yaml"))
GOOD = sorted((DATA / "banks" / "good").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")


def _expectation(path: Path) -> tuple[int, int, str]:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    line, column, message = EXPECT.match(first).groups()
    return int(line), int(column), message


def test_corpus_is_large_enough():
    assert len(BAD) >= 25 and len(GOOD) >= 3


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_bank_reports_the_problem_where_it_is(path):
    line, column, message = _expectation(path)
    result = check_bank_file(path)
    assert not result.ok and result.bank is None
    where = [(p.line, p.column) for p in result.problems if message in p.message]
    assert (line, column) in where, [str(p) for p in result.problems]
    assert all(str(p).startswith(f"{path}:") for p in result.problems)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_good_banks_pass(path):
    result = check_bank_file(path)
    assert result.ok, [str(p) for p in result.problems]


def test_shipped_bank_is_real_and_complete():
    bank = check_bank_file(SHIPPED_BANK).bank
    assert bank is not None and 25 <= len(bank.questions) <= 40
    types = {q.type for q in bank.questions}
    assert {"single", "multiple", "true_false", "short_text", "numeric", "rating"} <= types
    assert all(q.explanation for q in bank.questions if q.is_scored)
    assert all(set(q.prompt) == {"th", "en"} for q in bank.questions)
    assert len(bank.topics) >= 8


def test_every_problem_is_reported_not_just_the_first():
    text = (DATA / "banks" / "good" / "every-type.yaml").read_text(encoding="utf-8")
    broken = text.replace("type: single", "type: singel").replace("answer: 7", "answer: seven")
    problems = check_bank_text(broken, "b.yaml").problems
    assert len(problems) == 2
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_oversize_file_is_refused_before_parsing():
    text = "id: x\n" + "# padding\n" * (MAX_BANK_BYTES // 10 + 1)
    problems = check_bank_text(text, "big.yaml").problems
    assert len(problems) == 1 and "at most 1,048,576 bytes" in problems[0].message


def test_not_utf8_is_refused_with_its_line():
    problems = check_bank_text(b"id: x\nversion: 1\ntitle: \xff\n", "latin.yaml").problems
    assert problems[0].line == 3 and "UTF-8" in problems[0].message


def test_problem_prints_like_a_compiler():
    problem = check_bank_text("- a\n", "bank.yaml").problems[0]
    assert str(problem) == f"bank.yaml:1:1: {problem.message}"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_bank_or_located_problems(text):
    result = check_bank_text(text, "fuzz.yaml")
    assert result.ok or all(p.line >= 1 and p.column >= 1 for p in result.problems)
