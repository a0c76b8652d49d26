"""The event console: who reaches which page, creating and editing, open and close, progress,
and the projector's join screen."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from assessment.auth.operations import find_user
from assessment.events.operations import find_event
from assessment.extensions import db
from assessment.quizzes.models import Attempt
from assessment.quizzes.operations import identify_by_name, start_attempt
from tests.helpers import as_read, csrf_from, first_codes, make_event
from tests.helpers_staff import login

BANGKOK = ZoneInfo("Asia/Bangkok")

#: (method, address) of every page that changes or shows one event to its trainer
TRAINER_PAGES = (
    ("GET", "/staff/events/{code}"),
    ("GET", "/staff/events/{code}/edit"),
    ("GET", "/staff/events/{code}/screen"),
    ("GET", "/staff/events/{code}/progress.json"),
    ("POST", "/staff/events/{code}/phases/post/open"),
    ("POST", "/staff/events/{code}/phases/pre/close"),
    ("GET", "/staff/events/{code}/paper"),
    ("GET", "/staff/events/{code}/paper/template.csv"),
)


def _request(client, method, address):
    """GET, or POST with a valid CSRF token (so what is tested is the role, not the token)."""
    if method == "GET":
        return client.get(address)
    token = csrf_from(client.get("/").get_data(as_text=True))
    return client.post(address, data={"csrf_token": token})


def _join_page(client, event, name="สมชาย ใจดี"):
    """A phone identifies on the join page (the session now names a participant)."""
    department, level = first_codes()
    page = client.get(f"/j/{event.code}").get_data(as_text=True)
    client.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page), "name": name,
                                          "department": department, "level": level})


def _start(event, name="สมชาย ใจดี"):
    """Someone identifies and starts the open phase (what the quiz page does)."""
    department, level = first_codes()
    return start_attempt(identify_by_name(event, name, department, level), event.open_phase)


def _answer_one(attempt):
    """Save an answer to the attempt's first single-choice question."""
    from assessment.banks.operations import bank_of
    from assessment.quizzes.operations import save_answers

    bank = bank_of(attempt.phase.event.bank_version)
    question = next(q for q in bank.questions if q.type == "single")
    save_answers(attempt, {question.id: question.options[0].id})


def _staff_client(app, username, role):
    client = app.test_client()
    login(client, username, role)
    return client


def _owned_event(version, username, **options):
    event = make_event(version, **options)
    event.owner_id = find_user(username).id
    db.session.commit()
    return event


@pytest.fixture
def owned(app, bank_version):
    """A trainer's client and an event they own, its pre-test open."""
    client = _staff_client(app, "trainer1", "trainer")
    return client, _owned_event(bank_version, "trainer1")


@pytest.mark.parametrize("method, address", TRAINER_PAGES + (("GET", "/staff/"),
                                                            ("GET", "/staff/events/new")))
def test_anonymous_is_sent_to_login(client, bank_version, method, address):
    event = make_event(bank_version)
    response = _request(client, method, address.format(code=event.code))
    assert response.status_code == 302 and "/staff/login" in response.location


@pytest.mark.parametrize("method, address", TRAINER_PAGES)
def test_a_participant_session_has_no_access(client, bank_version, method, address):
    event = make_event(bank_version)
    _join_page(client, event)
    with client.session_transaction() as session:
        assert session.get(f"participant:{event.id}")  # a participant's phone indeed
    response = _request(client, method, address.format(code=event.code))
    assert response.status_code == 302 and "/staff/login" in response.location


@pytest.mark.parametrize("method, address", TRAINER_PAGES + (("GET", "/staff/events/new"),))
def test_hr_is_refused_trainer_pages(app, owned, method, address):
    _, event = owned
    hr = _staff_client(app, "hr1", "hr")
    assert _request(hr, method, address.format(code=event.code)).status_code == 403


@pytest.mark.parametrize("method, address", TRAINER_PAGES)
def test_another_trainer_is_refused(app, owned, method, address):
    _, event = owned
    other = _staff_client(app, "trainer2", "trainer")
    assert _request(other, method, address.format(code=event.code)).status_code == 403


