"""A trainer on a phone uploads a bank with mistakes in real Chromium: the page, in Thai, shows
the source with line numbers and each problem (line, column, the CLI's message in Thai) under
its line, saves nothing, and fits a 390 px screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment.auth.operations import create_user, find_user
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

TRAINER = "bank-trainer"
THAI = re.compile(r"[\u0E00-\u0E7F]")

#: a trainer's bank in Thai with mistakes: a misspelt key (line 16, so q01 also lacks its
#: prompt, line 13) and a misspelt topic (line 21)
BANK_WITH_MISTAKES = """\
id: kk-smart-city
version: 1
title:
  th: ความรู้เมืองอัจฉริยะขอนแก่น
  en: Khon Kaen smart city
languages: [th, en]
topics:
  - id: mobility
    title:
      th: การเดินทางอัจฉริยะ
      en: Smart mobility
questions:
  - id: q01
    topic: mobility
    type: true_false
    promt:
      th: ขอนแก่นซิตี้บัสแสดงตำแหน่งรถแบบเรียลไทม์ผ่านแอปพลิเคชัน
      en: Khon Kaen City Bus shows where its buses are in real time in an app
    answer: true
  - id: q02
    topic: mobilty
    type: single
    prompt:
      th: ระบบใดช่วยให้ประชาชนรู้เวลารถโดยสารมาถึงป้าย
      en: Which system tells residents when the bus will reach their stop?
    options:
      - id: a
        text:
          th: ระบบติดตามตำแหน่งด้วย GPS
          en: GPS tracking
        correct: true
      - id: b
        text:
          th: ป้ายกระดาษที่ป้ายรถเมล์
          en: A paper sign at the stop
"""


def _trainer(live_server) -> None:
    with live_server.app_context():
        if find_user(TRAINER) is None:
            create_user(TRAINER, "trainer", PASSWORD)


def _stored_versions(live_server) -> list[str]:
    from sqlalchemy import select

    from assessment.banks.models import BankVersion
    from assessment.extensions import db

    with live_server.app_context():
        return list(db.session.scalars(select(BankVersion.bank_key)))


def test_trainer_uploads_a_bank_with_mistakes_on_a_phone(live_server, page, screenshot_dir,
                                                         tmp_path):
    _trainer(live_server)
    bank_file = tmp_path / "เมืองอัจฉริยะ.yaml"
    bank_file.write_text(BANK_WITH_MISTAKES, encoding="utf-8")
    errors = []  # script errors, CSP refusals and failed requests (the staff pages do not
    # declare an icon, so the browser's own /favicon.ico probe is left aside)
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and "Failed to load resource" not in m.text else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)

    page.goto(f"{live_server.url}/staff/login?next=/staff/banks/new")
    page.fill("#username", TRAINER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/staff/banks/new")
    expect(page.locator("h1")).to_have_text("เพิ่มคลังข้อสอบ")

    page.set_input_files("#file", str(bank_file))
    page.get_by_role("button", name="ตรวจไฟล์").click()
    page.wait_for_load_state("load")

    expect(page.locator("#problems-title")).to_contain_text("ยังไม่ได้บันทึก")
    first = page.locator("#line-16")
    expect(first).to_have_class(re.compile("has-problem"))
    expect(first).to_contain_text("promt:")
    note = first.locator("xpath=following-sibling::p[1]")
    expect(note).to_have_class("line-problem")
    expect(note).to_have_text("บรรทัด 16 คอลัมน์ 5: ไม่รู้จักคีย์ 'promt' ในข้อ 'q01' "
                              "(หมายถึง 'prompt' ใช่หรือไม่)")
    second = page.locator("#line-21").locator("xpath=following-sibling::p[1]")
    expect(second).to_contain_text("บรรทัด 21 คอลัมน์ 12: หัวข้อ 'mobilty' ของข้อ 'q02' "
                                   "ไม่มีอยู่ในรายการหัวข้อ")
    # FILE:LINE:COLUMN: message as `flask banks validate` prints it, the message in Thai
    expect(page.locator(".problems")).to_contain_text(
        "เมืองอัจฉริยะ.yaml:16:5: ไม่รู้จักคีย์ 'promt' ในข้อ 'q01' (หมายถึง 'prompt' "
        "ใช่หรือไม่)")
    expect(page.locator(".source-line")).to_have_count(len(BANK_WITH_MISTAKES.splitlines()))
    expect(page.get_by_role("button", name="บันทึกรุ่นนี้")).to_have_count(0)

    # Thai drawn with the served Sarabun font, and nothing wider than the phone
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ทดสอบ')")
    assert THAI.search(page.locator("#line-4").inner_text())
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    box, screen = note.bounding_box(), page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen

    first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "bank-upload-problems.png"), full_page=False,
                    scale="css")
    page.screenshot(path=str(screenshot_dir / "bank-upload-problems-full.png"), full_page=True,
                    scale="css")
    assert "kk-smart-city" not in _stored_versions(live_server)
    assert not errors, errors
