"""How one person's pre and post attempts find each other (pure, no Flask).

People type their name on a phone twice, hours apart: titles come and go
("นายสมชาย" / "สมชาย"), spaces and case differ, and keyboards produce
different Unicode forms. The key below removes all of that, so the same
person gets the same key both times.
"""

from __future__ import annotations

import unicodedata

#: Longest first, so "นางสาว" is removed before "นาง" would leave "สาว".
TITLES = tuple(sorted((
    "นางสาว", "นาง", "นาย", "น.ส.", "น.ส", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร.ต.", "ว่าที่ ร.ต.",
    "mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms", "dr.", "dr",
), key=len, reverse=True))


def name_key(name: str) -> str:
    """The name with titles, spaces, punctuation and case removed, for pairing."""
    text = _titleless(name)
    return "".join(ch for ch in text if ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _titleless(name: str) -> str:
    """The name Unicode-normalised and case-folded, without its leading titles."""
    return _without_title(unicodedata.normalize("NFKC", name or "").casefold().strip())


def _without_title(text: str) -> str:
    length = _title_length(text)
    return _without_title(text[length:].lstrip()) if length else text


def _title_length(text: str) -> int:
    """How long the title `text` begins with is; 0 when none, or when nothing follows it."""
    for title in TITLES:
        if text[:len(title)].casefold() != title:
            continue
        rest = text[len(title):]
        if title.isascii() and not title.endswith(".") and not rest[:1].isspace():
            continue  # "mr" must stand alone: "mrinal" is a name
        if rest.strip():
            return len(title)
    return 0


#: zero-width spaces some keyboards put between Thai words, read as spaces
INVISIBLE_SPACES = str.maketrans({"\u200b": " ", "\u2060": " ", "\ufeff": " "})


def has_first_and_last(name: str) -> bool:
    """True when, titles aside, the name has at least two words ("สมชาย ใจดี", not "นายสมชาย")."""
    text = _titleless((name or "").translate(INVISIBLE_SPACES))
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    return len(words) >= 2


def addressed_name(name: str) -> str:
    """The name as written, without a leading title: what follows "คุณ" in a greeting
    ("สวัสดี คุณสมศรี ทองดี", not "คุณนางสมศรี")."""
    shown = clean_name(name)
    length = _title_length(shown)
    return addressed_name(shown[length:]) if length else shown


def clean_name(name: str) -> str:
    """The name as shown in reports: composed (NFC), single spaces. Not NFKC, which splits
    Thai SARA AM (ำ) into two marks ("ทองคํา"): names are compared by name_key instead."""
    return " ".join(unicodedata.normalize("NFC", name or "").split())


def employee_key(employee_id: str) -> str:
    """Employee IDs compared without spaces, dashes or case."""
    text = unicodedata.normalize("NFKC", employee_id or "").upper()
    return "".join(ch for ch in text if ch.isalnum())
