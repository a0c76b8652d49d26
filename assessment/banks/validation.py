"""Checking a question bank the way a compiler checks code (pure, no Flask).

Every problem is reported, each as FILE:LINE:COLUMN: message, in plain words a
trainer can act on. A text may be a plain string (it then counts as the bank's
first language, and the other languages are reported missing) or a mapping of
language to string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessment.banks.bank import Bank, Question, Topic
from assessment.banks.problems import Problem, WritingWarning, did_you_mean
from assessment.banks.yaml_source import (
    MAX_BANK_BYTES,
    Mark,
    SourceError,
    compose,
    decode,
    mark_of,
)
from assessment.messages import N_, Message

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
class BankCheck:
    bank: Bank | None
    problems: tuple[Problem, ...]
    #: item-writing warnings (asked for with warnings=True); a bank with only these is ok
    warnings: tuple[WritingWarning, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check_bank_file(path, warnings: bool = False) -> BankCheck:
    """Check a bank file on disk (and its item writing, with warnings=True)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        cannot = Message(N_("cannot read the file: %(reason)s"), reason=error.strerror)
        return BankCheck(None, (Problem(str(path), 1, 1, cannot),))
    return check_bank_text(data, str(path), warnings)


def check_bank_text(text: str | bytes, filename: str = "<bank>",
                    warnings: bool = False) -> BankCheck:
    """Check a bank's text; the Bank when it has no problem, else every problem found.

    With warnings=True a valid bank's item writing is checked too (item_writing.py).
    """
    checker = _Checker(filename)
    try:
        root = compose(decode(text))
    except SourceError as error:
        checker.report(error.mark, error.wording)
        return checker.result(None)
    if not isinstance(root, MappingNode):
        checker.add(mark_of(root) if root else Mark(1, 1),
                    N_("a bank starts with keys such as id:, version:, title: and questions:"))
        return checker.result(None)
    bank = checker.bank(root)
    result = checker.result(bank)
    if warnings and result.ok:
        from assessment.banks.item_writing import writing_warnings

        return BankCheck(result.bank, (), writing_warnings(result.bank, root, filename))
    return result


