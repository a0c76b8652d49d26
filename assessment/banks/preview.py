"""A bank shown to its trainer: every question as a participant sees it, in each of the bank's
languages, with the answer key and the explanation."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from assessment.banks.bank import Bank, LocalText, Question, localized
from assessment.quizzes.display import right_text

LANGUAGE_NAMES = {"th": "ภาษาไทย", "en": "English"}
TYPE_LABELS = {
    "single": _l("One right answer"),
    "multiple": _l("Several right answers"),
    "true_false": _l("True or false"),
    "short_text": _l("Short text answer"),
    "numeric": _l("Numeric answer"),
    "rating": _l("Rating 1–5 (not scored)"),
}


@dataclass(frozen=True)
class QuestionPreview:
    question: Question
    number: int
    topic: LocalText
    #: (language, the question as a participant sees it in that language)
    shown: tuple[tuple[str, Markup], ...]


def question_previews(bank: Bank) -> list[QuestionPreview]:
    """Every question of the bank in bank order, rendered in each of its languages."""
    topics = {topic.id: topic.title for topic in bank.topics}
    total = len(bank.questions)
    return [QuestionPreview(question, number, topics.get(question.topic, {}),
                            tuple((lang, _shown(question, number, total, lang))
                                  for lang in bank.languages))
            for number, question in enumerate(bank.questions, start=1)]


def answer_key(question: Question, lang: str) -> str:
    """The right answer in words; every accepted text of a short-text question."""
    if question.type == "short_text":
        return " / ".join(question.accept)
    return right_text(question, lang)


def _shown(question: Question, number: int, total: int, lang: str) -> Markup:
    """The participant's question field in `lang` (its own words, not the page's language)."""
    with force_locale(lang):
        return Markup(render_template(  # noqa: S704  (render_template's output is escaped HTML)
            "banks/_question_preview.html", question=question, number=number, total=total,
            lang=lang, language_name=LANGUAGE_NAMES.get(lang, lang),
            t=lambda text: localized(text, lang), key=answer_key(question, lang),
            option_order={question.id: [option.id for option in question.options]}))
