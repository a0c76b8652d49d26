"""The participant's path through the Flask client: join, answer, save, submit, result."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, update

from assessment.banks.operations import bank_of
from assessment.events.operations import close_phase, open_phase
from assessment.extensions import db
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.quizzes.scoring import points_for
from tests.helpers import (
    as_read,
    attempt_id_from,
    csrf_from,
    first_codes,
    identify,
    make_event,
)
from tests.waiting import commit_after_it_waited


def _quiz(client, event):
    return client.get(f"/j/{event.code}/quiz").get_data(as_text=True)


def _save(client, event, html, question, *values):
    return client.post(f"/j/{event.code}/save", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html),
        "question": question, "value": list(values)})


def _submit(client, event, html):
    return client.post(f"/j/{event.code}/submit", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html)},
        follow_redirects=True)


def _right_single(bank):
    question = next(q for q in bank.questions if q.type == "single")
    return question, next(o.id for o in question.options if o.correct)


def test_home_code_leads_to_join_page_and_wrong_code_says_so(client, bank_version):
    event = make_event(bank_version)
    home = client.get("/").get_data(as_text=True)
    response = client.post("/", data={"csrf_token": csrf_from(home), "code": event.code.lower()})
    assert response.status_code == 302 and response.location.endswith(f"/j/{event.code}")
    wrong = client.post("/", data={"csrf_token": csrf_from(home), "code": "ZZZZZZ"})
    assert "ไม่มีการอบรมที่ใช้รหัสนี้" in wrong.get_data(as_text=True)  # in Thai, the default


def test_join_shows_privacy_notice_and_lists(client, bank_version):
    event = make_event(bank_version)
    html = client.get(f"/j/{event.code}").get_data(as_text=True)
    assert 'id="privacy-title"' in html
    assert "สำนักปลัด" in html  # Khon Kaen departments in Thai by default
    assert '<html lang="th">' in html


@pytest.mark.parametrize("name", ["ก", "นายสมชาย", "สมชาย"])
def test_a_name_without_first_and_last_is_asked_again_in_thai(client, bank_version, name):
    event = make_event(bank_version)
    response = identify(client, event, name=name)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "กรุณาพิมพ์ชื่อและนามสกุลของท่าน โดยเว้นวรรคระหว่างชื่อกับนามสกุล" in html
    assert 'class="question"' not in html
    # said at the top, where the phone's screen is, before the long privacy notice
    summary = html.index('class="card error-summary"')
    assert summary < html.index('class="card privacy"')
    assert "กรุณาตรวจสอบข้อมูลที่กรอก" in html[summary:] and 'href="#name"' in html[summary:]
    department, level = first_codes()  # what the person chose is still chosen
    assert f'<option value="{department}" selected>' in html
    assert f'<option value="{level}" selected>' in html


def test_quiz_page_numbers_and_labels_every_question_in_thai(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    questions = bank_of(bank_version).questions
    total = len(questions)
    for n in (1, total):
        assert f'<span class="number">ข้อ {n} จาก {total}</span>' in html
    assert html.count('<span class="number">') == total
    kinds = [question.type for question in questions]
    assert html.count("<span>ถูก</span>") == kinds.count("true_false") > 0
    assert html.count("เลือกได้มากกว่าหนึ่งคำตอบ") == kinds.count("multiple") > 0


def test_quiz_page_never_holds_the_answer_key(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    bank = bank_of(bank_version)
    assert html.count('class="question"') == len(bank.questions)
    for question in bank.questions:
        if question.explanation:
            assert question.explanation["th"] not in html
        for accepted in question.accept:
            assert f'value="{accepted}"' not in html
    assert "correct" not in html.lower()


def test_autosave_then_reload_shows_the_answer(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    response = _save(client, event, html, question.id, right)
    assert response.status_code == 200 and response.get_json()["saved"] is True
    again = _quiz(client, event)
    block = again.split(f'id="question-{question.id}"')[1].split("</fieldset>")[0]
    assert re.search(rf'value="{right}"\s+checked', block)


def test_plain_form_post_saves_without_javascript(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    response = client.post(f"/j/{event.code}/quiz", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html),
        f"q_{question.id}": right, "action": "save"}, follow_redirects=True)
    assert response.status_code == 200
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert {a.question_key: a.value for a in attempt.answers}[question.id] == right


def _wrong_single(question):
    return next(o.id for o in question.options if not o.correct)


def test_answers_carry_their_points_and_submit_adds_them_up(client, bank_version):
    """Autosave and the no-JavaScript page form store each answer's points as they save it;
    submitting closes the attempt with their sum and writes no answer."""
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    bank = bank_of(bank_version)
    question, right = _right_single(bank)
    other = next(q for q in bank.questions if q.type == "single" and q.id != question.id)
    attempt = db.session.get(Attempt, attempt_id_from(html))

    def points():
        db.session.expire_all()
        return {a.question_key: a.points for a in attempt.answers}

    def as_scored():
        return {a.question_key: points_for(bank.question(a.question_key), a.value)
                for a in attempt.answers}

    _save(client, event, html, question.id, right)
    assert points() == {question.id: question.points}
    client.post(f"/j/{event.code}/quiz", data={  # the page form: now wrong for both
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html), "action": "save",
        f"q_{question.id}": _wrong_single(question), f"q_{other.id}": _wrong_single(other)})
    assert points()[question.id] == 0.0 and points()[other.id] == 0.0
    assert points() == as_scored()
    _save(client, event, html, other.id,  # autosave: now right
          next(o.id for o in other.options if o.correct))
    assert points() == as_scored() and points()[other.id] == other.points

    _submit(client, event, html)
    given = points()  # ratings store None
    assert attempt.is_submitted and attempt.score == other.points
    assert attempt.score == sum(earned or 0.0 for earned in given.values())


def test_submit_confirm_result_and_second_submit_changes_nothing(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    _save(client, event, html, question.id, right)
    post = client.post(f"/j/{event.code}/quiz", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html), "action": "submit",
        f"q_{question.id}": right})
    assert post.location.endswith("/confirm")
    confirm = client.get(f"/j/{event.code}/confirm").get_data(as_text=True)
    assert "ส่งคำตอบหรือไม่?" in confirm and f'action="/j/{event.code}/submit"' in confirm
    result = _submit(client, event, html).get_data(as_text=True)
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert attempt.is_submitted and attempt.score == question.points
    assert f"{attempt.percent:.0f}%" in result
    submitted_at = attempt.submitted_at
    again = _submit(client, event, html)
    db.session.refresh(attempt)
    assert attempt.submitted_at == submitted_at and attempt.score == question.points
    assert "ท่านส่งคำตอบไปแล้ว จึงไม่มีการเปลี่ยนแปลงใด ๆ" in again.get_data(as_text=True)


def test_a_submit_naming_another_phones_attempt_closes_nothing(client, bank_version):
    """The attempt id comes from the page, so a phone can send anyone's: only an attempt of
    the phone's own participant, at the event of the address, is closed."""
    event = make_event(bank_version)
    theirs = identify(client, event, name="สมชาย ใจดี").get_data(as_text=True)
    intruder = client.application.test_client()
    mine = identify(intruder, event, name="สมหญิง รักเมือง").get_data(as_text=True)
    elsewhere = make_event(bank_version)
    other_event = identify(intruder, elsewhere, name="สมหญิง รักเมือง").get_data(as_text=True)
    for code in (event.code, elsewhere.code):
        refused = intruder.post(f"/j/{code}/submit", data={
            "csrf_token": csrf_from(mine), "attempt_id": attempt_id_from(theirs)},
            follow_redirects=True)
        assert "หน้านี้ไม่เป็นปัจจุบัน" in refused.get_data(as_text=True)
    wrong_event = intruder.post(f"/j/{event.code}/submit", data={
        "csrf_token": csrf_from(mine), "attempt_id": attempt_id_from(other_event)},
        follow_redirects=True)
    assert "หน้านี้ไม่เป็นปัจจุบัน" in wrong_event.get_data(as_text=True)
    db.session.expire_all()
    statuses = {db.session.get(Attempt, attempt_id_from(page)).status
                for page in (theirs, mine, other_event)}
    assert statuses == {"in_progress"}
    _submit(intruder, event, mine)
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id_from(mine)).status == "submitted"
    assert db.session.get(Attempt, attempt_id_from(theirs)).status == "in_progress"


