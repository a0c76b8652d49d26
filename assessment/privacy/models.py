"""The audit log: who viewed or downloaded which report, and what the privacy commands did."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from assessment.extensions import db


class AuditEntry(db.Model):
    """One access to personal data, kept even after the user or the event is gone."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(server_default=func.now(), index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"))
    #: copied from the account (or "cli"), so the entry outlives it
    username: Mapped[str] = mapped_column(String(80))
    #: e.g. "view_report", "download_workbook", "view_chart", "purge", "export", "erase"
    action: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    #: copied from the event, so the entry outlives it
    event_code: Mapped[str | None] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text, default="")


class PseudonymKey(db.Model):
    """The one key pseudonyms are made with: drawn once by migration h23_pseudonym_key and
    kept in the database, so every app server makes the same pseudonym for a person and a
    new session key (ASSESSMENT_SECRET_KEY) changes none of them."""

    __tablename__ = "pseudonym_key"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
