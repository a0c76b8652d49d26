"""Loading a staff roster through the web pages and `flask roster import`."""

from __future__ import annotations

import base64
import csv
import io
import re

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from assessment.auth.operations import find_user
from assessment.extensions import db
from assessment.organisation.models import Department, StaffLevel
from assessment.quizzes.models import Participant
from assessment.roster.models import RosterEntry
from tests.helpers import csrf_from, first_codes, identify, make_event
from tests.helpers_staff import login

HEADER = ["employee_id", "name", "department", "level"]


def _lists():
    department = db.session.scalars(select(Department).order_by(Department.position)).first()
    level = db.session.scalars(select(StaffLevel).order_by(StaffLevel.position)).first()
    return department, level


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode("utf-8")


def _good_csv(bom=True) -> bytes:
    department, level = _lists()
    return ("\ufeff" if bom else "").encode() + _csv([
        ["E1001", "นายสมชาย ใจดี", department.code, level.code],
        ["E1002", "สมหญิง รักเรียน", department.name_th, level.name_th],
        ["E1003", "Anan Dee", department.name_en, level.name_en]])


def _bad_csv() -> bytes:
    department, level = _lists()
    return _csv([["E1001", "นายสมชาย ใจดี", department.code, level.code],
                 ["E1001", "ซ้ำ", department.code, level.code],
                 ["E1003", "", department.code, level.code],
                 ["E1004", "คนที่สี่", department.name_th + "x", level.code],
                 ["E1005", "คนที่ห้า", department.code, "ไม่มีระดับ"]])


def _entries(event):
    query = select(RosterEntry.employee_id).where(RosterEntry.event_id == event.id)
    return sorted(db.session.scalars(query))


def _staff(app, username, role):
    client = app.test_client()
    login(client, username, role)
    return client


@pytest.fixture
def trainer_event(app, bank_version):
    client = _staff(app, "trainer1", "trainer")
    event = make_event(bank_version)
    event.owner_id = find_user("trainer1").id
    db.session.commit()
    return client, event


