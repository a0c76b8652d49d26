"""The participant's pages: join, identify, answer, autosave, confirm, submit, result."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from assessment.banks.operations import bank_of
from assessment.events.operations import find_event, normalise_code
from assessment.extensions import db
from assessment.i18n import choose_language
from assessment.organisation.lists import department_choices, level_choices
from assessment.quizzes import operations as ops
from assessment.quizzes import phones
from assessment.quizzes.autosave import save_one
from assessment.quizzes.blocks import kept_question
from assessment.quizzes.forms import EmployeeIdForm, JoinForm, NameForm, answers_from_form
from assessment.quizzes.models import Attempt, Participant
from assessment.quizzes.results import result_for
from assessment.quizzes.submitting import submit_one
from assessment.web.limits import count_roster_miss, device_id
from assessment.web.redirects import safe_next

bp = Blueprint("quizzes", __name__)
bp.add_app_template_global(kept_question)

CLOSED_MESSAGES = {
    "submitted": _l("These answers were already submitted; nothing was changed."),
    "phase_closed": _l("This test has been closed by the trainer; your saved answers were "
                       "submitted."),
    "time_up": _l("Time is up; your saved answers were submitted."),
}


def closed_message(reason: str) -> str:
    """The plain sentence a participant sees when an attempt no longer takes answers."""
    return str(CLOSED_MESSAGES[reason])


@bp.route("/", methods=["GET", "POST"])
def home():
    form = JoinForm()
    if form.validate_on_submit():
        event = find_event(form.code.data)
        if event:
            return redirect(url_for("quizzes.join", code=event.code))
        form.code.errors.append(_("No seminar has this code. Check the code on the screen."))
    return render_template("quizzes/home.html", form=form)


@bp.route("/lang/<lang>")
def switch_language(lang):
    choose_language(lang)
    return redirect(safe_next(request.args.get("next")) or "/")


def _event_or_404(code, answering: bool = False):
    event = find_event(code, answering)
    if event is None:
        abort(404)
    return event


def _session_key(event) -> str:
    return f"participant:{event.id}"


def current_participant(event) -> Participant | None:
    """The participant this browser identified as for the event, if any."""
    participant_id = session.get(_session_key(event))
    participant = db.session.get(Participant, participant_id) if participant_id else None
    return participant if participant and participant.event_id == event.id else None


@bp.route("/j/<code>", methods=["GET", "POST"])
def join(code):
    event = _event_or_404(code, answering=request.method == "POST")
    if code != event.code:
        return redirect(url_for("quizzes.join", code=event.code))
    if current_participant(event) and request.method == "GET":
        return redirect(url_for("quizzes.quiz", code=event.code))
    with_roster = ops.has_roster(event)
    form = EmployeeIdForm() if with_roster else _name_form(event)
    if form.validate_on_submit():
        participant = _identify(event, form, with_roster)
        if participant and not with_roster:
            taking_over = phones.answering_on_another_phone(participant, device_id())
            if taking_over and form.same_person.data != "yes":
                db.session.rollback()  # nothing of this post is kept until they say
                return render_template("quizzes/join.html", event=event, form=form,
                                       with_roster=with_roster, on_another_phone=True)
            phones.hold(participant, device_id(), taking_over)
        if participant:
            # read before the commit, which expires what was loaded
            key, participant_id, code = _session_key(event), participant.id, event.code
            _start_if_open(event, participant)
            db.session.commit()  # the participant and the attempt, in one transaction
            # only now: a phone must never keep the id of a row that was rolled back
            session[key] = participant_id
            session.permanent = True
            return redirect(url_for("quizzes.quiz", code=code))
    return render_template("quizzes/join.html", event=event, form=form, with_roster=with_roster)


def _start_if_open(event, participant) -> None:
    """Start the attempt in the transaction that identified the person, so the quiz page
    it leads to only reads."""
    phase = event.open_phase
    if phase is not None:
        ops.start_attempt(participant, phase)


def _name_form(event) -> NameForm:
    form = NameForm()
    form.already_joined = lambda name: ops.name_joined(event, name)
    form.department.choices = [("", _("Choose your department"))] + department_choices(
        chosen=form.department.data)
    form.level.choices = [("", _("Choose your staff level"))] + level_choices(
        chosen=form.level.data)
    return form


def _identify(event, form, with_roster) -> Participant | None:
    if not with_roster:
        return ops.identify_by_name(event, form.name.data, form.department.data, form.level.data)
    try:
        return ops.identify_by_employee_id(event, form.employee_id.data)
    except ops.NotOnRoster:
        count_roster_miss(event.code)
        form.employee_id.errors.append(
            _("This employee ID is not on the list for this seminar. Check it or ask the trainer.")
        )
        return None


@bp.route("/j/<code>/leave", methods=["POST"])
def leave(code):
    event = _event_or_404(code)
    session.pop(_session_key(event), None)
    return redirect(url_for("quizzes.join", code=event.code))


def _participant_or_join(event):
    participant = current_participant(event)
    if participant is None:
        abort(redirect(url_for("quizzes.join", code=event.code)))
    return participant


@bp.route("/j/<code>/quiz", methods=["GET", "POST"])
def quiz(code):
    event = _event_or_404(code, answering=True)
    participant = _participant_or_join(event)
    phase = event.open_phase
    if phase is None:
        return _waiting(event, participant)
    attempt = ops.start_attempt(participant, phase)
    if attempt.is_submitted:
        if request.method == "POST":  # a stale tab saving or submitting again
            flash(closed_message("submitted"))
        return redirect(url_for("quizzes.result", code=event.code))
    if request.method == "POST":
        return _save_page(event, attempt)
    try:
        ops.check_still_open(attempt)
    except ops.AttemptClosed as closed:
        flash(closed_message(closed.reason))
        return redirect(url_for("quizzes.result", code=event.code))
    return _render_quiz(event, participant, attempt)


def _waiting(event, participant):
    results = ops.submitted_attempts(participant)
    return render_template("quizzes/waiting.html", event=event, participant=participant,
                           results=results)


def _render_quiz(event, participant, attempt):
    bank = bank_of(event.bank_version)
    questions = [bank.question(qid) for qid in attempt.question_order]
    return render_template(
        "quizzes/quiz.html", event=event, participant=participant, attempt=attempt,
        questions=questions, saved=ops.saved_values(attempt), bank=bank,
        bank_key=(event.bank_version_id, event.bank_version.source_sha256),
    )


def _posted_attempt(participant) -> Attempt | None:
    attempt_id = request.values.get("attempt_id", type=int)
    attempt = db.session.get(Attempt, attempt_id) if attempt_id else None
    return attempt if attempt and attempt.participant_id == participant.id else None


def _save_page(event, attempt):
    """A plain form post of the whole page: the no-JavaScript way to save and to submit."""
    posted = _posted_attempt(attempt.participant)
    if posted is None or posted.id != attempt.id:
        flash(_("This page was out of date; nothing was changed. Here is your current test."))
        return redirect(url_for("quizzes.quiz", code=event.code))
    bank = bank_of(event.bank_version)
    try:
        ops.save_answers(attempt, answers_from_form(bank, attempt.question_order, request.form))
    except ops.AttemptClosed as closed:
        flash(closed_message(closed.reason))
        return redirect(url_for("quizzes.result", code=event.code))
    if request.form.get("action") == "submit":
        return redirect(url_for("quizzes.confirm", code=event.code))
    flash(_("Your answers are saved."))
    return redirect(url_for("quizzes.quiz", code=event.code))


@bp.route("/j/<code>/save", methods=["POST"])
def autosave(code):
    """One answer sent by the page's script as it is given; answers JSON."""
    question_id = request.form.get("question", "")
    try:
        saved = save_one(normalise_code(code), _my_participant_ids(),
                         request.form.get("attempt_id", 0, type=int), question_id,
                         request.form.getlist("value"))
    except ops.AttemptClosed as closed:
        return jsonify(saved=False, closed=True, message=closed_message(closed.reason)), 409
    if saved.outcome == "not_yours":
        return jsonify(saved=False, message=_("Please identify again.")), 403
    if saved.outcome == "unknown_question":
        return jsonify(saved=False, message=_("Unknown question.")), 400
    return jsonify(saved=True, question=question_id)