class _Checker:
    """Walks the node tree, collecting problems and building the Bank."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ("th",)

    def add(self, where, template: str, **params) -> None:
        """A problem at a node or Mark: a template marked with N_ and its values."""
        self.report(where, Message(template, **params))

    def report(self, where, wording: Message) -> None:
        mark = where if isinstance(where, Mark) else mark_of(where)
        self.problems.append(Problem(self.filename, mark.line, mark.column, wording))

    def result(self, bank: Bank | None) -> BankCheck:
        unique = sorted(set(self.problems), key=lambda p: (p.line, p.column, p.message))
        return BankCheck(None if unique else bank, tuple(unique))

    # -- mappings -----------------------------------------------------------------
    def fields(self, node: MappingNode, allowed: set, required: tuple, what) -> dict:
        """key -> (key node, value node); reports duplicates, unknown and missing keys."""
        seen: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.add(key_node, N_("a key of %(what)s must be a plain word"), what=what)
                continue
            if key in seen:
                first = mark_of(seen[key][0])
                self.add(key_node, N_("the key '%(key)s' is written twice in %(what)s (first at "
                                      "line %(first)s); YAML would silently keep only the last "
                                      "one"), key=key, what=what, first=first.line)
                continue
            if key not in allowed:
                self.add(key_node, N_("unknown key '%(key)s' in %(what)s%(hint)s"), key=key,
                         what=what, hint=did_you_mean(key, allowed))
                continue
            seen[key] = (key_node, value_node)
        for key in required:
            if key not in seen:
                self.add(node, N_("%(what)s is missing the required key '%(key)s'"),
                         what=what, key=key)
        return seen

    # -- the bank -----------------------------------------------------------------
    def bank(self, root: MappingNode) -> Bank | None:
        fields = self.fields(root, BANK_KEYS, BANK_REQUIRED, Message(N_("the bank")))
        self.languages = self.language_list(fields.get("languages"))
        bank_id = self.identifier(
            fields.get("id"), BANK_ID, Message(N_("the bank id")),
            Message(N_("lowercase letters, digits and dashes, like smart-city-basics")))
        version = self.positive_int(fields.get("version"), "version")
        title = self.text(fields.get("title"), Message(N_("the bank's title")))
        description = self.text(fields.get("description"), Message(N_("the description"))) if (
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
            self.add(node, N_("languages must be a list such as [th, en]"))
            return ("th",)
        found = []
        for item in node.value:
            code = item.value if isinstance(item, ScalarNode) else None
            if code not in KNOWN_LANGUAGES:
                self.add(item, N_("unknown language '%(code)s'; use th and/or en"), code=code)
            elif code in found:
                self.add(item, N_("the language '%(code)s' is listed twice"), code=code)
            else:
                found.append(code)
        return tuple(found) or ("th",)

    def topics(self, field) -> list[Topic]:
        if field is None:
            return []
        _key, node = field
        if not isinstance(node, SequenceNode):
            self.add(node, N_("topics must be a list of items starting with '- id:'"))
            return []
        topics, seen = [], {}
        for item in node.value:
            if not isinstance(item, MappingNode):
                self.add(item, N_("each topic needs id: and title:"))
                continue
            fields = self.fields(item, TOPIC_KEYS, ("id", "title"), Message(N_("a topic")))
            topic_id = self.identifier(fields.get("id"), ITEM_ID, Message(N_("a topic id")),
                                       Message(N_("letters, digits, '_' and '-'")))
            title = self.text(fields.get("title"),
                              Message(N_("the title of topic '%(id)s'"), id=topic_id))
            if topic_id and topic_id in seen:
                self.add(fields["id"][1], N_("the topic id '%(id)s' is used twice (first at "
                                             "line %(first)s)"),
                         id=topic_id, first=seen[topic_id].line)
            elif topic_id:
                seen[topic_id] = mark_of(fields["id"][1])
                topics.append(Topic(id=topic_id, title=title))
        return topics

    def questions(self, field, topic_ids: set) -> list[Question]:
        if field is None:
            return []
        _key, node = field
        if not isinstance(node, SequenceNode) or not node.value:
            self.add(node, N_("questions must be a list of items starting with '- id:'"))
            return []
        from assessment.banks.question_checks import check_question

        questions, seen = [], {}
        for item in node.value:
            question_id = _id_of(item)
            if question_id in seen:
                self.add(item, N_("the question id '%(id)s' is used twice (first at line "
                                  "%(first)s)"), id=question_id, first=seen[question_id].line)
            elif question_id:
                seen[question_id] = mark_of(item)
            question = check_question(self, item, topic_ids, question_id or None)
            if question is not None:
                questions.append(question)
        return questions

    # -- values -------------------------------------------------------------------
    def identifier(self, field, pattern: re.Pattern, what: Message, rule: Message) -> str:
        if field is None:
            return ""
        _key, node = field
        value = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(value, str) or not pattern.match(value):
            self.add(node, N_("%(what)s must be %(rule)s"), what=what, rule=rule)
            return ""
        return value

    def positive_int(self, field, what) -> int:
        if field is None:
            return 0
        _key, node = field
        if not (isinstance(node, ScalarNode) and node.tag == INT_TAG and int(node.value) > 0):
            self.add(node, N_("%(what)s must be a whole number above 0, like 1"), what=what)
            return 0
        return int(node.value)

    def number(self, node: Node, what: Message, minimum: float | None = None) -> float | None:
        if not (isinstance(node, ScalarNode) and node.tag in (INT_TAG, FLOAT_TAG)):
            self.add(node, N_("%(what)s must be a number"), what=what)
            return None
        value = float(node.value.replace("_", ""))
        if minimum is not None and value < minimum:
            self.add(node, N_("%(what)s must be at least %(minimum)s"), what=what,
                     minimum=f"{minimum:g}")
            return None
        return value

    def boolean(self, node: Node, what: Message) -> bool | None:
        if not (isinstance(node, ScalarNode) and node.tag == BOOL_TAG):
            self.add(node, N_("%(what)s must be true or false"), what=what)
            return None
        return node.value.lower() in ("true", "yes", "on", "y")

    def text(self, field_or_node, what: Message) -> dict[str, str]:
        """A text in every language of the bank, as {lang: str}."""
        if field_or_node is None:
            return {}
        node = field_or_node[1] if isinstance(field_or_node, tuple) else field_or_node
        if isinstance(node, ScalarNode):
            return self._plain_text(node, what)
        if not isinstance(node, MappingNode):
            self.add(node, N_("%(what)s must be a text or th:/en: texts"), what=what)
            return {}
        fields = self.fields(node, set(KNOWN_LANGUAGES), (), what)
        texts = {}
        for lang, (_k, value) in fields.items():
            piece = self._plain_text(value, Message(N_("%(what)s (%(lang)s)"), what=what,
                                                    lang=lang), in_mapping=True)
            texts.update({lang: piece[self.languages[0]]} if piece else {})
        for lang in self.languages:
            if lang not in texts and fields:
                self.add(node, N_("%(what)s has no '%(lang)s' translation; every text needs "
                                  "each language in languages: %(languages)s"),
                         what=what, lang=lang, languages=str(list(self.languages)))
        return texts

    def _plain_text(self, node: Node, what: Message, in_mapping: bool = False) -> dict[str, str]:
        if not isinstance(node, ScalarNode):
            self.add(node, N_("%(what)s must be a text"), what=what)
            return {}
        if node.tag == BOOL_TAG:
            self.add(node, N_("YAML read %(what)s '%(value)s' as true/false, not as words; put "
                              "it in quotes: \"%(value)s\""), what=what, value=node.value)
            return {}
        value = str(node.value).strip()
        if not value:
            self.add(node, N_("%(what)s is empty"), what=what)
            return {}
        missing = self.languages[1:]
        if missing and not in_mapping:
            self.add(node, N_("%(what)s is a plain text but the bank has languages "
                              "%(languages)s; give th: and en: texts"),
                     what=what, languages=str(list(self.languages)))
        return {self.languages[0]: value}


def _id_of(item: Node) -> str | None:
    if isinstance(item, MappingNode):
        for key, value in item.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return value.value
    return None

