"""Reading a bank's YAML safely, keeping the line and column of every value.

Only plain YAML is accepted: no tags that build objects, no anchors or
aliases (the "billion laughs" expansion), no file over 1 MiB, and a key
written twice is an error instead of silently keeping the last one.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BANK_BYTES = 1_048_576
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


class SourceError(Exception):
    """The text is not a bank we may read; `mark` says where."""

    def __init__(self, message: str, mark: Mark):
        super().__init__(message)
        self.message = message
        self.mark = mark


def decode(data: str | bytes) -> str:
    """The bank text, refusing oversize files and bytes that are not UTF-8."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BANK_BYTES:
        raise SourceError(f"the file is {len(raw):,} bytes; a bank may be at most "
                          f"{MAX_BANK_BYTES:,} bytes (1 MiB)", Mark(1, 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError("the file is not UTF-8 text; save it as UTF-8", Mark(line, 1)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def compose(text: str) -> Node | None:
    """The YAML node tree, with marks; SourceError for syntax, tags and aliases."""
    _refuse_tabs(text)
    try:
        _refuse_aliases(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise SourceError(_explain_syntax(error, text), _mark_of(error)) from None
    except yaml.YAMLError as error:
        raise SourceError(f"YAML could not read this file: {error}", Mark(1, 1)) from None
    if node is not None:
        _check_tags(node)
    return node


def _refuse_aliases(text: str) -> None:
    """Anchors (&) and aliases (*) are refused before anything is built from them."""
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = Mark(event.start_mark.line + 1, event.start_mark.column + 1)
            raise SourceError("anchors and aliases (& and *) are not allowed in a bank: "
                              "write each text out in full", mark)


def _refuse_tabs(text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise SourceError("a tab is used for indentation; indent with spaces only",
                              Mark(number, len(line) - len(stripped) + 1))


def _mark_of(error: yaml.MarkedYAMLError) -> Mark:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Mark(1, 1)
    return Mark(mark.line + 1, mark.column + 1)


def _explain_syntax(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = (error.problem or "").strip()
    mark = error.problem_mark
    line = text.split("\n")[mark.line] if mark and mark.line < len(text.split("\n")) else ""
    if "{" in line and ("?" in line or line.count(":") > 1 or "," in line):
        return (f"YAML cannot read this line ({problem}): inside one-line braces "
                "{th: ..., en: ...} a '?', ':' or ',' in the text breaks it. Write the text "
                "in the block form (th: and en: on their own lines) or put it in quotes")
    if "mapping values are not allowed" in problem:
        return ("YAML cannot read this line: a ': ' inside a text starts a new key. "
                "Put the text in quotes")
    if "found character '\\t'" in problem or "\t" in line:
        return "a tab is used for indentation; indent with spaces only"
    return f"YAML syntax error: {problem or error}"


def _check_tags(node: Node) -> None:
    for child in walk(node):
        if child.tag not in PLAIN_TAGS:
            raise SourceError(f"the tag '{child.tag}' is not allowed in a bank: banks hold "
                              "plain text, numbers, lists and mappings only", mark_of(child))


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
