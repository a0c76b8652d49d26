"""A slow staff request never holds up the room (issue 20, item 1): while a roster, a bank or
a file of paper answers is read and checked, no transaction is open, so no lock is held."""

from __future__ import annotations

import io
import threading
import time

import pytest

from assessment.banks import views as bank_views
from assessment.banks.operations import bank_of
from assessment.roster import operations as roster_operations
from tests.helpers import attempt_id_from, csrf_from, identify, make_event
from tests.helpers_staff import login

ROSTER = "employee_id,name,department,level\nE001,สมชาย ใจดี,audit,gen_operational\n"


def _roster_upload(code):
    return (f"/staff/events/{code}/roster", "/staff/events/{code}/roster", "hr",
            {"file": (io.BytesIO(ROSTER.encode()), "roster.csv")})


def _bank_check(code):
    return ("/staff/banks/check/text", "/staff/banks/new", "trainer",
            {"filename": "bank.yaml", "source": "id: [[[[1]]]]\n"})


#: (upload, the function that checks it, where it is looked up)
UPLOADS = [(_roster_upload, roster_operations, "read_table"),
           (_bank_check, bank_views, "check_bank_text")]


@pytest.mark.parametrize(("upload_of", "module", "check"), UPLOADS, ids=["roster", "bank"])
def test_a_phone_saves_within_a_second_while_a_staff_upload_is_being_checked(
        app, bank_version, monkeypatch, upload_of, module, check):
    """The check is held open (a thread standing for a 100,000-row roster or a deeply nested
    bank); a phone's autosave meanwhile answers within a second. Before, the upload's request
    held SQLite's write lock from its first query, and the phone waited for it."""
    event = make_event(bank_version)
    code = event.code
    question = next(q for q in bank_of(bank_version).questions if q.type == "single")
    phone = app.test_client()
    html = identify(phone, event).get_data(as_text=True)
    url, form_page, role, data = upload_of(code)
    staff = app.test_client()
    login(staff, f"{role}1", role)
    token = csrf_from(staff.get(form_page.format(code=code)).get_data(as_text=True))
    checking, release = threading.Event(), threading.Event()
    real_check = getattr(module, check)

    def slow_check(*args, **options):
        checking.set()
        release.wait(10)  # the check "takes" until the phone has been answered
        return real_check(*args, **options)

    monkeypatch.setattr(module, check, slow_check)
    answered = {}

    def upload():
        answered["staff"] = staff.post(url, data={"csrf_token": token, **data},
                                       content_type="multipart/form-data").status_code

    uploading = threading.Thread(target=upload)
    uploading.start()
    try:
        assert checking.wait(10), "the upload never reached its check"
        started = time.monotonic()
        saved = phone.post(f"/j/{code}/save", data={
            "csrf_token": csrf_from(html), "attempt_id": attempt_id_from(html),
            "question": question.id, "value": question.options[0].id})
        took = time.monotonic() - started
    finally:
        release.set()
        uploading.join(30)
    assert saved.status_code == 200 and saved.get_json()["saved"] is True
    assert took < 1.0, f"the phone waited {took:.1f} s for the staff request"
    assert answered == {"staff": 200}  # and the upload was previewed as usual
