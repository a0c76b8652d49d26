"""Answers as participants send them (form strings) and as they are stored (JSON)."""

from __future__ import annotations

from assessment.banks.bank import Question

MAX_TEXT = 500


def parse_given(question: Question, raw: list[str]) -> object | None:
    """The stored value for what a form sent for this question; None if unanswered or invalid."""
    values = [value.strip() for value in raw if value is not None and value.strip()]
    if not values:
        return None
    parser = _PARSERS[question.type]
    return parser(question, values)


def _single(question: Question, values: list[str]) -> str | None:
    ids = {option.id for option in question.options}
    return values[-1] if values[-1] in ids else None


def _multiple(question: Question, values: list[str]) -> list[str] | None:
    chosen = set(values)
    picked = [option.id for option in question.options if option.id in chosen]
    return picked or None


def _true_false(_question: Question, values: list[str]) -> bool | None:
    return {"true": True, "false": False}.get(values[-1].lower())


def _text(_question: Question, values: list[str]) -> str:
    return values[-1][:MAX_TEXT]


def _numeric(_question: Question, values: list[str]) -> str:
    return values[-1][:50]


def _rating(_question: Question, values: list[str]) -> int | None:
    try:
        rating = int(values[-1])
    except ValueError:
        return None
    return rating if 1 <= rating <= 5 else None


_PARSERS = {
    "single": _single, "multiple": _multiple, "true_false": _true_false,
    "short_text": _text, "numeric": _numeric, "rating": _rating,
}


def as_form_values(value: object | None) -> list[str]:
    """A stored value back as the strings a form would send (to re-check inputs)."""
    if value is None:
        return []
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def as_text(value: object | None) -> str:
    """A stored value as one cell of text: `a;c`, `true`, `42`, or the words typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)
