"""PDPA: the privacy notice, retention purge, a person's export and erasure, the audit log."""

from __future__ import annotations

import json
from datetime import date, timedelta

from flask_babel import refresh
from sqlalchemy import func, select

from assessment.auth.operations import create_user
from assessment.events.operations import create_event, open_phase
from assessment.extensions import db
from assessment.privacy.audit import entries, record
from assessment.privacy.models import AuditEntry
from assessment.quizzes import operations as ops
from assessment.quizzes.models import Answer, Attempt, Participant
from assessment.roster.models import RosterEntry
from tests.helpers import csrf_from, first_codes, make_event


def _held(version, days_ago, retention_days=None):
    """An event held some days ago, its pre-test open."""
    event = create_event(version, "สัมมนาเก่า", date.today() - timedelta(days=days_ago),
                         ("pre", "post"), retention_days=retention_days)
    open_phase(event, "pre")
    return event


def _person(event, name, employee_id=None, answers=None):
    """A participant with a submitted pre-test holding the given answers."""
    department, level = first_codes()
    participant = Participant(event_id=event.id, name=name, name_key=name.replace(" ", ""),
                              department_code=department, level_code=level,
                              employee_id=employee_id)
    db.session.add(participant)
    db.session.commit()
    attempt = ops.start_attempt(participant, event.open_phase)
    ops.save_answers(attempt, answers or {attempt.question_order[0]: "a"})
    ops.submit_attempt(attempt)
    return participant


def test_join_page_shows_the_configured_notice(app, client, bank_version):
    event = make_event(bank_version)
    html = client.get(f"/j/{event.code}").get_data(as_text=True)
    assert app.config["PRIVACY_PURPOSE"]["th"] in html
    assert app.config["PRIVACY_LEGAL_BASIS"]["th"] in html
    assert app.config["PRIVACY_CONTACT"]["th"] in html
    app.config["PRIVACY_RETENTION"] = "เก็บไว้ 90 วัน"
    assert "เก็บไว้ 90 วัน" in client.get(f"/j/{event.code}").get_data(as_text=True)
    client.get("/lang/en")
    refresh()  # the fixture's app context outlives requests and would keep the Thai locale
    english = client.get(f"/j/{event.code}").get_data(as_text=True)
    assert app.config["PRIVACY_PURPOSE"]["en"] in english


def test_purge_anonymises_expired_events_and_keeps_scores(app, runner, bank_version):
    old = _held(bank_version, 40, retention_days=30)
    recent = _held(bank_version, 10, retention_days=30)
    gone = _person(old, "สมชาย ใจดี", "E001")
    kept = _person(recent, "สมหญิง รักเรียน", "E002")
    db.session.add(RosterEntry(event_id=old.id, employee_id="E001", name="สมชาย ใจดี",
                               department_code=gone.department_code, level_code="x"))
    db.session.commit()
    score = gone.attempts[0].score

    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    assert f"{old.code}: 1 participants anonymised" in result.output
    assert recent.code not in result.output
    db.session.expire_all()
    gone, kept = db.session.get(Participant, gone.id), db.session.get(Participant, kept.id)
    assert gone.name.startswith("ผู้เข้าร่วม") and gone.employee_id is None
    assert "สมชาย" not in gone.name_key and gone.attempts[0].score == score
    assert kept.name == "สมหญิง รักเรียน" and kept.employee_id == "E002"
    assert db.session.scalar(select(func.count(RosterEntry.id))) == 0
    again = runner.invoke(args=["privacy", "purge"])
    assert f"{old.code}: 0 participants anonymised" in again.output
    assert entries(old.code)[0].action == "purge"


def test_purge_uses_the_default_retention_for_events_without_their_own(app, runner,
                                                                       bank_version):
    event = _held(bank_version, 10)
    _person(event, "สมชาย ใจดี")
    later = (date.today() + timedelta(days=app.config["PRIVACY_RETENTION_DAYS"])).isoformat()
    assert event.code not in runner.invoke(args=["privacy", "purge", "--dry-run"]).output
    due = runner.invoke(args=["privacy", "purge", "--dry-run", "--today", later]).output
    assert f"{event.code}: due since" in due


