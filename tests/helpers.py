"""Small factories for tests (in the manner of CTFd's tests/helpers.py)."""

from __future__ import annotations

import re
from pathlib import Path

from assessment.banks.operations import load_bank
from assessment.events.operations import create_event, open_phase

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_BANK = ROOT / "question_banks" / "smart-city-basics.yaml"
DATA = Path(__file__).resolve().parent / "data"


def load_shipped_bank():
    """Load the shipped Smart City bank and return its stored version."""
    return load_bank(SHIPPED_BANK.read_text(encoding="utf-8"), SHIPPED_BANK.name).version


def make_event(version, open_kind: str | None = "pre", **options):
    """An event on the bank with pre and post phases, one of them open."""
    event = create_event(version, "สัมมนาทดสอบ", None, ("pre", "post"), **options)
    if open_kind:
        open_phase(event, open_kind)
    return event


def csrf_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


def first_codes() -> tuple[str, str]:
    """The first department and staff level codes of the seeded lists."""
    from sqlalchemy import select

    from assessment.extensions import db
    from assessment.organisation.models import Department, StaffLevel

    department = db.session.scalars(select(Department.code).order_by(Department.position)).first()
    level = db.session.scalars(select(StaffLevel.code).order_by(StaffLevel.position)).first()
    return department, level


def identify(client, event, name="สมชาย ใจดี", department=None, level=None):
    """Join the event as a person picked from the lists; returns the quiz page response."""
    default_department, default_level = first_codes()
    department = department or default_department
    level = level or default_level
    page = client.get(f"/j/{event.code}")
    return client.post(f"/j/{event.code}", data={
        "csrf_token": csrf_from(page.get_data(as_text=True)),
        "name": name, "department": department, "level": level,
    }, follow_redirects=True)


def attempt_id_from(html: str) -> int:
    """The attempt id a quiz page carries."""
    return int(re.search(r'name="attempt_id" value="(\d+)"', html).group(1))


def as_read(html: str) -> str:
    """The page as a person reads it: without the invisible WORD JOINERs and ZERO WIDTH SPACEs
    that keep Thai words and names whole at line ends."""
    return html.replace("\u2060", "").replace("\u200b", "")
