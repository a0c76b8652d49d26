"""Text copied from a page is the text the reader sees: without the invisible joiners that keep
Thai words and names whole at line ends."""

from __future__ import annotations

import pytest

from tests.helpers import as_read
from tests.helpers_staff import PASSWORD

pytestmark = pytest.mark.browser

#: what a copy of the page's heading puts on the clipboard (a real copy event, its data kept)
COPY_HEADING = """() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('main h1'));
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const data = new DataTransfer();
    const event = new ClipboardEvent('copy', {clipboardData: data, bubbles: true,
                                              cancelable: true});
    document.dispatchEvent(event);
    return [selection.toString(), data.getData('text/plain')];
}"""


def test_a_copied_thai_title_has_no_invisible_joiners(live_server, page):
    code = live_server.make_owned_event("copy-trainer", PASSWORD)
    live_server.log_in(page, "copy-trainer", PASSWORD, f"/staff/events/{code}")
    page.wait_for_load_state("load")
    shown, copied = page.evaluate(COPY_HEADING)
    assert "\u2060" in shown or "\u200b" in shown  # the heading's Thai words are glued
    assert copied == as_read(shown)
    assert "\u2060" not in copied and "\u200b" not in copied
