"""One clock: times are stored as aware UTC and shown on the organisation's clock (Bangkok),
whatever the server's own clock says."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from assessment.banks.operations import load_bank
from assessment.extensions import db
from assessment.quizzes.models import Attempt
from tests.helpers import DATA, ROOT, make_event

BANGKOK = ZoneInfo("Asia/Bangkok")

#: joins the event as a new person in a process of its own and prints the quiz page's
#: finish-by time and the attempt's id
JOIN_AND_READ_FINISH_BY = """
import re, sys
from assessment import create_app
from assessment.events.operations import find_event
from tests.helpers import attempt_id_from, identify
app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": sys.argv[1]})
with app.app_context():
    page = identify(app.test_client(), find_event(sys.argv[2]), name=sys.argv[3])
    html = page.get_data(as_text=True)
print(re.search(r'class="notice">[^<]*?(\\d\\d:\\d\\d)', html).group(1), attempt_id_from(html))
"""


def _finish_by_in_a_process(app, code: str, name: str, zone: str) -> tuple[str, int]:
    db.session.commit()  # nothing held open while the other process writes
    done = subprocess.run(
        [sys.executable, "-c", JOIN_AND_READ_FINISH_BY, app.config["SQLALCHEMY_DATABASE_URI"],
         code, name],
        env={**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown, attempt_id = done.stdout.split()
    return shown, int(attempt_id)


def test_a_server_on_utc_and_one_on_bangkok_show_the_same_bangkok_finish_time(app):
    """The issue's case: on a server whose clock is UTC a Bangkok room read "finish by 02:00"
    at 08:40. Each process starts an attempt with a 20-minute limit and shows its deadline
    on Bangkok's clock."""
    text = (DATA / "banks" / "good" / "every-type.yaml").read_text(encoding="utf-8")
    code = make_event(load_bank(text, "every-type.yaml").version, time_limit_minutes=20).code
    for name, zone in (("Server On UTC", "UTC"), ("Server In Bangkok", "Asia/Bangkok")):
        shown, attempt_id = _finish_by_in_a_process(app, code, name, zone)
        deadline = db.session.scalar(select(Attempt.deadline).where(Attempt.id == attempt_id))
        assert deadline.tzinfo is not None
        assert abs(deadline - (datetime.now(UTC) + timedelta(minutes=20))) < timedelta(minutes=2)
        assert shown == deadline.astimezone(BANGKOK).strftime("%H:%M"), zone


def test_a_naive_time_is_refused_rather_than_guessed(app):
    """Whose clock a naive datetime was read on is unknown: storing one is an error."""
    text = (DATA / "banks" / "good" / "every-type.yaml").read_text(encoding="utf-8")
    event = make_event(load_bank(text, "every-type.yaml").version)
    event.phase("post").opens_at = datetime(2026, 3, 5, 9, 0)
    with pytest.raises(Exception, match="naive datetime"):
        db.session.commit()
    db.session.rollback()


def test_a_bad_time_zone_is_refused_at_start(tmp_path):
    """ASSESSMENT_TIMEZONE must name a zone; a typo stops the start with a clear message."""
    from assessment import create_app

    with pytest.raises(RuntimeError, match="Asia/Bangkok"):
        create_app({"TESTING": True, "SECRET_KEY": "test", "TIMEZONE": "Bangkok/Asia",
                    "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite'}"})
