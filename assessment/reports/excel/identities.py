"""Who may be named in the workbook, and the stable pseudonym of everyone else."""

from __future__ import annotations

import hashlib
import hmac
import numbers
from dataclasses import dataclass

import pandas as pd

# --- who may be named -------------------------------------------------------------------


def pseudonym(secret: str, participant_id) -> str:
    """P- and 8 hex digits of HMAC-SHA256: one person's name in every sheet and every export."""
    if not secret:
        raise ValueError("pseudonyms need the installation's secret key")
    digest = hmac.new(secret.encode(), _id_text(participant_id).encode(), hashlib.sha256)
    return "P-" + digest.hexdigest()[:8]


def _id_text(participant_id) -> str:
    if isinstance(participant_id, numbers.Real) and float(participant_id).is_integer():
        return str(int(participant_id))
    return str(participant_id)


@dataclass(frozen=True)
class Identities:
    """Who may be named: not people in small groups, nor anyone when pseudonymised."""

    secret: str
    hidden: frozenset[str]
    everyone: bool

    @classmethod
    def of(cls, report, secret: str, everyone: bool) -> Identities:
        if not secret:
            raise ValueError("pseudonyms need the installation's secret key")
        hidden = set()
        for frame in (report.participants, report.not_paired):
            small = frame[frame["small_group"].fillna(False).astype(bool)]
            hidden.update(_id_text(pid) for pid in small["participant_id"])
        return cls(secret, frozenset(hidden), everyone)

    def is_hidden(self, participant_id) -> bool:
        return self.everyone or _id_text(participant_id) in self.hidden

    def masked(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The frame with each hidden person's name as their pseudonym and no employee ID."""
        ids = frame["participant_id"]
        hidden = ids.map(self.is_hidden).astype(bool).to_numpy()
        names = frame["name"].to_numpy(dtype=object, copy=True)
        employee_ids = frame["employee_id"].to_numpy(dtype=object, copy=True)
        names[hidden] = [pseudonym(self.secret, pid) for pid in ids[hidden]]
        employee_ids[hidden] = None
        return frame.assign(name=names, employee_id=employee_ids)
