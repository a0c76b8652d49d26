"""Which phase an open or a close would cut short (plain counts, no database)."""

from __future__ import annotations

import pytest

from assessment.events.progress import EventProgress, PhaseProgress


def _progress(open_phase, pre_answering=3, post_answering=0):
    return EventProgress(joined=5, open_phase=open_phase, phases=(
        PhaseProgress("pre", "open" if open_phase == "pre" else "closed", pre_answering, 2),
        PhaseProgress("post", "open" if open_phase == "post" else "waiting", post_answering, 0)))


@pytest.mark.parametrize("open_phase, kind, action, cut_short", [
    ("pre", "pre", "close", "pre"),    # closing the open test
    ("pre", "post", "open", "pre"),    # opening another closes it
    ("pre", "pre", "open", None),      # opening it again changes nothing
    ("pre", "post", "close", None),    # closing a test that is not open
    (None, "post", "open", None),      # nothing open
    (None, "pre", "close", None),
])
def test_the_phase_cut_short_is_the_open_one_being_ended(open_phase, kind, action, cut_short):
    found = _progress(open_phase).cut_short_by(kind, action)
    assert (found.kind if found else None) == cut_short


def test_nothing_is_cut_short_when_nobody_is_answering():
    assert _progress("pre", pre_answering=0).cut_short_by("pre", "close") is None
    assert _progress("pre", pre_answering=0).cut_short_by("post", "open") is None
