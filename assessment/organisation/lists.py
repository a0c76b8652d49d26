"""The organisation's departments and staff levels as participants and reports see them."""

from __future__ import annotations

import threading

from cachetools import TTLCache
from sqlalchemy import select

from assessment.extensions import db
from assessment.i18n import current_language
from assessment.organisation import defaults
from assessment.organisation.models import Department, LevelGroup, StaffLevel


def _name(row, lang: str) -> str:
    return row.name_en if lang == "en" and row.name_en else row.name_th


#: How long a worker keeps the participant's choices it read (seconds). Every phone's join page
#: and identify read both lists, which change only when HR edits them: the worker that saves an
#: edit forgets them at once (forget_choices), every other worker on every host within
#: CHOICES_SECONDS, or sooner when a phone chose a code they lack (its page came from a worker
#: that read the list after the edit). Kept, a join page took 8.7 ms instead of 10.7 ms on
#: PostgreSQL (benchmarks/list_choices.py).
CHOICES_SECONDS = 10
#: (list, language) -> the choices as a tuple, as this worker last read them
_CHOICES: TTLCache = TTLCache(maxsize=8, ttl=CHOICES_SECONDS)
_CHOICES_LOCK = threading.Lock()


def department_choices(lang: str | None = None, chosen: str | None = None
                       ) -> list[tuple[str, str]]:
    """(code, name) of active departments in the list's order, read again if `chosen` is not
    among those kept."""
    return _choices(Department, lang or current_language(), chosen)


def level_choices(lang: str | None = None, chosen: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of active staff levels, most senior first; `chosen` as for departments."""
    return _choices(StaffLevel, lang or current_language(), chosen)


def forget_choices() -> None:
    """Read the lists again at the next page (called when HR changed one)."""
    with _CHOICES_LOCK:
        _CHOICES.clear()


def _choices(model, lang: str, chosen: str | None) -> list[tuple[str, str]]:
    """Read as plain rows, not ORM objects: building an object per department was a tenth of
    identifying."""
    key = (model.__tablename__, lang)
    with _CHOICES_LOCK:
        kept = _CHOICES.get(key)
    if kept is not None and (not chosen or any(code == chosen for code, _name in kept)):
        return list(kept)
    rows = db.session.execute(select(model.code, model.name_th, model.name_en)
                              .where(model.active).order_by(model.position))
    choices = [(row.code, _name(row, lang)) for row in rows]
    with _CHOICES_LOCK:
        _CHOICES[key] = tuple(choices)
    return choices


def names(lang: str) -> dict[str, dict[str, str]]:
    """Display names by code: {'department': {...}, 'level': {...}, 'level_group': {...}}."""
    departments = list(db.session.scalars(select(Department)))
    levels = list(db.session.scalars(select(StaffLevel)))
    groups = list(db.session.scalars(select(LevelGroup)))
    return {
        "department": {r.code: _name(r, lang) for r in departments},
        "level": {r.code: _name(r, lang) for r in levels},
        "level_group": {r.code: _name(r, lang) for r in groups},
        "group_of_level": {r.code: r.group_code for r in levels},
        "level_position": {r.code: r.position for r in levels},
        "level_group_position": {r.code: r.position for r in groups},
    }


def seed_defaults() -> bool:
    """Fill empty lists with the shipped defaults; lists HR already edited are left alone."""
    if db.session.scalar(select(Department.code).limit(1)) is not None:
        return False
    for group in defaults.LEVEL_GROUPS:
        db.session.add(LevelGroup(code=group.code, name_th=group.th, name_en=group.en,
                                  position=group.order))
    db.session.flush()
    for level in defaults.STAFF_LEVELS:
        db.session.add(StaffLevel(code=level.code, name_th=level.th, name_en=level.en,
                                  group_code=level.group, position=level.order))
    for department in defaults.DEPARTMENTS:
        db.session.add(Department(code=department.code, name_th=department.th,
                                  name_en=department.en, position=department.order))
    db.session.commit()
    forget_choices()
    return True
