"""Reading a bank's YAML safely, keeping the line and column of every value.

Only plain YAML is accepted: no tags that build objects, no anchors or
aliases (the "billion laughs" expansion), no lists or mappings nested more
than MAX_NESTING deep (each level costs the parser time and Python's stack), no
file over 1 MiB, and a key written twice is an error instead of silently keeping the last one.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessment.banks.yaml_errors import TAB, explain_reader_error, explain_syntax
from assessment.messages import N_, Message, WordedError

MAX_BANK_BYTES = 1_048_576
#: a bank needs about 6 levels (questions, a question, options, an option, text, language)
MAX_NESTING = 50
PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class Mark:
    """1-based line and column of a place in the file."""

    line: int
    column: int


class SourceError(WordedError):
    """The text is not a bank we may read; `wording` says why and `mark` where."""

    def __init__(self, wording: Message, mark: Mark):
        super().__init__(wording)
        self.mark = mark


def decode(data: str | bytes) -> str:
    """The bank text, refusing oversize files and bytes that are not UTF-8."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BANK_BYTES:
        raise SourceError(Message(N_("the file is %(size)s bytes; a bank may be at most "
                                     "%(limit)s bytes (1 MiB)"),
                                  size=f"{len(raw):,}", limit=f"{MAX_BANK_BYTES:,}"), Mark(1, 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(Message(N_("the file is not UTF-8 text; save it as UTF-8")),
                          Mark(line, 1)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def compose(text: str) -> Node | None:
    """The YAML node tree, with marks; SourceError for syntax, tags and aliases."""
    _refuse_tabs(text)
    try:
        _check_events(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        wording, line, column = explain_syntax(error, text)
        raise SourceError(wording, Mark(line, column)) from None
    except yaml.YAMLError as error:
        wording, line, column = explain_reader_error(error, text)
        raise SourceError(wording, Mark(line, column)) from None
    if node is not None:
        _check_tags(node)
    return node


def _check_events(text: str) -> None:
    """Anchors (&), aliases (*) and deep nesting are refused from the parser's stream of
    events, before anything is built from them."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        mark = Mark(event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SourceError(Message(N_("anchors and aliases (& and *) are not allowed in a "
                                         "bank: write each text out in full")), mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise SourceError(Message(N_("lists and mappings are nested more than "
                                             "%(limit)s deep here; a bank needs far fewer "
                                             "levels"), limit=MAX_NESTING), mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _refuse_tabs(text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise SourceError(Message(TAB), Mark(number, len(line) - len(stripped) + 1))


def _check_tags(node: Node) -> None:
    for child in walk(node):
        if child.tag not in PLAIN_TAGS:
            raise SourceError(Message(N_("the tag '%(tag)s' is not allowed in a bank: banks "
                                         "hold plain text, numbers, lists and mappings only"),
                                      tag=child.tag), mark_of(child))


def walk(node: Node):
    """Every node of the tree, depth first."""
    yield node
    if isinstance(node, SequenceNode):
        for item in node.value:
            yield from walk(item)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from walk(key)
            yield from walk(value)


def mark_of(node: Node) -> Mark:
    """Where a node starts, 1-based."""
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def is_scalar(node: Node) -> bool:
    return isinstance(node, ScalarNode)