@pytest.mark.parametrize("method, address", [p for p in TRAINER_PAGES if p[0] == "GET"])
def test_owner_and_admin_reach_every_page(app, owned, method, address):
    client, event = owned
    admin = _staff_client(app, "admin1", "admin")
    for who in (client, admin):
        assert who.get(address.format(code=event.code)).status_code == 200


def test_hr_sees_the_list_with_report_links_but_no_edit_links(app, owned):
    _, event = owned
    html = _staff_client(app, "hr1", "hr").get("/staff/").get_data(as_text=True)
    assert event.code in html and f"/staff/reports/{event.code}" in html
    assert f"/staff/events/{event.code}\"" not in html and "/staff/events/new" not in html


def test_trainer_lists_only_their_own_events(app, owned, bank_version):
    client, event = owned
    someone_elses = make_event(bank_version, open_kind=None)
    html = client.get("/staff/").get_data(as_text=True)
    assert event.code in html and someone_elses.code not in html


def _event_form(html, version_id, **fields):
    data = {"csrf_token": csrf_from(html), "bank_version": str(version_id),
            "title": "สัมมนาเมืองอัจฉริยะ", "held_on": "2026-03-05", "venue": "ศาลาว่าการ",
            "with_pre": "y", "with_post": "y", "pre_opens_at": "2026-03-05T09:00",
            "pre_closes_at": "2026-03-05T09:30", "shuffle_questions": "y",
            "time_limit_minutes": "20", "show_feedback": "y"}
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_trainer_creates_an_event_and_owns_it(app, bank_version):
    client = _staff_client(app, "trainer1", "trainer")
    page = client.get("/staff/events/new").get_data(as_text=True)
    assert "smart-city-basics" in page
    response = client.post("/staff/events/new", data=_event_form(page, bank_version.id))
    assert response.status_code == 302
    event = find_event(response.location.rstrip("/").split("/")[-1])
    assert event.owner_id == find_user("trainer1").id
    assert [p.kind for p in event.phases] == ["pre", "post"]
    assert event.venue == "ศาลาว่าการ" and event.time_limit_minutes == 20
    assert event.shuffle_questions and not event.shuffle_options and event.show_feedback
    # typed on the organisation's clock (Asia/Bangkok, UTC+7), stored in UTC
    assert event.phase("pre").opens_at == datetime(2026, 3, 5, 2, 0, tzinfo=UTC)
    assert event.phase("pre").closes_at == datetime(2026, 3, 5, 2, 30, tzinfo=UTC)
    assert all(p.state == "waiting" for p in event.phases)


def test_event_form_reports_bad_windows_and_no_phase(app, bank_version):
    client = _staff_client(app, "trainer1", "trainer")
    page = client.get("/staff/events/new").get_data(as_text=True)
    bad = client.post("/staff/events/new", data=_event_form(
        page, bank_version.id, with_pre=None, with_post=None, title=""))
    assert bad.status_code == 200
    html = bad.get_data(as_text=True)
    assert "กรุณาเลือกอย่างน้อยหนึ่งช่วงการทดสอบ" in html  # Thai, the default
    late = client.post("/staff/events/new", data=_event_form(
        page, bank_version.id, pre_closes_at="2026-03-05T08:00"))
    assert late.status_code == 200 and 'class="error"' in late.get_data(as_text=True)


def test_a_new_event_shuffles_the_options_unless_the_trainer_turns_it_off(app, bank_version):
    client = _staff_client(app, "trainer1", "trainer")
    page = client.get("/staff/events/new").get_data(as_text=True)
    assert re.search(r'<input checked id="shuffle_options" name="shuffle_options"', page)
    kept = client.post("/staff/events/new", data=_event_form(page, bank_version.id,
                                                              shuffle_options="y"))
    assert find_event(kept.location.rstrip("/").split("/")[-1]).shuffle_options
    edit = client.get(f"{kept.location.rstrip('/')}/edit").get_data(as_text=True)
    assert re.search(r'<input checked id="shuffle_options"', edit)
    off = client.post("/staff/events/new", data=_event_form(page, bank_version.id))
    event = find_event(off.location.rstrip("/").split("/")[-1])
    assert not event.shuffle_options
    edit = client.get(f"/staff/events/{event.code}/edit").get_data(as_text=True)
    assert not re.search(r'<input checked id="shuffle_options"', edit)


