"""Staff forms on the narrowest phone (320 px): the event form's date-and-time fields, the
report's department filter and the file fields of uploads fit the screen instead of pushing the
page sideways."""

from __future__ import annotations

import pytest

from assessment.auth.operations import create_user, find_user
from assessment.demo import create_demo_event
from tests.browser.live import phone_options
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

ADMIN = "narrow-admin"
#: what sticks out past the screen's right edge (tables scroll in their own box, so not them)
STICKING_OUT = """() => [...document.querySelectorAll('main *')]
    .filter(element => !element.closest('.table-wrap')
            && element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map(element => `${element.tagName}.${element.className}`)"""


@pytest.fixture
def narrow_page(browser, playwright_instance):
    context = browser.new_context(**phone_options(
        playwright_instance, viewport={"width": 320, "height": 640},
        screen={"width": 320, "height": 640}))
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_event_form_and_report_filters_fit_320_px(live_server, narrow_page, screenshot_dir):
    with live_server.app_context():
        if find_user(ADMIN) is None:
            create_user(ADMIN, "admin", PASSWORD)
        code = create_demo_event(people=30, seed=5).code
    page = narrow_page
    live_server.log_in(page, ADMIN, PASSWORD, "/staff/events/new")
    sticking_out = {}
    for path in ("/staff/banks/new", "/staff/banks/import", f"/staff/events/{code}/roster",
                 f"/staff/events/{code}/paper", "/staff/events/new", f"/staff/events/{code}/edit",
                 f"/staff/reports/{code}"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.clientWidth") == 320
        sticking_out[path] = page.evaluate(STICKING_OUT)
    page.screenshot(path=screenshot_dir / "report-filters-320.png")
    assert page.locator("form.filters select option").count() > 10  # every department listed
    assert sticking_out == {path: [] for path in sticking_out}
