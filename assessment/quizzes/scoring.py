"""Points for one answer to one question (pure, no Flask).

`given` is the stored answer: an option id (single), a list of option ids
(multiple), a bool (true_false), text (short_text), a number or numeric text
(numeric), an int 1-5 (rating). None or "" is unanswered. Junk earns 0 and
never raises.
"""

from __future__ import annotations

import math
import unicodedata

from assessment.banks.bank import Question

#: float error allowance for numeric answers (0.1 + 0.2 must equal 0.3)
EPSILON = 1e-9


def normalise_text(text: str) -> str:
    """NFKC, trimmed, case-folded, inner whitespace collapsed: how short answers compare."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def is_answered(question: Question, given) -> bool:
    """True when the participant gave something for this question."""
    if given is None:
        return False
    if isinstance(given, str):
        return given.strip() != ""
    if isinstance(given, list | tuple):
        return len(given) > 0
    return True


def points_for(question: Question, given) -> float | None:
    """Points earned; None for an unscored rating, 0.0 when unanswered or junk."""
    if not question.is_scored:
        return None
    if not is_answered(question, given):
        return 0.0
    return float(_SCORERS[question.type](question, given))


def _single(question: Question, given) -> float:
    right = {o.id for o in question.options if o.correct}
    return question.points if isinstance(given, str) and given in right else 0.0


def _multiple(question: Question, given) -> float:
    if not isinstance(given, list | tuple):
        given = [given]
    chosen = {str(option_id) for option_id in given}
    right = {o.id for o in question.options if o.correct}
    if not right:
        return 0.0
    if question.scoring == "all_or_nothing":
        return question.points if chosen == right else 0.0
    wrong = {o.id for o in question.options if not o.correct}
    net = len(chosen & right) - len(chosen & wrong)
    return question.points * max(0, net) / len(right)


def _true_false(question: Question, given) -> float:
    if isinstance(given, str):
        given = {"true": True, "false": False}.get(given.strip().lower())
    return question.points if isinstance(given, bool) and given == question.answer else 0.0


def _short_text(question: Question, given) -> float:
    accepted = {normalise_text(answer) for answer in question.accept}
    return question.points if normalise_text(given) in accepted else 0.0


def _numeric(question: Question, given) -> float:
    number = parse_number(given)
    if number is None or question.answer is None:
        return 0.0
    close = abs(number - float(question.answer)) <= question.tolerance + EPSILON
    return question.points if close else 0.0


def parse_number(given) -> float | None:
    """A number from what a phone keyboard sends ("1,000", " 2.5 ", "๓"); None if not one."""
    if isinstance(given, bool):
        return None
    if isinstance(given, int | float):
        return float(given) if math.isfinite(given) else None
    text = unicodedata.normalize("NFKC", str(given)).strip().replace(",", "").replace(" ", "")
    text = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


_SCORERS = {
    "single": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "short_text": _short_text,
    "numeric": _numeric,
}


def score_answers(bank, given: dict[str, object]) -> tuple[dict[str, float | None], float]:
    """Points for each given answer (question id -> points) and the attempt's total."""
    points: dict[str, float | None] = {}
    total = 0.0
    for question in bank.questions:
        earned = points_for(question, given.get(question.id))
        if question.id in given:
            points[question.id] = earned
        total += earned or 0.0
    return points, total
