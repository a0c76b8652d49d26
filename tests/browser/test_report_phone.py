"""HR's report in real Chromium: on a phone, and printed on A4 for the council."""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from assessment.auth.operations import create_user, find_user
from assessment.demo import create_demo_event
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

HR = "report-hr"
IMAGES_LOADED = """() => [...document.querySelectorAll('img.chart')]
    .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.src)"""
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
#: A4's width less staff.css's @page margins (12 mm each side), in CSS pixels
A4_TEXT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
#: each table wider than the page, or cut by its scrolling box: [heading, width, page width]
TABLES_TOO_WIDE = """(limit) => [...document.querySelectorAll('table')]
    .filter(table => table.scrollWidth > limit || table.getBoundingClientRect().right > limit + 1
                     || table.parentElement.scrollWidth > table.parentElement.clientWidth + 1)
    .map(table => [table.closest('section').querySelector('h1, h2').textContent,
                   table.scrollWidth, limit])"""


@pytest.fixture(scope="module")
def demo_code(live_server):
    with live_server.app_context():
        if find_user(HR) is None:
            create_user(HR, "hr", PASSWORD)
        return create_demo_event(people=50, seed=11).code


def _log_in(page, live_server, code):
    page.goto(f"{live_server.url}/staff/login?next=/staff/reports/{code}")
    page.fill("#username", HR)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/staff/reports/{code}")


def test_report_on_a_phone_in_thai_with_every_chart(live_server, page, demo_code, screenshot_dir):
    _log_in(page, live_server, demo_code)
    expect(page.locator("h1")).to_contain_text("รายงาน")
    for image in page.locator("img.chart").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({IMAGES_LOADED})().length === 0", timeout=60_000)
    assert page.locator("img.chart").count() == 9
    assert page.evaluate(PAGE_OVERFLOW) <= 1, "the page scrolls sideways on a phone"
    page.screenshot(path=screenshot_dir / "report-phone.png")
    page.screenshot(path=screenshot_dir / "report-phone-full.png", full_page=True)


def test_report_on_a_phone_has_large_targets_charts_to_open_full_size_and_passes_axe(
        live_server, page, demo_code, screenshot_dir):
    _log_in(page, live_server, demo_code)
    for image in page.locator("img.chart").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({IMAGES_LOADED})().length === 0", timeout=60_000)
    small = page.evaluate("""() => [...document.querySelectorAll('main a')]
        .map(a => [a.textContent.trim(), a.getBoundingClientRect()])
        .filter(([, box]) => box.width < 44 || box.height < 44)
        .map(([text, box]) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`)""")
    assert small == [], "links smaller than 44 px"
    full_size = page.locator("a.chart-full").first
    assert ".png" in full_size.get_attribute("href")
    assert full_size.locator("img.chart").count() == 1
    page.locator(".chart-links").first.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / "report-phone-chart-links.png")
    found = Axe().run(page)
    violations = [(rule["id"], [node["target"] for node in rule["nodes"]][:3])
                  for rule in found.response["violations"]]
    assert violations == []


def test_report_prints_on_a4_portrait_with_every_column_on_the_page(
        live_server, page, demo_code, screenshot_dir):
    """Printed for the council: no table wider than A4's text, no row split across pages,
    the headline figures alone on the first page."""
    _log_in(page, live_server, demo_code)
    for image in page.locator("img.chart").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({IMAGES_LOADED})().length === 0", timeout=60_000)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    assert page.evaluate(TABLES_TOO_WIDE, A4_TEXT_WIDTH) == []
    assert page.evaluate("getComputedStyle(document.querySelector('tbody tr')).breakInside") \
        == "avoid"
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    (screenshot_dir / "report-a4.pdf").write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    # 15 pages on the demo: headline, groups, topics, items and the item review (the option
    # shares, one row per option, stay on screen and in the workbook); it was 20 and cut columns
    assert 4 <= len(pages) <= 16
    assert {(round(p.mediabox.width), round(p.mediabox.height)) for p in pages} == {(595, 842)}
    first, second = (pages[i].extract_text() for i in (0, 1))
    assert "1 / " in first and "%" in first  # the headline figures, page numbered
    assert page.locator("form.filters").is_hidden()


def test_retention_and_item_review_on_a_phone(live_server, page, screenshot_dir):
    from assessment.banks.models import BankVersion
    from assessment.extensions import db
    from tests.reports.events import event_with_followup

    with live_server.app_context():
        if find_user(HR) is None:
            create_user(HR, "hr", PASSWORD)
        code = event_with_followup(db.session.get(BankVersion, live_server.bank_version_id),
                                   people=8).code
    _log_in(page, live_server, code)
    retention = page.locator("#retention")
    expect(retention.locator("h2")).to_have_text("ความรู้ที่คงอยู่: แบบทดสอบติดตามผล")
    chart = retention.locator("img.chart")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("() => { const img = document.querySelector('#retention img.chart');"
                           " return img.complete && img.naturalWidth > 0; }", timeout=60_000)
    assert page.evaluate(PAGE_OVERFLOW) <= 1, "the page scrolls sideways on a phone"
    retention.screenshot(path=screenshot_dir / "report-retention-phone.png")
    review = page.locator("#item-review")
    expect(review.locator("table.item-review")).to_be_visible()
    review.screenshot(path=screenshot_dir / "report-item-review-phone.png")
