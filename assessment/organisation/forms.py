"""The administrator's forms for a department or staff level, and the one-button actions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from assessment.organisation.models import StaffLevel
from assessment.organisation.operations import find_row, level_groups
from assessment.web.forms import Form

CODE_PATTERN = r"^[a-z0-9_-]+$"


class ListItemForm(Form):
    """A department or staff level: its code (only when added), names and, for a level,
    its reporting group."""

    code = StringField(_l("Code"), validators=[
        DataRequired(), Length(max=50),
        Regexp(CODE_PATTERN,
               message=_l("Use lowercase letters, digits, _ and -, like it_centre."))])
    name_th = StringField(_l("Thai name"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("English name"), validators=[Optional(), Length(max=200)])
    group_code = SelectField(_l("Group in reports"), validators=[DataRequired()])

    def validate_code(self, field):
        if find_row(self.model, field.data) is not None:
            raise ValidationError(_l("This code is already used."))

    def extra(self) -> dict:
        """What the model has besides code and names (a level's group)."""
        return {"group_code": self.group_code.data} if "group_code" in self else {}


class ActionForm(Form):
    """Move, hide or show a row with one tap (the form carries only the CSRF token)."""


def item_form(model, row=None, lang: str = "th") -> ListItemForm:
    """The form for adding to a list (no row) or renaming a row, fitted to its list."""
    form = ListItemForm(obj=row)
    form.model = model
    if row is not None:
        del form.code
    if model is StaffLevel:
        form.group_code.choices = [(g.code, g.name_en if lang == "en" else g.name_th)
                                   for g in level_groups()]
    else:
        del form.group_code
    return form
