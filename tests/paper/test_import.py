"""Answers given on paper: `flask responses import` and the web pages, all or nothing."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import func, select

from assessment.auth.operations import find_user
from assessment.banks.operations import bank_of
from assessment.events.operations import close_phase
from assessment.extensions import db
from assessment.organisation.models import Department
from assessment.quizzes.models import Attempt, Participant
from assessment.quizzes.operations import identify_by_name, save_answers, start_attempt
from assessment.roster.models import RosterEntry
from tests.helpers import csrf_from, first_codes, make_event
from tests.helpers_staff import login

PERSON = ["employee_id", "name", "department", "level", "phase"]


def _right_cell(question) -> str:
    if question.type == "single":
        return next(o.id for o in question.options if o.correct)
    if question.type == "multiple":
        return ";".join(o.id for o in question.options if o.correct)
    if question.type == "true_false":
        return "true" if question.answer else "false"
    if question.type == "numeric":
        return f"{question.answer:g}"
    if question.type == "short_text":
        return question.accept[0]
    return "4"


def _file(bank, rows) -> bytes:
    """CSV bytes: each row is the person's cells and {question id: cell} overrides."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(PERSON + [q.id for q in bank.questions])
    for person, answers in rows:
        writer.writerow(list(person) + [answers.get(q.id, "") for q in bank.questions])
    return buffer.getvalue().encode("utf-8")


def _all_right(bank):
    return {q.id: _right_cell(q) for q in bank.questions}


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def _problem_places(output: str, filename: str) -> set[tuple[str, str]]:
    pattern = re.compile(re.escape(filename) + r":(\d+):([^:]+): ")
    return {match.groups() for match in map(pattern.match, output.splitlines()) if match}


@pytest.fixture
def setting(app, bank_version):
    """The bank, an event whose phases are both closed, and the first department and level."""
    event = make_event(bank_version, open_kind=None)
    close_phase(event, "pre")
    close_phase(event, "post")
    return bank_of(bank_version), event, first_codes()


