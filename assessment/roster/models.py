"""The staff roster HR loads for an event, so participants identify by employee ID."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from assessment.extensions import db


class RosterEntry(db.Model):
    """One staff member expected at an event."""

    __tablename__ = "roster_entry"
    __table_args__ = (UniqueConstraint("event_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    employee_id: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    department_code: Mapped[str] = mapped_column(String(50))
    level_code: Mapped[str] = mapped_column(String(50))
