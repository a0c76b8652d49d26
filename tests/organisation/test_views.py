"""The administrator's organisation lists: add, rename, reorder, hide and show departments and
staff levels; trainers and HR refused; a hidden department leaves the participant's choices
but keeps its name in reports."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from assessment.extensions import db
from assessment.organisation.lists import (
    department_choices,
    forget_choices,
    level_choices,
    names,
)
from assessment.organisation.models import Department, StaffLevel
from assessment.quizzes.models import Participant
from assessment.quizzes.operations import identify_by_name, start_attempt, submit_attempt
from tests.helpers import csrf_from, make_event
from tests.helpers_staff import login

PAGES = (
    ("GET", "/staff/lists/"),
    ("GET", "/staff/lists/departments/new"),
    ("POST", "/staff/lists/departments/new"),
    ("GET", "/staff/lists/levels/new"),
    ("GET", "/staff/lists/departments/clerk/edit"),
    ("POST", "/staff/lists/levels/exec_high/edit"),
    ("POST", "/staff/lists/departments/clerk/move/down"),
    ("POST", "/staff/lists/departments/clerk/hide"),
    ("POST", "/staff/lists/levels/exec_high/show"),
)


@pytest.fixture
def admin(app):
    client = app.test_client()
    login(client, "admin1", "admin")
    return client


def post(client, address, **data):
    page = client.get("/staff/lists/").get_data(as_text=True)
    return client.post(address, data={"csrf_token": csrf_from(page), **data})


def department(code) -> Department:
    db.session.expire_all()
    return db.session.get(Department, code)


def codes(model) -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(model.code).order_by(model.position)))


def test_admin_sees_both_lists_with_their_buttons(admin):
    admin.get("/lang/en")
    html = admin.get("/staff/lists/").get_data(as_text=True)
    assert "สำนักปลัดเทศบาล" in html and "Office of the Municipal Clerk" in html
    assert "บริหารท้องถิ่น ระดับสูง" in html
    assert "Add a department" in html and "Add a staff level" in html
    assert "/staff/lists/departments/clerk/hide" in html


def test_add_a_department_at_the_end_of_the_list(admin):
    response = post(admin, "/staff/lists/departments/new", code="smart_city",
                    name_th="ศูนย์เมืองอัจฉริยะ", name_en="Smart City Centre")
    assert response.status_code == 302
    row = department("smart_city")
    assert (row.name_th, row.name_en, row.active) == ("ศูนย์เมืองอัจฉริยะ", "Smart City Centre",
                                                      True)
    assert codes(Department)[-1] == "smart_city"
    assert ("smart_city", "ศูนย์เมืองอัจฉริยะ") in department_choices("th")


def test_add_a_staff_level_in_a_group(admin):
    post(admin, "/staff/lists/levels/new", code="contract_expert", name_th="พนักงานจ้างผู้เชี่ยวชาญ",
         name_en="Expert contract employee", group_code="employee")
    level = db.session.get(StaffLevel, "contract_expert")
    assert level.group_code == "employee" and level.active
    assert ("contract_expert", "Expert contract employee") in level_choices("en")


@pytest.mark.parametrize("code, message", [
    ("clerk", "This code is already used."),
    ("Smart City", "Use lowercase letters, digits, _ and -"),
])
def test_a_new_code_must_be_new_and_plain(admin, code, message):
    admin.get("/lang/en")
    response = post(admin, "/staff/lists/departments/new", code=code, name_th="ทดสอบ")
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert department("clerk").name_th == "สำนักปลัดเทศบาล"


def test_rename_keeps_the_code(admin):
    response = post(admin, "/staff/lists/departments/works/edit",
                    name_th="สำนักการช่างและผังเมือง", name_en="Public Works and Planning Bureau",
                    code="hacked")
    assert response.status_code == 302
    row = department("works")
    assert row.name_th == "สำนักการช่างและผังเมือง"
    assert row.name_en == "Public Works and Planning Bureau"
    assert department("hacked") is None


def test_rename_a_level_and_change_its_group(admin):
    post(admin, "/staff/lists/levels/gen_senior/edit", name_th="ทั่วไป อาวุโส",
         name_en="Senior general", group_code="professional")
    db.session.expire_all()
    level = db.session.get(StaffLevel, "gen_senior")
    assert (level.name_th, level.group_code) == ("ทั่วไป อาวุโส", "professional")


def test_thai_name_is_required(admin):
    response = post(admin, "/staff/lists/departments/works/edit", name_th="", name_en="x")
    assert response.status_code == 200
    assert department("works").name_th == "สำนักการช่าง"


def test_move_up_and_down(admin):
    before = codes(Department)
    post(admin, f"/staff/lists/departments/{before[1]}/move/up")
    assert codes(Department)[:2] == [before[1], before[0]]
    post(admin, f"/staff/lists/departments/{before[1]}/move/down")
    assert codes(Department) == before
    post(admin, f"/staff/lists/departments/{before[0]}/move/up")  # already first: no change
    assert codes(Department) == before
    assert post(admin, "/staff/lists/departments/clerk/move/sideways").status_code == 400


def test_hide_and_show_again(admin):
    post(admin, "/staff/lists/departments/audit/hide")
    assert department("audit").active is False
    assert "audit" not in dict(department_choices("th"))
    html = admin.get("/staff/lists/").get_data(as_text=True)
    assert 'id="departments-audit" class="inactive"' in html
    post(admin, "/staff/lists/departments/audit/show")
    assert department("audit").active is True
    assert "audit" in dict(department_choices("th"))


def test_hidden_department_leaves_the_join_page_but_stays_in_reports(app, admin,
                                                                      bank_version):
    event = make_event(bank_version)
    person = identify_by_name(event, "สมหญิง รักเมือง", "audit", "gen_operational")
    submit_attempt(start_attempt(person, event.open_phase))

    post(admin, "/staff/lists/departments/audit/hide")

    phone = app.test_client()
    join_page = phone.get(f"/j/{event.code}").get_data(as_text=True)
    assert "หน่วยตรวจสอบภายใน" not in join_page
    assert "สำนักปลัดเทศบาล" in join_page
    assert names("th")["department"]["audit"] == "หน่วยตรวจสอบภายใน"
    hr = app.test_client()
    login(hr, "hr1", "hr")
    report = hr.get(f"/staff/reports/{event.code}")
    assert report.status_code == 200
    assert "หน่วยตรวจสอบภายใน" in report.get_data(as_text=True)


def test_a_rename_reaches_the_join_page_it_was_already_shown_on(app, admin, bank_version):
    event = make_event(bank_version)
    phone = app.test_client()
    assert "หน่วยตรวจสอบภายใน" in phone.get(f"/j/{event.code}").get_data(as_text=True)

    post(admin, "/staff/lists/departments/audit/edit", name_th="หน่วยตรวจสอบ (ใหม่)",
         name_en="Audit")

    join_page = phone.get(f"/j/{event.code}").get_data(as_text=True)
    assert "หน่วยตรวจสอบ (ใหม่)" in join_page and "หน่วยตรวจสอบภายใน" not in join_page


def test_a_worker_keeps_the_choices_it_read_for_a_few_seconds(app, bank_version):
    """Another worker's edit (here: straight in the database) shows once the kept choices
    expire; the lists are not read again for every phone."""
    event = make_event(bank_version)
    phone = app.test_client()
    phone.get(f"/j/{event.code}")
    db.session.execute(Department.__table__.update().where(Department.code == "audit")
                       .values(name_th="เปลี่ยนที่เครื่องอื่น"))
    db.session.commit()

    assert "หน่วยตรวจสอบภายใน" in phone.get(f"/j/{event.code}").get_data(as_text=True)
    forget_choices()  # as CHOICES_SECONDS passing does
    assert "เปลี่ยนที่เครื่องอื่น" in phone.get(f"/j/{event.code}").get_data(as_text=True)


def test_a_department_another_worker_just_added_is_accepted_at_identify(app, bank_version):
    """A phone shown a list newer than the one this worker kept is not refused: the worker
    reads the lists again."""
    event = make_event(bank_version)
    phone = app.test_client()
    page = phone.get(f"/j/{event.code}").get_data(as_text=True)
    db.session.add(Department(code="smart_office", name_th="สำนักงานเมืองอัจฉริยะ",
                              name_en="Smart City Office", position=99, active=True))
    db.session.commit()

    answer = phone.post(f"/j/{event.code}", data={
        "csrf_token": csrf_from(page), "name": "สมปอง ใหม่ใจ", "department": "smart_office",
        "level": "gen_operational"})

    assert answer.status_code == 302 and answer.location.endswith("/quiz")
    assert db.session.scalar(select(Participant.department_code)) == "smart_office"


def test_nothing_can_be_deleted(admin):
    before = codes(Department)
    for address in ("/staff/lists/departments/audit/delete", "/staff/lists/departments/audit"):
        assert post(admin, address).status_code in (400, 404, 405)
    assert codes(Department) == before


def test_unknown_list_or_row_is_404(admin):
    assert admin.get("/staff/lists/buildings/new").status_code == 404
    assert admin.get("/staff/lists/departments/nowhere/edit").status_code == 404


def _request(client, method, address, with_token=True):
    if method == "GET":
        return client.get(address)
    data = {"csrf_token": csrf_from(client.get("/").get_data(as_text=True))} if with_token else {}
    return client.post(address, data=data)


@pytest.mark.parametrize("method, address", PAGES)
@pytest.mark.parametrize("role", ["trainer", "hr"])
def test_trainer_and_hr_are_refused(app, role, method, address):
    client = app.test_client()
    login(client, f"{role}1", role)
    assert _request(client, method, address).status_code == 403
    assert department("clerk").active and codes(Department)[0] == "clerk"


@pytest.mark.parametrize("method, address", PAGES)
def test_anonymous_is_sent_to_login(client, method, address):
    response = _request(client, method, address)
    assert response.status_code == 302 and "/staff/login" in response.location


@pytest.mark.parametrize("address", [a for m, a in PAGES if m == "POST"])
def test_every_change_needs_its_csrf_token(admin, address):
    assert _request(admin, "POST", address, with_token=False).status_code == 400
    assert department("clerk").active and codes(Department)[0] == "clerk"
