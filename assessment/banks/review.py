"""What a trainer reviews before a bank is saved: the text as it will be stored, each line
with the problems found on it, and the text carried from the check to the save (pure, no Flask).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import PurePath

from assessment.banks.problems import Problem

DEFAULT_FILENAME = "pasted.yaml"


@dataclass(frozen=True)
class SourceLine:
    """One line of the bank's text and the problems reported on it."""

    number: int
    text: str
    problems: tuple[Problem, ...]


def stored_text(data: str | bytes) -> str:
    """The text as the CLI reads a file: UTF-8 without a BOM, every line ending in \\n."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clean_filename(name: str | None) -> str:
    """The file's own name, without any folder a browser sent (Thai names are kept)."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    return base[:200] or DEFAULT_FILENAME


def source_lines(text: str, problems: tuple[Problem, ...]) -> list[SourceLine]:
    """Every line, numbered from 1, with its problems; a problem past the end goes on the last
    line, so none is lost."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    last = len(lines)
    by_line: dict[int, list[Problem]] = {}
    for problem in problems:
        by_line.setdefault(min(max(problem.line, 1), last), []).append(problem)
    return [SourceLine(number, line, tuple(by_line.get(number, ())))
            for number, line in enumerate(lines, start=1)]


def encode_draft(text: str) -> str:
    """The checked text for a hidden form field; base64 keeps every byte and line ending."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def decode_draft(value: str | None) -> str | None:
    """The text back from the hidden field, or None if the form was tampered with."""
    try:
        return base64.b64decode((value or "").encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        return None
