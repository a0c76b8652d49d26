"""The base of every form: WTForms' own messages ("This field is required.") in Thai.

WTForms ships no Thai catalogue, so Flask-WTF would show its built-in messages in
English on Thai pages. Forms built on `Form` take them from our catalogue instead;
the messages below are listed so that `make translations` keeps them.
"""

from __future__ import annotations

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

WTFORMS_MESSAGES = (
    _l("This field is required."),
    _l("Not a valid choice."),
    _l("Not a valid integer value."),
    _l("Not a valid date value."),
    _l("Invalid input."),
    _l("Field cannot be longer than %(max)d characters."),
    _l("Field must be at least %(min)d characters long."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
)


class CatalogueTranslations:
    """WTForms' translation interface over the app's own Flask-Babel catalogue.

    Thai has one form for every number, so a plural message is looked up by its
    plural text (listed above as a plain message)."""

    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        translated = get_translations().ugettext(plural)
        if translated != plural:
            return translated
        return singular if n == 1 else plural


class Form(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return CatalogueTranslations()
