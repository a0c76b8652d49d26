"""Storing validated banks as versions, and reading them back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select

from assessment.banks.bank import Bank
from assessment.banks.models import BankVersion, QuestionRecord
from assessment.banks.validation import BankCheck, check_bank_text
from assessment.database import outside_transaction
from assessment.extensions import db
from assessment.messages import N_, Message, WordedError


class BankRefused(WordedError):
    """The bank cannot be stored; `wording` says why in the trainer's words (str() in
    English)."""

    def __init__(self, wording: Message, problems=()):
        super().__init__(wording)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class LoadResult:
    version: BankVersion
    #: False when the same file was already loaded and nothing changed
    created: bool


def sha256(text: str) -> str:
    """Hex digest of the text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_bank(text: str, filename: str) -> LoadResult:
    """Validate and store a bank as a new version; an unchanged reload does nothing. The text
    is checked with no transaction open."""
    check: BankCheck = outside_transaction(db.session, check_bank_text, text, filename)
    if not check.ok:
        raise BankRefused(Message(N_("%(file)s has problems and was not loaded"),
                                  file=filename), check.problems)
    bank = check.bank
    existing = find_version(bank.id, bank.version)
    if existing is not None:
        if existing.source_sha256 == sha256(text):
            return LoadResult(existing, created=False)
        raise BankRefused(Message(
            N_("%(file)s: bank '%(bank)s' version %(version)s is already loaded with different "
               "content; raise `version` to %(next)s to load the change (events keep the "
               "version they use)"),
            file=filename, bank=bank.id, version=bank.version,
            next=latest_version_number(bank.id) + 1))
    return LoadResult(_store(bank, text, filename), created=True)


def _store(bank: Bank, text: str, filename: str) -> BankVersion:
    version = BankVersion(
        bank_key=bank.id, version=bank.version, title=dict(bank.title), source=text,
        source_sha256=sha256(text), filename=filename,
    )
    for position, question in enumerate(bank.questions):
        version.questions.append(QuestionRecord(
            question_key=question.id, position=position, type=question.type,
            topic=question.topic, max_points=question.max_points,
        ))
    db.session.add(version)
    db.session.commit()
    return version


def find_version(bank_key: str, version: int | None = None) -> BankVersion | None:
    """A stored version of a bank; the newest when no version is given."""
    query = select(BankVersion).where(BankVersion.bank_key == bank_key)
    if version is not None:
        query = query.where(BankVersion.version == version)
    return db.session.scalars(query.order_by(BankVersion.version.desc())).first()


def latest_version_number(bank_key: str) -> int:
    """The highest stored version number of a bank (0 if none)."""
    latest = find_version(bank_key)
    return latest.version if latest else 0


def all_versions() -> list[BankVersion]:
    """Every stored bank version, by bank then newest first."""
    query = select(BankVersion).order_by(BankVersion.bank_key, BankVersion.version.desc())
    return list(db.session.scalars(query))


def bank_of(version: BankVersion) -> Bank:
    """The validated Bank for a stored version (parsed once per process)."""
    if version.id is None:  # not flushed yet: no id to cache it under
        return _parse_stored(version.source, version.filename, version.source_sha256)
    return bank_by_version(version.id, version.source_sha256)


def bank_by_version(version_id: int, sha: str | None = None, connection=None) -> Bank:
    """The Bank of a stored version id; versions never change, so each is read once.

    `sha` is the version's source_sha256 when the caller read it already (saves a query);
    `connection` is the Core connection to read through when the caller holds one (on
    SQLite the session's own would wait for the write lock that connection holds).
    """
    run = connection or db.session
    if sha is None:
        sha = run.scalar(select(BankVersion.source_sha256).where(BankVersion.id == version_id))
    cached = _BY_VERSION.get((version_id, sha))
    if cached is None:
        stored = run.execute(select(BankVersion.source, BankVersion.filename)
                             .where(BankVersion.id == version_id)).one()
        cached = _parse_stored(stored.source, stored.filename, sha)
        _BY_VERSION[(version_id, sha)] = cached
    return cached


#: (version id, source sha256) -> Bank; the sha tells databases apart that reuse ids
_BY_VERSION: dict[tuple[int, str], Bank] = {}


@lru_cache(maxsize=64)
def _parse_stored(source: str, filename: str, _sha: str) -> Bank:
    check = check_bank_text(source, filename)
    if not check.ok:  # stored banks passed validation when loaded
        raise BankRefused(Message(N_("stored bank %(file)s no longer validates"),
                                  file=filename), check.problems)
    return check.bank
