"""Staff accounts for trainers, HR and administrators."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, String, func
from sqlalchemy.orm import Mapped, mapped_column

from assessment.extensions import db

ROLES = ("admin", "trainer", "hr")


class User(UserMixin, db.Model):
    """A trainer, HR officer or administrator; participants never have one."""

    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint("role in ('admin', 'trainer', 'hr')", name="user_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10))
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())

    @property
    def runs_events(self) -> bool:
        """Admins and trainers run events (a trainer only the events given to them)."""
        return self.role in ("admin", "trainer")
