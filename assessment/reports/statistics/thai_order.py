"""Thai alphabetical order (เ แ โ ใ ไ are written first but sort by the consonant)."""

from __future__ import annotations

from collections.abc import Iterable

from pythainlp.util import collate


def thai_sorted(names: Iterable[str]) -> list[str]:
    """Names in the order a Thai dictionary lists them; Latin names (A–Z) before Thai ones."""
    return collate(list(names))
