"""Where a `next=` parameter may send the browser: only a path on this site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: what a browser drops from a URL before reading it (WHATWG URL: tab and newlines anywhere,
#: C0 controls and spaces at either end)
_DROPPED_ANYWHERE = re.compile(r"[\t\n\r]")
_DROPPED_AT_ENDS = "".join(chr(c) for c in range(0x21))


def safe_next(target: str | None) -> str | None:
    """`target` if a browser would read it as a path on this site, else None.

    Judged after the browser's own clean-up: `/\\t/evil.example` and `/\\evil.example` are
    read as `//evil.example`, another site."""
    if not target:
        return None
    seen = _DROPPED_ANYWHERE.sub("", target).strip(_DROPPED_AT_ENDS).replace("\\", "/")
    parts = urlsplit(seen)
    if not seen.startswith("/") or seen.startswith("//") or parts.scheme or parts.netloc:
        return None
    return seen
