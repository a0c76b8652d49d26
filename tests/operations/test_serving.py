"""`make serve`'s gunicorn for real: the app loaded once and forked, a killed worker replaced.

The server runs as a subprocess on a loopback port against the test's migrated database; a
phone (urllib with a cookie jar) joins, a worker is SIGKILLed, and the phone carries on.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from assessment.extensions import db
from tests.helpers import csrf_from, first_codes, make_event

ROOT = Path(__file__).resolve().parents[2]
CONFIG = "python:assessment.web.gunicorn_config"
#: every wait below gives up after this long
PATIENCE = 60.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def _until(check, what: str):
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


class Phone:
    """A browser with its own cookies."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as answer:
            return answer.read().decode()

    def post(self, path: str, fields: dict) -> str:
        body = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=body, timeout=10) as answer:
            return answer.read().decode()

    def answers_at_all(self, path: str) -> bool:
        try:
            self.get(path)
        except OSError:
            return False
        return True


@pytest.fixture
def served(app, tmp_path):
    """The app under gunicorn with 2 workers and `make serve`'s settings; (base url, master
    pid, log file)."""
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = dict(os.environ, ASSESSMENT_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
               ASSESSMENT_SECRET_KEY="serving-test", ASSESSMENT_PUBLIC_URL="http://127.0.0.1")
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", CONFIG, "--workers", "2",
             "--bind", f"127.0.0.1:{port}", "--log-level", "debug", "assessment:create_app()"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}", server.pid, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_killed_worker_is_replaced_and_the_phone_carries_on(app, bank_version, served):
    base, master, log = served
    code = make_event(bank_version).code
    department, level = first_codes()
    db.session.commit()  # nothing more is read here: on SQLite a transaction holds the lock
    phone = Phone(base)
    _until(lambda: phone.answers_at_all("/"), "the server to answer")
    page = phone.get(f"/j/{code}")
    quiz = phone.post(f"/j/{code}", {
        "csrf_token": csrf_from(page), "name": "สมชาย ใจดี", "department": department,
        "level": level})
    attempt = re.search(r'name="attempt_id" value="(\d+)"', quiz).group(1)

    victims = _until(lambda: len(_workers(master)) == 2 and _workers(master), "two workers")
    for victim in victims:
        os.kill(victim, signal.SIGKILL)
    _until(lambda: len(set(_workers(master)) - set(victims)) == 2, "two new workers")
    again = _until(lambda: phone.answers_at_all(f"/j/{code}/quiz")
                   and phone.get(f"/j/{code}/quiz"), "the quiz page after the kill")

    assert f'name="attempt_id" value="{attempt}"' in again  # the same attempt, carried on
    written = log.read_text()
    assert re.search(r"preload_app: True", written), "the app is not loaded before the fork"
    assert "Traceback" not in written
