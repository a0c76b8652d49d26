"""Changes to the organisation's lists. Rows are never deleted: participants, rosters and
reports keep a department's or level's code, so a row that is no longer used is deactivated
(gone from the participant's choices, its names kept for reports)."""

from __future__ import annotations

from sqlalchemy import func, select

from assessment.extensions import db
from assessment.organisation.lists import forget_choices
from assessment.organisation.models import Department, LevelGroup, StaffLevel

#: the two lists an administrator edits, by the name their pages use
LISTS = {"departments": Department, "levels": StaffLevel}


class ListRefused(Exception):
    """The change cannot be made; the message says why in the administrator's words."""


def list_rows(model) -> list:
    """Every row of a list, active or not, in the list's order."""
    return list(db.session.scalars(select(model).order_by(model.position, model.code)))


def level_groups() -> list[LevelGroup]:
    """The reporting groups a staff level belongs to, in order."""
    return list(db.session.scalars(select(LevelGroup).order_by(LevelGroup.position)))


def find_row(model, code: str):
    """The row with this code, or None."""
    return db.session.get(model, code)


def add_row(model, code: str, name_th: str, name_en: str, **extra):
    """A new active row at the end of the list."""
    if find_row(model, code) is not None:
        raise ListRefused(f"the code '{code}' is already used")
    last = db.session.scalar(select(func.max(model.position))) or 0
    row = model(code=code, name_th=name_th.strip(), name_en=name_en.strip(), position=last + 1,
                active=True, **extra)
    db.session.add(row)
    _saved()
    return row


def rename_row(row, name_th: str, name_en: str, **extra) -> None:
    """New Thai and English names (and, for a level, its group); the code stays."""
    row.name_th, row.name_en = name_th.strip(), name_en.strip()
    for name, value in extra.items():
        setattr(row, name, value)
    _saved()


def move_row(row, step: int) -> None:
    """Swap the row with its neighbour above (step -1) or below (step +1)."""
    rows = list_rows(type(row))
    _renumber(rows)
    index = rows.index(row)
    other = index + step
    if 0 <= other < len(rows):
        row.position, rows[other].position = rows[other].position, row.position
    _saved()


def set_active(row, active: bool) -> None:
    """Show the row in participants' choices again, or hide it from them."""
    row.active = active
    _saved()


def _saved() -> None:
    """Commit the change; this worker's join pages show it at once, the others' within
    lists.CHOICES_SECONDS."""
    db.session.commit()
    forget_choices()


def _renumber(rows: list) -> None:
    """Positions 1, 2, 3 ... in the current order, so a swap never meets a tie."""
    for position, row in enumerate(rows, start=1):
        row.position = position