def _upload(client, event, content, filename="roster.csv"):
    page = client.get(f"/staff/events/{event.code}/roster").get_data(as_text=True)
    return client.post(f"/staff/events/{event.code}/roster", data={
        "csrf_token": csrf_from(page), "file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data")


def _save_from(client, event, preview_html):
    hidden = dict(re.findall(r'name="(filename|content)" type="hidden" value="([^"]*)"',
                             preview_html))
    return client.post(f"/staff/events/{event.code}/roster/save", data={
        "csrf_token": csrf_from(preview_html), **hidden})


def test_preview_then_save_replaces_the_roster(trainer_event):
    client, event = trainer_event
    preview = _upload(client, event, _good_csv())
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "E1003" in html
    department, level = _lists()
    row = re.search(r"<tr><td class=\"num\">2</td>(.*?)</tr>", html).group(1)  # given as codes
    assert f"<td>{department.name_th}</td><td>{level.name_th}</td>" in row
    assert _entries(event) == []  # nothing saved by the preview
    response = _save_from(client, event, html)
    assert response.status_code == 302
    assert _entries(event) == ["E1001", "E1002", "E1003"]
    page = client.get(f"/staff/events/{event.code}/roster").get_data(as_text=True)
    assert page.count(f"<td>{department.name_th}</td><td>{level.name_th}</td>") == 3
    smaller = b"\n".join(_good_csv().splitlines()[:2])
    html = _upload(client, event, smaller).get_data(as_text=True)
    _save_from(client, event, html)
    assert _entries(event) == ["E1001"]


def test_preview_lists_every_problem_and_saves_nothing(trainer_event):
    client, event = trainer_event
    html = _upload(client, event, _bad_csv()).get_data(as_text=True)
    rows = re.findall(r'<tr class="problem"><td class="num">(\d+)</td><td><code>(\w+)</code>',
                      html)
    assert set(rows) == {("3", "employee_id"), ("4", "name"), ("5", "department"),
                         ("6", "level")}
    assert "ใช่หรือไม่)" in html  # "did you mean", in the Thai interface
    assert 'name="content"' not in html  # no save button for a file with problems
    assert _entries(event) == []


def _problem_rows(html: str) -> dict[tuple[str, str], str]:
    """(row, column) -> the problem's words, from the preview's problem table."""
    cells = re.findall(r'<tr class="problem"><td class="num">(\d+)</td><td><code>(\w+)</code>'
                       r"</td><td>(.*?)</td></tr>", html)
    return {(row, column): words for row, column, words in cells}


def test_roster_problems_are_in_thai_by_default_and_english_when_chosen(trainer_event):
    client, event = trainer_event
    department, _level = _lists()
    thai = _problem_rows(_upload(client, event, _bad_csv()).get_data(as_text=True))
    assert thai[("3", "employee_id")] == "รหัสพนักงาน &#34;E1001&#34; ซ้ำกับแถว 2"
    assert thai[("4", "name")] == "ยังไม่ได้กรอกชื่อ"
    assert thai[("5", "department")] == (
        f"ไม่พบหน่วยงาน &#34;{department.name_th}x&#34; ในรายการขององค์กร "
        f"(หมายถึง &#34;{department.name_th}&#34; ใช่หรือไม่)")
    assert thai[("6", "level")].startswith("ไม่พบระดับตำแหน่ง &#34;ไม่มีระดับ&#34;")

    client.get("/lang/en")
    english = _problem_rows(_upload(client, event, _bad_csv()).get_data(as_text=True))
    assert english[("3", "employee_id")] == "employee ID &#34;E1001&#34; is also on row 2"
    assert english[("4", "name")] == "the name is empty"
    assert english[("5", "department")].startswith(
        f"unknown department &#34;{department.name_th}x&#34; (did you mean")


def test_an_unreadable_file_says_why_in_the_chosen_language(trainer_event):
    client, event = trainer_event
    latin = "employee_id,name\nE1,Zoë\n".encode("latin-1")
    page = _upload(client, event, latin)
    assert page.status_code == 302
    html = client.get(page.location).get_data(as_text=True)
    assert ("อ่านไฟล์ไม่ได้: ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 ใน Excel ให้เลือก "
            "&#39;Save as&#39; &gt; &#39;CSV UTF-8&#39;") in html
    client.get("/lang/en")
    _upload(client, event, b"PK\x03\x04 not really a workbook", "staff.xlsx")
    html = client.get(page.location).get_data(as_text=True)
    assert ("The file could not be read: the file is not an Excel workbook (.xlsx) we can "
            "read") in html


def test_a_tampered_save_is_checked_again(trainer_event):
    client, event = trainer_event
    html = _upload(client, event, _good_csv()).get_data(as_text=True)
    forged = base64.b64encode(_bad_csv()).decode()
    response = client.post(f"/staff/events/{event.code}/roster/save", data={
        "csrf_token": csrf_from(html), "filename": "roster.csv", "content": forged})
    assert response.status_code == 200 and _entries(event) == []


def test_excel_roster(trainer_event):
    client, event = trainer_event
    department, level = _lists()
    book = Workbook()
    book.active.append(["employee_id", "name", "department", "level"])
    book.active.append([2001, "สมศักดิ์ มั่นคง", department.name_th, level.code])
    buffer = io.BytesIO()
    book.save(buffer)
    html = _upload(client, event, buffer.getvalue(), "staff.xlsx").get_data(as_text=True)
    _save_from(client, event, html)
    assert _entries(event) == ["2001"]


def test_with_a_roster_participants_identify_by_employee_id(trainer_event, client):
    trainer, event = trainer_event
    _save_from(trainer, event, _upload(trainer, event, _good_csv()).get_data(as_text=True))
    page = client.get(f"/j/{event.code}").get_data(as_text=True)
    assert 'name="employee_id"' in page
    client.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page),
                                          "employee_id": "e1002"})
    person = db.session.scalars(select(Participant)).one()
    assert person.employee_id == "E1002" and person.name == "สมหญิง รักเรียน"


