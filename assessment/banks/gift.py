"""Moodle GIFT files turned into our YAML bank text (pure, no Flask).

Carried over: multiple choice (=right ~wrong), several right answers with weights (~%50%),
true/false ({T} {F} {TRUE} {FALSE}), short answer ({=a =b}), numerical ({#3.14:0.01},
{#1..5}), missing word (text after the braces), ::title::, // comments, $CATEGORY (a topic),
the escapes \\= \\~ \\# \\{ \\} \\: \\n, and feedback (#, and #### for the whole question).
Matching, essay and description items have no counterpart here: each is reported at its line
and left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from assessment.banks.conversion import BankInfo, Conversion, Draft, number, option_id
from assessment.messages import N_

ESCAPE = re.compile(r"\\([=~#{}:n\\])")
TITLE = re.compile(r"\s*::(.*?)::", re.S)
FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.I)
TRUE_FALSE = re.compile(r"\s*(T|F|TRUE|FALSE)\s*(#.*)?", re.S | re.I)
WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
TAG = re.compile(r"<[^>]+>")
BLANK = "_____"


@dataclass(frozen=True)
class Block:
    """One question's lines as written, and where they start in the file."""

    line: int
    text: str


@dataclass(frozen=True)
class Piece:
    """A part of a question: its text as written, the same with escapes masked, and where it
    starts in the block (masking keeps every offset, so problems point at the right column)."""

    raw: str
    masked: str
    offset: int

    def cut(self, start: int, end: int | None = None) -> Piece:
        end = len(self.raw) if end is None else end
        return Piece(self.raw[start:end], self.masked[start:end], self.offset + start)

    def find(self, what: str, start: int = 0) -> int:
        return self.masked.find(what, start)

    @property
    def text(self) -> str:
        """The words, escapes undone: a line break in the file is a space, \\n a new line."""
        text = unescape(self.raw.replace("\n", " "))
        return "\n".join(" ".join(line.split()) for line in text.strip().split("\n"))


@dataclass(frozen=True)
class Answer:
    """One =right or ~wrong item of the braces."""

    right: bool
    #: percent of the points; None when the item gives no %weight%
    weight: float | None
    text: str
    feedback: str
    arrow: bool
    #: where the item starts in the block
    offset: int = 0

    @property
    def credit(self) -> float:
        if self.weight is not None:
            return self.weight
        return 100.0 if self.right else 0.0


def gift_to_bank(text: str, info: BankInfo, filename: str = "questions.gift") -> Conversion:
    """The bank text for a GIFT file, and a problem for each item that could not be converted."""
    draft = Draft(info, filename)
    category = None
    for block in blocks(text):
        if block.text.lstrip().upper().startswith("$CATEGORY:"):
            category = block.text.split(":", 1)[1].strip().strip("/").split("/")[-1]
            continue
        _Question(draft, block, category).convert()
    return draft.result()


