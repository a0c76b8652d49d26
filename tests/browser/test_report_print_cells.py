"""The printed report's cells, as the council reads them on A4: a number or a question's id
on one line, and no cell in larger type than its table."""

from __future__ import annotations

import pytest

from assessment.auth.operations import create_user, find_user
from assessment.demo import create_demo_event
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

HR = "print-cells-hr"
#: A4's width less staff.css's @page margins (12 mm each side), in CSS pixels
A4_TEXT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
#: number cells and first cells (question ids, group names) whose short text runs over
#: two lines or more, such as "51" printed as "5" above "1"
SPLIT_CELLS = """() => [...document.querySelectorAll('td.num, tbody td:first-child')]
    .filter(cell => {
        const text = cell.textContent.trim();
        if (!text || text.length > 6) return false;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].filter(box => box.width > 0)
                                  .map(box => Math.round(box.top)));
        return lines.size > 1;
    }).map(cell => cell.textContent.trim())"""
#: cells (or what they hold) in larger type than their table's
LARGER_THAN_TABLE = """() => [...document.querySelectorAll('td, td *')]
    .filter(element => parseFloat(getComputedStyle(element).fontSize)
                       > parseFloat(getComputedStyle(element.closest('table')).fontSize) + 0.5)
    .map(element => `${element.textContent.trim().slice(0, 40)}: `
                    + getComputedStyle(element).fontSize)"""


@pytest.fixture(scope="module")
def demo_code(live_server):
    with live_server.app_context():
        if find_user(HR) is None:
            create_user(HR, "hr", PASSWORD)
        return create_demo_event(people=50, seed=11).code


def test_printed_report_keeps_numbers_and_ids_whole_and_notes_in_the_tables_type(
        live_server, page, demo_code):
    live_server.log_in(page, HR, PASSWORD, f"/staff/reports/{demo_code}")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    assert page.locator("td.num").count() > 100  # the item tables are there
    assert page.locator("td.tests-left-out").count() > 0  # and small groups' notes
    assert page.evaluate(SPLIT_CELLS) == []
    assert page.evaluate(LARGER_THAN_TABLE) == []
