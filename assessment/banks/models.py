"""Stored bank versions and their questions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessment.extensions import db


class BankVersion(db.Model):
    """One version of a question bank exactly as loaded; events pin one of these."""

    __tablename__ = "bank_version"
    __table_args__ = (UniqueConstraint("bank_key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the bank's own `id` from the YAML file
    bank_key: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int]
    title: Mapped[dict] = mapped_column(JSON)
    #: the YAML text as loaded, so a report can always show what was asked; loaded only
    #: when read (pages that need the parsed bank take it from bank_by_version's cache)
    source: Mapped[str] = mapped_column(Text, deferred=True)
    #: sha256 of the source, to tell an unchanged reload from an edit
    source_sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    loaded_at: Mapped[datetime] = mapped_column(server_default=func.now())

    questions: Mapped[list[QuestionRecord]] = relationship(
        back_populates="bank_version", order_by="QuestionRecord.position"
    )


class QuestionRecord(db.Model):
    """A question of a stored bank version, for reports that read the database directly."""

    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("bank_version_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_version_id: Mapped[int] = mapped_column(ForeignKey("bank_version.id"))
    question_key: Mapped[str] = mapped_column(String(100))
    position: Mapped[int]
    type: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(100))
    max_points: Mapped[float]

    bank_version: Mapped[BankVersion] = relationship(back_populates="questions")
