"""Checking a file of answers given on paper before anything is saved (pure, no Flask).

One row per person and phase: employee_id, name, department, level, phase, then one
column per question id. A `multiple` answer is written `a;c`, true_false as true/false,
numbers as numbers, a rating as 1 to 5; an empty cell is a question left unanswered.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from assessment.banks.bank import Bank, Question
from assessment.messages import N_, Message, WordedError
from assessment.quizzes.answers import parse_given
from assessment.quizzes.pairing import clean_name, employee_key, name_key
from assessment.roster.parsing import (
    DEPARTMENT,
    EMPTY_NAME,
    STAFF_LEVEL,
    OrgLists,
    check_list_cell,
)
from assessment.roster.tables import (
    Problem,
    Row,
    Table,
    control_characters,
    did_you_mean,
    missing_columns,
)

PERSON_COLUMNS = ("employee_id", "name", "department", "level", "phase")
PHASE_WORDS = {"pre": "pre", "pretest": "pre", "post": "post", "posttest": "post",
               "followup": "followup", "delayed": "followup"}
TRUE_WORDS = {"true", "t", "yes", "y", "1", "จริง", "ถูก"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "เท็จ", "ผิด"}


class CellProblem(WordedError, ValueError):
    """A cell that cannot be read as an answer to its question; `wording` says why."""

    def __init__(self, template: str, **params):
        super().__init__(Message(template, **params))


@dataclass(frozen=True)
class PaperAttempt:
    """One person's answers to one phase, checked and ready to store."""

    row: int
    employee_id: str
    name: str
    department_code: str | None
    level_code: str | None
    phase: str
    answers: dict[str, object]

    def person_keys(self, by_roster: bool) -> tuple[tuple, ...]:
        """Who this row is about, as pairing sees it: on a roster the employee ID; else the
        name in its department, and the employee ID too when the row gives one."""
        by_id = ("id", employee_key(self.employee_id))
        if by_roster:
            return (by_id,)
        by_name = ("name", name_key(self.name), self.department_code)
        return (by_name, by_id) if employee_key(self.employee_id) else (by_name,)


@dataclass(frozen=True)
class PaperCheck:
    """What a paper file holds: the attempts, and every problem found."""

    attempts: tuple[PaperAttempt, ...]
    problems: tuple[Problem, ...]
    #: what the file was checked against: its attempts are stored on this bank
    rules: PaperRules

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.attempts)


@dataclass(frozen=True)
class PaperRules:
    """What a file is checked against: the bank, the lists, the phases and the roster."""

    bank: Bank
    lists: OrgLists
    phases: tuple[str, ...]
    #: employee keys of the event's roster; None when the event has no roster
    roster: frozenset[str] | None = None


def check_paper(table: Table, rules: PaperRules) -> PaperCheck:
    """Every attempt in the file, and every problem with its row and column."""
    problems = (missing_columns(table, PERSON_COLUMNS) + _unknown_columns(table, rules.bank)
                + control_characters(table))
    if problems:
        return PaperCheck((), tuple(problems), rules)
    if not table.rows:
        return PaperCheck((), (Problem(2, "phase", Message(
            N_("the file has no answers in it"))),), rules)
    attempts, first_row_of = [], {}
    for row in table.rows:
        attempt = _check_row(row, rules, problems)
        if attempt is None:
            continue
        keys = [(key, attempt.phase) for key in attempt.person_keys(rules.roster is not None)]
        seen = next((key for key in keys if key in first_row_of), None)
        if seen:
            column = "employee_id" if seen[0][0] == "id" else "name"
            problems.append(Problem(row.number, column, Message(
                N_("this person's %(phase)s answers are also on row %(first)s"),
                phase=attempt.phase, first=first_row_of[seen])))
            continue
        first_row_of.update(dict.fromkeys(keys, row.number))
        attempts.append(attempt)
    return PaperCheck(tuple(attempts), tuple(problems), rules)


