"""Where each part of a validated bank is written, so item-writing warnings point at their line
(pure, no Flask): the `questions:` key, and per question its prompt, options and answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessment.banks.yaml_source import Mark, mark_of
from assessment.messages import Message

#: one item-writing flaw: where it is and what it is
Finding = tuple[Mark, Message]


@dataclass
class QuestionPlace:
    """The marks of one question's parts; a missing part falls back to the question's mark."""

    start: Mark
    #: key -> mark of its value ("prompt", "accept", "answer", ...)
    keys: dict[str, Mark] = field(default_factory=dict)
    #: (key, language) -> mark of that language's text ("prompt", "th")
    texts: dict[tuple[str, str], Mark] = field(default_factory=dict)
    #: (option id, language) -> mark of the option's text in that language
    options: dict[tuple[str, str], Mark] = field(default_factory=dict)

    def of(self, key: str, lang: str | None = None) -> Mark:
        """The mark of a key's text in `lang` (or of the key's value), else the question's."""
        return self.texts.get((key, lang)) or self.keys.get(key) or self.start

    def option(self, option_id: str, lang: str) -> Mark:
        return self.options.get((option_id, lang)) or self.start


@dataclass
class BankPlaces:
    #: where `questions:` is written: bank-wide warnings go there
    questions: Mark
    by_id: dict[str, QuestionPlace]

    def question(self, question_id: str) -> QuestionPlace:
        return self.by_id.get(question_id) or QuestionPlace(self.questions)


def bank_places(root: MappingNode) -> BankPlaces:
    """The marks of a bank's parts, read from its YAML node tree."""
    for key, value in _pairs(root):
        if key.value == "questions" and isinstance(value, SequenceNode):
            places = {}
            for item in value.value:
                place = _question_place(item)
                if place is not None:
                    places[place[0]] = place[1]
            return BankPlaces(mark_of(key), places)
    return BankPlaces(Mark(1, 1), {})


def _question_place(item: Node) -> tuple[str, QuestionPlace] | None:
    fields = {key.value: value for key, value in _pairs(item)}
    question_id = fields.get("id")
    if not isinstance(question_id, ScalarNode):
        return None
    place = QuestionPlace(mark_of(item))
    for key, value in fields.items():
        place.keys[key] = mark_of(value)
        place.texts.update({(key, lang): mark for lang, mark in _text_marks(value).items()})
    options = fields.get("options")
    for option in options.value if isinstance(options, SequenceNode) else ():
        option_fields = {key.value: value for key, value in _pairs(option)}
        option_id = option_fields.get("id")
        if isinstance(option_id, ScalarNode) and "text" in option_fields:
            place.options.update({(option_id.value, lang): mark for lang, mark
                                  in _text_marks(option_fields["text"]).items()})
    return question_id.value, place


def _text_marks(node: Node) -> dict[str, Mark]:
    """lang -> mark for a th:/en: mapping; a plain text marks every language at itself."""
    if isinstance(node, MappingNode):
        return {key.value: mark_of(value) for key, value in _pairs(node)}
    if isinstance(node, ScalarNode):
        return {"th": mark_of(node), "en": mark_of(node)}
    return {}


def _pairs(node: Node):
    """A mapping's (key, value) pairs whose key is plain text."""
    if isinstance(node, MappingNode):
        yield from ((key, value) for key, value in node.value if isinstance(key, ScalarNode))