def test_cli_stores_paired_submitted_scored_attempts_while_phases_are_closed(
        setting, runner, tmp_path):
    bank, event, (department, level) = setting
    first_question = bank.questions[0]
    file = tmp_path / "paper.csv"
    file.write_bytes(_file(bank, [
        (("", "นายสมชาย ใจดี", department, level, "pre"), {first_question.id:
                                                          _right_cell(first_question)}),
        (("", "สมชาย ใจดี", department, level, "post"), _all_right(bank)),
        (("", "สมหญิง รักเรียน", department, level, "pre"), {}),
    ]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 0, result.output
    assert "3 paper attempts" in result.output
    people = db.session.scalars(select(Participant).order_by(Participant.id)).all()
    assert [p.name for p in people] == ["นายสมชาย ใจดี", "สมหญิง รักเรียน"]
    somchai = {a.phase.kind: a for a in people[0].attempts}
    assert set(somchai) == {"pre", "post"}  # paired: one participant, both phases
    post = somchai["post"]
    assert post.status == "submitted" and post.submitted_by == "paper"
    assert post.score == pytest.approx(bank.max_points) and post.max_score == bank.max_points
    assert somchai["pre"].score == pytest.approx(first_question.max_points)
    assert {a.question_key for a in post.answers} == {q.id for q in bank.questions}


def test_cli_reports_every_problem_with_row_and_column_and_writes_nothing(
        setting, runner, tmp_path, app):
    bank, event, (department, level) = setting
    by_type = {q.type: q for q in bank.questions}
    single, numeric = by_type["single"], by_type.get("numeric")
    bad_answers = {single.id: "zz"}
    if numeric:
        bad_answers[numeric.id] = "สิบ"
    file = tmp_path / "bad.csv"
    file.write_bytes(_file(bank, [
        (("", "คนแรก ดีมาก", department, level, "pre"), _all_right(bank)),    # row 2: fine
        (("", "คนที่สอง", department, level, "pre"), bad_answers),             # row 3
        (("", "คนที่สาม", "nowhere", "nolevel", "during"), {}),                # row 4
        (("", "คนแรก ดีมาก", department, level, "pre"), {}),                   # row 5: twice
    ]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 1
    expected = {("3", single.id.lower()), ("4", "department"), ("4", "level"),
                ("4", "phase"), ("5", "name")}
    if numeric:
        expected.add(("3", numeric.id.lower()))
    assert _problem_places(result.output, str(file)) == expected
    assert _count(Participant) == 0 and _count(Attempt) == 0


def test_unknown_question_column(setting, runner, tmp_path):
    bank, event, (department, level) = setting
    file = tmp_path / "cols.csv"
    file.write_text(",".join(PERSON + ["q_nope"]) + f"\n,A B,{department},{level},pre,a\n",
                    encoding="utf-8")
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 1
    assert f"{file}:1:q_nope: " in result.output and _count(Attempt) == 0


def test_someone_who_already_submitted_that_phase_is_refused(app, bank_version, runner,
                                                              tmp_path):
    event = make_event(bank_version, open_kind="pre")
    department, level = first_codes()
    attempt = start_attempt(identify_by_name(event, "สมชาย ใจดี", department, level),
                            event.phase("pre"))
    bank = bank_of(bank_version)
    answered = next(q for q in bank.questions if q.type == "single")
    save_answers(attempt, {answered.id: answered.options[0].id})
    close_phase(event, "pre")  # submits the phone attempt from its saved answer
    file = tmp_path / "again.csv"
    file.write_bytes(_file(bank, [
        (("", "คนใหม่ มาสาย", department, level, "pre"), {}),
        (("", "นายสมชาย ใจดี", department, level, "pre"), {}),
        (("", "นายสมชาย ใจดี", department, level, "post"), {}),
    ]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 1
    assert _problem_places(result.output, str(file)) == {("3", "name")}
    assert "already has a submitted pre-test attempt" in result.output
    assert _count(Participant) == 1 and _count(Attempt) == 1


def test_with_a_roster_rows_are_paired_by_employee_id(setting, runner, tmp_path):
    bank, event, (department, level) = setting
    db.session.add(RosterEntry(event_id=event.id, employee_id="E1001", name="สมชาย ใจดี",
                               department_code=department, level_code=level))
    db.session.commit()
    file = tmp_path / "roster.csv"
    file.write_bytes(_file(bank, [(("e-1001", "", "", "", "pre"), {}),
                                  (("E1001", "", "", "", "post"), _all_right(bank)),
                                  (("E2002", "", "", "", "post"), {})]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 1
    assert _problem_places(result.output, str(file)) == {("4", "employee_id")}
    file.write_bytes(_file(bank, [(("e-1001", "", "", "", "pre"), {}),
                                  (("E1001", "", "", "", "post"), _all_right(bank))]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 0, result.output
    person = db.session.scalars(select(Participant)).one()
    assert person.employee_id == "E1001" and len(person.attempts) == 2


def test_a_failure_while_storing_leaves_nothing(setting, monkeypatch):
    from assessment.paper import operations

    bank, event, (department, level) = setting
    content = _file(bank, [(("", f"คนที่ {n} ทดสอบ", department, level, "pre"), {})
                           for n in range(3)])
    check = operations.check_paper_file(event, "paper.csv", content)
    assert check.ok
    real, calls = operations._submitted_attempt, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(operations, "_submitted_attempt", failing)
    with pytest.raises(RuntimeError):
        operations.import_paper(event, check)
    assert _count(Participant) == 0 and _count(Attempt) == 0


def _owner_client(app, event):
    """A browser logged in as the trainer who owns the event."""
    client = app.test_client()
    login(client, "trainer9", "trainer")
    event.owner_id = find_user("trainer9").id
    db.session.commit()
    return client


def test_web_preview_then_import(app, setting):
    bank, event, (department, level) = setting
    client = _owner_client(app, event)
    page = client.get(f"/staff/events/{event.code}/paper").get_data(as_text=True)
    template = client.get(f"/staff/events/{event.code}/paper/template.csv")
    assert template.get_data().decode("utf-8-sig").startswith(",".join(PERSON))
    bad = _file(bank, [(("", "ก ข", department, level, "later"), {})])
    html = client.post(f"/staff/events/{event.code}/paper", data={
        "csrf_token": csrf_from(page), "file": (io.BytesIO(bad), "paper.csv")},
        content_type="multipart/form-data").get_data(as_text=True)
    assert re.search(r'<td class="num">2</td><td><code>phase</code>', html)
    assert 'name="content"' not in html and _count(Attempt) == 0
    good = _file(bank, [(("", "ก ข", department, level, "post"), _all_right(bank))])
    html = client.post(f"/staff/events/{event.code}/paper", data={
        "csrf_token": csrf_from(page), "file": (io.BytesIO(good), "paper.csv")},
        content_type="multipart/form-data").get_data(as_text=True)
    assert _count(Attempt) == 0  # the preview saves nothing
    assert "<td>แบบทดสอบหลังอบรม</td>" in html  # the phase in the page's language, not "post"
    hidden = dict(re.findall(r'name="(filename|content)" type="hidden" value="([^"]*)"', html))
    response = client.post(f"/staff/events/{event.code}/paper/save",
                           data={"csrf_token": csrf_from(html), **hidden})
    assert response.status_code == 302 and _count(Attempt) == 1
    again = client.post(f"/staff/events/{event.code}/paper/save",
                        data={"csrf_token": csrf_from(html), **hidden})
    assert again.status_code == 200
    assert "ก ข ส่งคำตอบแบบทดสอบหลังอบรมไปแล้ว" in again.get_data(as_text=True)
    assert _count(Attempt) == 1


def test_paper_problems_are_in_thai_by_default_and_english_when_chosen(app, setting):
    bank, event, (department, level) = setting
    client = _owner_client(app, event)
    numeric = next(q for q in bank.questions if q.type == "numeric")
    bad = _file(bank, [(("", "ก ข", department, level, "later"), {numeric.id: "สิบ"})])

    def preview():
        page = client.get(f"/staff/events/{event.code}/paper").get_data(as_text=True)
        return client.post(f"/staff/events/{event.code}/paper", data={
            "csrf_token": csrf_from(page), "file": (io.BytesIO(bad), "paper.csv")},
            content_type="multipart/form-data").get_data(as_text=True)

    html = preview()
    assert ('<td class="num">2</td><td><code>phase</code></td><td>ไม่รู้จักช่วงการทดสอบ '
            "&#34;later&#34; การอบรมนี้มี pre, post</td>") in html
    assert (f'<td class="num">2</td><td><code>{numeric.id}</code></td>'
            "<td>&#34;สิบ&#34; ไม่ใช่ตัวเลข</td>") in html
    client.get("/lang/en")
    html = preview()
    assert ('<td class="num">2</td><td><code>phase</code></td><td>unknown phase '
            "&#34;later&#34;; this event has pre, post</td>") in html
    assert (f'<td class="num">2</td><td><code>{numeric.id}</code></td>'
            "<td>&#34;สิบ&#34; is not a number</td>") in html


def test_without_a_roster_employee_ids_on_paper_are_kept_and_pair_first(setting, runner,
                                                                           tmp_path, app):
    """HR keeps training records by employee ID: a file that gives IDs for an event without a
    roster keeps them, pairs by them (a name written differently still pairs), records the ID
    of someone who answered the pre-test on a phone by name, and says so."""
    bank, event, (department, level) = setting
    phone = identify_by_name(event, "มาลี ทองดี", department, level)
    db.session.commit()
    other_department = db.session.scalars(select(Department.code).where(
        Department.code != department)).first()
    file = tmp_path / "ids.csv"
    file.write_bytes(_file(bank, [
        (("E-1001", "สมชาย ใจดี", department, level, "pre"), {}),
        (("e1001", "นายสมชาย ใจดีมาก", other_department, level, "post"), _all_right(bank)),
        (("E-2002", "มาลี ทองดี", department, level, "post"), _all_right(bank)),
        (("", "สมหญิง รักเรียน", department, level, "pre"), {}),
    ]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 0, result.output
    assert "3 of them gave an employee ID: kept, and used to pair pre and post" in result.output
    people = {p.name: p for p in db.session.scalars(select(Participant))}
    assert set(people) == {"สมชาย ใจดี", "มาลี ทองดี", "สมหญิง รักเรียน"}
    somchai = people["สมชาย ใจดี"]
    assert somchai.employee_id == "E-1001"
    assert {a.phase.kind for a in somchai.attempts} == {"pre", "post"}
    assert people["มาลี ทองดี"].id == phone.id and people["มาลี ทองดี"].employee_id == "E-2002"
    assert people["สมหญิง รักเรียน"].employee_id is None


def test_the_same_employee_id_twice_in_one_phase_is_refused(setting, runner, tmp_path):
    bank, event, (department, level) = setting
    file = tmp_path / "twice.csv"
    file.write_bytes(_file(bank, [(("E-1001", "สมชาย ใจดี", department, level, "pre"), {}),
                                  (("e1001", "สมหญิง รักเรียน", department, level, "pre"), {})]))
    result = runner.invoke(args=["responses", "import", event.code, str(file)])
    assert result.exit_code == 1
    assert _problem_places(result.output, str(file)) == {("3", "employee_id")}
    assert _count(Participant) == 0


def test_the_preview_says_before_saving_that_the_ids_are_kept(app, setting):
    bank, event, (department, level) = setting
    client = _owner_client(app, event)
    page = client.get(f"/staff/events/{event.code}/paper").get_data(as_text=True)
    with_ids = _file(bank, [(("E-1001", "สมชาย ใจดี", department, level, "pre"), {})])
    html = client.post(f"/staff/events/{event.code}/paper", data={
        "csrf_token": csrf_from(page), "file": (io.BytesIO(with_ids), "paper.csv")},
        content_type="multipart/form-data").get_data(as_text=True)
    assert "มี 1 แถวที่ระบุรหัสพนักงาน" in html and "จับคู่" in html
