"""Scoring per question type, including partial credit for `multiple`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.banks.bank import Option, Question
from assessment.quizzes.scoring import normalise_text, parse_number, points_for


def _options(right: str, all_ids: str = "abcd"):
    return tuple(Option(id=i, text={"th": i}, correct=i in right) for i in all_ids)


def q(kind, **fields):
    return Question(id="q", topic="t", type=kind, prompt={"th": "?"}, **fields)


SINGLE = q("single", options=_options("b"), points=2)
MULTIPLE = q("multiple", options=_options("ac"), points=1)
STRICT = q("multiple", options=_options("ac"), points=3, scoring="all_or_nothing")


@pytest.mark.parametrize("given, points", [("b", 2), ("a", 0), (None, 0), ("", 0), ("zz", 0),
                                           (["b"], 0), (5, 0)])
def test_single(given, points):
    assert points_for(SINGLE, given) == points


@pytest.mark.parametrize("given, points", [
    (["a", "c"], 1.0),        # both right
    (["a"], 0.5),             # one of two right
    (["a", "b"], 0.0),        # one right, one wrong: 1 - 1 = 0
    (["a", "c", "d"], 0.5),   # two right, one wrong: (2 - 1) / 2
    (["b", "d"], 0.0),        # never below zero
    ([], 0.0), (None, 0.0), ("a", 0.5), (["a", "a"], 0.5),
])
def test_multiple_partial_credit(given, points):
    assert points_for(MULTIPLE, given) == pytest.approx(points)


def test_multiple_all_or_nothing():
    assert points_for(STRICT, ["c", "a"]) == 3
    assert points_for(STRICT, ["a"]) == 0
    assert points_for(STRICT, ["a", "c", "d"]) == 0


@pytest.mark.parametrize("given, points", [(True, 1), (False, 0), ("true", 1), ("x", 0),
                                           (None, 0)])
def test_true_false(given, points):
    assert points_for(q("true_false", answer=True), given) == points


@pytest.mark.parametrize("given", ["PDPA", " pdpa ", "ＰＤＰＡ", "Pdpa", "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"])
def test_short_text_normalised(given):
    question = q("short_text", accept=("PDPA", "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"))
    assert points_for(question, given) == 1


def test_short_text_wrong_and_inner_spaces():
    question = q("short_text", accept=("Internet of Things",))
    assert points_for(question, "internet   of things") == 1
    assert points_for(question, "internet") == 0


@pytest.mark.parametrize("given, points", [
    ("7", 1), (7, 1), ("7.0", 1), (" 7 ", 1), ("๗", 1), ("8", 0), ("seven", 0), ("", 0),
    (float("nan"), 0), (True, 0),
])
def test_numeric_exact(given, points):
    assert points_for(q("numeric", answer=7.0), given) == points


def test_numeric_tolerance_and_thousands():
    question = q("numeric", answer=1000.0, tolerance=5.0)
    assert points_for(question, "1,004") == 1
    assert points_for(question, "1,006") == 0
    assert points_for(q("numeric", answer=0.3, tolerance=0.0), 0.1 + 0.2) == 1


def test_rating_is_unscored():
    assert points_for(q("rating"), 4) is None
    assert q("rating").max_points == 0


def test_helpers():
    assert normalise_text("  Ａ  b ") == "a b"
    assert parse_number("1,234.5") == 1234.5 and parse_number("inf") is None


@given(st.lists(st.sampled_from("abcdxyz"), max_size=8), st.floats(0.5, 10))
def test_partial_credit_stays_within_zero_and_points(chosen, points):
    question = q("multiple", options=_options("ac"), points=points)
    assert 0 <= points_for(question, chosen) <= points
