"""Checking a question bank the way a compiler checks code (pure, no Flask).

Every problem is reported, each as FILE:LINE:COLUMN: message, in plain words a
trainer can act on. A text may be a plain string (it then counts as the bank's
first language, and the other languages are reported missing) or a mapping of
language to string.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessment.banks.bank import Bank, Question, Topic
from assessment.banks.yaml_source import (
    MAX_BANK_BYTES,
    Mark,
    SourceError,
    compose,
    decode,
    mark_of,
)

__all__ = ["MAX_BANK_BYTES", "BankCheck", "Problem", "check_bank_file", "check_bank_text"]

BANK_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ITEM_ID = re.compile(r"^[A-Za-z0-9_-]+$")
KNOWN_LANGUAGES = ("th", "en")
BANK_KEYS = {"id", "version", "title", "languages", "topics", "questions", "description"}
BANK_REQUIRED = ("id", "version", "title", "languages", "topics", "questions")
TOPIC_KEYS = {"id", "title"}
QUESTION_KEYS = {"id", "topic", "type", "points", "prompt", "options", "answer", "tolerance",
                 "accept", "scoring", "explanation"}
QUESTION_REQUIRED = ("id", "topic", "type", "prompt")
OPTION_KEYS = {"id", "text", "correct"}
BOOL_TAG = "tag:yaml.org,2002:bool"
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class BankCheck:
    bank: Bank | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_bank_file(path) -> BankCheck:
    """Check a bank file on disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return BankCheck(None, (Problem(str(path), 1, 1, f"cannot read the file: "
                                        f"{error.strerror}"),))
    return check_bank_text(data, str(path))


def check_bank_text(text: str | bytes, filename: str = "<bank>") -> BankCheck:
    """Check a bank's text; the Bank when it has no problem, else every problem found."""
    checker = _Checker(filename)
    try:
        root = compose(decode(text))
    except SourceError as error:
        checker.add(error.mark, error.message)
        return checker.result(None)
    if not isinstance(root, MappingNode):
        checker.add(mark_of(root) if root else Mark(1, 1),
                    "a bank starts with keys such as id:, version:, title: and questions:")
        return checker.result(None)
    bank = checker.bank(root)
    return checker.result(bank)