def test_answer_to_a_finished_attempt_is_refused_plainly(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    _submit(client, event, html)
    question, right = _right_single(bank_of(bank_version))
    response = _save(client, event, html, question.id, right)
    assert response.status_code == 409
    assert response.get_json()["saved"] is False and response.get_json()["message"]
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert question.id not in {a.question_key for a in attempt.answers}


def test_stale_tab_form_post_after_submit_changes_nothing(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    _submit(client, event, html)
    question, right = _right_single(bank_of(bank_version))
    response = client.post(f"/j/{event.code}/quiz", data={
        "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html),
        f"q_{question.id}": right, "action": "submit"}, follow_redirects=True)
    assert response.status_code == 200
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert question.id not in {a.question_key for a in attempt.answers}


def test_pre_and_post_pair_into_one_participant_and_result_shows_change(client, bank_version):
    event = make_event(bank_version, show_feedback=True)
    html = identify(client, event, name="สมชาย ใจดี").get_data(as_text=True)
    _submit(client, event, html)  # nothing answered: 0%
    open_phase(event, "post")
    other_phone = client.application.test_client()
    post_html = identify(other_phone, event, name="นายสมชาย  ใจดี").get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    _save(other_phone, event, post_html, question.id, right)
    result = as_read(_submit(other_phone, event, post_html).get_data(as_text=True))
    people = db.session.scalars(select(Participant).where(Participant.event_id == event.id)).all()
    assert len(people) == 1 and len(people[0].attempts) == 2
    assert "→" in result and "+" in result  # pre 0% -> now N% (+N points)
    assert question.explanation["th"] in result  # explanations after the post-test


def test_waiting_page_when_no_phase_is_open(client, bank_version):
    """The waiting page greets by name after คุณ, without the title typed before it."""
    event = make_event(bank_version, open_kind=None)
    html = identify(client, event, name="นางสมศรี ทองดี").get_data(as_text=True)
    assert 'http-equiv="refresh"' in html and 'class="question"' not in html
    assert "สวัสดี คุณสมศรี ทองดี" in html and "คุณนาง" not in html


def test_shuffled_order_is_the_same_after_reload(client, bank_version):
    event = make_event(bank_version, shuffle_questions=True, shuffle_options=True)
    first = identify(client, event).get_data(as_text=True)
    second = _quiz(client, event)
    order = re.compile(r'data-question="([^"]+)"')
    assert order.findall(first) == order.findall(second)
    ids = [q.id for q in bank_of(bank_version).questions]
    assert sorted(order.findall(first)) == sorted(ids) and order.findall(first) != ids


def test_language_switch_stays_chosen(client, bank_version):
    event = make_event(bank_version)
    client.get(f"/lang/en?next=/j/{event.code}")
    html = client.get(f"/j/{event.code}").get_data(as_text=True)
    assert '<html lang="en">' in html and "Privacy notice" in html
    html = identify(client, event).get_data(as_text=True)
    assert '<html lang="en">' in html


def test_time_limit_submits_saved_answers_by_server_clock(client, bank_version):
    event = make_event(bank_version, time_limit_minutes=10)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    _save(client, event, html, question.id, right)
    attempt = db.session.get(Attempt, attempt_id_from(html))
    attempt.deadline = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    late = _save(client, event, html, question.id, "zzz")
    assert late.status_code == 409
    db.session.refresh(attempt)
    assert attempt.is_submitted and attempt.submitted_by == "time_limit"
    assert attempt.score == question.points


def test_closing_the_phase_submits_open_attempts_from_saved_answers(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    _save(client, event, html, question.id, right)
    close_phase(event, "pre")
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert attempt.is_submitted and attempt.submitted_by == "phase_closed"
    assert attempt.score == question.points


#: who finished an attempt, and what a phone that tries to change it afterwards is told
WHO_FINISHED = [
    ("phase_closed", "วิทยากรปิดแบบทดสอบแล้ว ระบบส่งคำตอบที่บันทึกไว้ให้ท่านแล้ว"),
    ("time_limit", "หมดเวลาแล้ว ระบบส่งคำตอบที่บันทึกไว้ให้ท่านแล้ว"),
    ("participant", "ท่านส่งคำตอบไปแล้ว"),
]
WHO_FINISHED_IDS = ["phase closed", "time up", "submitted"]


@pytest.mark.parametrize("finished_by, told", WHO_FINISHED, ids=WHO_FINISHED_IDS)
def test_an_answer_after_the_attempt_was_finished_says_who_finished_it(client, bank_version,
                                                                        finished_by, told):
    """A phone still on the test when the trainer closed it (or its time ran out) gives one
    more answer: it is told the trainer closed the test, not that it submitted itself."""
    event, html, question = _finished_attempt(client, bank_version, finished_by)
    other = _another_single(bank_of(bank_version), question)
    late = _save(client, event, html, other.id, _wrong_single(other))
    assert late.status_code == 409
    assert told in late.get_json()["message"]
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id_from(html)).submitted_by == finished_by


@pytest.mark.parametrize("finished_by, told", WHO_FINISHED, ids=WHO_FINISHED_IDS)
def test_a_submit_after_the_attempt_was_finished_says_who_finished_it(client, bank_version,
                                                                       finished_by, told):
    """A confirm page left open when the trainer closed the test: its submit changes nothing
    and says the trainer closed it (or time ran out), not that the phone had submitted."""
    event, html, _question = _finished_attempt(client, bank_version, finished_by)
    db.session.expire_all()
    submitted_at = db.session.get(Attempt, attempt_id_from(html)).submitted_at
    page = _submit(client, event, html).get_data(as_text=True)
    assert told in page
    db.session.expire_all()
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert attempt.submitted_by == finished_by and attempt.submitted_at == submitted_at


def _finished_attempt(client, bank_version, finished_by: str):
    """(event, quiz page, question answered right) of an attempt finished by `finished_by`."""
    event = make_event(bank_version, time_limit_minutes=10)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    assert _save(client, event, html, question.id, right).get_json()["saved"] is True
    if finished_by == "phase_closed":
        close_phase(event, "pre")
    elif finished_by == "time_limit":
        attempt = db.session.get(Attempt, attempt_id_from(html))
        attempt.deadline = datetime.now(UTC) - timedelta(minutes=1)
        db.session.commit()
        assert _save(client, event, html, question.id, right).status_code == 409  # finishes it
    else:
        _submit(client, event, html)
    return event, html, question


def test_an_attempt_the_close_missed_is_finished_like_the_close_would(client, bank_version):
    """A phone saving into an attempt still open in a closed phase (started in the instant of
    the close): with saved answers it is submitted from them; without any it is removed."""
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    other = client.application.test_client()
    other_html = identify(other, event, name="สมหญิง รักเรียน").get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    _save(client, event, html, question.id, right)
    event.phase("pre").state = "closed"  # closed without finishing the open attempts
    db.session.commit()
    answered, untouched = attempt_id_from(html), attempt_id_from(other_html)

    assert _save(client, event, html, question.id, right).status_code == 409
    assert _save(other, event, other_html, question.id, right).status_code == 409
    db.session.expire_all()
    kept = db.session.get(Attempt, answered)
    assert kept.is_submitted and kept.submitted_by == "phase_closed"
    assert kept.score == question.points
    assert db.session.get(Attempt, untouched) is None


def test_autosave_without_csrf_token_is_refused(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    response = client.post(f"/j/{event.code}/save", data={
        "attempt_id": attempt_id_from(html), "question": question.id, "value": right})
    assert response.status_code == 400


def test_someone_else_cannot_post_to_my_attempt(client, bank_version):
    event = make_event(bank_version)
    mine = identify(client, event, name="สมชาย ใจดี").get_data(as_text=True)
    intruder = client.application.test_client()
    theirs = identify(intruder, event, name="มาลี ทองคำ").get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    response = intruder.post(f"/j/{event.code}/save", data={
        "csrf_token": csrf_from(theirs), "attempt_id": attempt_id_from(mine),
        "question": question.id, "value": right})
    assert response.status_code == 403
    assert json.loads(response.get_data(as_text=True))["saved"] is False


def _feedback_for(result_html: str, prompt: str) -> str:
    sections = result_html.split('<section class="card feedback')
    return next(section for section in sections if prompt in section)


def test_result_marks_partial_credit_and_shows_the_rating_given_or_not(client, bank_version):
    event = make_event(bank_version, open_kind="post", show_feedback=True)
    html = identify(client, event).get_data(as_text=True)
    bank = bank_of(bank_version)
    several = next(q for q in bank.questions if q.type == "multiple" and q.scoring == "partial"
                   and sum(o.correct for o in q.options) >= 2)
    ratings = [q for q in bank.questions if q.type == "rating"]
    one_right = next(o.id for o in several.options if o.correct)
    _save(client, event, html, several.id, one_right)  # one of its right choices
    _save(client, event, html, ratings[0].id, "4")
    result = _submit(client, event, html).get_data(as_text=True)
    partly = _feedback_for(result, several.prompt["th"])
    assert partly.startswith(' partial"')
    rated = _feedback_for(result, ratings[0].prompt["th"])
    assert re.search(r"<strong>4</strong>", rated)
    not_rated = _feedback_for(result, ratings[1].prompt["th"])
    assert "คำตอบของท่าน: <strong>(ไม่ได้ตอบ)</strong>" in not_rated


def test_a_one_word_name_already_in_the_event_is_still_accepted(client, bank_version):
    event = make_event(bank_version)
    db.session.add(Participant(event_id=event.id, name="สมชาย", name_key="สมชาย",
                               department_code=first_codes()[0], level_code=first_codes()[1]))
    db.session.commit()  # joined before names needed two words
    html = identify(client, event, name="นายสมชาย").get_data(as_text=True)
    assert 'class="question"' in html
    assert db.session.scalar(select(func.count()).select_from(Participant)) == 1


def test_the_language_switch_on_a_refused_name_stays_on_the_join_page(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event, name="ก").get_data(as_text=True)
    switch = re.search(r'<a class="lang" href="([^"]+)"', html).group(1)
    assert switch == f"/lang/en?next=/j/{event.code}"


def test_a_fresh_worker_saves_and_submits_before_it_has_read_the_bank(app, client, bank_version,
                                                                     monkeypatch):
    """Saving and submitting run on their own connection; a worker that has not parsed the bank
    yet reads it through that connection, not the session's (which, on SQLite, would wait for
    the write lock the connection holds until the busy timeout)."""
    from assessment.banks import operations as bank_operations

    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    monkeypatch.setattr(bank_operations, "_BY_VERSION", {})
    bank_operations._parse_stored.cache_clear()
    started = datetime.now(UTC)
    assert _save(client, event, html, question.id, right).get_json()["saved"] is True
    monkeypatch.setattr(bank_operations, "_BY_VERSION", {})
    bank_operations._parse_stored.cache_clear()
    assert "/result" in _submit(client, event, html).request.path
    assert datetime.now(UTC) - started < timedelta(seconds=5)
    attempt = db.session.get(Attempt, attempt_id_from(html))
    assert attempt.is_submitted and attempt.score == question.points


def test_a_person_another_phone_added_meanwhile_is_taken_and_the_transaction_goes_on(
        app, bank_version):
    """Two phones identify the same person at once: the second's insert fails inside its own
    savepoint, it takes the first's participant, and its attempt still starts."""
    from assessment.quizzes import operations as ops

    event = make_event(bank_version)
    department, level = first_codes()
    first = ops.identify_by_name(event, "สมชาย ใจดี", department, level)
    db.session.commit()
    pending = Participant(event_id=event.id, name="สมหญิง รักเมือง", name_key="สมหญิง รักเมือง",
                          department_code=department, level_code=level)
    db.session.add(pending)
    db.session.flush()  # written in this transaction, not committed
    again = ops._add_participant(event, "สมชาย ใจดี", department, level, None)
    assert again.id == first.id
    attempt = ops.start_attempt(again, event.open_phase)  # commits the transaction
    assert attempt.participant_id == first.id and attempt.id is not None
    db.session.rollback()
    names = set(db.session.scalars(select(Participant.name)))
    assert names == {"สมชาย ใจดี", "สมหญิง รักเมือง"} and pending.id is not None


def test_a_join_that_fails_before_its_commit_leaves_the_phone_unidentified(app, client,
                                                                           bank_version,
                                                                           monkeypatch):
    """The cookie learns the participant's id only after the commit: a rolled-back id would be
    handed to the next person who joins, and this phone would then see their test."""
    from assessment.quizzes import operations as ops

    event = make_event(bank_version)

    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ops, "start_attempt", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # served as a 500 page, as in production
    assert identify(client, event).status_code == 500
    with client.session_transaction() as kept:
        assert not [key for key in kept if key.startswith("participant:")]
    db.session.rollback()  # what the failed request's teardown does with the session it shares
    assert db.session.scalar(select(func.count(Participant.id))) == 0


def test_a_submit_that_waits_for_an_autosave_scores_what_the_autosave_saved(app, client,
                                                                            bank_version):
    """An autosave holds the attempt while it writes; a submit that waited for it scores the
    answer it saved (on PostgreSQL a statement that waited reads as of when it began)."""
    from assessment.quizzes.submitting import submit_one

    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    attempt_id = attempt_id_from(html)
    participant_id = db.session.get(Attempt, attempt_id).participant_id
    question, right = _right_single(bank_of(bank_version))
    code = event.code
    db.session.commit()
    outcome = {}

    def submit_meanwhile():
        with app.app_context():
            outcome["done"] = submit_one(code, {participant_id}, attempt_id).outcome

    with db.engine.connect() as saving:  # what save_one does, held open
        _save_held_open(saving, attempt_id, question, right)
        commit_after_it_waited(saving, submit_meanwhile, outcome)
    assert outcome == {"done": "submitted"}
    db.session.rollback()
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt.score == question.points


def _save_held_open(connection, attempt_id: int, question, value) -> None:
    """What ops.save_answers does, in `connection`'s transaction, which the caller ends: the
    attempt locked, then the answer written with its points."""
    connection.execute(select(Attempt.id).where(Attempt.id == attempt_id).with_for_update())
    row = {"value": value, "points": points_for(question, value), "saved_at": datetime.now(UTC)}
    changed = connection.execute(update(Answer).where(
        Answer.attempt_id == attempt_id, Answer.question_key == question.id).values(row))
    if changed.rowcount == 0:
        connection.execute(insert(Answer).values(attempt_id=attempt_id,
                                                 question_key=question.id, **row))


def _answers_of(attempt_id: int) -> dict:
    db.session.expire_all()
    return {a.question_key: a.value for a in db.session.get(Attempt, attempt_id).answers}


def test_each_answer_is_stored_with_its_points(client, bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    bank = bank_of(bank_version)
    first, right = _right_single(bank)
    second = _another_single(bank, first)
    assert _save(client, event, html, first.id, right).get_json()["saved"] is True
    wrong = _wrong_single(second)
    assert _save(client, event, html, second.id, wrong).get_json()["saved"] is True
    assert _answers_of(attempt_id_from(html)) == {first.id: right, second.id: wrong}
    stored = db.session.get(Attempt, attempt_id_from(html)).answers
    assert {a.question_key: a.points for a in stored} == {first.id: first.points,
                                                          second.id: 0.0}


def _submitted(client, event, html):
    _submit(client, event, html)


def _phase_closed_under_it(client, event, html):
    event.phase("pre").state = "closed"  # closed without finishing the open attempts
    db.session.commit()


def _time_up(client, event, html):
    attempt = db.session.get(Attempt, attempt_id_from(html))
    attempt.deadline = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()


@pytest.mark.parametrize("finish", [_submitted, _phase_closed_under_it, _time_up])
def test_a_save_into_a_finished_attempt_is_refused(client, bank_version, finish):
    """A save into a submitted, closed or late attempt writes nothing and the phone is told
    why."""
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    bank = bank_of(bank_version)
    first, right = _right_single(bank)
    assert _save(client, event, html, first.id, right).get_json()["saved"] is True
    finish(client, event, html)
    other = _another_single(bank, first)
    response = _save(client, event, html, other.id, _wrong_single(other))
    assert response.status_code == 409 and response.get_json()["closed"] is True
    assert _answers_of(attempt_id_from(html)) == {first.id: right}
    assert db.session.get(Attempt, attempt_id_from(html)).is_submitted


def test_a_save_into_someone_elses_attempt_or_an_unknown_question_is_refused(
        client, bank_version):
    event = make_event(bank_version)
    mine = identify(client, event, name="สมชาย ใจดี").get_data(as_text=True)
    intruder = client.application.test_client()
    theirs = identify(intruder, event, name="มาลี ทองคำ").get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    assert _save(client, event, mine, question.id, right).get_json()["saved"] is True
    assert _save(intruder, event, theirs, question.id, right).get_json()["saved"] is True
    response = intruder.post(f"/j/{event.code}/save", data={
        "csrf_token": csrf_from(theirs), "attempt_id": attempt_id_from(mine),
        "question": question.id, "value": _wrong_single(question)})
    assert response.status_code == 403
    assert _save(client, event, mine, "no-such-question", "a").status_code == 400
    assert _answers_of(attempt_id_from(mine)) == {question.id: right}


def _another_single(bank, first):
    return next(q for q in bank.questions if q.type == "single" and q.id != first.id)


#: the answer that arrives while the attempt is held: a new question, or the first one changed
#: (a change touches no new row, so only the lock on the attempt makes it wait)
WHICH_ANSWER = ["new", "changed"]


def _late_answer(bank, first, which):
    """(question, option) of an answer given after `first` was answered right."""
    if which == "changed":
        return first, _wrong_single(first)
    question = _another_single(bank, first)
    return question, next(o.id for o in question.options if o.correct)


def _answered_once(client, bank_version):
    """An event, and a phone's attempt at it whose first answer (right) went the usual way:
    (event, attempt id, participant id, (question, option))."""
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    attempt_id = attempt_id_from(html)
    first, right = _right_single(bank_of(bank_version))
    assert _save(client, event, html, first.id, right).get_json()["saved"] is True
    participant_id = db.session.get(Attempt, attempt_id).participant_id
    return event, attempt_id, participant_id, (first, right)


@pytest.mark.parametrize("which", WHICH_ANSWER)
def test_a_save_that_waits_for_a_submit_writes_nothing_and_says_so(app, client, bank_version,
                                                                   which):
    """A submit holds the attempt while it scores and closes it; an answer arriving meanwhile
    waits, then writes nothing (the attempt is submitted) and the phone is told so (on
    PostgreSQL the waiting statement checks the attempt again as the submit left it)."""
    from assessment.quizzes import autosave
    from assessment.quizzes.operations import AttemptClosed

    event, attempt_id, participant_id, (first, right) = _answered_once(client, bank_version)
    bank = bank_of(bank_version)
    late, late_option = _late_answer(bank, first, which)
    code = event.code
    db.session.commit()
    outcome = {}

    def save_meanwhile():
        with app.app_context():
            try:
                autosave.save_one(code, {participant_id}, attempt_id, late.id, [late_option])
                outcome["done"] = "saved"
            except AttemptClosed as closed:
                outcome["done"] = closed.reason

    with db.engine.connect() as holding:  # what submit_one does, held open
        assert _submit_held_open(holding, code, participant_id, attempt_id)
        commit_after_it_waited(holding, save_meanwhile, outcome)
    assert outcome == {"done": "submitted"}
    assert _answers_of(attempt_id) == {first.id: right}
    assert db.session.get(Attempt, attempt_id).score == first.points


def _submit_held_open(connection, code: str, participant_id: int, attempt_id: int) -> bool:
    """Close the attempt with its score as submit_one does, in `connection`'s transaction,
    which the caller ends: True if it closed."""
    from assessment.quizzes import submitting

    owner = connection.execute(submitting.OWNER_LOCKED,
                               {"attempt_id": attempt_id, "code": code}).one()
    assert owner.participant_id == participant_id
    return submitting.close_and_score(connection, attempt_id, "participant")


@pytest.mark.parametrize("which", WHICH_ANSWER)
def test_a_submit_that_waits_for_a_save_scores_it(app, client, bank_version, which):
    from assessment.quizzes.submitting import submit_one

    event, attempt_id, participant_id, (first, right) = _answered_once(client, bank_version)
    late, late_option = _late_answer(bank_of(bank_version), first, which)
    given = {first.id: (first, right), late.id: (late, late_option)}  # a change replaces
    expected = sum(points_for(question, value) for question, value in given.values())
    code = event.code
    db.session.commit()
    outcome = {}

    def submit_meanwhile():
        with app.app_context():
            outcome["done"] = submit_one(code, {participant_id}, attempt_id).outcome

    with db.engine.connect() as saving:  # a save, held open
        _save_held_open(saving, attempt_id, late, late_option)
        commit_after_it_waited(saving, submit_meanwhile, outcome)
    assert outcome == {"done": "submitted"}
    db.session.expire_all()
    assert db.session.get(Attempt, attempt_id).score == expected


def test_an_answer_within_the_grace_after_the_deadline_is_saved(client, bank_version):
    event = make_event(bank_version, time_limit_minutes=10)
    html = identify(client, event).get_data(as_text=True)
    question, right = _right_single(bank_of(bank_version))
    assert _save(client, event, html, question.id, right).get_json()["saved"] is True
    attempt = db.session.get(Attempt, attempt_id_from(html))
    attempt.deadline = datetime.now(UTC) - timedelta(seconds=5)  # the grace is 20 s
    db.session.commit()
    saved = _save(client, event, html, question.id, _wrong_single(question))
    assert saved.get_json()["saved"] is True
    assert _answers_of(attempt_id_from(html)) == {question.id: _wrong_single(question)}


def test_a_person_added_just_now_starts_one_attempt_and_is_looked_up_after(app, bank_version):
    """The person added in this transaction has no attempt to look for; once their first
    attempt is started, starting again finds it instead of adding a second."""
    from assessment.quizzes import operations as ops

    event = make_event(bank_version)
    person = ops.identify_by_name(event, "สมศรี ทดลองดี", "audit", "gen_operational")
    assert person.added_just_now
    first = ops.start_attempt(person, event.open_phase)
    assert not person.added_just_now
    again = ops.start_attempt(person, event.open_phase)
    assert again.id == first.id
    assert first.started_at is not None and len(first.question_order) > 0
    assert db.session.scalar(select(func.count(Attempt.id))) == 1


def test_the_confirm_page_links_each_unanswered_question_to_it_on_the_quiz_page(client,
                                                                                bank_version):
    event = make_event(bank_version)
    html = identify(client, event).get_data(as_text=True)
    attempt = db.session.get(Attempt, attempt_id_from(html))
    question, right = _right_single(bank_of(bank_version))
    _save(client, event, html, question.id, right)
    confirm = client.get(f"/j/{event.code}/confirm").get_data(as_text=True)
    links = re.findall(r'<a href="([^"]+)#question-([^"]+)">ข้อ (\d+)</a>', confirm)
    assert links == [(f"/j/{event.code}/quiz", qid, str(number)) for number, qid
                     in enumerate(attempt.question_order, start=1) if qid != question.id]
    quiz = client.get(f"/j/{event.code}/quiz").get_data(as_text=True)
    assert all(f'id="question-{qid}"' in quiz for _, qid, _ in links)


def test_an_empty_name_and_an_empty_code_say_which_field_in_the_list_of_problems(
        client, bank_version):
    """The list at the top of a refused page links each problem to its field; "please fill in
    this field" there says nothing about which one."""
    event = make_event(bank_version)
    html = as_read(identify(client, event, name="").get_data(as_text=True))
    summary = html[html.index('class="card error-summary"'):html.index("</ul>")]
    assert ('<a href="#name">กรุณาพิมพ์ชื่อและนามสกุลของท่าน โดยเว้นวรรคระหว่างชื่อกับนามสกุล'
            in summary)
    assert "กรุณากรอกช่องนี้" not in html
    home = client.get("/").get_data(as_text=True)
    refused = client.post("/", data={"csrf_token": csrf_from(home), "code": ""})
    assert "กรุณาพิมพ์รหัสเข้าร่วมที่แสดงบนจอ" in as_read(refused.get_data(as_text=True))
