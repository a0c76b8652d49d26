"""The event form (create and edit) and the one-button forms of the event page."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone, to_utc
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from assessment.banks.bank import localized
from assessment.events.editing import OPTION_NAMES, EventPlan, Window
from assessment.events.models import PHASE_KINDS
from assessment.web.forms import Form

PHASE_LABELS = {"pre": _l("Pre-test"), "post": _l("Post-test"),
                "followup": _l("Delayed follow-up")}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class EventForm(Form):
    """Bank version, title, date, venue, phases with their planned windows, and options."""

    bank_version = SelectField(_l("Question bank version"), coerce=int,
                               validators=[DataRequired()])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    held_on = DateField(_l("Date"), validators=[Optional()])
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=200)])
    with_pre = BooleanField(PHASE_LABELS["pre"], default=True)
    with_post = BooleanField(PHASE_LABELS["post"], default=True)
    with_followup = BooleanField(PHASE_LABELS["followup"], default=False)
    pre_opens_at = DateTimeLocalField(_l("Opens"), format=DATETIME_FORMAT,
                                      validators=[Optional()])
    pre_closes_at = DateTimeLocalField(_l("Closes"), format=DATETIME_FORMAT,
                                       validators=[Optional()])
    post_opens_at = DateTimeLocalField(_l("Opens"), format=DATETIME_FORMAT,
                                       validators=[Optional()])
    post_closes_at = DateTimeLocalField(_l("Closes"), format=DATETIME_FORMAT,
                                        validators=[Optional()])
    followup_opens_at = DateTimeLocalField(_l("Opens"), format=DATETIME_FORMAT,
                                           validators=[Optional()])
    followup_closes_at = DateTimeLocalField(_l("Closes"), format=DATETIME_FORMAT,
                                            validators=[Optional()])
    shuffle_questions = BooleanField(_l("Shuffle the questions"))
    #: on for new events: each person sees the options in their own order, so a key's
    #: position tells nothing (the trainer can turn it off)
    shuffle_options = BooleanField(_l("Shuffle the options"), default=True)
    time_limit_minutes = IntegerField(_l("Time limit (minutes, empty for none)"),
                                      validators=[Optional(), NumberRange(min=1, max=600)])
    show_feedback = BooleanField(_l("Show right answers and explanations after the post-test"),
                                 default=True)

    def __init__(self, versions, *args, lang="th", **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {v.id: v for v in versions}
        self.bank_version.choices = [
            (v.id, f"{localized(v.title, lang)} ({v.bank_key} v{v.version})") for v in versions]

    def phase_rows(self):
        """(kind, label, include field, opens field, closes field) for the template."""
        return [(kind, PHASE_LABELS[kind], self[f"with_{kind}"], self[f"{kind}_opens_at"],
                 self[f"{kind}_closes_at"]) for kind in PHASE_KINDS]

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then at least one phase and each window in order."""
        ok = super().validate(extra_validators)
        if not any(self[f"with_{kind}"].data for kind in PHASE_KINDS):
            self.with_pre.errors.append(_l("Choose at least one phase."))
            ok = False
        for kind in PHASE_KINDS:
            opens, closes = self[f"{kind}_opens_at"], self[f"{kind}_closes_at"]
            if opens.data and closes.data and closes.data <= opens.data:
                closes.errors.append(_l("Closing must come after opening."))
                ok = False
        return ok

    def plan(self) -> EventPlan:
        """What the trainer chose, for the event operations."""
        windows = {kind: Window(_as_utc(self[f"{kind}_opens_at"].data),
                                _as_utc(self[f"{kind}_closes_at"].data))
                   for kind in PHASE_KINDS if self[f"with_{kind}"].data}
        return EventPlan(self.versions[self.bank_version.data], self.title.data,
                         self.held_on.data, windows,
                         {name: self[name].data for name in OPTION_NAMES})


def form_data(event) -> dict:
    """An existing event as the form's initial values."""
    data = {name: getattr(event, name) for name in OPTION_NAMES}
    data.update(bank_version=event.bank_version_id, title=event.title, held_on=event.held_on)
    for kind in PHASE_KINDS:
        phase = event.phase(kind)
        data[f"with_{kind}"] = phase is not None
        data[f"{kind}_opens_at"] = _as_local(phase.opens_at if phase else None)
        data[f"{kind}_closes_at"] = _as_local(phase.closes_at if phase else None)
    return data


def _as_utc(typed: datetime | None) -> datetime | None:
    """A time the trainer typed on the organisation's clock (ASSESSMENT_TIMEZONE), in UTC."""
    return None if typed is None else to_utc(typed).replace(tzinfo=UTC)


def _as_local(moment: datetime | None) -> datetime | None:
    """A stored moment as the form shows it: on the organisation's clock, without a zone."""
    return None if moment is None else to_user_timezone(moment).replace(tzinfo=None)


class PhaseActionForm(Form):
    """Open or close a phase with one tap; when that would submit the answers of people still
    answering, the confirmation page posts it again with `confirmed`."""

    confirmed = HiddenField()

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed.data == CONFIRMED


#: the value the confirmation page's button sends
CONFIRMED = "yes"
