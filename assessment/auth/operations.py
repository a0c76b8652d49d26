"""Accounts: create, check a password with a per-account lockout, change a password."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from assessment.auth.models import ROLES, User
from assessment.extensions import db

#: argon2id with the library's recommended cost (RFC 9106 low-memory profile)
HASHER = PasswordHasher()
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10


class AccountRefused(Exception):
    """The account change cannot be made; the message says why."""


def new_password() -> str:
    """A random password to print once (about 95 bits)."""
    return secrets.token_urlsafe(12)


def find_user(username: str) -> User | None:
    """The account with this user name (case-insensitive)."""
    query = select(User).where(User.username == username.strip().lower())
    return db.session.scalars(query).first()


def create_user(username: str, role: str, password: str) -> User:
    """A new account with an argon2id password hash."""
    username = username.strip().lower()
    if role not in ROLES:
        raise AccountRefused(f"unknown role '{role}'; use one of {', '.join(ROLES)}")
    if not username or find_user(username):
        raise AccountRefused(f"user name '{username}' is empty or taken")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountRefused(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    user = User(username=username, role=role, password_hash=HASHER.hash(password))
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(username: str, password: str, now: datetime | None = None) -> User | None:
    """The user if the password is right and the account is not locked; counts failures."""
    now = now or datetime.now(UTC)
    user = find_user(username)
    if user is None:
        HASHER.hash(password)  # same work as a real check, so timing does not reveal names
        return None
    if user.locked_until and user.locked_until > now:
        return None
    if _password_matches(user, password):
        user.failed_logins = 0
        user.locked_until = None
        if HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = HASHER.hash(password)
        db.session.commit()
        return user
    _count_failure(user, now)
    return None


def is_locked(username: str, now: datetime | None = None) -> bool:
    """True while an account is locked after too many wrong passwords."""
    user = find_user(username)
    return bool(user and user.locked_until and user.locked_until > (now or datetime.now(UTC)))


def _password_matches(user: User, password: str) -> bool:
    try:
        return HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _count_failure(user: User, now: datetime) -> None:
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.locked_until = now + LOCKOUT
        user.failed_logins = 0
    db.session.commit()


def all_users() -> list[User]:
    """Every account, by user name."""
    return list(db.session.scalars(select(User).order_by(User.username)))


def ensure_first_admin() -> str | None:
    """On a fresh installation, create `admin` and return its one-time password; else None."""
    if db.session.scalar(select(User.id).limit(1)) is not None:
        return None
    password = new_password()
    create_user("admin", "admin", password)
    return password
