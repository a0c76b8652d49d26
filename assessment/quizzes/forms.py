"""The participant's forms: join code, identification, and the answers sent by a quiz page."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from assessment.banks.bank import Bank
from assessment.quizzes.answers import parse_given
from assessment.web.forms import Form


class JoinForm(Form):
    code = StringField(_l("Join code"), validators=[
        DataRequired(_l("Please type the join code shown on the screen.")), Length(max=20)])


class NameForm(Form):
    """Identification without a roster: name, department and staff level from the lists."""

    #: refused empty with the words of the first-and-last rule: "please fill in this field"
    #: says nothing in the list of problems at the top of the page
    name = StringField(_l("First name and last name"), validators=[
        DataRequired(_l("Please type your first name and last name, with a space between "
                        "them.")), Length(max=200)])
    department = SelectField(_l("Department"), validators=[DataRequired()])
    level = SelectField(_l("Staff level"), validators=[DataRequired()])
    #: "yes" from the button by which a person says the name answering on another phone is
    #: theirs (never rendered as a field, so it holds only for the post of that button)
    same_person = StringField()

    #: set by the view: True when someone of this name already joined the event (a name
    #: accepted before the first-and-last rule keeps pairing with its pre-test)
    already_joined = staticmethod(lambda _name: False)

    def validate_name(self, field):
        from assessment.quizzes.pairing import has_first_and_last

        if not has_first_and_last(field.data) and not self.already_joined(field.data):
            raise ValidationError(_l("Please type your first name and last name, with a space "
                                     "between them."))


class EmployeeIdForm(Form):
    """Identification when HR loaded the staff roster."""

    employee_id = StringField(_l("Employee ID"), validators=[
        DataRequired(_l("Please type your employee ID.")), Length(max=50)])


def answers_from_form(bank: Bank, question_ids: list[str], form: MultiDict) -> dict:
    """Question id -> stored value for every question shown on the page."""
    return {qid: parse_given(bank.question(qid), form.getlist(f"q_{qid}")) for qid in question_ids}