def blocks(text: str) -> list[Block]:
    """Questions are separated by blank lines; // comment lines are dropped, and a
    $CATEGORY line stands on its own."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    found: list[Block] = []
    start, lines = 0, []
    for number_, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped or stripped.upper().startswith("$CATEGORY:"):
            if lines:
                found.append(Block(start, "\n".join(lines)))
            lines = []
            if stripped:
                found.append(Block(number_, stripped))
            continue
        if not lines:
            start = number_
        lines.append(line)
    if lines:
        found.append(Block(start, "\n".join(lines)))
    return found


def mask(text: str) -> str:
    """The text with each escape (\\= and the like) replaced by two inert characters."""
    return ESCAPE.sub("\0\0", text)


def unescape(text: str) -> str:
    return ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


class _Question:
    """Reads one block into a question of the draft, or reports why it cannot."""

    def __init__(self, draft: Draft, block: Block, category: str | None):
        self.draft = draft
        self.block = block
        self.category = category
        self.whole = Piece(block.text, mask(block.text), 0)

    def problem(self, offset: int, template: str, **params) -> None:
        before = self.block.text[:offset]
        line = self.block.line + before.count("\n")
        column = offset - (before.rfind("\n") + 1) + 1
        self.draft.problem(line, column, template, **params)

    def convert(self) -> None:
        title, body = self.title()
        opening = body.find("{")
        if opening < 0:
            self.problem(body.offset, N_("this item has no answers in { }: a description is "
                                         "not a question, so it was left out"))
            return
        closing = body.find("}", opening)
        if closing < 0:
            self.problem(body.offset + opening, N_("the { that starts the answers is never "
                                                   "closed with }; the question was left out"))
            return
        prompt = self.prompt(body.cut(0, opening), body.cut(closing + 1))
        answers = body.cut(opening + 1, closing)
        if not prompt:
            self.problem(body.offset, N_("the question has no text before its answers; it "
                                         "was left out"))
            return
        question = self.answers(answers, prompt)
        if question is not None:
            question = {"topic": self.draft.topic(self.category), **question}
            self.draft.add(question, title)

    def title(self) -> tuple[str | None, Piece]:
        match = TITLE.match(self.whole.masked)
        if not match:
            return None, self.whole
        title = self.whole.cut(match.start(1), match.end(1)).text
        return title or None, self.whole.cut(match.end())

    def prompt(self, before: Piece, after: Piece) -> str:
        """The question's words; text after the braces makes it a missing-word question."""
        words = _plain(before)
        rest = _plain(after)
        return f"{words} {BLANK} {rest}".strip() if rest else words

    def answers(self, piece: Piece, prompt: str) -> dict | None:
        masked = piece.masked.strip()
        if not masked:
            self.problem(piece.offset - 1, N_("an essay question ({}) cannot be scored here; "
                                              "it was left out"))
            return None
        if masked.startswith("#"):
            return _Numeric(self, piece).question(prompt)
        if TRUE_FALSE.fullmatch(piece.masked):
            return self.true_false(piece, prompt)
        return self.choice(piece, prompt)

    def true_false(self, piece: Piece, prompt: str) -> dict:
        match = TRUE_FALSE.fullmatch(piece.masked)
        general, _ = _general_feedback(piece)
        right_feedback = ""
        if match.group(2) and not general:
            marks = [i for i, char in enumerate(piece.masked) if char == "#"]
            # {T#shown when wrong#shown when right}
            right_feedback = piece.cut(marks[1] + 1).text if len(marks) > 1 else ""
        question = {"type": "true_false", "prompt": self.draft.text(prompt),
                    "answer": match.group(1).upper().startswith("T")}
        return self.explained(question, general or right_feedback)

    def choice(self, piece: Piece, prompt: str) -> dict | None:
        general, piece = _general_feedback(piece)
        items = self.items(piece)
        if items is None:
            return None
        if any(item.arrow for item in items):
            self.problem(items[0].offset, N_("a matching question (=a -> b) has no counterpart "
                                             "in a bank; it was left out"))
            return None
        if all(item.right for item in items):
            return self.short_text(items, piece, prompt, general)
        return self.options(items, piece, prompt, general)

    def items(self, piece: Piece) -> list[Answer] | None:
        starts = [i for i, char in enumerate(piece.masked) if char in "=~"]
        lead = piece.masked[: starts[0]] if starts else piece.masked
        if lead.strip():
            self.problem(piece.offset - 1, N_("the answers must start with = (right) or ~ "
                                              "(wrong); the question was left out"))
            return None
        bounds = zip(starts, starts[1:] + [len(piece.raw)], strict=True)
        return [_answer(piece.cut(start, end)) for start, end in bounds]

    def short_text(self, items, piece, prompt, general) -> dict | None:
        full = [item for item in items if item.credit >= 100]
        if len(full) < len(items):
            self.problem(piece.offset - 1, N_("answers worth part of the points (=%50%...) are "
                                              "not accepted here; only the fully right ones "
                                              "were kept"))
        if not full:
            return None
        question = {"type": "short_text", "prompt": self.draft.text(prompt),
                    "accept": [item.text for item in full]}
        return self.explained(question, general or full[0].feedback)

    def options(self, items, piece, prompt, general) -> dict | None:
        right = [item for item in items if item.credit > 0]
        if not right:
            self.problem(piece.offset - 1, N_("no answer is marked right (= or a positive "
                                              "%weight%); the question was left out"))
            return None
        weighted = any(item.weight is not None for item in items)
        if len(right) > 1 and not weighted:
            self.problem(right[1].offset, N_("several answers are marked = in a multiple-choice "
                                             "question; for one where every right answer must "
                                             "be chosen, weight them like ~%50%; it was left "
                                             "out"))
            return None
        if len({item.credit for item in right}) > 1:
            self.problem(right[0].offset, N_("the right answers carry different weights; here "
                                             "each right answer counts the same"))
        question = {"type": "single" if len(right) == 1 else "multiple",
                    "prompt": self.draft.text(prompt),
                    "options": [self.option(index, item) for index, item in enumerate(items)]}
        wrong_feedback = [item for item in items if item.feedback and item.credit <= 0]
        if wrong_feedback and not general:
            self.problem(wrong_feedback[0].offset, N_("feedback on wrong answers is not kept; "
                                                      "the feedback of the right answer became "
                                                      "the explanation"))
        return self.explained(question, general or " ".join(i.feedback for i in right).strip())

    def option(self, index: int, item: Answer) -> dict:
        option = {"id": option_id(index), "text": self.draft.text(item.text)}
        if item.credit > 0:
            option["correct"] = True
        return option

    def explained(self, question: dict, explanation: str) -> dict:
        if explanation:
            question["explanation"] = self.draft.text(explanation)
        return question


