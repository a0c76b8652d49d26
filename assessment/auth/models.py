"""Staff accounts for trainers, HR and administrators."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, String, func, true
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
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    #: part of every session cookie of this account; raised to end them all (logout,
    #: a new password, the account disabled)
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: a disabled account cannot log in, and its sessions end
    active: Mapped[bool] = mapped_column(default=True, server_default=true())

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """What the session cookie holds: the account and its session version."""
        return f"{self.id}.{self.session_version}"

    @property
    def runs_events(self) -> bool:
        """Admins and trainers run events (a trainer only the events given to them)."""
        return self.role in ("admin", "trainer")
