"""Two real phones type the same name at an event without a roster: the second is warned in
Thai before anything moves, and once it says "it is me" both phones see the notice."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.live import phone_options
from tests.browser.test_participant_phone import join, shoot

pytestmark = pytest.mark.browser
NAME = "สมศรี ทดสอบสองเครื่อง"


def test_a_second_phone_is_warned_then_both_are_told(live_server, browser, playwright_instance,
                                                     page, screenshot_dir):
    code = live_server.make_event("pre")
    join(page, live_server, code, name=NAME)
    other = browser.new_context(**phone_options(playwright_instance))
    try:
        second = other.new_page()
        second.goto(f"{live_server.url}/j/{code}")
        second.fill("#name", NAME)
        second.select_option("#department", index=1)
        second.select_option("#level", index=1)
        second.locator("form button.primary").click()
        warning = second.locator("#on-another-phone")
        expect(warning).to_be_visible()
        expect(warning).to_contain_text("ชื่อนี้กำลังทำแบบทดสอบอยู่บนโทรศัพท์อีกเครื่องหนึ่ง")
        assert second.evaluate("document.documentElement.scrollWidth") <= 390
        shoot(second, screenshot_dir, "two-phones-1-warned", full_page=False)
        second.locator("button[name=same_person]").click()
        expect(second).to_have_url(re.compile(rf"/j/{code}/quiz$"))
        expect(second.locator("#two-phones")).to_be_visible()
        shoot(second, screenshot_dir, "two-phones-2-second-phone", full_page=False)
        page.reload()
        expect(page.locator("#two-phones")).to_contain_text("โทรศัพท์สองเครื่อง")
        shoot(page, screenshot_dir, "two-phones-3-first-phone", full_page=False)
    finally:
        other.close()
