"""The bank pages' forms: a YAML file or pasted text to check, the checked text to save, and a
GIFT or Aiken file to convert."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Regexp

from assessment.banks.review import DEFAULT_FILENAME
from assessment.banks.validation import BANK_ID
from assessment.web.forms import Form

LANGUAGE_CHOICES = [SelectChoice("th", "ภาษาไทย"), SelectChoice("en", "English")]
IMPORT_FORMATS = [SelectChoice("gift", _l("Moodle GIFT")), SelectChoice("aiken", _l("Aiken"))]


class UploadForm(Form):
    """A bank file to check; nothing is saved yet."""

    file = FileField(_l("YAML file"), validators=[
        FileRequired(_l("Choose a file.")),
        FileAllowed(("yaml", "yml"), _l("Use a .yaml or .yml file.")),
    ])


class PasteForm(Form):
    """Bank text typed or pasted in, or corrected after a check."""

    source = TextAreaField(_l("YAML text"), validators=[
        DataRequired(_l("Paste the bank's YAML text."))])
    #: the name problems are reported under (the uploaded file's, when fixing one)
    filename = HiddenField(default=DEFAULT_FILENAME)


class SaveForm(Form):
    """The checked text again, so saving stores exactly what the preview showed."""

    filename = HiddenField(validators=[DataRequired()])
    content = HiddenField(validators=[DataRequired()])
    #: asked once when the bank has item-writing warnings
    despite_warnings = BooleanField(_l("I have read the warnings and want to save this version "
                                       "as it is"))


class ImportForm(Form):
    """A GIFT or Aiken file, and the bank details those formats do not carry."""

    file = FileField(_l("GIFT or Aiken file"), validators=[
        FileRequired(_l("Choose a file.")),
        FileAllowed(("gift", "txt"), _l("Use a .gift or .txt file.")),
    ])
    file_format = SelectField(_l("Format"), choices=IMPORT_FORMATS, default="gift")
    language = SelectField(_l("Language of the questions"), choices=LANGUAGE_CHOICES,
                           default="th")
    bank_id = StringField(_l("Bank id"), validators=[
        DataRequired(), Length(max=100),
        Regexp(BANK_ID.pattern, message=_l("Use lowercase letters, digits and dashes, like "
                                           "smart-city-basics."))])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    version = IntegerField(_l("Version"), default=1,
                           validators=[DataRequired(), NumberRange(min=1, max=100_000)])