def test_edit_adds_a_followup_and_keeps_the_owner(owned, bank_version):
    client, event = owned
    page = client.get(f"/staff/events/{event.code}/edit").get_data(as_text=True)
    assert 'value="สัมมนาทดสอบ"' in page
    response = client.post(f"/staff/events/{event.code}/edit", data=_event_form(
        page, bank_version.id, title="ชื่อใหม่", with_followup="y",
        followup_opens_at="2026-06-05T09:00"))
    assert response.status_code == 302
    db.session.refresh(event)
    assert event.title == "ชื่อใหม่" and [p.kind for p in event.phases] == ["pre", "post",
                                                                           "followup"]
    assert event.phase("pre").state == "open" and event.owner_id == find_user("trainer1").id


def test_a_used_phase_cannot_be_removed(app, bank_version):
    trainer = _staff_client(app, "trainer1", "trainer")
    event = _owned_event(bank_version, "trainer1")
    _start(event)  # someone starts the open pre-test
    page = trainer.get(f"/staff/events/{event.code}/edit").get_data(as_text=True)
    response = trainer.post(f"/staff/events/{event.code}/edit", data=_event_form(
        page, bank_version.id, with_pre=None), follow_redirects=True)
    db.session.refresh(event)
    assert [p.kind for p in event.phases] == ["pre", "post"]
    assert "cannot be removed" in response.get_data(as_text=True)


def test_open_and_close_buttons_need_csrf_and_change_the_phase(owned):
    client, event = owned
    page = client.get(f"/staff/events/{event.code}").get_data(as_text=True)
    assert f"/staff/events/{event.code}/phases/pre/close" in page
    assert f"/staff/events/{event.code}/phases/post/open" in page
    assert client.post(f"/staff/events/{event.code}/phases/post/open").status_code == 400
    response = client.post(f"/staff/events/{event.code}/phases/post/open",
                           data={"csrf_token": csrf_from(page)})
    assert response.status_code == 302
    db.session.refresh(event)
    assert event.phase("pre").state == "closed" and event.phase("post").state == "open"
    client.post(f"/staff/events/{event.code}/phases/post/close",
                data={"csrf_token": csrf_from(page)})
    db.session.refresh(event)
    assert event.phase("post").state == "closed"
    unknown = client.post(f"/staff/events/{event.code}/phases/later/open",
                          data={"csrf_token": csrf_from(page)})
    assert unknown.status_code == 404


def test_closing_submits_open_attempts_and_removes_those_never_answered(owned):
    """An attempt with saved answers is submitted from them; one whose person never answered
    is removed, so no 0 % counts in the report (or pairs with the post-test as a gain)."""
    trainer, event = owned
    answered = _start(event)
    _answer_one(answered)
    answered_id = answered.id
    _start(event, "สมหญิง รักเรียน")
    page = trainer.get(f"/staff/events/{event.code}").get_data(as_text=True)
    trainer.post(f"/staff/events/{event.code}/phases/pre/close",
                 data={"csrf_token": csrf_from(page), "confirmed": "yes"})
    db.session.expire_all()
    assert db.session.execute(select(Attempt.id, Attempt.status)).all() == [
        (answered_id, "submitted")]


def test_closing_while_people_answer_asks_first_and_changes_nothing_until_confirmed(owned):
    """One tap on "close" must not end the test for a room still answering: the trainer is
    told how many are answering and confirms on a second page."""
    trainer, event = owned
    _answer_one(_start(event))
    _start(event, "สมหญิง รักเรียน")
    close = f"/staff/events/{event.code}/phases/pre/close"
    token = csrf_from(trainer.get(f"/staff/events/{event.code}").get_data(as_text=True))
    asked = trainer.post(close, data={"csrf_token": token})
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "ปิดแบบทดสอบก่อนอบรมหรือไม่?" in page
    assert "ยังมีผู้เข้าอบรม 2 คนกำลังทำแบบทดสอบก่อนอบรมอยู่" in page
    assert 'name="confirmed" value="yes"' in page and f'action="{close}"' in page
    assert f'href="/staff/events/{event.code}"' in page  # back, keeping it open
    db.session.expire_all()
    assert event.phase("pre").is_open
    assert set(db.session.scalars(select(Attempt.status))) == {"in_progress"}
    trainer.post(close, data={"csrf_token": csrf_from(page), "confirmed": "yes"})
    db.session.expire_all()
    assert event.phase("pre").state == "closed"
    assert list(db.session.scalars(select(Attempt.status))) == ["submitted"]