def test_namesakes_in_one_department_each_join_by_their_employee_id(app, trainer_event):
    """Two staff with the same name in the same department are two people on a roster: each
    identifies by their own employee ID and gets their own test."""
    trainer, event = trainer_event
    department, level = _lists()
    roster = _csv([["E2001", "สมชาย ใจดี", department.code, level.code],
                   ["E2002", "นายสมชาย  ใจดี", department.code, level.code]])
    preview = _upload(trainer, event, roster).get_data(as_text=True)
    notice = re.search(r'<tr class="to-look-at">(.*?)</tr>', preview, re.S).group(1)
    assert '<td class="num">3</td>' in notice and "ชื่อและหน่วยงานเดียวกับแถว 2" in notice
    assert "แทนที่รายชื่อ" in preview  # a notice does not stop the save
    assert "มี 1 แถวที่ควรดูก่อนบันทึก" in preview
    trainer.get("/lang/en")
    in_english = _upload(trainer, event, roster).get_data(as_text=True)
    assert "1 row to look at before saving" in in_english
    assert "the same name and department as row 2" in in_english
    trainer.get("/lang/th")
    _save_from(trainer, event, preview)
    for employee_id in ("E2001", "E2002"):
        phone = app.test_client()
        page = phone.get(f"/j/{event.code}").get_data(as_text=True)
        joined = phone.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page),
                                                      "employee_id": employee_id})
        assert joined.status_code == 302 and joined.location.endswith("/quiz"), employee_id
    people = db.session.scalars(select(Participant).order_by(Participant.employee_id)).all()
    assert [p.employee_id for p in people] == ["E2001", "E2002"]
    assert people[0].name_key == people[1].name_key


def test_someone_who_joined_by_name_before_the_roster_stays_one_person(app, trainer_event):
    """A roster loaded between the pre-test and the post-test: the person who joined by name
    and department is the roster's employee, so their two tests still pair."""
    trainer, event = trainer_event
    department, level = _lists()
    identify(app.test_client(), event, name="นายสมชาย ใจดี", department=department.code,
             level=level.code)
    before = db.session.scalars(select(Participant)).one()
    assert before.employee_id is None
    other_level = db.session.scalars(
        select(StaffLevel).where(StaffLevel.code != level.code)).first()
    roster = _csv([["E3001", "สมชาย ใจดี", department.code, other_level.code]])
    _save_from(trainer, event, _upload(trainer, event, roster).get_data(as_text=True))
    phone = app.test_client()
    page = phone.get(f"/j/{event.code}").get_data(as_text=True)
    joined = phone.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page),
                                                  "employee_id": "e3001"})
    assert joined.status_code == 302 and joined.location.endswith("/quiz")
    db.session.expire_all()
    person = db.session.scalars(select(Participant)).one()
    assert person.id == before.id
    assert (person.employee_id, person.level_code) == ("E3001", other_level.code)


def test_who_may_load_a_roster(app, trainer_event, client, bank_version):
    _, event = trainer_event
    address = f"/staff/events/{event.code}/roster"
    assert "/staff/login" in client.get(address).location  # anonymous
    other_event = make_event(bank_version, open_kind="pre")
    department, level = first_codes()
    page = client.get(f"/j/{other_event.code}").get_data(as_text=True)
    client.post(f"/j/{other_event.code}", data={"csrf_token": csrf_from(page), "name": "ก ข",
                                                "department": department, "level": level})
    assert "/staff/login" in client.get(address).location  # a participant
    assert _staff(app, "trainer2", "trainer").get(address).status_code == 403
    assert _staff(app, "hr1", "hr").get(address).status_code == 200  # HR keeps staff lists
    assert _staff(app, "admin1", "admin").get(address).status_code == 200
    other = _staff(app, "trainer3", "trainer")
    page = other.get("/staff/").get_data(as_text=True)
    assert address not in page


def test_cli_import_and_its_errors(runner, bank_version, tmp_path):
    event = make_event(bank_version)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_bad_csv())
    result = runner.invoke(args=["roster", "import", event.code, str(bad)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(bad) + ":")]
    where = {tuple(line.split(":")[1:3]) for line in lines if line.split(":")[1].isdigit()}
    assert where == {("3", "employee_id"), ("4", "name"), ("5", "department"),
                     ("6", "level")}
    assert _entries(event) == []
    good = tmp_path / "good.csv"
    good.write_bytes(_good_csv(bom=False))
    result = runner.invoke(args=["roster", "import", event.code.lower(), str(good)])
    assert result.exit_code == 0, result.output
    assert "3 people" in result.output and _entries(event) == ["E1001", "E1002", "E1003"]
    twice = tmp_path / "twice.csv"
    department, level = _lists()
    twice.write_bytes(_csv([["E1", "สมชาย ใจดี", department.code, level.code],
                            ["E2", "สมชาย ใจดี", department.code, level.code]]))
    result = runner.invoke(args=["roster", "import", event.code, str(twice)])
    assert result.exit_code == 0 and _entries(event) == ["E1", "E2"]
    assert f"{twice}:3:name: the same name and department as row 2" in result.output
    missing = runner.invoke(args=["roster", "import", "NOPE99", str(good)])
    assert missing.exit_code == 1


