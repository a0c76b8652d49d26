"""Common spellings a short-text item's accepted answers miss, where a rule can tell them
(pure, no Flask): the space after a Thai abbreviation such as พ.ร.บ., an English acronym spelled
in Thai letters (IoT, ไอโอที), the ต spelling of loanwords (อินเตอร์เน็ต), and an answer given
only in Thai or only in English letters in a bank that has both languages."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assessment.banks.bank import Question
from assessment.banks.item_places import Finding
from assessment.messages import N_, Message
from assessment.quizzes.scoring import normalise_text

#: Thai abbreviations: one or more letters each followed by a dot (พ.ร.บ., พ.ศ., อ.)
THAI_ABBREVIATION = re.compile(r"((?:[\u0e01-\u0e2e]\.)+)( ?)(?=\S)")
ACRONYM = re.compile(r"^[A-Za-z]{2,6}$")
LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "เอ", "บี", "ซี", "ดี", "อี", "เอฟ", "จี", "เอช", "ไอ", "เจ", "เค", "แอล", "เอ็ม", "เอ็น",
    "โอ", "พี", "คิว", "อาร์", "เอส", "ที", "ยู", "วี", "ดับเบิลยู", "เอ็กซ์", "วาย", "แซด"),
    strict=True))
THAI = re.compile(r"[\u0e00-\u0e7f]")
LATIN = re.compile(r"[A-Za-z]")


def missing_variants(question: Question, where, label, languages) -> Iterable[Finding]:
    """(mark, Message) for each common spelling the accepted answers miss."""
    if question.type != "short_text":
        return
    accepted = {normalise_text(text) for text in question.accept}
    suggested = set()
    for text in question.accept:
        for variant, reason in _variants(text, languages):
            if normalise_text(variant) not in accepted | suggested:
                suggested.add(normalise_text(variant))
                yield where, Message(N_("the accepted answers of %(label)s miss '%(variant)s' "
                                        "(%(reason)s); add it to accept:"),
                                     label=label, variant=variant, reason=reason)
    yield from _one_script_only(question, where, label, languages)


def _variants(text: str, languages) -> Iterable[tuple[str, Message]]:
    abbreviation = THAI_ABBREVIATION.search(text)
    if abbreviation:
        spaced = THAI_ABBREVIATION.sub(lambda m: m.group(1) + ("" if m.group(2) else " "), text)
        yield spaced, Message(N_("no space after the abbreviation") if abbreviation.group(2)
                              else N_("a space after the abbreviation"))
    if "th" in languages and ACRONYM.match(text) and sum(c.isupper() for c in text) >= 2:
        yield "".join(LETTER_NAMES[c] for c in text.lower()), Message(
            N_("the letters spelled in Thai"))
    if "เทอร์" in text:
        yield text.replace("เทอร์", "เตอร์"), Message(N_("the common spelling with ต"))


def _one_script_only(question: Question, where, label, languages) -> Iterable[Finding]:
    if len(languages) < 2:
        return
    if not any(THAI.search(text) for text in question.accept):
        yield where, Message(N_("the accepted answers of %(label)s are all in English "
                                "letters; add the Thai form people type"), label=label)
    elif not any(LATIN.search(text) for text in question.accept):
        yield where, Message(N_("the accepted answers of %(label)s are all in Thai; add the "
                                "English form people type"), label=label)
