"""What a worker has read once and trusts for a while: the quiz page's rendered question
blocks for an hour, the department and level choices for seconds.

A bounded dict of key -> (monotonic time it stops being trusted, value). When full, expired
entries go first; if it is still full, everything goes (checking again is always safe).
"""

from __future__ import annotations

import time
import weakref

#: how many checked things a worker keeps
KEPT = 20_000


class Kept:
    """Values trusted until a time, at most KEPT of them."""

    #: every Kept in this process, so that all can be forgotten at once
    _every: weakref.WeakSet[Kept] = weakref.WeakSet()

    def __init__(self) -> None:
        self._entries: dict[object, tuple[float, object]] = {}
        Kept._every.add(self)

    @classmethod
    def forget_everything(cls) -> None:
        """Empty every Kept in the process (a new database whose ids start again)."""
        for kept in list(cls._every):
            kept.clear()

    def get(self, key):
        """The value kept under key while it is trusted, else None."""
        entry = self._entries.get(key)
        return entry[1] if entry is not None and entry[0] > time.monotonic() else None

    def keep(self, key, value, seconds: float) -> None:
        now = time.monotonic()
        if len(self._entries) >= KEPT:
            self._entries = {k: e for k, e in self._entries.items() if e[0] > now}
            if len(self._entries) >= KEPT:
                self._entries.clear()
        self._entries[key] = (now + seconds, value)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        """How many entries are held, trusted or expired."""
        return len(self._entries)