class _Numeric:
    """{#3.14:0.01}, {#1..5}, {#3} and {#=3.14:0.01 =%50%3.1:0.1}."""

    def __init__(self, question: _Question, piece: Piece):
        self.owner = question
        start = piece.find("#")
        general, self.piece = _general_feedback(piece.cut(start + 1))
        self.general = general

    def question(self, prompt: str) -> dict | None:
        values = self.values()
        if not values:
            return None
        answer, tolerance, feedback = values[0]
        question = {"type": "numeric", "prompt": self.owner.draft.text(prompt),
                    "answer": number(answer), "tolerance": number(tolerance)}
        return self.owner.explained(question, self.general or feedback)

    def values(self) -> list[tuple[float, float, str]]:
        piece = self.piece
        if "=" not in piece.masked:
            value = self.value(piece)
            return [value] if value else []
        starts = [i for i, char in enumerate(piece.masked) if char == "="]
        items = [piece.cut(a + 1, b) for a, b in zip(starts, starts[1:] + [len(piece.raw)],
                                                      strict=True)]
        full = [item for item in items if _weight(item) in (None, 100.0)]
        if len(full) < len(items) or len(full) > 1:
            self.owner.problem(piece.offset, N_("a numerical question with several answers "
                                                "keeps only its first fully right one"))
        value = self.value(full[0]) if full else None
        return [value] if value else []

    def value(self, piece: Piece) -> tuple[float, float, str] | None:
        weight = WEIGHT.match(piece.masked)
        if weight:
            piece = piece.cut(weight.end())
        cut = piece.find("#")
        feedback = piece.cut(cut + 1).text if cut >= 0 else ""
        words = (piece.cut(0, cut) if cut >= 0 else piece).text
        try:
            if ".." in words:
                low, high = (float(part) for part in words.split("..", 1))
                return (low + high) / 2, abs(high - low) / 2, feedback
            answer, _, tolerance = words.partition(":")
            return float(answer), abs(float(tolerance or 0)), feedback
        except ValueError:
            self.owner.problem(piece.offset, N_("'%(words)s' is not a number, a "
                                                "number:tolerance or a range like 1..5; the "
                                                "question was left out"), words=words)
            return None


def _answer(piece: Piece) -> Answer:
    right = piece.masked[0] == "="
    rest = piece.cut(1)
    weight = WEIGHT.match(rest.masked)
    if weight:
        rest = rest.cut(weight.end())
    cut = rest.find("#")
    feedback = rest.cut(cut + 1).text if cut >= 0 else ""
    words = rest.cut(0, cut) if cut >= 0 else rest
    return Answer(right=right, weight=float(weight.group(1)) if weight else None,
                  text=_plain(words), feedback=feedback, arrow="->" in words.masked,
                  offset=piece.offset)


def _weight(piece: Piece) -> float | None:
    match = WEIGHT.match(piece.masked)
    return float(match.group(1)) if match else None


def _general_feedback(piece: Piece) -> tuple[str, Piece]:
    """The #### feedback for the whole question, and the answers without it."""
    cut = piece.find("####")
    if cut < 0:
        return "", piece
    return piece.cut(cut + 4).text, piece.cut(0, cut)


def _plain(piece: Piece) -> str:
    """Words without a [html] or [moodle] marker, tags, or runs of spaces."""
    marker = FORMAT.match(piece.masked)
    words = piece.cut(marker.end()) if marker else piece
    text = words.text
    if marker and marker.group(1).lower() == "html":
        text = " ".join(html.unescape(TAG.sub(" ", text)).split())
    return text
