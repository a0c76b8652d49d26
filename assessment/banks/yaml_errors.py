"""PyYAML's syntax errors said in a trainer's words, as translatable Messages (pure, no Flask).

PyYAML describes a problem in parser terms ("expected <block end>, but found
'<block mapping start>'"). The mistakes trainers make most often are each given a sentence
that says what to change; any other error keeps PyYAML's own text as a fallback.
"""

from __future__ import annotations

import re

import yaml

from assessment.messages import N_, Message

CANNOT_START = re.compile(r"found character (.+) that cannot start any token")

#: a part of PyYAML's problem text -> what it means for a bank, in plain words
PLAIN_WORDS = (
    ("mapping values are not allowed",
     N_("YAML cannot read this line: a ': ' inside a text starts a new key. Put the text in "
        "quotes")),
    ("could not find expected ':'",
     N_("YAML cannot read this line: it is not 'key: value' nor a list item '- ...'. Add the "
        "missing ':' after the key, or put a text that goes on over several lines in quotes")),
    ("expected <block end>",
     N_("YAML cannot read this line: its indentation does not match the lines above. Keys of "
        "the same level start in the same column, and list items under a key are indented")),
    ("found unexpected end of stream",
     N_("a quote (\" or ') opened here is never closed; end the text with the same quote")),
    ("found unknown escape character",
     N_("a backslash (\\) inside double quotes starts an escape YAML does not know; use single "
        "quotes instead")),
    ("sequence entries are not allowed here",
     N_("a list item '- ' cannot follow a key on the same line; put each item on its own line "
        "under the key")),
    ("but found another document",
     N_("a line '---' starts a second document; a bank is one document, so remove it")),
    ("expected ',' or '}'",
     N_("the '{' opened here is not closed with '}' on the same line; write the texts in the "
        "block form (th: and en: on their own lines)")),
    ("expected ',' or ']'",
     N_("the '[' opened here is not closed with ']' on the same line")),
)
TEXT_AFTER_QUOTE = N_("YAML cannot read this line: more words follow a closing quote or "
                      "bracket; put the whole text inside the quotes")
BRACES = N_("YAML cannot read this line: inside one-line braces {th: ..., en: ...} a '?', ':' "
            "or ',' in the text breaks it. Write the text in the block form (th: and en: on "
            "their own lines) or put it in quotes")
TAB = N_("a tab is used for indentation; indent with spaces only")
#: problems PyYAML finds past the place to fix: the place is where the key, quote or bracket
#: starts (PyYAML's context mark)
AT_THE_START = ("could not find expected ':'", "found unexpected end of stream",
                "expected ',' or '}'", "expected ',' or ']'")


def explain_syntax(error: yaml.MarkedYAMLError, text: str) -> tuple[Message, int, int]:
    """What the syntax error means, and the line and column (from 1) to look at."""
    problem = (error.problem or "").strip() or str(error)
    mark = error.problem_mark or error.context_mark
    lines = text.split("\n")
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    wording = _plain_words(problem, line, mark.column if mark else 0)
    if error.context_mark and wording.template != BRACES and any(
            words in problem for words in AT_THE_START):
        mark = error.context_mark
    return wording, *((mark.line + 1, mark.column + 1) if mark else (1, 1))


def _plain_words(problem: str, line: str, column: int) -> Message:
    if "{" in line and ("?" in line or line.count(":") > 1 or "," in line):
        return Message(BRACES)
    if "found character '\\t'" in problem or "\t" in line:
        return Message(TAB)
    if "but found '<scalar>'" in problem and line[:column].rstrip().endswith(("'", '"', "]", "}")):
        return Message(TEXT_AFTER_QUOTE)
    for words, template in PLAIN_WORDS:
        if words in problem:
            return Message(template)
    character = CANNOT_START.search(problem)
    if character:
        return Message(N_("a value cannot start with %(character)s; put the text in quotes"),
                       character=character.group(1))
    return Message(N_("YAML syntax error: %(problem)s"), problem=problem)


def explain_reader_error(error: yaml.YAMLError, text: str) -> tuple[Message, int, int]:
    """A character YAML refuses (such as a control character), and where it is."""
    position = getattr(error, "position", None)
    if not isinstance(error, yaml.reader.ReaderError) or position is None:
        return Message(N_("YAML could not read this file: %(error)s"), error=str(error)), 1, 1
    before = text[:position]
    line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character[:1])
    return Message(N_("the file holds a character YAML does not accept (#x%(code)s); remove "
                      "it"), code=f"{code:04x}"), line, column
