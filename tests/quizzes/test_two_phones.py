"""Without a roster, a second phone typing a name that is answering on another phone is
warned before it takes the attempt over; then both phones are told, and the trainer sees
the name on the event page and settles it (issue 20, item 10)."""

from __future__ import annotations

from flask import g

from assessment.auth.operations import find_user
from assessment.extensions import db
from assessment.quizzes.models import Participant
from tests.helpers import attempt_id_from, csrf_from, first_codes, identify, make_event
from tests.helpers_staff import login

NAME = "สมชาย ใจดี"
WARNED = 'id="on-another-phone"'
TOLD = 'id="two-phones"'


def _phone(app):
    g.pop("csrf_token", None)
    return app.test_client()


def _same_person(phone, event, page):
    department, level = first_codes()
    return phone.post(f"/j/{event.code}", data={
        "csrf_token": csrf_from(page), "name": NAME, "department": department, "level": level,
        "same_person": "yes"}, follow_redirects=True)


def _started(app, bank_version):
    event = make_event(bank_version)
    first = _phone(app)
    quiz = identify(first, event, name=NAME).get_data(as_text=True)
    question = bank_version.questions[0].question_key
    first.post(f"/j/{event.code}/save", data={"csrf_token": csrf_from(quiz),
               "attempt_id": attempt_id_from(quiz), "question": question, "value": ["a"]})
    return event, first


def test_a_second_phone_is_warned_and_takes_nothing_over(app, bank_version):
    event, first = _started(app, bank_version)
    second = _phone(app)
    warned = identify(second, event, name=NAME)
    html = warned.get_data(as_text=True)
    assert warned.status_code == 200 and WARNED in html and "attempt_id" not in html
    assert "ชื่อนี้กำลังทำแบบทดสอบอยู่บนโทรศัพท์อีกเครื่องหนึ่ง" in html
    assert second.get(f"/j/{event.code}/quiz").status_code == 302  # not in
    assert db.session.scalars(db.select(Participant.second_phone_at)).one() is None


def test_saying_it_is_me_moves_the_attempt_and_tells_both_phones_and_the_trainer(
        app, bank_version):
    event, first = _started(app, bank_version)
    second = _phone(app)
    page = identify(second, event, name=NAME).get_data(as_text=True)
    quiz = _same_person(second, event, page).get_data(as_text=True)
    assert "attempt_id" in quiz and TOLD in quiz  # the same attempt, saved answers and all
    assert TOLD in first.get(f"/j/{event.code}/quiz").get_data(as_text=True)
    trainer = _phone(app)
    login(trainer, "trainer1", "trainer")
    event.owner_id = find_user("trainer1").id
    db.session.commit()
    event_page = trainer.get(f"/staff/events/{event.code}").get_data(as_text=True)
    assert "ชื่อที่กำลังทำแบบทดสอบบนโทรศัพท์สองเครื่อง" in event_page and NAME in event_page
    participant = db.session.scalars(db.select(Participant)).one()
    trainer.post(f"/staff/events/{event.code}/two-phones/{participant.id}/settled",
                 data={"csrf_token": csrf_from(event_page)})
    assert NAME not in trainer.get(f"/staff/events/{event.code}").get_data(as_text=True)
    assert TOLD not in first.get(f"/j/{event.code}/quiz").get_data(as_text=True)


def test_the_same_phone_joining_again_is_not_warned(app, bank_version):
    event, first = _started(app, bank_version)
    page = first.get(f"/j/{event.code}/quiz").get_data(as_text=True)
    first.post(f"/j/{event.code}/leave", data={"csrf_token": csrf_from(page)})
    again = identify(first, event, name=NAME).get_data(as_text=True)
    assert "attempt_id" in again and WARNED not in again and TOLD not in again


def test_the_post_test_on_a_new_phone_is_not_warned(app, bank_version):
    from assessment.events.operations import open_phase

    event, first = _started(app, bank_version)
    quiz = first.get(f"/j/{event.code}/quiz").get_data(as_text=True)
    first.post(f"/j/{event.code}/submit", data={"csrf_token": csrf_from(quiz),
                                               "attempt_id": attempt_id_from(quiz)})
    open_phase(event, "post")
    post = identify(_phone(app), event, name=NAME).get_data(as_text=True)
    assert "attempt_id" in post and WARNED not in post
