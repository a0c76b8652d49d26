"""The trainer's event page in real Chromium on a phone: the list of people still answering
appears and moves on by itself as a participant answers, and leaves when they submit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

TRAINER = "event-page-trainer"


def test_the_still_answering_list_follows_a_participant_without_a_reload(
        live_server, browser, page, playwright_instance, screenshot_dir):
    from tests.browser.live import phone_options

    code = live_server.make_owned_event(TRAINER, PASSWORD)
    live_server.log_in(page, TRAINER, PASSWORD, f"/staff/events/{code}")
    listed = page.locator("[data-still-answering] tr")
    expect(listed).to_have_count(0)
    expect(page.locator("[data-still-answering-none]")).to_be_visible()

    participant = browser.new_context(**phone_options(playwright_instance))
    try:
        phone = participant.new_page()
        phone.goto(f"{live_server.url}/j/{code}")
        phone.fill("#name", "มะลิ ใจงาม")
        phone.select_option("#department", index=1)
        phone.select_option("#level", index=1)
        phone.locator("form button.primary").click()
        expect(phone).to_have_url(re.compile(rf"/j/{code}/quiz$"))
        expect(listed).to_have_count(1)  # the poll brought them, no reload
        expect(listed.first).to_contain_text(re.compile(r"0 / \d+"))
        assert listed.first.locator("td").first.evaluate(
            "td => td.textContent.replace(/[\\u2060\\u200b]/g, '')") == "มะลิ ใจงาม"
        phone.locator(".question .choice").first.click()
        expect(listed.first).to_contain_text(re.compile(r"1 / \d+"))
        page.locator(".still-answering").screenshot(
            path=str(screenshot_dir / "event-page-still-answering.png"))
        phone.locator("button[name=action][value=submit]").click()
        phone.get_by_role("button", name=re.compile("ส่ง")).first.click()
        expect(listed).to_have_count(0)
        expect(page.locator("[data-still-answering-none]")).to_be_visible()
    finally:
        participant.close()
