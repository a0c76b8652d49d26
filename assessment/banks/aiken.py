"""Aiken files turned into our YAML bank text (pure, no Flask).

An Aiken question is its text on one line (here also several), then options "A. text" or
"A) text", then "ANSWER: B". "ANSWER: A, C" makes a question with several right answers.
Aiken has no topics, so every question goes to one general topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assessment.banks.conversion import BankInfo, Conversion, Draft, option_id
from assessment.messages import N_, Message

OPTION = re.compile(r"\s*([A-Za-z])\s*[.)]\s+(\S.*?)\s*$")
ANSWER = re.compile(r"\s*ANSWER\s*:\s*(.*?)\s*$", re.I)


@dataclass
class _Pending:
    """The question being read: its first line, text lines and options so far."""

    line: int
    prompt: list[str]
    #: (letter, text)
    options: list[tuple[str, str]] = field(default_factory=list)


def aiken_to_bank(text: str, info: BankInfo, filename: str = "questions.txt") -> Conversion:
    """The bank text for an Aiken file, and a problem for each question that is incomplete."""
    reader = _Reader(Draft(info, filename))
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), start=1):
        reader.read(number, line)
    reader.finish_file()
    return reader.draft.result()


class _Reader:
    def __init__(self, draft: Draft):
        self.draft = draft
        self.pending: _Pending | None = None
        self.topic = draft.topic(None)

    def read(self, number: int, line: str) -> None:
        if not line.strip():
            return
        answer = ANSWER.match(line)
        option = OPTION.match(line)
        if answer:
            self.answer(number, line, answer.group(1))
        elif self.pending is None:
            self.pending = _Pending(number, [line.strip()])
        elif option:
            self.option(number, option.group(1).upper(), option.group(2))
        elif self.pending.options:
            self.draft.problem(self.pending.line, 1, N_("this question has no ANSWER: line "
                                                        "before the next one at line %(next)s; "
                                                        "it was left out"), next=number)
            self.pending = _Pending(number, [line.strip()])
        else:
            self.pending.prompt.append(line.strip())

    def option(self, number: int, letter: str, text: str) -> None:
        if letter in dict(self.pending.options):
            self.draft.problem(number, 1, N_("option %(letter)s is written twice"),
                               letter=letter)
            return
        self.pending.options.append((letter, text))

    def answer(self, number: int, line: str, letters_text: str) -> None:
        column = line.upper().find("ANSWER") + 1
        pending, self.pending = self.pending, None
        if pending is None:
            self.draft.problem(number, column, N_("ANSWER: must follow a question and its "
                                                  "options like 'A. text'"))
            return
        if len(pending.options) < 2:
            self.draft.problem(pending.line, 1, N_("this question needs at least two options "
                                                   "like 'A. text'; it was left out"))
            return
        letters = re.findall(r"[A-Za-z]", letters_text.upper())
        known = [letter for letter, _text in pending.options]
        unknown = [letter for letter in letters if letter not in known]
        if not letters or unknown:
            named = letters_text or Message(N_("nothing"))
            self.draft.problem(number, column, N_("ANSWER: names %(named)s, but the options are "
                                                  "%(options)s; the question was left out"),
                               named=named, options=", ".join(known))
            return
        self.draft.add(self.question(pending, set(letters)))

    def question(self, pending: _Pending, right: set[str]) -> dict:
        options = []
        for index, (letter, text) in enumerate(pending.options):
            option = {"id": option_id(index), "text": self.draft.text(text)}
            if letter in right:
                option["correct"] = True
            options.append(option)
        return {"topic": self.topic, "type": "single" if len(right) == 1 else "multiple",
                "prompt": self.draft.text("\n".join(pending.prompt)), "options": options}

    def finish_file(self) -> None:
        if self.pending is not None:
            self.draft.problem(self.pending.line, 1, N_("this question has no ANSWER: line; it "
                                                        "was left out"))
