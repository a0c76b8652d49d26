"""Answers shown back to a participant in their language (pure, no Flask)."""

from __future__ import annotations

from assessment.banks.bank import Question, localized

TRUE_FALSE = {"th": ("ถูก", "ผิด"), "en": ("True", "False")}
NO_ANSWER = {"th": "(ไม่ได้ตอบ)", "en": "(no answer)"}


def given_text(question: Question, value, lang: str) -> str:
    """What the participant answered, as words."""
    if value is None or value == "" or value == []:
        return NO_ANSWER.get(lang, NO_ANSWER["en"])
    if question.type in ("single", "multiple"):
        chosen = value if isinstance(value, list) else [value]
        texts = {o.id: localized(o.text, lang) for o in question.options}
        return "; ".join(texts.get(c, str(c)) for c in chosen)
    if question.type == "true_false":
        words = TRUE_FALSE.get(lang, TRUE_FALSE["en"])
        return words[0] if value is True else words[1]
    return str(value)


def right_text(question: Question, lang: str) -> str:
    """The right answer, as words."""
    if question.type in ("single", "multiple"):
        return "; ".join(localized(o.text, lang) for o in question.options if o.correct)
    if question.type == "true_false":
        words = TRUE_FALSE.get(lang, TRUE_FALSE["en"])
        return words[0] if question.answer else words[1]
    if question.type == "short_text":
        return question.accept[0] if question.accept else ""
    if question.type == "numeric":
        answer = f"{question.answer:g}"
        return f"{answer} ± {question.tolerance:g}" if question.tolerance else answer
    return ""
