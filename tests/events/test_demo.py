"""The demo a newcomer meets after `make run`: simulated people took both tests, and the
pre-test is open so the newcomer starts where a real participant starts."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from assessment.events.operations import find_event
from assessment.extensions import db
from assessment.quizzes.models import Attempt
from tests.helpers import identify


def test_setup_opens_the_pre_test_and_says_so_and_where_staff_log_in(runner, app):
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    code = re.search(r"join code: (\w{6})", result.output).group(1)
    assert "open now: pre-test" in result.output
    assert "administrator account created: user name 'admin', password " in result.output
    assert "staff log in at http://quiz.test/staff/login" in result.output
    assert f"http://quiz.test/staff/events/{code}" in result.output
    event = find_event(code)
    assert event.open_phase.kind == "pre"
    submitted = dict(db.session.execute(
        select(Attempt.phase_id, func.count()).where(Attempt.status == "submitted")
        .group_by(Attempt.phase_id)).all())
    assert submitted[event.phase("pre").id] > 40 and submitted[event.phase("post").id] > 40
    db.session.rollback()  # the test's reads hold SQLite's write lock (BEGIN IMMEDIATE)
    again = runner.invoke(args=["setup"])
    assert f"join code: {code}" in again.output and "open now: pre-test" in again.output
    assert "administrator account created" not in again.output


def test_a_newcomer_following_the_join_url_gets_the_pre_test(runner, app):
    code = re.search(r"join code: (\w{6})", runner.invoke(args=["setup"]).output).group(1)
    event = find_event(code)
    html = identify(app.test_client(), event, name="ผู้มาใหม่ ลองดู").get_data(as_text=True)
    assert "แบบทดสอบก่อนอบรม" in html and "แบบทดสอบหลังอบรม" not in html
