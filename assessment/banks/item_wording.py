"""Each item's own item-writing flaws, found in its words (pure, no Flask): a key much longer
than its distractors, "all/none of the above", a negative stem without emphasis, absolute
distractors; and across items, giveaways and near-duplicate prompts
(assessment/banks/item_overlap.py) and short answers missing common spellings
(assessment/banks/short_answers.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assessment.banks.bank import Bank, Question
from assessment.banks.item_overlap import overlap_findings
from assessment.banks.item_places import BankPlaces, Finding, QuestionPlace
from assessment.banks.short_answers import missing_variants
from assessment.messages import N_, Message

#: a key this many times longer than the longest distractor stands out
MUCH_LONGER = 1.5
THAI_LETTER = "\u0e01-\u0e2e"
ALL_OR_NONE = re.compile(
    r"\b(?:all|none|both|neither) of (?:the above|these|them|the options)\b|\ball the above\b"
    r"|ถูกทุกข้อ|ถูกทั้งหมด|ถูกทั้ง\s*\S+\s*ข้อ|ผิดทุกข้อ|ผิดทั้งหมด|ไม่มีข้อใด|ไม่มีข้อถูก"
    rf"|ทุกข้อ(?![{THAI_LETTER}])|ข้างต้น|ที่กล่าวมา|ข้อ\s*[กขคงabcd]\s*และ(?:ข้อ)?\s*[กขคงabcd]\b",
    re.IGNORECASE)
NEGATIVE = re.compile(r"\b(?:not|except|never|cannot)\b|n't\b|ยกเว้น|(?<!หรือ)ไม่(?!ว่า)",
                      re.IGNORECASE)
#: how a writer may emphasise a word: **bold**, <u>, <b>, <strong>, <em>
EMPHASIS = re.compile(r"\*\*.+?\*\*|<(u|b|strong|em)>.+?</\1>", re.IGNORECASE)
ABSOLUTE = re.compile(
    r"\b(?:always|never|all|every|everyone|everybody|everything|none|only|any time)\b"
    r"|ทุกคน|ทุกครั้ง|ทุกกรณี|ทุกอย่าง|ทุกแห่ง|ทั้งหมด|เสมอ(?!ภาค)|ไม่เคย|เท่านั้น|ตลอดเวลา"
    r"|ไม่มีทาง|เด็ดขาด", re.IGNORECASE)


def item_findings(bank: Bank, places: BankPlaces) -> Iterable[Finding]:
    """(mark, Message) for every flaw in the bank's items, one item at a time, then across."""
    for question in bank.questions:
        place = places.question(question.id)
        label = Message(N_("question '%(id)s'"), id=question.id)
        for lang in bank.languages:
            yield from _much_longer_key(question, place, label, lang)
            yield from _all_or_none(question, place, label, lang)
            yield from _negative_stem(question, place, label, lang)
            yield from _absolute_distractors(question, place, label, lang)
        yield from missing_variants(question, place.of("accept"), label, bank.languages)
    yield from overlap_findings(bank, places)


def _much_longer_key(question: Question, place: QuestionPlace, label, lang) -> Iterable[Finding]:
    if question.type != "single":
        return
    key = next(o for o in question.options if o.correct)
    longest = max(len(o.text.get(lang, "")) for o in question.options if not o.correct)
    if len(key.text.get(lang, "")) >= MUCH_LONGER * longest:
        yield place.option(key.id, lang), Message(
            N_("the keyed option of %(label)s is much longer than every distractor (%(key)s "
               "characters against at most %(other)s, %(lang)s); write options of similar "
               "length"), label=label, key=len(key.text[lang]), other=longest, lang=lang)


def _all_or_none(question: Question, place: QuestionPlace, label, lang) -> Iterable[Finding]:
    for option in question.options:
        found = ALL_OR_NONE.search(option.text.get(lang, ""))
        if found:
            yield place.option(option.id, lang), Message(
                N_("option '%(id)s' of %(label)s says '%(phrase)s': \"all/none of the above\" "
                   "rewards partial knowledge and breaks when options are shuffled; write a "
                   "real option"), id=option.id, label=label, phrase=found.group(0))


def _negative_stem(question: Question, place: QuestionPlace, label, lang) -> Iterable[Finding]:
    if not question.is_scored:
        return
    prompt = question.prompt.get(lang, "")
    emphasised = [span.span() for span in EMPHASIS.finditer(prompt)]
    for found in NEGATIVE.finditer(prompt):
        word = found.group(0)
        if (word.isascii() and word.isupper() and len(word) > 1) or any(
                start <= found.start() < end for start, end in emphasised):
            continue
        yield place.of("prompt", lang), Message(
            N_("the prompt of %(label)s is negative ('%(word)s', %(lang)s) without emphasis, "
               "so readers miss it; ask in the positive, or emphasise the word (UPPERCASE, "
               "**bold** or <u>)"), label=label, word=word, lang=lang)
        return


def _absolute_distractors(question: Question, place: QuestionPlace, label,
                          lang) -> Iterable[Finding]:
    if not question.options or any(ABSOLUTE.search(o.text.get(lang, ""))
                                   for o in question.options if o.correct):
        return
    for option in question.options:
        found = ABSOLUTE.search(option.text.get(lang, ""))
        if found and not option.correct:
            yield place.option(option.id, lang), Message(
                N_("distractor '%(id)s' of %(label)s is an absolute statement ('%(word)s', "
                   "%(lang)s) and no keyed option is: test-wise people rule it out"),
                id=option.id, label=label, word=found.group(0), lang=lang)
