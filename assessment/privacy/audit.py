"""The audit log of who looked at or took away personal data (PDPA accountability)."""

from __future__ import annotations

from sqlalchemy import select

from assessment import database
from assessment.events.models import Event
from assessment.extensions import db
from assessment.privacy.models import AuditEntry


def record(user, action: str, event: Event | None = None, detail: str = "") -> AuditEntry:
    """Write one audit entry now; `user` is a staff User, None, or a name such as "cli"."""
    username = getattr(user, "username", None) or (user if isinstance(user, str) else "anonymous")
    entry = AuditEntry(
        user_id=getattr(user, "id", None), username=username[:80], action=action[:40],
        event_id=event.id if event else None, event_code=event.code if event else None,
        detail=detail or "",
    )
    with database.writing(db.session):  # report pages are GETs, and read on afterwards
        db.session.add(entry)
        db.session.commit()
    return entry


def entries(event_code: str | None = None, limit: int = 200) -> list[AuditEntry]:
    """The latest entries, newest first, optionally for one event."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if event_code:
        query = query.where(AuditEntry.event_code == event_code.upper())
    return list(db.session.scalars(query))
