"""Uploading a spreadsheet, and confirming the import after its preview."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import DataRequired

from assessment.web.forms import Form

SPREADSHEET_TYPES = ("csv", "xlsx")


class UploadForm(Form):
    """A CSV (UTF-8) or Excel file to check before anything is saved."""

    file = FileField(_l("CSV or Excel file"), validators=[
        FileRequired(_l("Choose a file.")),
        FileAllowed(SPREADSHEET_TYPES, _l("Use a .csv or .xlsx file.")),
    ])


class ConfirmImportForm(Form):
    """The previewed file again, so saving checks exactly what was shown."""

    filename = HiddenField(validators=[DataRequired()])
    content = HiddenField(validators=[DataRequired()])
