"""The organisation's own lists: departments and staff levels."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from assessment.extensions import db


class LevelGroup(db.Model):
    """A reporting group of staff levels (executives, directors, ...)."""

    __tablename__ = "level_group"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int]


class StaffLevel(db.Model):
    """A position class participants pick from."""

    __tablename__ = "staff_level"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    group_code: Mapped[str] = mapped_column(ForeignKey("level_group.code"))
    position: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)


class Department(db.Model):
    """A bureau, division or office participants pick from."""

    __tablename__ = "department"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)
