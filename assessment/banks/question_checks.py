"""The checks on one question of a bank: its type, options, answer and texts."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessment.banks.bank import QUESTION_TYPES, Option, Question
from assessment.banks.problems import did_you_mean
from assessment.banks.yaml_source import mark_of
from assessment.messages import N_, Message

TAKES_OPTIONS = ("single", "multiple")
SCORINGS = ("partial", "all_or_nothing")


def check_question(checker, node: Node, topic_ids: set,
                   written_id: str | None = None) -> Question | None:
    """The Question if this item is a sound question; problems go to the checker.

    `written_id` is the id as written, read by the caller, to name it in early problems.
    """
    from assessment.banks.validation import ITEM_ID, OPTION_KEYS, QUESTION_KEYS, QUESTION_REQUIRED

    if not isinstance(node, MappingNode):
        checker.add(node, N_("each question is a mapping starting with '- id:'"))
        return None
    before = len(checker.problems)
    fields = checker.fields(node, QUESTION_KEYS, QUESTION_REQUIRED,
                            Message(N_("question '%(id)s'"), id=written_id) if written_id
                            else Message(N_("a question")))
    question_id = checker.identifier(fields.get("id"), ITEM_ID, Message(N_("a question id")),
                                     Message(N_("letters, digits, '_' and '-', like q01")))
    label = (Message(N_("question '%(id)s'"), id=question_id) if question_id
             else Message(N_("this question")))
    kind = _type(checker, fields.get("type"), label)
    topic = _topic(checker, fields.get("topic"), topic_ids, label)
    prompt = checker.text(fields.get("prompt"), Message(N_("the prompt of %(label)s"),
                                                        label=label))
    explanation = checker.text(fields["explanation"], Message(
        N_("the explanation of %(label)s"), label=label)) if "explanation" in fields else None
    points = _points(checker, fields.get("points"), kind, label)
    options = _options(checker, fields.get("options"), kind, label, ITEM_ID, OPTION_KEYS)
    extra = _type_rules(checker, node, fields, kind, options, label)
    if len(checker.problems) > before or kind is None:
        return None
    return Question(id=question_id, topic=topic, type=kind, prompt=prompt, points=points,
                    options=tuple(options), explanation=explanation or None, **extra)


def _type(checker, field, label) -> str | None:
    if field is None:
        return None
    node = field[1]
    value = node.value if isinstance(node, ScalarNode) else None
    if value not in QUESTION_TYPES:
        checker.add(node, N_("the type of %(label)s must be one of %(types)s%(hint)s"),
                    label=label, types=", ".join(QUESTION_TYPES),
                    hint=did_you_mean(str(value), set(QUESTION_TYPES)))
        return None
    return value


def _topic(checker, field, topic_ids, label) -> str:
    if field is None:
        return ""
    node = field[1]
    value = node.value if isinstance(node, ScalarNode) else None
    if value not in topic_ids:
        checker.add(node, N_("the topic '%(topic)s' of %(label)s is not declared in the bank's "
                             "topics%(hint)s"), topic=value, label=label,
                    hint=did_you_mean(str(value), topic_ids))
        return ""
    return value


def _points(checker, field, kind, label) -> float:
    if field is None:
        return 1.0
    node = field[1]
    if kind == "rating":
        checker.add(node, N_("%(label)s is a rating, which earns no points; remove points:"),
                    label=label)
        return 0.0
    value = checker.number(node, Message(N_("the points of %(label)s"), label=label))
    if value is not None and value <= 0:
        checker.add(node, N_("the points of %(label)s must be above 0"), label=label)
    return value or 1.0


def _options(checker, field, kind, label, item_id, option_keys) -> list[Option]:
    if kind not in TAKES_OPTIONS:
        if field is not None and kind is not None:
            checker.add(field[0], N_("%(label)s is %(kind)s, which takes no options:"),
                        label=label, kind=kind)
        return []
    if field is None:
        return []
    node = field[1]
    if not isinstance(node, SequenceNode) or len(node.value) < 2:
        checker.add(node, N_("%(label)s needs a list of at least two options"), label=label)
        return []
    options, seen = [], {}
    for item in node.value:
        option = _option(checker, item, label, item_id, option_keys)
        if option is None:
            continue
        if option.id in seen:
            checker.add(item, N_("the option id '%(id)s' is used twice in %(label)s (first at "
                                 "line %(first)s)"), id=option.id, label=label,
                        first=seen[option.id].line)
            continue
        seen[option.id] = mark_of(item)
        options.append(option)
    return options


def _option(checker, item, label, item_id, option_keys) -> Option | None:
    if not isinstance(item, MappingNode):
        checker.add(item, N_("each option of %(label)s needs id: and text:"), label=label)
        return None
    fields = checker.fields(item, option_keys, ("id", "text"),
                            Message(N_("an option of %(label)s"), label=label))
    option_id = checker.identifier(fields.get("id"), item_id, Message(N_("an option id")),
                                   Message(N_("letters, digits, '_' and '-', like a")))
    text = checker.text(fields.get("text"), Message(N_("option '%(id)s' of %(label)s"),
                                                    id=option_id, label=label))
    correct = checker.boolean(fields["correct"][1], Message(
        N_("correct: of option '%(id)s'"), id=option_id)) if "correct" in fields else False
    return Option(id=option_id, text=text, correct=bool(correct)) if option_id else None


def _type_rules(checker, node, fields, kind, options, label) -> dict:
    """What each type needs besides options; returns the Question's extra fields."""
    rules = {
        "single": _single_rules, "multiple": _multiple_rules, "true_false": _true_false_rules,
        "short_text": _short_text_rules, "numeric": _numeric_rules, "rating": _rating_rules,
    }
    if kind is None:
        return {}
    _refuse_foreign_keys(checker, fields, kind, label)
    return rules[kind](checker, node, fields, options, label)