def _my_participant_ids() -> set[int]:
    """Every participant this browser identified as (one per event)."""
    return {v for k, v in session.items() if k.startswith("participant:") and isinstance(v, int)}


@bp.route("/j/<code>/confirm")
def confirm(code):
    event = _event_or_404(code, answering=True)
    participant = _participant_or_join(event)
    phase = event.open_phase
    attempt = ops.attempt_for(participant, phase) if phase else None
    if attempt is None or attempt.is_submitted:
        return redirect(url_for("quizzes.quiz", code=event.code))
    bank = bank_of(event.bank_version)
    saved = ops.saved_values(attempt)
    #: (number shown on the quiz page, question id) of each question not answered yet
    unanswered = [(i + 1, qid) for i, qid in enumerate(attempt.question_order)
                  if qid not in saved]
    return render_template("quizzes/confirm.html", event=event, attempt=attempt,
                           total=len(attempt.question_order), unanswered=unanswered, bank=bank,
                           participant=participant)


@bp.route("/j/<code>/submit", methods=["POST"])
def submit(code):
    code = normalise_code(code)
    done = submit_one(code, _my_participant_ids(),
                      request.form.get("attempt_id", 0, type=int))
    if done.outcome == "not_yours":
        flash(_("This page was out of date; nothing was changed."))
        return redirect(url_for("quizzes.quiz", code=code))
    if done.outcome == "already_submitted":
        flash(closed_message(done.reason))
    return redirect(url_for("quizzes.result", code=code))


@bp.route("/j/<code>/result")
def result(code):
    event = _event_or_404(code, answering=True)
    participant = _participant_or_join(event)
    outcome = result_for(event, participant)
    if outcome is None:
        return redirect(url_for("quizzes.quiz", code=event.code))
    return render_template("quizzes/result.html", event=event, participant=participant,
                           outcome=outcome)
