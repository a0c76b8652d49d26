"""Checking a staff roster file before anything is saved (pure, no Flask).

HR writes departments and levels as codes or as the Thai or English names of the
organisation's lists; every cell that matches none is reported with a "did you mean".
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from assessment.messages import N_, Message
from assessment.quizzes.pairing import clean_name, employee_key, name_key
from assessment.roster.tables import (
    Problem,
    Row,
    Table,
    control_characters,
    did_you_mean,
    missing_columns,
)

ROSTER_COLUMNS = ("employee_id", "name", "department", "level")
#: what a department or level cell is called in a problem
DEPARTMENT = Message(N_("department"))
STAFF_LEVEL = Message(N_("staff level"))
EMPTY_NAME = Message(N_("the name is empty"))


@dataclass(frozen=True)
class ListItem:
    """One department or staff level: its code and its names."""

    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class OrgLists:
    """The organisation's departments and staff levels, as a file is checked against them."""

    departments: tuple[ListItem, ...]
    levels: tuple[ListItem, ...]


@dataclass(frozen=True)
class StaffMember:
    """A roster row that passed every check."""

    row: int
    employee_id: str
    name: str
    department_code: str
    level_code: str


@dataclass(frozen=True)
class RosterCheck:
    """What a roster file holds: the people, every problem found, and the rows HR should look
    at before saving (notices do not stop the save)."""

    people: tuple[StaffMember, ...]
    problems: tuple[Problem, ...]
    notices: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.people)


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def match_item(items: tuple[ListItem, ...], written: str) -> str | None:
    """The code of the item written as its code, Thai name or English name."""
    wanted = _folded(written)
    for item in items:
        if wanted in (_folded(item.code), _folded(item.name_th), _folded(item.name_en)):
            return item.code
    return None


def closest_label(items: tuple[ListItem, ...], written: str) -> str | None:
    """The code or name closest to what was written, or None when none is close."""
    by_label = {}
    for item in items:
        for label in (item.code, item.name_th, item.name_en):
            if label:
                by_label[_folded(label)] = label
    close = difflib.get_close_matches(_folded(written), list(by_label), n=1, cutoff=0.6)
    return by_label[close[0]] if close else None


def check_list_cell(row: Row, column: str, items: tuple[ListItem, ...], kind: Message,
                    problems: list[Problem]) -> str | None:
    """The code for a department or level cell; a problem when empty or unknown.
    `kind` names the list: DEPARTMENT or STAFF_LEVEL."""
    written = row.get(column)
    if not written:
        problems.append(Problem(row.number, column, Message(N_("the %(kind)s is empty"),
                                                            kind=kind)))
        return None
    code = match_item(items, written)
    if code is None:
        hint = did_you_mean(closest_label(items, written))
        problems.append(Problem(row.number, column, Message(
            N_('unknown %(kind)s "%(written)s"%(hint)s'), kind=kind, written=written, hint=hint)))
    return code


def check_roster(table: Table, lists: OrgLists) -> RosterCheck:
    """Every person in the file, and every problem with its row and column."""
    problems = missing_columns(table, ROSTER_COLUMNS) + control_characters(table)
    if problems:
        return RosterCheck((), tuple(problems))
    if not table.rows:
        return RosterCheck((), (Problem(2, "employee_id", Message(
            N_("the file has no people in it"))),))
    people, first_row_of = [], {}
    for row in table.rows:
        person = _check_row(row, lists, problems)
        key = employee_key(row.get("employee_id"))
        if key and key in first_row_of:
            problems.append(Problem(row.number, "employee_id", Message(
                N_('employee ID "%(id)s" is also on row %(first)s'),
                id=row.get("employee_id"), first=first_row_of[key])))
            continue
        if key:
            first_row_of[key] = row.number
        if person:
            people.append(person)
    return RosterCheck(tuple(people), tuple(problems), namesakes(people))


def namesakes(people: list[StaffMember]) -> tuple[Problem, ...]:
    """A notice on each row with the name (titles aside) and department of an earlier row.

    Two staff of one department may share a name; their employee IDs keep them apart, so the
    roster is saved as it is. But the same person listed twice under two IDs would join as
    whichever ID they type, so HR is shown both rows before saving.
    """
    first_row_of, notices = {}, []
    for person in people:
        key = (name_key(person.name), person.department_code)
        if key in first_row_of:
            notices.append(Problem(person.row, "name", Message(
                N_("the same name and department as row %(first)s: two people, or one "
                   "person listed twice?"), first=first_row_of[key])))
        else:
            first_row_of[key] = person.row
    return tuple(notices)


def _check_row(row: Row, lists: OrgLists, problems: list[Problem]) -> StaffMember | None:
    before = len(problems)
    if not row.get("employee_id"):
        problems.append(Problem(row.number, "employee_id",
                                Message(N_("the employee id is empty"))))
    if not row.get("name"):
        problems.append(Problem(row.number, "name", EMPTY_NAME))
    department = check_list_cell(row, "department", lists.departments, DEPARTMENT, problems)
    level = check_list_cell(row, "level", lists.levels, STAFF_LEVEL, problems)
    if len(problems) > before:
        return None
    return StaffMember(row.number, row.get("employee_id"), clean_name(row.get("name")),
                       department, level)
