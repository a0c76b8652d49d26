"""Sentences for people, written in English in pure code and translated where they are shown.

Domain code (bank checks, file imports) marks each template with `N_` so that
`make translations` puts it in the catalogue, and keeps the values apart in a `Message`.
`str(message)` is the English (the CLI, logs, tests); a page passes flask_babel's gettext to
`render` and the person reads it in their own language. No Flask here.
"""

from __future__ import annotations

from collections.abc import Callable


def N_(template: str) -> str:
    """Mark a template for the catalogue (gettext_noop): returned unchanged, translated later."""
    return template


class Worded:
    """Something that says what is wrong as a Message in `wording` (a file's problem)."""

    @property
    def message(self) -> str:
        """What is wrong, in English (the CLI's words)."""
        return str(self.wording)


class WordedError(Exception):
    """An error whose `wording` is a Message; str() of the error is the English."""

    def __init__(self, wording: Message):
        super().__init__(str(wording))
        self.wording = wording


class Message:
    """A template marked with `N_` and the values of its %(name)s places.

    A value may itself be a Message (a phrase such as "question 'q01'"): it is translated
    together with the sentence around it. Equal templates and values make equal Messages.
    """

    __slots__ = ("template", "params")

    def __init__(self, template: str, /, **params: object):
        self.template = template
        self.params = tuple(sorted(params.items()))

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The sentence through `translate` (a gettext) when given, else in English."""
        values = {name: value.render(translate) if isinstance(value, Message) else value
                  for name, value in self.params}
        text = translate(self.template) if translate else self.template
        if not values:  # as gettext does: a template without values is not %-formatted
            return text
        try:
            return text % values
        except (KeyError, ValueError, TypeError):  # a broken translation still shows English
            return self.template % values

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {dict(self.params)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (
            other.template, other.params)

    def __hash__(self) -> int:
        return hash((self.template, self.params))