class _Checker:
    """Walks the node tree, collecting problems and building the Bank."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ("th",)

    def add(self, where, message: str) -> None:
        mark = where if isinstance(where, Mark) else mark_of(where)
        self.problems.append(Problem(self.filename, mark.line, mark.column, message))

    def result(self, bank: Bank | None) -> BankCheck:
        unique = sorted(set(self.problems), key=lambda p: (p.line, p.column, p.message))
        return BankCheck(None if unique else bank, tuple(unique))

    # -- mappings -----------------------------------------------------------------
    def fields(self, node: MappingNode, allowed: set, required: tuple, what: str) -> dict:
        """key -> (key node, value node); reports duplicates, unknown and missing keys."""
        seen: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.add(key_node, f"a key of {what} must be a plain word")
                continue
            if key in seen:
                first = mark_of(seen[key][0])
                self.add(key_node, f"the key '{key}' is written twice in {what} (first at line "
                                   f"{first.line}); YAML would silently keep only the last one")
                continue
            if key not in allowed:
                self.add(key_node, f"unknown key '{key}' in {what}{_did_you_mean(key, allowed)}")
                continue
            seen[key] = (key_node, value_node)
        for key in required:
            if key not in seen:
                self.add(node, f"{what} is missing the required key '{key}'")
        return seen

    # -- the bank -----------------------------------------------------------------
    def bank(self, root: MappingNode) -> Bank | None:
        fields = self.fields(root, BANK_KEYS, BANK_REQUIRED, "the bank")
        self.languages = self.language_list(fields.get("languages"))
        bank_id = self.identifier(fields.get("id"), BANK_ID, "the bank id",
                                  "lowercase letters, digits and dashes, like smart-city-basics")
        version = self.positive_int(fields.get("version"), "version")
        title = self.text(fields.get("title"), "the bank's title")
        description = self.text(fields.get("description"), "the description") if (
            "description" in fields) else None
        topics = self.topics(fields.get("topics"))
        questions = self.questions(fields.get("questions"), {t.id for t in topics})
        if self.problems:
            return None
        return Bank(id=bank_id, version=version, title=title, languages=self.languages,
                    topics=tuple(topics), questions=tuple(questions), description=description)

    def language_list(self, field) -> tuple[str, ...]:
        if field is None:
            return ("th",)
        key, node = field
        if not isinstance(node, SequenceNode) or not node.value:
            self.add(node, "languages must be a list such as [th, en]")
            return ("th",)
        found = []
        for item in node.value:
            code = item.value if isinstance(item, ScalarNode) else None
            if code not in KNOWN_LANGUAGES:
                self.add(item, f"unknown language '{code}'; use th and/or en")
            elif code in found:
                self.add(item, f"the language '{code}' is listed twice")
            else:
                found.append(code)
        return tuple(found) or ("th",)

    def topics(self, field) -> list[Topic]:
        if field is None:
            return []
        _key, node = field
        if not isinstance(node, SequenceNode):
            self.add(node, "topics must be a list of items starting with '- id:'")
            return []
        topics, seen = [], {}
        for item in node.value:
            if not isinstance(item, MappingNode):
                self.add(item, "each topic needs id: and title:")
                continue
            fields = self.fields(item, TOPIC_KEYS, ("id", "title"), "a topic")
            topic_id = self.identifier(fields.get("id"), ITEM_ID, "a topic id",
                                       "letters, digits, '_' and '-'")
            title = self.text(fields.get("title"), f"the title of topic '{topic_id}'")
            if topic_id and topic_id in seen:
                self.add(fields["id"][1], f"the topic id '{topic_id}' is used twice (first at "
                                          f"line {seen[topic_id].line})")
            elif topic_id:
                seen[topic_id] = mark_of(fields["id"][1])
                topics.append(Topic(id=topic_id, title=title))
        return topics

    def questions(self, field, topic_ids: set) -> list[Question]:
        if field is None:
            return []
        _key, node = field
        if not isinstance(node, SequenceNode) or not node.value:
            self.add(node, "questions must be a list of items starting with '- id:'")
            return []
        from assessment.banks.question_checks import check_question

        questions, seen = [], {}
        for item in node.value:
            question_id = _id_of(item)
            if question_id in seen:
                self.add(item, f"the question id '{question_id}' is used twice (first at line "
                               f"{seen[question_id].line})")
            elif question_id:
                seen[question_id] = mark_of(item)
            question = check_question(self, item, topic_ids)
            if question is not None:
                questions.append(question)
        return questions

    # -- values -------------------------------------------------------------------
    def identifier(self, field, pattern: re.Pattern, what: str, rule: str) -> str:
        if field is None:
            return ""
        _key, node = field
        value = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(value, str) or not pattern.match(value):
            self.add(node, f"{what} must be {rule}")
            return ""
        return value

    def positive_int(self, field, what: str) -> int:
        if field is None:
            return 0
        _key, node = field
        if not (isinstance(node, ScalarNode) and node.tag == INT_TAG and int(node.value) > 0):
            self.add(node, f"{what} must be a whole number above 0, like 1")
            return 0
        return int(node.value)

    def number(self, node: Node, what: str, minimum: float | None = None) -> float | None:
        if not (isinstance(node, ScalarNode) and node.tag in (INT_TAG, FLOAT_TAG)):
            self.add(node, f"{what} must be a number")
            return None
        value = float(node.value.replace("_", ""))
        if minimum is not None and value < minimum:
            self.add(node, f"{what} must be at least {minimum:g}")
            return None
        return value

    def boolean(self, node: Node, what: str) -> bool | None:
        if not (isinstance(node, ScalarNode) and node.tag == BOOL_TAG):
            self.add(node, f"{what} must be true or false")
            return None
        return node.value.lower() in ("true", "yes", "on", "y")

    def text(self, field_or_node, what: str) -> dict[str, str]:
        """A text in every language of the bank, as {lang: str}."""
        if field_or_node is None:
            return {}
        node = field_or_node[1] if isinstance(field_or_node, tuple) else field_or_node
        if isinstance(node, ScalarNode):
            return self._plain_text(node, what)
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} must be a text or th:/en: texts")
            return {}
        fields = self.fields(node, set(KNOWN_LANGUAGES), (), what)
        texts = {}
        for lang, (_k, value) in fields.items():
            piece = self._plain_text(value, f"{what} ({lang})", in_mapping=True)
            texts.update({lang: piece[self.languages[0]]} if piece else {})
        for lang in self.languages:
            if lang not in texts and fields:
                self.add(node, f"{what} has no '{lang}' translation; every text needs each "
                               f"language in languages: {list(self.languages)}")
        return texts

    def _plain_text(self, node: Node, what: str, in_mapping: bool = False) -> dict[str, str]:
        if not isinstance(node, ScalarNode):
            self.add(node, f"{what} must be a text")
            return {}
        if node.tag == BOOL_TAG:
            self.add(node, f"YAML read {what} '{node.value}' as true/false, not as words; "
                           f"put it in quotes: \"{node.value}\"")
            return {}
        value = str(node.value).strip()
        if not value:
            self.add(node, f"{what} is empty")
            return {}
        missing = self.languages[1:]
        if missing and not in_mapping:
            self.add(node, f"{what} is a plain text but the bank has languages "
                           f"{list(self.languages)}; give th: and en: texts")
        return {self.languages[0]: value}


def _id_of(item: Node) -> str | None:
    if isinstance(item, MappingNode):
        for key, value in item.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return value.value
    return None


def _did_you_mean(word: str, allowed: set) -> str:
    close = difflib.get_close_matches(word, sorted(allowed), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
