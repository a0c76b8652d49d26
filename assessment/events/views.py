"""Trainer and HR console: the event list, creating and editing events, opening and
closing phases, live progress, and the join screen for the projector."""

from __future__ import annotations

import re
from dataclasses import asdict

import segno
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from assessment.auth.access import can_manage, can_view_reports, roles_required
from assessment.banks.operations import all_versions
from assessment.events.answering import still_answering
from assessment.events.editing import attempt_count, plan_event, update_event
from assessment.events.forms import (
    CONFIRMED,
    PHASE_LABELS,
    EventForm,
    PhaseActionForm,
    form_data,
)
from assessment.events.guards import can_see_roster, managed_event
from assessment.events.models import PHASE_KINDS
from assessment.events.operations import EventRefused, all_events, close_phase, open_phase
from assessment.events.progress import event_progress
from assessment.i18n import current_language
from assessment.organisation.lists import names
from assessment.quizzes import phones
from assessment.web.addresses import join_url
from assessment.web.thai_lines import keep_name

bp = Blueprint("events_views", __name__, url_prefix="/staff")


@bp.route("/")
@roles_required("trainer", "hr")
def home():
    events = [e for e in all_events() if can_view_reports(current_user, e)]
    return render_template(
        "events/home.html", events=events,
        manageable={e.id for e in events if can_manage(current_user, e)},
        roster_visible={e.id for e in events if can_see_roster(current_user, e)})


@bp.route("/events/new", methods=["GET", "POST"])
@roles_required("trainer")
def new_event():
    """The event form; the trainer who creates an event owns it."""
    form = EventForm(all_versions(), lang=current_language())
    if not form.versions:
        flash(_("Load a question bank first, on the Banks page."))
    if form.validate_on_submit():
        event = plan_event(form.plan(), owner_id=current_user.id)
        flash(_("Event created. Its join code is %(code)s.", code=event.code))
        return redirect(url_for("events_views.event_page", code=event.code))
    return render_template("events/form.html", form=form, event=None)


@bp.route("/events/<code>/edit", methods=["GET", "POST"])
@roles_required("trainer")
def edit_event(code):
    """Change an event; the bank stays fixed once people have answered."""
    event = managed_event(code)
    form = EventForm(all_versions(), data=form_data(event), lang=current_language())
    if form.validate_on_submit():
        try:
            update_event(event, form.plan())
        except EventRefused as refused:
            flash(_("Not saved: %(reason)s", reason=str(refused)))
        else:
            flash(_("Event saved."))
            return redirect(url_for("events_views.event_page", code=event.code))
    return render_template("events/form.html", form=form, event=event,
                           answered=attempt_count(event) > 0)


@bp.route("/events/<code>")
@roles_required("trainer")
def event_page(code):
    """Phases with their open and close buttons, and live progress."""
    event = managed_event(code)
    return render_template("events/event.html", event=event, progress=event_progress(event),
                           answering=still_answering(event),
                           action_form=PhaseActionForm(), labels=PHASE_LABELS,
                           join_link=join_url(current_app, event.code))


@bp.route("/events/<code>/phases/<kind>/<action>", methods=["POST"])
@roles_required("trainer")
def change_phase(code, kind, action):
    """Open or close one phase: one tap on the event page, and a second on a confirmation
    page when people still answering would have their saved answers submitted."""
    event = managed_event(code)
    if kind not in PHASE_KINDS or action not in ("open", "close"):
        abort(404)
    form = PhaseActionForm()
    if not form.validate_on_submit():
        abort(400)
    cut_short = event_progress(event).cut_short_by(kind, action)
    if cut_short and not form.is_confirmed:
        return render_template("events/confirm_phase.html", event=event, kind=kind,
                               action=action, cut_short=cut_short, labels=PHASE_LABELS,
                               confirmed=CONFIRMED)
    was_open = getattr(event.open_phase, "kind", None)
    try:
        (open_phase if action == "open" else close_phase)(event, kind)
    except EventRefused as refused:
        flash(str(refused))
    else:
        flash(_phase_changed(action, kind, was_open))
    return redirect(url_for("events_views.event_page", code=event.code))


def _phase_changed(action: str, kind: str, was_open: str | None) -> str:
    """What the trainer is told after opening or closing a phase."""
    label = str(PHASE_LABELS[kind])
    if action != "open":
        return _("%(phase)s is closed.", phase=label)
    if was_open in (None, kind):
        return _("%(phase)s is open.", phase=label)
    return _("%(phase)s is open. %(other)s was closed, and the answers people had saved in it "
             "were submitted.", phase=label, other=str(PHASE_LABELS[was_open]))


#: the event a staff address is about: /staff/events/<code>/...
STAFF_EVENT_PATH = re.compile(r"^/staff/events/([A-Za-z0-9]+)(/|$)")


def staff_wrong_method(error):
    """A staff address opened with the wrong method (a bookmarked open or close button, say):
    the staff page, with the way back to the event it is about."""
    about = STAFF_EVENT_PATH.match(request.path)
    if about and about.group(1) != "new":
        back_link = url_for("events_views.event_page", code=about.group(1))
        back_label = _("Back to the event")
    else:
        back_link, back_label = url_for("events_views.home"), _("Events")
    page = render_template(
        "staff/error.html", back_link=back_link, back_label=back_label,
        message=_("This page cannot be opened this way. Go back and use the page's own buttons."))
    return page, 405, {"Allow": ", ".join(error.valid_methods or ())}


@bp.route("/events/<code>/progress.json")
@roles_required("trainer")
def progress(code):
    """Counts for the event page and the join screen, polled every few seconds."""
    event = managed_event(code)
    counts = event_progress(event)
    label = (_("Open now: %(phase)s", phase=str(PHASE_LABELS[counts.open_phase]))
             if counts.open_phase else _("No test is open now"))
    # names glued as on the page, so the list the poll redraws breaks lines the same way
    answering = [asdict(person) | {"name": keep_name(person.name)}
                 for person in still_answering(event)]
    response = jsonify(counts.as_json() | {"phase_label": label, "still_answering": answering})
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/events/<code>/screen")
@roles_required("trainer")
def join_screen(code):
    """Full screen for the projector: QR code, the code in huge letters, the short link."""
    event = managed_event(code)
    link = join_url(current_app, event.code)
    qr_svg = segno.make(link, error="m").svg_inline(
        scale=10, omitsize=True, svgclass="join-qr", title=_("QR code to join"))
    return render_template("events/screen.html", event=event, link=link, qr_svg=qr_svg,
                           short_link=link.split("://", 1)[-1],
                           progress=event_progress(event), labels=PHASE_LABELS)


@bp.app_template_global()
def people_on_two_phones(event):
    """For the event page: names a second phone took over, not settled yet, each with its
    department's name."""
    doubled = phones.on_two_phones(event)
    departments = names(current_language())["department"] if doubled else {}
    return [(person, departments.get(person.department_code, person.department_code))
            for person in doubled]


@bp.route("/events/<code>/two-phones/<int:participant_id>/settled", methods=["POST"])
@roles_required("trainer")
def settle_two_phones(code, participant_id):
    """The trainer talked to the people behind a name answering on two phones."""
    event = managed_event(code)
    if PhaseActionForm().validate_on_submit():
        phones.settle(event, participant_id)
    return redirect(url_for("events_views.event_page", code=event.code))
