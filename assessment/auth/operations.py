"""Accounts: create, check a password, change a password, disable, end sessions."""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from zxcvbn import zxcvbn

from assessment.auth.models import ROLES, User
from assessment.extensions import db

#: argon2id with the library's recommended cost (RFC 9106 low-memory profile)
HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 10
#: zxcvbn's score from 0 to 4; 3 is "safely unguessable" against an online attack and a
#: slow hash offline
MIN_PASSWORD_SCORE = 3
#: zxcvbn's time grows with the length; beyond this the rest adds no doubt
MAX_CHECKED_LENGTH = 100


class AccountRefused(Exception):
    """The account change cannot be made; the message says why."""


def new_password() -> str:
    """A random password to print once (about 95 bits)."""
    return secrets.token_urlsafe(12)


def find_user(username: str) -> User | None:
    """The account with this user name (case-insensitive)."""
    query = select(User).where(User.username == username.strip().lower())
    return db.session.scalars(query).first()


def check_new_password(password: str, username: str = "") -> None:
    """Refuse a password that is short, blank or easy to guess (zxcvbn: common passwords,
    words, keyboard runs, repeats, the user name), saying why."""
    if len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise AccountRefused(f"the password needs at least {MIN_PASSWORD_LENGTH} characters "
                             "other than spaces")
    strength = zxcvbn(password[:MAX_CHECKED_LENGTH], user_inputs=[username])
    if strength["score"] < MIN_PASSWORD_SCORE:
        advice = strength["feedback"]["warning"] or "It is too easy to guess."
        raise AccountRefused(f"the password is too easy to guess: {advice} Use a longer "
                             "phrase of unrelated words, or --generate.")


def create_user(username: str, role: str, password: str) -> User:
    """A new account with an argon2id password hash."""
    username = username.strip().lower()
    if role not in ROLES:
        raise AccountRefused(f"unknown role '{role}'; use one of {', '.join(ROLES)}")
    if not username or find_user(username):
        raise AccountRefused(f"user name '{username}' is empty or taken")
    check_new_password(password, username)
    user = User(username=username, role=role, password_hash=HASHER.hash(password))
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(username: str, password: str) -> User | None:
    """The account if it exists, is enabled and the password is right. An unknown or
    disabled name costs the same argon2 check, so the time taken tells no names apart."""
    user = find_user(username)
    if user is None or not user.active:
        _password_matches(_dummy_hash(), password)
        return None
    if not _password_matches(user.password_hash, password):
        return None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
        db.session.commit()
    return user


@cache
def _dummy_hash() -> str:
    """A hash no password matches, checked for names that have no account."""
    return HASHER.hash(secrets.token_urlsafe(32))


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def end_sessions(user: User) -> None:
    """Every session cookie of the account stops working (copies included)."""
    user.session_version += 1
    db.session.commit()


def set_password(user: User, password: str) -> None:
    """A new password (the same rule as a new account); every session of the account ends."""
    check_new_password(password, user.username)
    user.password_hash = HASHER.hash(password)
    end_sessions(user)


def set_active(user: User, active: bool) -> None:
    """Disable or enable an account; disabling ends every session of it."""
    user.active = active
    end_sessions(user)


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
