"""Moodle GIFT files converted to our YAML bank text: every supported construct, the result
passing the validator, and what cannot be converted reported at its line and column."""

from __future__ import annotations

import pytest
import yaml

from assessment.banks.conversion import BankInfo
from assessment.banks.gift import gift_to_bank
from assessment.banks.validation import check_bank_text
from tests.helpers import DATA

SAMPLES = DATA / "banks" / "import"
INFO = BankInfo("kk-smart-city", "เมืองอัจฉริยะขอนแก่น", 1, "th")


def convert(text: str, info: BankInfo = INFO, filename: str = "quiz.gift"):
    """The conversion, and the bank the validator builds from its text (None if it fails)."""
    conversion = gift_to_bank(text, info, filename)
    return conversion, check_bank_text(conversion.text, "converted.yaml")


@pytest.fixture(scope="module")
def sample():
    text = (SAMPLES / "smart-city.gift").read_text(encoding="utf-8")
    conversion, check = convert(text, filename="smart-city.gift")
    assert check.ok, [str(p) for p in check.problems]
    return conversion, check.bank


def test_sample_converts_every_question_without_problems(sample):
    conversion, bank = sample
    assert conversion.problems == ()
    assert conversion.question_count == len(bank.questions) == 11
    assert (bank.id, bank.version, bank.languages) == ("kk-smart-city", 1, ("th",))
    assert bank.title == {"th": "เมืองอัจฉริยะขอนแก่น"}
    assert [q.type for q in bank.questions] == [
        "single", "multiple", "true_false", "true_false", "short_text", "numeric", "numeric",
        "numeric", "single", "single", "single"]


def test_categories_become_topics(sample):
    _conversion, bank = sample
    titles = [t.title["th"] for t in bank.topics]
    assert titles == ["Smart Mobility", "ข้อมูลส่วนบุคคล", "Smart City Concepts"]
    assert bank.topics[0].id == "smart-mobility"
    assert bank.question("q01").topic == "smart-mobility"
    assert bank.question("q03").topic == bank.topics[1].id  # a Thai name gets a made-up id


def test_multiple_choice_with_feedback(sample):
    _conversion, bank = sample
    q = bank.question("q01")
    assert q.prompt["th"].startswith("ขอนแก่นซิตี้บัส")
    assert [o.correct for o in q.options] == [True, False, False, False]
    assert q.options[0].text["th"] == "ระบบติดตามตำแหน่งด้วย GPS แบบเรียลไทม์"
    assert q.explanation["th"] == "ถูกต้อง รถทุกคันส่งพิกัดขึ้นระบบกลาง"


def test_weights_make_several_right_answers_and_general_feedback_the_explanation(sample):
    _conversion, bank = sample
    q = bank.question("q02")
    assert [o.correct for o in q.options] == [True, True, False]
    assert q.scoring == "partial"
    assert q.explanation["th"].startswith("ทั้งแอปแจ้งเวลาและจักรยานสาธารณะ")


def test_true_false_short_answer_and_numbers(sample):
    _conversion, bank = sample
    assert bank.question("q03").answer is True
    assert bank.question("q04").answer is False
    assert bank.question("q04").explanation["th"] == "ถูกต้อง การเผยแพร่ต้องมีฐานทางกฎหมาย"
    assert bank.question("q05").accept == ("PDPA", "P.D.P.A.")
    assert (bank.question("q06").answer, bank.question("q06").tolerance) == (7, 0)
    assert (bank.question("q07").answer, bank.question("q07").tolerance) == (2.5, 0.1)
    assert (bank.question("q08").answer, bank.question("q08").tolerance) == (22.5, 4.5)


def test_escapes_are_undone(sample):
    _conversion, bank = sample
    q = bank.question("q09")
    assert q.prompt["th"] == ('ข้อมูลเปิด (Open Data) ควรใช้รูปแบบใด : เลือกรูปแบบที่ '
                              '"เครื่องอ่านได้" 100% {machine-readable}')
    assert [o.text["th"] for o in q.options] == [
        "ไฟล์ PDF ที่สแกนจากกระดาษ", "CSV หรือ JSON = อ่านได้ทั้งคนและโปรแกรม",
        "ภาพถ่ายหน้าจอ # ตาราง"]
    assert [o.correct for o in q.options] == [False, True, False]


def test_missing_word_and_html(sample):
    _conversion, bank = sample
    assert bank.question("q10").prompt["th"] == (
        "ศูนย์ปฏิบัติการเมืองอัจฉริยะของขอนแก่นใช้ข้อมูลจาก _____ เพื่อติดตามสถานการณ์ในเมือง")
    assert bank.question("q11").prompt["th"] == "คำว่า IoT ย่อมาจากอะไร"


def test_the_yaml_reads_like_a_hand_written_bank(sample):
    conversion, _bank = sample
    text = conversion.text
    assert "  # KK01 รถโดยสารอัจฉริยะ\n  - id: q01\n" in text  # the GIFT title as a comment
    assert "languages: [th]\n" in text
    assert "\\u0e" not in text.lower()  # Thai written as Thai, not escaped
    assert "prompt:\n      th: ขอนแก่นซิตี้บัส" in text
    assert yaml.safe_load(text)["questions"][0]["id"] == "q01"


def test_english_file():
    info = BankInfo("open-data", "Open data", 3, "en")
    conversion, check = convert("::Q1::Is CSV an open format? {TRUE}\n", info)
    assert check.ok
    assert check.bank.languages == ("en",)
    assert check.bank.question("q01").prompt == {"en": "Is CSV an open format?"}
    assert check.bank.topics[0].title == {"en": "General"}
    assert check.bank.version == 3


def test_unsupported_items_are_reported_where_they_are():
    text = (SAMPLES / "unsupported.gift").read_text(encoding="utf-8")
    conversion, check = convert(text, filename="unsupported.gift")
    found = [(p.line, p.column, p.message.split(";")[0].split(":")[0]) for p in
             conversion.problems]
    assert found == [
        (3, 2, "a matching question (=a -> b) has no counterpart in a bank"),
        (7, 46, "an essay question ({}) cannot be scored here"),
        (9, 1, "this item has no answers in { }"),
        (11, 36, "the { that starts the answers is never closed with }"),
        (13, 47, "several answers are marked = in a multiple-choice question"),
        (15, 33, "'ประมาณสิบ' is not a number, a number"),
    ]
    assert all(str(p).startswith("unsupported.gift:") for p in conversion.problems)
    assert conversion.question_count == 1 and check.ok  # the one sound question is kept


def test_a_file_without_questions_fails_validation_plainly():
    conversion, check = convert("// only a comment\n\nJust words.\n")
    assert conversion.question_count == 0
    assert [p.line for p in conversion.problems] == [3]
    assert not check.ok


@pytest.mark.parametrize("answers, message", [
    ("{=%50%half =full}", "answers worth part of the points"),
    ("{~%70%big ~%30%small ~none}", "the right answers carry different weights"),
    ("{=right#yes ~wrong#no}", "feedback on wrong answers is not kept"),
    ("{#=3.14:0.01 =%50%3.1}", "keeps only its first fully right one"),
])
def test_lossy_conversions_are_noted_and_kept(answers, message):
    conversion, check = convert(f"Question text {answers}\n")
    assert check.ok and conversion.question_count == 1
    assert [p.line for p in conversion.problems] == [1]
    assert message in conversion.problems[0].message


def test_windows_line_ends_and_bom():
    text = "\ufeff::A::First {T}\r\n\r\n::B::Second {F}\r\n"
    conversion, check = convert(text)
    assert check.ok and conversion.question_count == 2
