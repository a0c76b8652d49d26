"""Paper answer files checked without a database: answers as a phone would send them."""

from __future__ import annotations

from assessment.banks.bank import Bank, Option, Question, Topic
from assessment.paper.parsing import PaperRules, check_paper
from assessment.roster.parsing import ListItem, OrgLists
from assessment.roster.tables import table_from_matrix

T = {"th": "ข้อ", "en": "Q"}
BANK = Bank(
    id="mini", version=1, title=T, languages=("th", "en"), topics=(Topic("t", T),),
    questions=(
        Question("q1", "t", "single", T, options=(Option("a", T, True), Option("b", T))),
        Question("q2", "t", "multiple", T, options=(Option("a", T, True), Option("b", T),
                                                    Option("c", T, True))),
        Question("q3", "t", "true_false", T, answer=True),
        Question("q4", "t", "numeric", T, answer=12.0),
        Question("q5", "t", "rating", T),
        Question("q6", "t", "short_text", T, accept=("iot",)),
    ),
)
LISTS = OrgLists((ListItem("clerk", "สำนักปลัดเทศบาล", "Office of the Municipal Clerk"),),
                 (ListItem("prof-op", "ปฏิบัติการ", "Practitioner level"),))
HEADER = ["employee_id", "name", "department", "level", "phase", "q1", "q2", "q3", "q4", "q5",
          "q6"]


def _check(*rows, header=HEADER, roster=None):
    rules = PaperRules(BANK, LISTS, ("pre", "post"), roster)
    return check_paper(table_from_matrix([header, *map(list, rows)]), rules)


def _where(check):
    return {(p.row, p.column) for p in check.problems}


def test_a_good_row_becomes_the_answers_a_phone_stores():
    check = _check(("", "นายสมชาย ใจดี", "clerk", "ปฏิบัติการ", "Pre", "A", "c;a", "TRUE",
                    "12", "4", "IoT"))
    assert check.ok, check.problems
    attempt = check.attempts[0]
    assert (attempt.phase, attempt.department_code, attempt.level_code) == (
        "pre", "clerk", "prof-op")
    assert attempt.answers == {"q1": "a", "q2": ["a", "c"], "q3": True, "q4": "12", "q5": 4,
                               "q6": "IoT"}


def test_empty_cells_are_unanswered_questions():
    check = _check(("", "A", "clerk", "prof-op", "post", "b", "", "", "", "", ""))
    assert check.ok and check.attempts[0].answers == {"q1": "b"}


def test_every_bad_cell_is_reported_with_row_and_column():
    check = _check(
        ("", "A", "clerk", "prof-op", "pre", "z", "a;d", "maybe", "twelve", "7", ""),
        ("", "B", "clurk", "boss", "during", "a", "", "", "", "", ""),
        ("", "", "clerk", "prof-op", "pre", "a;b", "", "", "", "", ""),
    )
    assert _where(check) == {
        (2, "q1"), (2, "q2"), (2, "q3"), (2, "q4"), (2, "q5"),
        (3, "department"), (3, "level"), (3, "phase"),
        (4, "name"), (4, "q1"),
    }
    messages = {(p.row, p.column): p.message for p in check.problems}
    assert 'option "z" is not one of a, b' in messages[(2, "q1")]
    assert '"twelve" is not a number' in messages[(2, "q4")]
    assert 'did you mean "clerk"' in messages[(3, "department")]
    assert "this event has pre, post" in messages[(3, "phase")]
    assert check.attempts == ()


def test_unknown_question_column_and_missing_person_column():
    check = _check(("", "A", "clerk", "prof-op", "pre", "a"),
                   header=["employee_id", "name", "department", "level", "phase", "q01"])
    assert _where(check) == {(1, "q01")}
    assert 'did you mean "q1"' in check.problems[0].message
    missing = _check(("A", "clerk", "prof-op", "pre"),
                     header=["name", "department", "level", "phase"])
    assert _where(missing) == {(1, "employee_id")}


def test_the_same_person_and_phase_twice():
    check = _check(("", "นายสมชาย ใจดี", "clerk", "prof-op", "pre", "a"),
                   ("", "สมชาย  ใจดี", "clerk", "prof-op", "post", "a"),
                   ("", "สมชาย ใจดี", "clerk", "prof-op", "pre", "b"),
                   header=HEADER[:6])
    assert _where(check) == {(4, "name")}
    assert "also on row 2" in check.problems[0].message


def test_with_a_roster_the_employee_id_identifies():
    roster = frozenset({"E1001"})
    check = _check(("e-1001", "", "", "", "pre", "a"), ("E1001", "", "", "", "pre", "b"),
                   ("E9", "", "", "", "pre", "a"), ("", "X", "clerk", "prof-op", "post", "a"),
                   header=HEADER[:6], roster=roster)
    assert _where(check) == {(3, "employee_id"), (4, "employee_id"), (5, "employee_id")}
    assert "not on the event's roster" in next(p.message for p in check.problems if p.row == 4)
    assert [a.row for a in check.attempts] == [2]


def test_control_characters_in_answers_are_refused_with_row_and_column():
    check = _check(("", "A", "clerk", "prof-op", "pre", "a", "", "", "", "", "io\x00t"),
                   ("", "B\x1b[31m", "clerk", "prof-op", "pre", "a", "", "", "", "", ""))
    assert _where(check) == {(2, "q6"), (3, "name")}
    assert not check.ok and "control character (U+0000)" in check.problems[0].message