def test_cli_reports_missing_columns(runner, bank_version, tmp_path):
    event = make_event(bank_version)
    file = tmp_path / "cols.csv"
    file.write_text("employee_id,name\nE1,A\n", encoding="utf-8")
    result = runner.invoke(args=["roster", "import", event.code, str(file)])
    assert result.exit_code == 1
    assert f"{file}:1:department: the column 'department' is missing" in result.output
    assert f"{file}:1:level:" in result.output


def test_a_file_of_thousands_of_problems_lists_the_first_hundred_and_the_total(trainer_event):
    client, event = trainer_event
    department, level = _lists()
    rows = [[f"E{n}", f"คน {n}", "ไม่มีหน่วยงานนี้", level.code] for n in range(5000)]
    html = _upload(client, event, _csv(rows)).get_data(as_text=True)
    assert html.count('<tr class="problem">') == 100
    assert "5000" in html and "แสดง 100 รายการแรกจากทั้งหมด 5000 รายการ" in html
    assert _entries(event) == []


def test_a_nul_in_a_cell_is_refused_with_its_row_and_column(trainer_event):
    client, event = trainer_event
    department, level = _lists()
    content = _csv([["E1001", "สมชาย\x00ใจดี", department.code, level.code]])
    html = _upload(client, event, content).get_data(as_text=True)
    assert ("2", "name") in _problem_rows(html) and "\x00" not in html
    assert "อักขระควบคุม (U+0000)" in _problem_rows(html)[("2", "name")]
    assert _entries(event) == []


def test_hr_gives_an_event_its_first_roster_but_never_replaces_one(app, trainer_event):
    trainer, event = trainer_event
    hr = _staff(app, "hr1", "hr")
    preview = _upload(hr, event, _good_csv()).get_data(as_text=True)
    assert _save_from(hr, event, preview).status_code == 302
    assert _entries(event) == ["E1001", "E1002", "E1003"]
    page = hr.get(f"/staff/events/{event.code}/roster").get_data(as_text=True)
    assert "E1001" in page and 'type="file"' not in page  # HR still sees the list
    assert "เฉพาะวิทยากรของการอบรมหรือผู้ดูแลระบบ" in page
    assert _upload(hr, event, _good_csv()).status_code == 403
    assert _save_from(hr, event, preview).status_code == 403  # a kept preview is refused too
    department, level = _lists()
    replaced = _upload(trainer, event, _csv([["E2001", "คนใหม่", department.code, level.code]]))
    assert _save_from(trainer, event, replaced.get_data(as_text=True)).status_code == 302
    assert _entries(event) == ["E2001"]


def test_an_xlsx_bomb_is_refused_on_the_page_in_thai(trainer_event):
    from assessment.roster.tables import MAX_UNPACKED_BYTES
    from tests.security.test_upload_bounds import ROW, _workbook

    client, event = trainer_event
    chunks = (MAX_UNPACKED_BYTES + 2**20) // (len(ROW) * 1000) + 1
    bomb = _workbook(ROW * 1000 for _ in range(chunks))  # 175 KB unpacking to 49 MiB
    page = _upload(client, event, bomb, "staff.xlsx")
    assert page.status_code == 302
    html = client.get(page.location).get_data(as_text=True)
    assert "อ่านไฟล์ไม่ได้: เวิร์กบุ๊กนี้เมื่อคลายแล้วมีขนาด" in html
    assert _entries(event) == []


def test_an_empty_employee_id_is_asked_for_by_name(trainer_event, client):
    trainer, event = trainer_event
    _save_from(trainer, event, _upload(trainer, event, _good_csv()).get_data(as_text=True))
    page = client.get(f"/j/{event.code}").get_data(as_text=True)
    refused = client.post(f"/j/{event.code}", data={"csrf_token": csrf_from(page),
                                                    "employee_id": ""})
    html = refused.get_data(as_text=True).replace("\u2060", "").replace("\u200b", "")
    assert '<a href="#employee_id">กรุณาพิมพ์รหัสพนักงานของท่าน</a>' in html
    assert "กรุณากรอกช่องนี้" not in html
