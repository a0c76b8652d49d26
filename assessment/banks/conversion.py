"""What the GIFT and Aiken converters share: the trainer's bank details, the result, and
writing the YAML bank text (pure, no Flask).

GIFT and Aiken files carry no bank id, title, version or language, so the trainer gives them.
What a converter cannot carry over is reported as a Problem at its line of the source file; the
YAML is then reviewed, checked and saved like any bank written by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from assessment.banks.problems import Problem
from assessment.messages import Message

GENERAL_TOPIC = {"th": "ทั่วไป", "en": "General"}


@dataclass(frozen=True)
class BankInfo:
    """What the trainer types because the file does not say it."""

    id: str
    title: str
    version: int = 1
    #: the language the file is written in: th or en
    language: str = "th"


@dataclass(frozen=True)
class Conversion:
    """The bank as YAML text, and what could not be carried over."""

    text: str
    problems: tuple[Problem, ...]
    question_count: int


@dataclass
class Draft:
    """Questions gathered while reading a file, then written out as one bank."""

    info: BankInfo
    filename: str
    #: topic id -> title, in the order met
    topics: dict[str, str] = field(default_factory=dict)
    questions: list[dict] = field(default_factory=list)
    #: question id -> the title the source gave it, written as a comment above the question
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, column: int, template: str, **params) -> None:
        """Note something that could not be converted, at its place in the source: a template
        marked with N_ and its values."""
        self.problems.append(Problem(self.filename, line, column, Message(template, **params)))

    def text(self, value: str) -> dict[str, str]:
        """A text in the file's language, in the bank's {language: text} form."""
        return {self.info.language: value}

    def topic(self, name: str | None) -> str:
        """The id of the topic with this name (the general topic for none), declared once."""
        name = (name or "").strip()
        title = name or GENERAL_TOPIC.get(self.info.language, "General")
        for topic_id, known in self.topics.items():
            if known == title:
                return topic_id
        fallback = f"topic-{len(self.topics) + 1}" if name else "general"
        topic_id = _unique(slug(title) or fallback, self.topics)
        self.topics[topic_id] = title
        return topic_id

    def add(self, question: dict, title: str | None = None) -> str:
        """Give the question the next id (q01, q02, ...) and keep it; returns the id."""
        question_id = f"q{len(self.questions) + 1:02d}"
        self.questions.append({"id": question_id, **question})
        if title:
            self.titles[question_id] = title
        return question_id

    def result(self) -> Conversion:
        """The finished bank text and the problems, in source order."""
        problems = sorted(self.problems, key=lambda p: (p.line, p.column))
        return Conversion(bank_text(self), tuple(problems), len(self.questions))


def option_id(index: int) -> str:
    """a, b, c, ... for the first 26 options, then o27, o28, ..."""
    return chr(ord("a") + index) if index < 26 else f"o{index + 1}"


def slug(name: str) -> str:
    """Lowercase letters and digits joined by dashes; empty for a name in Thai script only."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50]


def number(value: float) -> int | float:
    """3 rather than 3.0, so the YAML reads as the trainer would write it."""
    return int(value) if float(value).is_integer() else value


def bank_text(draft: Draft) -> str:
    """The bank in the block form the shipped banks use, with source titles as comments."""
    info = draft.info
    bank = {
        "id": info.id,
        "version": info.version,
        "title": draft.text(info.title),
        "languages": _OneLine([info.language]),
        "topics": [{"id": key, "title": draft.text(title)} for key, title in draft.topics.items()],
        "questions": draft.questions,
    }
    text = yaml.dump(bank, Dumper=_BankDumper, allow_unicode=True, sort_keys=False,
                     width=100_000)
    return _with_titles(text, draft.titles)


def _with_titles(text: str, titles: dict[str, str]) -> str:
    head, marker, questions = text.partition("\nquestions:\n")
    for question_id, title in titles.items():
        comment = " ".join(title.split())
        questions = questions.replace(f"  - id: {question_id}\n",
                                      f"  # {comment}\n  - id: {question_id}\n", 1)
    return head + marker + questions


def _unique(candidate: str, taken) -> str:
    name, n = candidate, 2
    while name in taken:
        name, n = f"{candidate}-{n}", n + 1
    return name


class _OneLine(list):
    """A list written [th, en], as trainers write the languages."""


class _BankDumper(yaml.SafeDumper):
    """Lists indented under their key, and texts of several lines as | blocks."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BankDumper.add_representer(str, _represent_text)
_BankDumper.add_representer(
    _OneLine, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value,
                                                              flow_style=True))
