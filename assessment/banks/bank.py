"""The question bank as the rest of the product sees it, once validated.

Plain frozen dataclasses with no Flask: scoring, the quiz pages and the
reports all read these. Every text is a mapping of language code to string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QUESTION_TYPES = ("single", "multiple", "true_false", "short_text", "numeric", "rating")
SCORED_TYPES = ("single", "multiple", "true_false", "short_text", "numeric")
RATING_SCALE = (1, 2, 3, 4, 5)

LocalText = dict[str, str]


@dataclass(frozen=True)
class Option:
    id: str
    text: LocalText
    correct: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    type: str
    prompt: LocalText
    points: float = 1.0
    options: tuple[Option, ...] = ()
    #: true_false: bool; numeric: float; other types: None
    answer: bool | float | None = None
    #: numeric only: accepted distance from `answer`
    tolerance: float = 0.0
    #: short_text only: accepted answers, compared after normalising
    accept: tuple[str, ...] = ()
    #: multiple only: "partial" (default) or "all_or_nothing"
    scoring: str = "partial"
    explanation: LocalText | None = None

    def options_in(self, order) -> list[Option]:
        """The options in the order one attempt shows them (its shuffled option ids)."""
        by_id = {option.id: option for option in self.options}
        return [by_id[option_id] for option_id in order]

    @property
    def is_scored(self) -> bool:
        """Rating questions are a self-assessment and earn no points."""
        return self.type in SCORED_TYPES

    @property
    def max_points(self) -> float:
        """Points a fully right answer earns (0 for a rating)."""
        return self.points if self.is_scored else 0.0


@dataclass(frozen=True)
class Topic:
    id: str
    title: LocalText


@dataclass(frozen=True)
class Bank:
    id: str
    version: int
    title: LocalText
    languages: tuple[str, ...]
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]
    description: LocalText | None = field(default=None)

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError if the bank has none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def max_points(self) -> float:
        """The most points an attempt at the whole bank can earn."""
        return sum(q.max_points for q in self.questions)


def localized(text: LocalText | None, lang: str, fallback: str = "th") -> str:
    """The text in `lang`, else in `fallback`, else any language it has."""
    if not text:
        return ""
    return text.get(lang) or text.get(fallback) or next(iter(text.values()))
