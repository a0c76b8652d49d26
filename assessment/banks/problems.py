"""A problem found in a bank or an imported question file, at its line and column (pure, no
Flask): worded in English as a translatable Message, shown FILE:LINE:COLUMN: message."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from assessment.messages import N_, Message, Worded


@dataclass(frozen=True)
class Problem(Worded):
    """One thing wrong in a file, at its line and column (both from 1)."""

    file: str
    line: int
    column: int
    #: what is wrong: str() gives the English, render(gettext) the reader's language
    wording: Message

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """FILE:LINE:COLUMN: message, through `translate` (a gettext) when given."""
        return f"{self.file}:{self.line}:{self.column}: {self.wording.render(translate)}"

    def __str__(self) -> str:
        return self.render()


def did_you_mean(word: str, allowed: set) -> Message | str:
    """"; did you mean 'x'?" for the closest allowed word, or '' when none is close."""
    close = difflib.get_close_matches(word, sorted(allowed), n=1, cutoff=0.6)
    return Message(N_("; did you mean '%(word)s'?"), word=close[0]) if close else ""


@dataclass(frozen=True)
class WritingWarning(Problem):
    """An item-writing flaw in a valid bank: it may be saved, but a test-wise person could
    exploit it. Shown FILE:LINE:COLUMN: warning: message."""

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        worded = Message(N_("warning: %(message)s"), message=self.wording)
        return f"{self.file}:{self.line}:{self.column}: {worded.render(translate)}"