def test_opening_the_post_test_while_people_answer_the_pre_test_asks_first(owned):
    trainer, event = owned
    _answer_one(_start(event))
    open_post = f"/staff/events/{event.code}/phases/post/open"
    token = csrf_from(trainer.get(f"/staff/events/{event.code}").get_data(as_text=True))
    asked = trainer.post(open_post, data={"csrf_token": token, "confirmed": "no"})
    page = asked.get_data(as_text=True)
    assert "เปิดแบบทดสอบหลังอบรมและปิดแบบทดสอบก่อนอบรมหรือไม่?" in page
    assert "ยังมีผู้เข้าอบรม 1 คนกำลังทำแบบทดสอบก่อนอบรมอยู่" in page
    db.session.expire_all()
    assert event.phase("pre").is_open and event.phase("post").state == "waiting"
    done = trainer.post(open_post, data={"csrf_token": token, "confirmed": "yes"},
                        follow_redirects=True)
    assert "เปิดแบบทดสอบหลังอบรมแล้ว และปิดแบบทดสอบก่อนอบรมแล้ว" in done.get_data(as_text=True)
    db.session.expire_all()
    assert event.phase("pre").state == "closed" and event.phase("post").is_open


def test_progress_counts_joined_answering_and_submitted(owned, app):
    trainer, event = owned
    assert trainer.get(f"/staff/events/{event.code}/progress.json").get_json()["joined"] == 0
    _answer_one(_start(event, "สมชาย ใจดี"))
    _join_page(app.test_client(), event, "สมหญิง รักเรียน")
    _answer_one(_start(event, "สมหญิง รักเรียน"))
    data = trainer.get(f"/staff/events/{event.code}/progress.json").get_json()
    assert data["joined"] == 2 and data["open_phase"] == "pre" and data["submitted"] == 0
    pre = next(p for p in data["phases"] if p["kind"] == "pre")
    assert pre == {"kind": "pre", "state": "open", "in_progress": 2, "submitted": 0}
    page = trainer.get(f"/staff/events/{event.code}").get_data(as_text=True)
    trainer.post(f"/staff/events/{event.code}/phases/pre/close",
                 data={"csrf_token": csrf_from(page), "confirmed": "yes"})
    data = trainer.get(f"/staff/events/{event.code}/progress.json").get_json()
    assert data["submitted"] == 2 and data["open_phase"] is None


def test_join_screen_has_qr_code_join_code_link_and_no_inline_script(owned):
    client, event = owned
    response = client.get(f"/staff/events/{event.code}/screen")
    html = response.get_data(as_text=True)
    assert '<svg viewBox="0 0' in html and 'class="join-qr"' in html
    assert 'class="screen-code"' in html and event.code in html
    assert f"quiz.test/j/{event.code}" in html
    assert "js/progress.js" in html and "<script>" not in html and " style=" not in html
    assert f"/staff/events/{event.code}/progress.json" in html
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_opening_and_closing_keep_the_planned_window_and_record_the_actual_times(owned):
    """The taps record when the test really opened and closed (shown on the seminar's clock,
    Bangkok), and the window the trainer planned stays as it was typed."""
    client, event = owned  # the pre-test is open
    pre = event.phase("pre")
    bangkok_clock = ZoneInfo("Asia/Bangkok")
    planned = (datetime(2026, 3, 5, 9, 0, tzinfo=bangkok_clock),
               datetime(2026, 3, 5, 9, 30, tzinfo=bangkok_clock))
    pre.opens_at, pre.closes_at = planned
    pre.opened_at = None
    db.session.commit()
    page = client.get(f"/staff/events/{event.code}").get_data(as_text=True)
    client.post(f"/staff/events/{event.code}/phases/pre/open", data={"csrf_token": csrf_from(page)})
    before_close = datetime.now(UTC)
    client.post(f"/staff/events/{event.code}/phases/pre/close",
                data={"csrf_token": csrf_from(page)})
    db.session.refresh(pre)
    assert (pre.opens_at, pre.closes_at) == planned
    closed_at = pre.closed_at
    assert pre.opened_at is not None and abs(closed_at - before_close) < timedelta(minutes=1)
    bangkok = closed_at.astimezone(bangkok_clock).strftime("%d/%m %H:%M")
    html = client.get(f"/staff/events/{event.code}").get_data(as_text=True)
    assert "กำหนดไว้: 05/03 09:00 → 05/03 09:30" in html
    assert f"→ {bangkok}</p>" in html and "เปิด-ปิดจริง:" in html
    client.post(f"/staff/events/{event.code}/phases/pre/open", data={"csrf_token": csrf_from(page)})
    db.session.refresh(pre)
    assert pre.is_open and pre.closed_at is None and pre.closes_at == planned[1]
    html = client.get(f"/staff/events/{event.code}").get_data(as_text=True)
    assert f"→ {bangkok}</p>" not in html and "ยังเปิดอยู่" in html


