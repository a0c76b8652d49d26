"""The confirmation page's unanswered questions are links: in Chromium on a phone, tapping one
opens the quiz at that question, its number in sight below the sticky progress bar."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_tapping_an_unanswered_question_shows_it_below_the_progress_bar(live_server, page):
    code = live_server.make_event("pre")
    page.goto(f"{live_server.url}/j/{code}")
    page.fill("#name", "สมศรี มีสุข")
    page.select_option("#department", index=1)
    page.select_option("#level", index=1)
    page.locator("form button.primary").click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/quiz$"))
    page.goto(f"{live_server.url}/j/{code}/confirm")
    link = page.locator(".unanswered-links a").nth(4)
    expect(link).to_have_text("ข้อ 5")
    assert link.bounding_box()["height"] >= 44
    question_id = link.get_attribute("href").split("#question-")[1]
    link.click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/quiz#question-{question_id}$"))
    number = page.locator(f"#question-{question_id} .number")
    expect(number).to_be_in_viewport()
    bar = page.locator(".progress-bar").bounding_box()
    assert number.bounding_box()["y"] >= bar["y"] + bar["height"], "hidden under the bar"
