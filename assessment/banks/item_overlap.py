"""Items that overlap (pure, no Flask): one item's answer written in another's prompt (a
giveaway), and two prompts that are nearly the same."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from itertools import combinations

from assessment.banks.bank import Bank, Question
from assessment.banks.item_places import BankPlaces, Finding
from assessment.messages import N_, Message
from assessment.quizzes.scoring import normalise_text

#: prompts at least this alike (difflib's ratio) read as the same question twice
NEARLY_SAME = 0.8
#: an answer shorter than this (after normalising) is too common a word to flag
SHORTEST_ANSWER = 2
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")


def overlap_findings(bank: Bank, places: BankPlaces) -> Iterable[Finding]:
    """(mark, Message) for every giveaway and every near-duplicate prompt."""
    yield from _giveaways(bank, places)
    yield from _near_duplicates(bank, places)


def answers_of(question: Question) -> list[str]:
    """What a participant writes or picks to be right: keyed option texts in every language,
    accepted short answers, the numeric answer (digits and, in English, words)."""
    if question.type in ("single", "multiple"):
        return [text for o in question.options if o.correct for text in o.text.values()
                if len(_plain(text)) >= SHORTEST_ANSWER]
    if question.type == "short_text":
        return [text for text in question.accept if len(_plain(text)) >= SHORTEST_ANSWER]
    if question.type == "numeric":
        number = float(question.answer)
        words = [NUMBER_WORDS[int(number)]] if number.is_integer() and 0 <= number < len(
            NUMBER_WORDS) else []
        return [f"{number:g}", *words]
    return []


def _plain(text: str) -> str:
    return normalise_text(text).translate(THAI_DIGITS)


def _giveaways(bank: Bank, places: BankPlaces) -> Iterable[Finding]:
    answers = {q.id: [(a, _word_pattern(_plain(a))) for a in answers_of(q)]
               for q in bank.questions}
    for question in bank.questions:
        for lang, prompt in question.prompt.items():
            prompt = _plain(prompt)
            for other in bank.questions:
                hit = next((answer for answer, pattern in answers[other.id]
                            if other is not question and pattern.search(prompt)), None)
                if hit:
                    yield places.question(question.id).of("prompt", lang), Message(
                        N_("the prompt of question '%(id)s' contains '%(answer)s' (%(lang)s), "
                           "the answer to question '%(other)s': it gives that item away"),
                        id=question.id, answer=hit, lang=lang, other=other.id)


def _word_pattern(answer: str) -> re.Pattern:
    """The answer as a whole word: 7 is not found in 72 or 2.7, IoT not in 'idiot'."""
    return re.compile(rf"(?<![0-9a-z.]){re.escape(answer)}(?![0-9a-z]|\.[0-9])")


def _near_duplicates(bank: Bank, places: BankPlaces) -> Iterable[Finding]:
    for lang in bank.languages:
        prompts = [(q, _plain(q.prompt.get(lang, ""))) for q in bank.questions]
        for (first, one), (second, two) in combinations(prompts, 2):
            matcher = difflib.SequenceMatcher(None, one, two, autojunk=False)
            if matcher.quick_ratio() >= NEARLY_SAME and matcher.ratio() >= NEARLY_SAME:
                yield places.question(second.id).of("prompt", lang), Message(
                    N_("the prompt of question '%(id)s' is nearly the same as that of question "
                       "'%(other)s' at line %(line)s (%(percent)s%% alike, %(lang)s): ask each "
                       "thing once, in different forms"),
                    id=second.id, other=first.id, line=places.question(first.id).start.line,
                    percent=round(100 * matcher.ratio()), lang=lang)
