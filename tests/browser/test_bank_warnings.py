"""A trainer on a phone uploads a valid bank with item-writing flaws in real Chromium: the
preview lists each warning in Thai under its line, saving asks once for a tick, and the page
fits a 390 px screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_bank_upload import _stored_versions, _trainer
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

TRAINER = "bank-trainer"

#: a valid Thai bank with three flaws: "ถูกทุกข้อ" as an option (line 21), a negative stem
#: without emphasis (line 27) and a short answer without its Thai spelling (line 31)
BANK_WITH_FLAWS = """\
id: kk-flaws
version: 1
title: ความรู้เมืองอัจฉริยะขอนแก่น
languages: [th]
topics:
  - id: city
    title: เมืองอัจฉริยะ
questions:
  - id: q01
    topic: city
    type: single
    prompt: ข้อใดเป็นด้านของเมืองอัจฉริยะตามกรอบของประเทศ
    options:
      - id: a
        text: พลังงาน
      - id: b
        text: การท่องเที่ยว
      - id: c
        text: สาธารณสุข
      - id: d
        text: ถูกทุกข้อ
        correct: true
  - id: q02
    topic: city
    type: true_false
    answer: false
    prompt: เทศบาลไม่ต้องแจ้งวัตถุประสงค์เมื่อเก็บข้อมูลส่วนบุคคล
  - id: q03
    topic: city
    type: short_text
    accept: [IoT]
    prompt: อุปกรณ์ที่ต่ออินเทอร์เน็ตและส่งข้อมูลถึงกันเรียกว่าอะไร
"""


def test_trainer_reads_the_warnings_and_saves_after_one_tick(live_server, page, screenshot_dir,
                                                            tmp_path):
    _trainer(live_server)
    bank_file = tmp_path / "kk-flaws.yaml"
    bank_file.write_text(BANK_WITH_FLAWS, encoding="utf-8")
    live_server.log_in(page, TRAINER, PASSWORD, "/staff/banks/new")
    page.set_input_files("#file", str(bank_file))
    page.get_by_role("button", name="ตรวจไฟล์").click()
    page.wait_for_load_state("load")

    expect(page.locator("#warnings-title")).to_have_text("คำเตือนเรื่องการเขียนข้อสอบ 3 รายการ")
    option = page.locator("#warning-line-21")
    expect(option).to_contain_text("text: ถูกทุกข้อ")
    expect(option.locator("xpath=following-sibling::p[1]")).to_contain_text(
        "บรรทัด 21 คอลัมน์ 15: ตัวเลือก 'd' ของข้อ 'q01' เขียนว่า 'ถูกทุกข้อ'")
    expect(page.locator("#warning-line-27").locator("xpath=following-sibling::p[1]")
           ).to_contain_text("เป็นคำถามเชิงปฏิเสธ ('ไม่', th)")
    expect(page.locator("#warning-line-31").locator("xpath=following-sibling::p[1]")
           ).to_contain_text("ยังไม่มี 'ไอโอที' (อ่านตัวอักษรอังกฤษเป็นภาษาไทย)")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.locator("#warnings-title").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "bank-warnings.png"), full_page=False, scale="css")

    page.get_by_role("button", name="บันทึกรุ่นนี้").click()
    page.wait_for_load_state("load")
    expect(page.locator(".check-ok .error")).to_have_text(
        "กรุณาอ่านคำเตือน แล้วทำเครื่องหมายในช่องเพื่อบันทึกรุ่นนี้ตามที่เป็นอยู่")
    assert "kk-flaws" not in _stored_versions(live_server)
    page.locator(".check-ok").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "bank-warnings-confirm.png"), full_page=False,
                    scale="css")
    page.get_by_label(re.compile("ฉันอ่านคำเตือนแล้ว")).check()
    page.get_by_role("button", name="บันทึกรุ่นนี้").click()
    page.wait_for_url("**/staff/banks/kk-flaws/v1")
    expect(page.locator("#warnings-title")).to_have_text("คำเตือนเรื่องการเขียนข้อสอบ 3 รายการ")
    assert "kk-flaws" in _stored_versions(live_server)
