"""Item-writing warnings for a valid bank: the flaws a test-wise person exploits to score
without knowing the material (pure, no Flask). Bank-wide patterns are judged with a
significance test against chance and reported at `questions:`; each item's own flaws
(assessment/banks/item_wording.py) at the line of the text concerned."""

from __future__ import annotations

from collections.abc import Iterable

from scipy.stats import binomtest, chisquare
from yaml.nodes import MappingNode

from assessment.banks.bank import Bank, Question
from assessment.banks.item_places import BankPlaces, Finding, bank_places
from assessment.banks.item_wording import item_findings
from assessment.banks.problems import WritingWarning
from assessment.messages import N_, Message

#: a pattern is reported when chance would give it less often than this
SIGNIFICANCE = 0.05
#: fewer items than this cannot show a pattern across the bank
MIN_ITEMS = 5


def writing_warnings(bank: Bank, root: MappingNode, filename: str) -> tuple[WritingWarning, ...]:
    """Every item-writing warning of a valid bank, in the order of the file."""
    places = bank_places(root)
    findings = [*_bank_wide(bank, places), *item_findings(bank, places)]
    warnings = {WritingWarning(filename, mark.line, mark.column, wording)
                for mark, wording in findings}
    return tuple(sorted(warnings, key=lambda w: (w.line, w.column, w.message)))


def _bank_wide(bank: Bank, places: BankPlaces) -> Iterable[Finding]:
    where = places.questions
    singles = [q for q in bank.questions if q.type == "single"]
    for wording in (_key_positions(singles), *(_longest_keys(singles, lang)
                                               for lang in bank.languages),
                    _true_false_balance(bank.questions)):
        if wording is not None:
            yield where, wording


def _p(value: float) -> str:
    return f"p = {value:.3f}" if value >= 0.001 else "p < 0.001"


def _key_positions(singles: list[Question]) -> Message | None:
    """Keys piled on some positions: a chi-square test against keys spread evenly."""
    if len(singles) < MIN_ITEMS:
        return None
    width = max(len(q.options) for q in singles)
    observed, expected = [0] * width, [0.0] * width
    for question in singles:
        observed[[o.correct for o in question.options].index(True)] += 1
        for position in range(len(question.options)):
            expected[position] += 1 / len(question.options)
    p = chisquare(observed, expected).pvalue
    if p >= SIGNIFICANCE:
        return None
    return Message(N_("the keys of the %(count)s single-choice items sit unevenly across the "
                      "option positions (first to last: %(spread)s; %(p)s against keys "
                      "spread by chance); put the keys in every position alike"),
                   count=len(singles), spread=", ".join(map(str, observed)), p=_p(p))


def _longest_keys(singles: list[Question], lang: str) -> Message | None:
    """The key strictly the longest option far more often than chance (a binomial test)."""
    if len(singles) < MIN_ITEMS:
        return None
    longest = sum(_key_is_longest(question, lang) for question in singles)
    chance = sum(1 / len(q.options) for q in singles) / len(singles)
    p = binomtest(longest, len(singles), chance, alternative="greater").pvalue
    if p >= SIGNIFICANCE:
        return None
    return Message(N_("the keyed option is the longest in %(longest)s of %(count)s "
                      "single-choice items (%(lang)s), far more often than chance (about "
                      "%(expected)s; %(p)s): test-wise people pick the longest option"),
                   longest=longest, count=len(singles), lang=lang,
                   expected=round(chance * len(singles)), p=_p(p))


def _key_is_longest(question: Question, lang: str) -> bool:
    lengths = [(len(o.text.get(lang, "")), o.correct) for o in question.options]
    key = next(length for length, correct in lengths if correct)
    return all(key > length for length, correct in lengths if not correct)


def _true_false_balance(questions: tuple[Question, ...]) -> Message | None:
    """True/false answers far from half true (a two-sided binomial test)."""
    answers = [q.answer for q in questions if q.type == "true_false"]
    if len(answers) < MIN_ITEMS:
        return None
    true = sum(1 for answer in answers if answer)
    p = binomtest(true, len(answers), 0.5).pvalue
    if p >= SIGNIFICANCE:
        return None
    return Message(N_("%(true)s of %(count)s true/false items are true, far from half "
                      "(%(p)s): test-wise people guess the more common answer"),
                   true=true, count=len(answers), p=_p(p))
