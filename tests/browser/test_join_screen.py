"""The projector's join screen in real Chromium: QR code, the code, and counts that update."""

from __future__ import annotations

import pytest

from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}
TRAINER = "projector-trainer"


def _log_in_to_screen(page, live_server, code):
    page.goto(f"{live_server.url}/staff/login?next=/staff/events/{code}/screen")
    page.fill("#username", TRAINER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/staff/events/{code}/screen")


def _join_on_a_phone(page, live_server, code, name):
    page.goto(f"{live_server.url}/j/{code}")
    page.fill("#name", name)
    page.select_option("#department", index=1)
    page.select_option("#level", index=1)
    page.click("form button[type=submit]")
    page.wait_for_url(f"**/j/{code}/**")


def test_join_screen_shows_qr_and_code_and_counts_joins(live_server, browser, page,
                                                         screenshot_dir):
    from playwright.sync_api import expect

    code = live_server.make_owned_event(TRAINER, PASSWORD)
    projector = browser.new_context(viewport=PROJECTOR, locale="th-TH")
    try:
        screen = projector.new_page()
        errors = []  # script errors and CSP refusals (the browser's own favicon probe aside)
        screen.on("console", lambda m: errors.append(m.text)
                  if m.type == "error" and "Failed to load resource" not in m.text else None)
        screen.on("response", lambda r: errors.append(f"{r.status} {r.url}")
                  if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        _log_in_to_screen(screen, live_server, code)
        qr = screen.locator("svg.join-qr")
        expect(qr).to_be_visible()
        assert qr.bounding_box()["width"] > 400  # big enough to scan from the back
        expect(screen.locator(".screen-code")).to_have_text(code)
        expect(screen.locator(".screen-link")).to_contain_text(f"/j/{code}")
        expect(screen.locator('[data-count="joined"]')).to_have_text("0")
        expect(screen.locator(".screen-title")).to_have_text("สัมมนาทดสอบ")

        _join_on_a_phone(page, live_server, code, "สมชาย ใจดี")
        expect(screen.locator('[data-count="joined"]')).to_have_text("1", timeout=10_000)
        screen.screenshot(path=str(screenshot_dir / "join-screen.png"))
        assert not errors, errors  # no CSP violation, no script error
    finally:
        projector.close()
