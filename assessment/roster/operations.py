"""Loading a checked roster into an event, and reading it back."""

from __future__ import annotations

from sqlalchemy import delete, select

from assessment.database import outside_transaction
from assessment.events.models import Event
from assessment.extensions import db
from assessment.organisation.models import Department, StaffLevel
from assessment.roster.models import RosterEntry
from assessment.roster.parsing import ListItem, OrgLists, RosterCheck, check_roster
from assessment.roster.tables import read_table


def organisation_lists() -> OrgLists:
    """The departments and staff levels files are checked against (inactive ones too)."""
    def items(model):
        rows = db.session.scalars(select(model).order_by(model.position))
        return tuple(ListItem(r.code, r.name_th, r.name_en) for r in rows)

    return OrgLists(items(Department), items(StaffLevel))


def check_roster_file(filename: str, content: bytes) -> RosterCheck:
    """Read and check a roster file against the organisation's lists; nothing is saved, and
    no transaction is open while the file is read and checked."""
    lists = organisation_lists()
    return outside_transaction(db.session, _read_and_check, filename, content, lists)


def _read_and_check(filename: str, content: bytes, lists) -> RosterCheck:
    return check_roster(read_table(filename, content), lists)


def replace_roster(event: Event, check: RosterCheck) -> int:
    """Replace the event's roster with the checked people, in one transaction."""
    if not check.ok:
        raise ValueError("a roster with problems cannot be saved")
    try:
        db.session.execute(delete(RosterEntry).where(RosterEntry.event_id == event.id))
        db.session.add_all(RosterEntry(
            event_id=event.id, employee_id=person.employee_id, name=person.name,
            department_code=person.department_code, level_code=person.level_code,
        ) for person in check.people)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return len(check.people)


def roster_of(event: Event) -> list[RosterEntry]:
    """The event's roster, by employee ID."""
    query = select(RosterEntry).where(RosterEntry.event_id == event.id)
    return list(db.session.scalars(query.order_by(RosterEntry.employee_id)))