def test_export_gives_a_persons_data_across_events(runner, bank_version, tmp_path):
    first, second = make_event(bank_version), make_event(bank_version)
    _person(first, "สมชาย ใจดี", "E-001")
    _person(second, "สมชาย ใจดี", "e001")
    _person(first, "คนอื่น", "E-999")
    out = tmp_path / "person.json"
    result = runner.invoke(args=["privacy", "export", "E001", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    codes = sorted(p["event"]["code"] for p in data["participations"])
    assert codes == sorted([first.code, second.code])
    attempt = data["participations"][0]["attempts"][0]
    assert attempt["status"] == "submitted" and attempt["answers"][0]["value"] == "a"
    assert "คนอื่น" not in out.read_text(encoding="utf-8")
    by_name = json.loads(runner.invoke(args=["privacy", "export", "นายสมชาย ใจดี"]).output)
    assert len(by_name["participations"]) == 2
    missing = runner.invoke(args=["privacy", "export", "nobody"])
    assert missing.exit_code == 1 and "nobody" in missing.output


def test_erase_deletes_rows_attempts_and_answers_only_for_that_person(runner, bank_version):
    event = make_event(bank_version)
    target = _person(event, "สมชาย ใจดี", "E001")
    other = _person(event, "สมหญิง รักเรียน", "E002")
    refused = runner.invoke(args=["privacy", "erase", "E001"], input="n\n")
    assert refused.exit_code == 1 and db.session.get(Participant, target.id) is not None
    result = runner.invoke(args=["privacy", "erase", "E001", "--yes"])
    assert result.exit_code == 0, result.output
    assert "erased 1 participants, 1 attempts, 1 answers" in result.output
    db.session.expire_all()
    assert db.session.get(Participant, target.id) is None
    assert db.session.scalar(select(func.count(Attempt.id))) == 1
    assert db.session.scalar(select(func.count(Answer.id))) == 1
    assert db.session.get(Participant, other.id).attempts[0].is_submitted
    assert entries(event.code)[0].action == "erase"


def test_namesakes_at_one_event_are_not_exported_or_erased_by_name(runner, bank_version):
    """Two people with one name at one event: a name alone names neither, so export and
    erase refuse, list them and change nothing; the employee ID, or the department, tells
    them apart."""
    event = make_event(bank_version)
    first = _person(event, "สมชาย ใจดี", "E001")
    second = _person(event, "สมชาย ใจดี", "E002")
    for command in (["export", "สมชาย ใจดี"], ["erase", "สมชาย ใจดี", "--yes"]):
        refused = runner.invoke(args=["privacy", *command])
        assert refused.exit_code == 1, refused.output
        assert "more than one person" in refused.output
        assert "E001" in refused.output and "E002" in refused.output
    db.session.expire_all()
    assert db.session.get(Participant, first.id) and db.session.get(Participant, second.id)
    result = runner.invoke(args=["privacy", "erase", "E002", "--yes"])
    assert "erased 1 participants" in result.output
    db.session.expire_all()
    assert db.session.get(Participant, first.id) and not db.session.get(Participant, second.id)
    other_department = _person(event, "สมชาย ใจดี")
    other_department.department_code = "elsewhere"
    db.session.commit()
    chosen = runner.invoke(args=["privacy", "export", "สมชาย ใจดี", "--department", "elsewhere"])
    assert chosen.exit_code == 0, chosen.output
    assert [p["department"] for p in json.loads(chosen.output)["participations"]] == ["elsewhere"]


def test_record_keeps_who_did_what(app, bank_version):
    event = make_event(bank_version)
    user = create_user("hr1", "hr", "a-long-password")
    entry = record(user, "view_report", event, "/staff/reports/X")
    assert (entry.username, entry.user_id, entry.event_code) == ("hr1", user.id, event.code)
    assert record("cli", "purge").username == "cli"


def test_report_views_write_the_audit_log(app, client, bank_version):
    event = make_event(bank_version)
    create_user("hr1", "hr", "a-long-password")
    page = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"csrf_token": csrf_from(page), "username": "hr1",
                                      "password": "a-long-password"})
    client.get(f"/staff/reports/{event.code}")
    client.get(f"/staff/reports/{event.code}/workbook.xlsx")
    client.get(f"/staff/reports/{event.code}/charts/none.png")
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["view_report", "download_workbook", "chart"]
    assert all(e.username == "hr1" for e in entries(event.code))


def test_default_notice_says_who_sees_names_in_plain_words(app, client, bank_version):
    """The rule of PRODUCT.md's "Who sees names", without naming the law or listing the
    data subject's rights: the shipped question bank asks participants about those."""
    event = make_event(bank_version)
    notice = client.get(f"/j/{event.code}").get_data(as_text=True)
    for said in ("ฝ่ายบริหารงานบุคคลเห็นชื่อ", "วิทยากรเห็นผลโดยไม่เห็นชื่อ",
                 "ไม่มีชื่อหรือรหัสพนักงาน", "น้อยกว่า 5 คน", "ถูกบันทึกไว้"):
        assert said in notice, said
    for unsaid in ("PDPA", "พ.ร.บ.", "คุ้มครองข้อมูลส่วนบุคคล", "มาตรา", "ขอดู แก้ไข หรือลบ"):
        assert unsaid not in notice, unsaid
    english = app.config["PRIVACY_PURPOSE"]["en"] + app.config["PRIVACY_CONTACT"]["en"]
    assert "HR sees the name and scores of everyone" in english and "without names" in english
    assert not {"PDPA", "Act", "section", "correct or delete"} & set(english.replace(",", " ")
                                                                    .replace(".", " ").split())


def test_purge_blanks_typed_answers_and_keeps_chosen_ones_and_scores(runner, bank_version):
    from assessment.banks.models import QuestionRecord

    event = _held(bank_version, 40, retention_days=30)
    typed = db.session.scalars(select(QuestionRecord.question_key).where(
        QuestionRecord.bank_version_id == bank_version.id,
        QuestionRecord.type == "short_text")).first()
    chosen = db.session.scalars(select(QuestionRecord.question_key).where(
        QuestionRecord.bank_version_id == bank_version.id,
        QuestionRecord.type == "single")).first()
    person = _person(event, "สมชาย ใจดี", answers={typed: "ถามคุณสมศรี ใจงาม กองคลัง",
                                                    chosen: "a"})
    score = person.attempts[0].score
    assert runner.invoke(args=["privacy", "purge"]).exit_code == 0
    db.session.expire_all()
    attempt = db.session.get(Participant, person.id).attempts[0]
    answers = {answer.question_key: answer.value for answer in attempt.answers}
    assert answers[typed] is None and answers[chosen] == "a"
    assert attempt.score == score
    stored = db.session.scalars(select(func.count(Answer.id)).where(
        func.cast(Answer.value, db.String).like("%สมศรี%"))).one()
    assert stored == 0