def _unknown_columns(table: Table, bank: Bank) -> list[Problem]:
    ids = [q.id.lower() for q in bank.questions]
    problems = []
    for column in table.columns:
        if column and column not in PERSON_COLUMNS and column not in ids:
            close = difflib.get_close_matches(column, ids, n=1, cutoff=0.6)
            problems.append(Problem(1, column, Message(
                N_('"%(column)s" is not a question of bank %(bank)s v%(version)s%(hint)s'),
                column=column, bank=bank.id, version=bank.version,
                hint=did_you_mean(close[0] if close else None))))
    return problems


def _check_row(row: Row, rules: PaperRules, problems: list[Problem]) -> PaperAttempt | None:
    before = len(problems)
    phase = _check_phase(row, rules.phases, problems)
    department, level = _check_person(row, rules, problems)
    answers = {}
    for question in rules.bank.questions:
        written = row.get(question.id.lower())
        if not written:
            continue
        try:
            answers[question.id] = answer_from_cell(question, written)
        except CellProblem as problem:
            problems.append(Problem(row.number, question.id.lower(), problem.wording))
    if len(problems) > before:
        return None
    return PaperAttempt(row.number, row.get("employee_id"), clean_name(row.get("name")),
                        department, level, phase, answers)


def _check_phase(row: Row, phases: tuple[str, ...], problems: list[Problem]) -> str | None:
    written = row.get("phase")
    kind = PHASE_WORDS.get("".join(ch for ch in written.lower() if ch.isalnum()))
    if kind not in phases:
        template = (N_('unknown phase "%(written)s"; this event has %(phases)s') if written
                    else N_("the phase is empty; this event has %(phases)s"))
        problems.append(Problem(row.number, "phase", Message(
            template, written=written, phases=", ".join(phases))))
        return None
    return kind


def _check_person(row: Row, rules: PaperRules, problems: list[Problem]):
    """Department and level codes; on a roster the employee ID is what identifies."""
    if rules.roster is not None:
        written = row.get("employee_id")
        if not written:
            problems.append(Problem(row.number, "employee_id", Message(
                N_("the employee ID is empty (this event has a roster)"))))
        elif employee_key(written) not in rules.roster:
            problems.append(Problem(row.number, "employee_id", Message(
                N_('employee ID "%(id)s" is not on the event\'s roster'), id=written)))
        return None, None
    if not row.get("name"):
        problems.append(Problem(row.number, "name", EMPTY_NAME))
    department = check_list_cell(row, "department", rules.lists.departments, DEPARTMENT,
                                 problems)
    level = check_list_cell(row, "level", rules.lists.levels, STAFF_LEVEL, problems)
    return department, level


def answer_from_cell(question: Question, written: str) -> object:
    """The stored answer for a cell, as a phone would have sent it; CellProblem if invalid."""
    if question.type in ("single", "multiple"):
        return _options(question, written)
    if question.type == "true_false":
        return _true_false(written)
    if question.type == "numeric":
        try:
            float(written.replace(",", ""))
        except ValueError:
            raise CellProblem(N_('"%(written)s" is not a number'), written=written) from None
        return parse_given(question, [written.replace(",", "")])
    if question.type == "rating":
        value = parse_given(question, [written])
        if value is None:
            raise CellProblem(N_('"%(written)s" is not a rating from 1 to 5'), written=written)
        return value
    return parse_given(question, [written])


def _options(question: Question, written: str):
    ids = {option.id.lower(): option.id for option in question.options}
    chosen = [part.strip().lower() for part in written.replace(",", ";").split(";")]
    chosen = [part for part in chosen if part]
    unknown = [part for part in chosen if part not in ids]
    if unknown:
        raise CellProblem(N_('option "%(option)s" is not one of %(options)s'),
                          option=unknown[0], options=", ".join(ids.values()))
    if question.type == "single" and len(set(chosen)) != 1:
        raise CellProblem(N_('"%(written)s": this question takes one option'), written=written)
    return parse_given(question, [ids[part] for part in chosen])


def _true_false(written: str) -> bool:
    word = written.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellProblem(N_('"%(written)s" is not true or false'), written=written)