FOREIGN = {
    "answer": ("true_false", "numeric"), "tolerance": ("numeric",),
    "accept": ("short_text",), "scoring": ("multiple",),
}


def _refuse_foreign_keys(checker, fields, kind, label) -> None:
    for key, kinds in FOREIGN.items():
        if key in fields and kind not in kinds:
            checker.add(fields[key][0], N_("%(label)s is %(kind)s; '%(key)s:' belongs to "
                                           "%(kinds)s questions"),
                        label=label, kind=kind, key=key, kinds=_either(kinds))


def _either(kinds: tuple[str, ...]):
    """'numeric', or 'true_false or numeric' with the 'or' translated."""
    if len(kinds) == 1:
        return kinds[0]
    return Message(N_("%(first)s or %(second)s"), first=kinds[0], second=kinds[1])


def _single_rules(checker, node, fields, options, label) -> dict:
    if "options" in fields and options and sum(o.correct for o in options) != 1:
        checker.add(fields["options"][0], N_("%(label)s is single choice and needs exactly one "
                                             "option with correct: true (it has %(count)s)"),
                    label=label, count=sum(o.correct for o in options))
    elif "options" not in fields:
        checker.add(node, N_("%(label)s is single choice and is missing options:"), label=label)
    return {}


def _multiple_rules(checker, node, fields, options, label) -> dict:
    if "options" not in fields:
        checker.add(node, N_("%(label)s is multiple choice and is missing options:"),
                    label=label)
    elif options and not any(o.correct for o in options):
        checker.add(fields["options"][0], N_("%(label)s is multiple choice and needs at least "
                                             "one option with correct: true"), label=label)
    scoring = "partial"
    if "scoring" in fields:
        value_node = fields["scoring"][1]
        scoring = value_node.value if isinstance(value_node, ScalarNode) else None
        if scoring not in SCORINGS:
            checker.add(value_node, N_("scoring must be partial or all_or_nothing"))
            scoring = "partial"
    return {"scoring": scoring}


def _true_false_rules(checker, node, fields, options, label) -> dict:
    if "answer" not in fields:
        checker.add(node, N_("%(label)s is true_false and is missing answer: true or false"),
                    label=label)
        return {}
    answer = checker.boolean(fields["answer"][1], Message(N_("the answer of %(label)s"),
                                                          label=label))
    return {"answer": answer}


def _short_text_rules(checker, node, fields, options, label) -> dict:
    if "accept" not in fields:
        checker.add(node, N_("%(label)s is short_text and is missing accept: [answers]"),
                    label=label)
        return {}
    value = fields["accept"][1]
    if not isinstance(value, SequenceNode) or not value.value:
        checker.add(value, N_("accept: of %(label)s must be a list of accepted answers"),
                    label=label)
        return {}
    accepted = []
    what = Message(N_("an accepted answer of %(label)s"), label=label)
    for item in value.value:
        texts = checker._plain_text(item, what, in_mapping=True)
        if texts:
            accepted.append(next(iter(texts.values())))
    return {"accept": tuple(accepted)}


def _numeric_rules(checker, node, fields, options, label) -> dict:
    if "answer" not in fields:
        checker.add(node, N_("%(label)s is numeric and is missing answer: (a number)"),
                    label=label)
        return {}
    answer = checker.number(fields["answer"][1], Message(N_("the answer of %(label)s"),
                                                         label=label))
    tolerance = 0.0
    if "tolerance" in fields:
        what = Message(N_("the tolerance of %(label)s"), label=label)
        tolerance = checker.number(fields["tolerance"][1], what, 0) or 0.0
    return {"answer": answer, "tolerance": tolerance}


def _rating_rules(checker, node, fields, options, label) -> dict:
    return {}