def test_opening_one_test_says_the_other_was_closed_and_submitted(owned):
    client, event = owned  # the pre-test is open
    page = client.get(f"/staff/events/{event.code}").get_data(as_text=True)
    answer = client.post(f"/staff/events/{event.code}/phases/post/open",
                         data={"csrf_token": csrf_from(page)}, follow_redirects=True)
    html = answer.get_data(as_text=True)
    assert "เปิดแบบทดสอบหลังอบรมแล้ว และปิดแบบทดสอบก่อนอบรมแล้ว" in html
    assert "ถูกส่งให้โดยอัตโนมัติ" in html
    client.post(f"/staff/events/{event.code}/phases/post/close",
                data={"csrf_token": csrf_from(page)})
    again = client.post(f"/staff/events/{event.code}/phases/post/open",
                        data={"csrf_token": csrf_from(page)}, follow_redirects=True)
    assert "เปิดแบบทดสอบหลังอบรมแล้ว" in again.get_data(as_text=True)
    assert "ถูกส่งให้โดยอัตโนมัติ" not in again.get_data(as_text=True)


def test_the_login_page_says_why_in_thai(client, bank_version):
    event = make_event(bank_version)
    page = client.get(f"/staff/events/{event.code}", follow_redirects=True)
    assert "กรุณาเข้าสู่ระบบก่อนเปิดหน้านี้" in page.get_data(as_text=True)


def test_the_event_page_lists_who_is_still_answering_and_how_far(owned):
    """A trainer deciding whether to close sees each person still answering with answered /
    total, fewest answered first; someone who submitted leaves the list."""
    from assessment.quizzes.operations import submit_attempt

    client, event = owned  # the pre-test is open
    slow, fast, done = (_start(event, name) for name in ("มะลิ ใจงาม", "สมชาย ใจดี", "วิชัย ทองคำ"))
    _answer_one(fast)
    submit_attempt(done)
    total = len(fast.question_order)
    html = as_read(client.get(f"/staff/events/{event.code}").get_data(as_text=True))
    section = html[html.index("ยังทำแบบทดสอบอยู่"):]
    assert section.index("มะลิ ใจงาม") < section.index("สมชาย ใจดี")
    assert f"0 / {total}" in section and f"1 / {total}" in section and "วิชัย" not in section
    data = client.get(f"/staff/events/{event.code}/progress.json").get_json()
    listed = [person | {"name": as_read(person["name"])} for person in data["still_answering"]]
    assert listed == [{"name": "มะลิ ใจงาม", "answered": 0, "total": total},
                      {"name": "สมชาย ใจดี", "answered": 1, "total": total}]


def test_a_staff_address_opened_with_the_wrong_method_leads_back_to_its_event(owned):
    client, event = owned
    response = client.get(f"/staff/events/{event.code}/phases/pre/close")
    html = response.get_data(as_text=True)
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    assert f'href="/staff/events/{event.code}">กลับไปหน้าการอบรม</a>' in html
    assert 'class="staff-nav"' in html and event.phase("pre").is_open
    participants = client.get(f"/j/{event.code}/submit")
    assert participants.status_code == 405
    assert "staff-nav" not in participants.get_data(as_text=True)
