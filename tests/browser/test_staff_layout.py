"""Staff pages in real Chromium: the projector screen fits 1280x720 exactly, the events list's
links are big enough to tap on a phone, and Thai in a bank's problem listing is drawn in the
page's own Sarabun, not a system fallback."""

from __future__ import annotations

import pytest

from tests.browser.test_bank_upload import BANK_WITH_MISTAKES
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

TRAINER = "layout-trainer"


def test_the_projector_screen_fits_1280_by_720_with_its_back_link(live_server, browser,
                                                                   screenshot_dir):
    code = live_server.make_owned_event(TRAINER, PASSWORD)
    projector = browser.new_context(viewport={"width": 1280, "height": 720}, locale="th-TH")
    try:
        screen = projector.new_page()
        live_server.log_in(screen, TRAINER, PASSWORD, f"/staff/events/{code}/screen")
        screen.evaluate("document.fonts.ready.then(() => true)")
        size = screen.evaluate("[document.documentElement.scrollWidth,"
                               " document.documentElement.scrollHeight]")
        back = screen.locator(".screen-back a").bounding_box()
        screen.screenshot(path=str(screenshot_dir / "join-screen-1280x720.png"))
        assert size == [1280, 720], size
        assert back["y"] >= 0 and back["y"] + back["height"] <= 720, back
    finally:
        projector.close()


def test_the_events_list_links_are_44_px_tall_on_a_phone(live_server, page, screenshot_dir):
    live_server.make_owned_event(TRAINER, PASSWORD)
    live_server.log_in(page, TRAINER, PASSWORD, "/staff/")
    links = page.locator("table a")
    assert links.count() >= 2
    heights = [links.nth(i).bounding_box()["height"] for i in range(links.count())]
    page.screenshot(path=str(screenshot_dir / "staff-events-phone.png"))
    assert min(heights) >= 44, heights


def _fonts_drawing(page, selector: str) -> set[str]:
    """The font families Chromium actually drew the element's text with (DevTools' own
    "Rendered Fonts")."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


def test_thai_in_a_banks_problem_listing_is_drawn_in_sarabun(live_server, page, tmp_path):
    live_server.make_owned_event(TRAINER, PASSWORD)  # makes the trainer
    bank_file = tmp_path / "mistakes.yaml"
    bank_file.write_text(BANK_WITH_MISTAKES, encoding="utf-8")
    live_server.log_in(page, TRAINER, PASSWORD, "/staff/banks/new")
    page.set_input_files("#file", str(bank_file))
    page.get_by_role("button", name="ตรวจไฟล์").click()
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    thai_line = _fonts_drawing(page, "#line-4 code")  # "  th: ความรู้เมืองอัจฉริยะขอนแก่น"
    assert "Sarabun" in thai_line, thai_line
