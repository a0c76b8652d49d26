"""Messages from the pure code (bank checks, imports): English by str(), the reader's language
through gettext, and every template marked with N_ translated in the Thai catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo

from assessment.messages import N_, Message

PACKAGE = Path(__file__).resolve().parent.parent / "assessment"
THAI_MO = PACKAGE / "translations" / "th" / "LC_MESSAGES" / "messages.mo"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
#: calls that take a message template, and the position of the template among their arguments
TEMPLATE_TAKERS = {"Message": 0, "CellProblem": 0, "problem": None, "add": 1}
THAI = {"the prompt of %(label)s": "ข้อความคำถามของ%(label)s",
        "question '%(id)s'": "ข้อ '%(id)s'",
        "%(what)s is empty": "%(what)s ยังว่างอยู่"}


def marked_templates() -> dict[str, str]:
    """Every template marked with N_ in the package -> where it is (file:line)."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")],
                             keywords={"N_": None}, comment_tags=(), strip_comment_tags=True)
    return {message: f"{filename}:{line}" for filename, line, message, _c, _ctx in found}


def test_a_message_is_english_by_str_and_translated_with_its_phrases():
    label = Message(N_("question '%(id)s'"), id="q01")
    message = Message(N_("%(what)s is empty"), what=Message(N_("the prompt of %(label)s"),
                                                             label=label))
    assert str(message) == "the prompt of question 'q01' is empty"
    assert message.render(lambda template: THAI.get(template, template)) == (
        "ข้อความคำถามของข้อ 'q01' ยังว่างอยู่")
    assert message == Message("%(what)s is empty", what=Message(
        "the prompt of %(label)s", label=Message("question '%(id)s'", id="q01")))
    assert len({message, Message(message.template, **dict(message.params))}) == 1


def test_a_template_without_values_keeps_its_percent_signs():
    assert str(Message(N_("weight them like ~%50%"))) == "weight them like ~%50%"


def test_a_broken_translation_falls_back_to_english():
    message = Message(N_("%(what)s is empty"), what="x")
    assert message.render(lambda template: "%(missing)s ว่าง") == "x is empty"


def test_extraction_finds_the_marked_templates():
    templates = marked_templates()
    assert len(templates) > 100
    assert "unknown key '%(key)s' in %(what)s%(hint)s" in templates  # banks
    assert "the column '%(name)s' is missing" in templates  # roster and paper files
    assert "YAML cannot read this line: its indentation does not match the lines above. Keys " \
           "of the same level start in the same column, and list items under a key are " \
           "indented" in templates  # PyYAML's errors in plain words


def test_every_marked_template_has_a_thai_translation_in_the_compiled_catalogue():
    with THAI_MO.open("rb") as file:
        catalogue = read_mo(file)
    untranslated = []
    for template, where in marked_templates().items():
        entry = catalogue.get(template)
        if entry is None or not entry.string:
            untranslated.append(f"{where}: {template}")
        elif set(PLACEHOLDER.findall(entry.string)) != set(PLACEHOLDER.findall(template)):
            untranslated.append(f"{where}: the Thai has other %(...)s places: {entry.string}")
    assert not untranslated, ("run `make translations` and translate in "
                              "assessment/translations/th/LC_MESSAGES/messages.po:\n"
                              + "\n".join(untranslated))


def _template_arguments(call: ast.Call) -> list[ast.expr]:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(
        call.func, "id", None)
    if name not in TEMPLATE_TAKERS:
        return []
    position = TEMPLATE_TAKERS[name]
    if position is None:
        return list(call.args)
    return call.args[position:position + 1]


@pytest.mark.parametrize("module", [
    "banks/problems.py", "banks/validation.py", "banks/question_checks.py", "banks/yaml_source.py",
    "banks/yaml_errors.py", "banks/gift.py", "banks/aiken.py", "banks/conversion.py",
    "banks/operations.py", "roster/tables.py", "roster/parsing.py", "paper/parsing.py",
    "paper/operations.py",
])
def test_no_message_bypasses_the_marker(module):
    """A literal or f-string handed straight to a problem would never reach the catalogue."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    unmarked = [f"{module}:{node.lineno}" for node in ast.walk(tree)
                if isinstance(node, ast.Call)
                for argument in _template_arguments(node)
                if isinstance(argument, ast.JoinedStr)
                or (isinstance(argument, ast.Constant) and isinstance(argument.value, str))]
    assert not unmarked, f"wrap the template in N_(...): {unmarked}"


def test_a_quoted_question_label_is_followed_by_a_space_in_thai():
    """%(label)s ends in a quoted id ("ข้อ 'q01'"); Thai run straight after it reads
    "ข้อ 'q01'ยาวกว่า", so the catalogue puts a space (or punctuation) there."""
    with THAI_MO.open("rb") as file:
        catalogue = read_mo(file)
    joined = [message.string for message in catalogue
              if isinstance(message.string, str)
              and re.search(r"%\(label\)s[\u0e00-\u0e7f]", message.string)]
    assert joined == []
