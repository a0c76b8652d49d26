"""Who is named in the workbook, and the stable pseudonym of a person who is not."""

from __future__ import annotations

import hashlib
import hmac
import numbers
from dataclasses import dataclass

import pandas as pd


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
    """Who is named: everyone in HR's workbook, nobody in the shareable one (pseudonyms)."""

    secret: str
    everyone: bool

    def __post_init__(self):
        if not self.secret:
            raise ValueError("pseudonyms need the installation's secret key")

    def masked(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The frame with names as pseudonyms and no employee IDs, when nobody is named."""
        if not self.everyone:
            return frame
        names = [pseudonym(self.secret, pid) for pid in frame["participant_id"]]
        return frame.assign(name=names, employee_id=None)
