"""Thai words kept whole at line ends, without runs too long for a phone's line."""

from __future__ import annotations

from assessment.web.thai_lines import WORD_JOINER, ZERO_WIDTH_SPACE, keep_words

#: an agency's name pythainlp's dictionary lists as one 31-letter entry
AGENCY = "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล"


def _runs(kept: str) -> list[str]:
    """The unbreakable runs of kept text, as read (without the joiners)."""
    return [run.replace(WORD_JOINER, "") for run in kept.replace(" ", ZERO_WIDTH_SPACE)
            .split(ZERO_WIDTH_SPACE) if run]


def test_a_long_name_of_an_agency_may_break_between_its_words():
    runs = _runs(keep_words(f"{AGENCY} (ดีป้า)"))
    assert runs[:4] == ["สำนักงาน", "ส่งเสริม", "เศรษฐกิจ", "ดิจิทัล"]


def test_words_stay_whole():
    assert _runs(keep_words("เจ้าหน้าที่ใช้สมาร์ทโฟนตรวจสอบคุณภาพอากาศ")) == [
        "เจ้าหน้าที่", "ใช้", "สมาร์ทโฟน", "ตรวจสอบ", "คุณภาพ", "อากาศ"]
