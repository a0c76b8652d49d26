"""The trainer closes a test on a phone while someone is still answering it, in real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.live import phone_options
from tests.browser.test_participant_phone import (
    UNLABELLED,
    answer,
    bank_questions,
    join,
    save_state,
    shoot,
)
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

TRAINER = "closing-trainer"


def test_closing_while_someone_answers_asks_first_then_tells_their_phone(
        live_server, browser, playwright_instance, page, screenshot_dir):
    code = live_server.make_owned_event(TRAINER, PASSWORD)
    join(page, live_server, code)  # a participant, answering
    first, later = [q for q in bank_questions(live_server) if q.type == "single"][:2]
    answer(page, first, [first.options[0].id])
    expect(save_state(page, first.id)).to_have_class(re.compile(r"\bsaved\b"))

    trainer = browser.new_context(**phone_options(playwright_instance))
    try:
        console = trainer.new_page()
        console.goto(f"{live_server.url}/staff/login?next=/staff/events/{code}")
        console.fill("#username", TRAINER)
        console.fill("#password", PASSWORD)
        console.click("button[type=submit]")
        console.wait_for_url(f"**/staff/events/{code}")
        console.get_by_role("button", name="ปิดแบบทดสอบก่อนอบรม").click()

        expect(console.locator("h1")).to_have_text("ปิดแบบทดสอบก่อนอบรมหรือไม่?")
        expect(console.locator(".card p.error")).to_have_text(
            "ยังมีผู้เข้าอบรม 1 คนกำลังทำแบบทดสอบก่อนอบรมอยู่")
        width = console.evaluate("document.documentElement.scrollWidth")
        assert width <= console.viewport_size["width"], f"scrolls sideways ({width}px)"
        assert console.evaluate(UNLABELLED) == []
        shoot(console, screenshot_dir, "trainer-close-confirm")
        console.get_by_role("link", name="กลับ: ยังเปิดแบบทดสอบก่อนอบรมไว้").click()
        expect(console.locator(".phase-card.state-open")).to_have_count(1)  # nothing closed

        console.get_by_role("button", name="ปิดแบบทดสอบก่อนอบรม").click()
        console.get_by_role("button", name="ปิดและส่งคำตอบของพวกเขา").click()
        expect(console.locator("p.notice")).to_contain_text(
            "ปิดแบบทดสอบก่อนอบรมแล้ว")
        expect(console.locator(".phase-card.state-open")).to_have_count(0)
    finally:
        trainer.close()

    told = []  # the quiz page says why in an alert, then shows the waiting page
    page.on("dialog", lambda dialog: (told.append(dialog.message), dialog.accept()))
    answer(page, later, [later.options[0].id])  # the participant's next answer is refused
    expect(page.get_by_role("link", name="ดูผลของฉัน")).to_be_visible()
    assert told == ["วิทยากรปิดแบบทดสอบแล้ว ระบบส่งคำตอบที่บันทึกไว้ให้ท่านแล้ว"]
