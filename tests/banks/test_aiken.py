"""Aiken files converted to our YAML bank text: options with "A." and "A)", one or several
right answers, and incomplete questions reported at their line."""

from __future__ import annotations

from assessment.banks.aiken import aiken_to_bank
from assessment.banks.conversion import BankInfo
from assessment.banks.validation import check_bank_text
from tests.helpers import DATA

SAMPLES = DATA / "banks" / "import"
INFO = BankInfo("kk-services", "บริการประชาชนของเทศบาล", 2, "th")


def convert(name: str, info: BankInfo = INFO):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    conversion = aiken_to_bank(text, info, name)
    return conversion, check_bank_text(conversion.text, "converted.yaml")


def test_sample_converts_and_passes_validation():
    conversion, check = convert("smart-city-aiken.txt")
    assert check.ok, [str(p) for p in check.problems]
    assert conversion.problems == ()
    bank = check.bank
    assert (bank.id, bank.version) == ("kk-services", 2)
    assert bank.title == {"th": "บริการประชาชนของเทศบาล"}
    assert [t.id for t in bank.topics] == ["general"]
    assert [t.title["th"] for t in bank.topics] == ["ทั่วไป"]
    assert [q.type for q in bank.questions] == ["single", "single", "multiple", "single"]


def test_options_and_answers():
    _conversion, check = convert("smart-city-aiken.txt")
    first, second, third, fourth = check.bank.questions
    assert first.prompt["th"] == "ข้อใดคือเป้าหมายหลักของการพัฒนาเมืองอัจฉริยะ"
    assert [o.id for o in first.options] == ["a", "b", "c", "d"]
    assert [o.correct for o in first.options] == [False, True, False, False]
    assert first.options[1].text["th"] == "ยกระดับคุณภาพชีวิตของประชาชนด้วยเทคโนโลยีและข้อมูล"
    assert second.options[0].text["th"] == "ยื่นคำขอหลายเรื่องได้ในจุดเดียว"  # "A)" style
    assert [o.correct for o in third.options] == [True, True, False, False]  # ANSWER: A, B
    assert fourth.prompt["th"] == ("การขอใบอนุญาตก่อสร้างออนไลน์ของเทศบาลนครขอนแก่น\n"
                                   "ช่วยลดสิ่งใดมากที่สุด")


def test_incomplete_questions_are_reported_at_their_line():
    conversion, check = convert("broken-aiken.txt")
    found = [(p.line, p.column, p.message) for p in conversion.problems]
    assert found == [
        (1, 1, "this question has no ANSWER: line before the next one at line 5; it was "
               "left out"),
        (8, 1, "ANSWER: names E, but the options are A, B; the question was left out"),
        (10, 1, "ANSWER: must follow a question and its options like 'A. text'"),
        (12, 1, "this question needs at least two options like 'A. text'; it was left out"),
    ]
    assert str(conversion.problems[0]).startswith("broken-aiken.txt:1:1: ")
    assert check.ok and conversion.question_count == 1


def test_english_file_and_a_question_left_open_at_the_end():
    info = BankInfo("open-data", "Open data", 1, "en")
    text = "Is CSV open?\nA. Yes\nB. No\nANSWER: A\n\nUnfinished question\nA. one\nB. two\n"
    conversion = aiken_to_bank(text, info, "open.txt")
    check = check_bank_text(conversion.text, "open.yaml")
    assert check.ok and check.bank.question("q01").prompt == {"en": "Is CSV open?"}
    assert check.bank.topics[0].title == {"en": "General"}
    assert [(p.line, p.message) for p in conversion.problems] == [
        (6, "this question has no ANSWER: line; it was left out")]
