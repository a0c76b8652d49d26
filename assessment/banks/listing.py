"""The stored banks as the trainer's list shows them: each bank with its versions, how many
questions each has and which events use it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import select

from assessment.banks.models import BankVersion
from assessment.banks.operations import all_versions
from assessment.events.models import Event
from assessment.extensions import db


@dataclass(frozen=True)
class VersionEntry:
    version: BankVersion
    question_count: int
    events: tuple[Event, ...]


@dataclass(frozen=True)
class BankEntry:
    key: str
    #: the newest version's title
    title: dict
    versions: tuple[VersionEntry, ...]


def bank_shelf() -> list[BankEntry]:
    """Every bank by its id, its versions newest first."""
    versions = all_versions()
    using = _events_by_version([v.id for v in versions])
    shelf = []
    for key, group in groupby(versions, key=lambda v: v.bank_key):
        entries = tuple(VersionEntry(v, len(v.questions), tuple(using.get(v.id, ())))
                        for v in group)
        shelf.append(BankEntry(key, entries[0].version.title, entries))
    return shelf


def events_using(version: BankVersion) -> list[Event]:
    """The events pinned to this version, newest first."""
    return _events_by_version([version.id]).get(version.id, [])


def _events_by_version(version_ids: list[int]) -> dict[int, list[Event]]:
    if not version_ids:
        return {}
    query = (select(Event).where(Event.bank_version_id.in_(version_ids))
             .order_by(Event.created_at.desc(), Event.id.desc()))
    found: dict[int, list[Event]] = {}
    for event in db.session.scalars(query):
        found.setdefault(event.bank_version_id, []).append(event)
    return found
