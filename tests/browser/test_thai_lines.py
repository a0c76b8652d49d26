"""Thai line breaking in real Chromium at 320 to 420 px: a Thai word never breaks at a line
end (Chromium's ICU dictionary would split "สมาร์ท|โฟน"), and a name never splits ("ใจ|งาม")."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

#: a prompt long enough that every word in it lands at a line end at some width
PROMPT = ("เจ้าหน้าที่ใช้สมาร์ทโฟนตรวจสอบคุณภาพอากาศและแจ้งเหตุฉุกเฉินผ่านแอปพลิเคชัน"
          "ของเทศบาลได้ทุกที่ทุกเวลา ระบบอินเทอร์เน็ตของสรรพสิ่งช่วยเพิ่มประสิทธิภาพการให้บริการ"
          "ประชาชนในพื้นที่ได้อย่างไร")
OPTION = ("ผู้ประกอบการรายย่อยและเพื่อนร่วมงานใช้ข้อมูลเปิดประกอบการตัดสินใจเพื่อเปลี่ยนเส้นทาง"
          "การเดินรถและลดการใช้พลังงานในสำนักงานของหน่วยงานต่าง ๆ")
WORDS = ("สมาร์ทโฟน", "คุณภาพ", "ฉุกเฉิน", "แอปพลิเคชัน", "อินเทอร์เน็ต", "ประสิทธิภาพ",
         "บริการ", "ประชาชน", "ผู้ประกอบการ", "เพื่อนร่วมงาน", "การตัดสินใจ", "เส้นทาง",
         "พลังงาน", "สำนักงาน", "หน่วยงาน")
NAME = "มะลิ ใจงาม"
BANK = f"""
id: thai-lines
version: 1
title: ทดสอบการตัดบรรทัด
languages: [th]
topics:
  - id: t
    title: หัวข้อ
questions:
  - id: q1
    topic: t
    type: single
    prompt: {PROMPT}
    options:
      - id: a
        text: {PROMPT}
        correct: true
      - id: b
        text: {OPTION}
"""

#: the most lines the characters of `word` sit on, over every text in `selector` that holds
#: it (0 when none does); the invisible joiners and spaces around words are skipped
LINES_OF_WORD = """([selector, word]) => {
  let most = 0;
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const kept = [];
    [...node.data].forEach((ch, i) => { if (ch !== "\\u2060" && ch !== "\\u200b") kept.push(i); });
    const start = kept.map(i => node.data[i]).join("").indexOf(word);
    if (start < 0) continue;
    const range = document.createRange();
    range.setStart(node, kept[start]);
    range.setEnd(node, kept[start + word.length - 1] + 1);
    const tops = [...range.getClientRects()].filter(r => r.width > 0.5).map(r => r.top);
    most = Math.max(most, new Set(tops.map(top => Math.round(top / 10))).size);
  }
  return most;
}"""


def _event_on_the_bank(live_server) -> str:
    from assessment.banks.operations import load_bank
    from assessment.events.operations import create_event, open_phase

    with live_server.app_context():
        version = load_bank(BANK, "thai-lines.yaml").version
        event = create_event(version, "สัมมนาเชิงปฏิบัติการเรื่องการตัดบรรทัดภาษาไทยสำหรับเจ้าหน้าที่เทศบาล")
        open_phase(event, "pre")
        return event.code


def test_thai_words_and_names_stay_whole_at_line_ends(live_server, page, screenshot_dir):
    code = _event_on_the_bank(live_server)
    page.goto(f"{live_server.url}/j/{code}")
    page.fill("#name", NAME)
    page.select_option("#department", index=1)
    page.select_option("#level", index=1)
    page.locator("form button.primary").click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/quiz$"))
    page.evaluate("document.fonts.ready")
    split = set()
    for width in range(300, 431, 2):
        page.set_viewport_size({"width": width, "height": 800})
        for word in WORDS:
            lines = page.evaluate(LINES_OF_WORD, [".question", word])
            assert lines >= 1, f"{word} is not on the page"
            if lines > 1:
                split.add((word, width))
        for part in NAME.split():
            if page.evaluate(LINES_OF_WORD, ["main", part]) > 1:
                split.add((part, width))
    page.set_viewport_size({"width": 320, "height": 800})
    page.screenshot(path=str(screenshot_dir / "thai-lines-320.png"))
    assert not split, f"broken across lines (word, viewport width): {sorted(split)}"
