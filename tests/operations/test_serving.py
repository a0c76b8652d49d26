"""`make serve`'s gunicorn for real: the app loaded once and forked, a killed worker replaced.

The server runs as a subprocess on a loopback port against the test's migrated database; a
phone (urllib with a cookie jar) joins, a worker is SIGKILLed, and the phone carries on.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from assessment.extensions import db
from tests.helpers import csrf_from, first_codes, make_event

ROOT = Path(__file__).resolve().parents[2]
CONFIG = "python:assessment.web.gunicorn_config"
#: every wait below gives up after this long
PATIENCE = 60.0


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


class Served:
    """gunicorn as a subprocess: its master pid, its log, and waits that notice it died."""

    def __init__(self, process: subprocess.Popen, log: Path):
        self.process, self.log = process, log
        self.base = ""

    def until(self, check, what: str):
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn stopped while waiting for {what}:\n{self._tail()}")
            result = check()
            if result:
                return result
            time.sleep(0.1)
        raise AssertionError(f"gave up waiting for {what}:\n{self._tail()}")

    def listening(self) -> str:
        """The address gunicorn bound (port 0: the system picks a free one)."""
        found = self.until(lambda: LISTENING.search(self.log.read_text()), "gunicorn to listen")
        self.base = found.group(1)
        return self.base

    def _tail(self) -> str:
        return "\n".join(self.log.read_text().splitlines()[-20:])


LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


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

    def page(self, path: str) -> str | None:
        """The page, or None while the server does not answer."""
        try:
            return self.get(path)
        except OSError:
            return None


@pytest.fixture
def served(app, tmp_path):
    """The app under gunicorn with 2 workers and `make serve`'s settings."""
    with _gunicorn(app, tmp_path / "gunicorn.log") as server:
        yield server


@contextmanager
def _gunicorn(app, log: Path, **env):
    """gunicorn serving the app on a free loopback port, stopped at the end; its control
    socket beside the log unless XDG_RUNTIME_DIR says where."""
    env = {"XDG_RUNTIME_DIR": str(log.parent / "run"), **env}
    Path(env["XDG_RUNTIME_DIR"]).mkdir(exist_ok=True)  # gunicorn uses it only if it exists
    env = dict(os.environ, ASSESSMENT_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
               ASSESSMENT_SECRET_KEY="serving-test", ASSESSMENT_PUBLIC_URL="http://127.0.0.1",
               **env)
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", CONFIG, "--workers", "2",
             "--bind", "127.0.0.1:0", "--graceful-timeout", "5", "--log-level", "debug",
             "assessment:create_app()"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield Served(process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the master and any worker left
            process.wait(timeout=20)


def test_a_killed_worker_is_replaced_and_the_phone_carries_on(app, bank_version, served):
    code = make_event(bank_version).code
    department, level = first_codes()
    db.session.commit()  # nothing more is read here: on SQLite a transaction holds the lock
    phone = Phone(served.listening())
    page = served.until(lambda: phone.page(f"/j/{code}"), "the join page")
    quiz = phone.post(f"/j/{code}", {
        "csrf_token": csrf_from(page), "name": "สมชาย ใจดี", "department": department,
        "level": level})
    attempt = re.search(r'name="attempt_id" value="(\d+)"', quiz).group(1)

    master = served.process.pid
    victims = served.until(lambda: len(_workers(master)) == 2 and _workers(master),
                           "two workers")
    for victim in victims:
        os.kill(victim, signal.SIGKILL)
    served.until(lambda: len(set(_workers(master)) - set(victims)) == 2, "two new workers")
    again = served.until(lambda: phone.page(f"/j/{code}/quiz"), "the quiz page after the kill")

    assert f'name="attempt_id" value="{attempt}"' in again  # the same attempt, carried on
    written = served.log.read_text()
    assert "preload_app: True" in written, "the app is not loaded before the fork"
    assert "Traceback" not in written


def test_a_forked_worker_starts_with_an_empty_pool_and_leaves_the_masters_open(app):
    """What post_fork does in each new worker: the master's pooled connections are dropped,
    not closed (closing them would close the master's too)."""
    from sqlalchemy import text

    from assessment.web.gunicorn_config import post_fork

    with db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    masters = db.engine.pool
    assert masters.checkedin() == 1

    class Worker:  # the one attribute gunicorn's worker offers the hook that is used here
        class app:  # noqa: N801
            wsgi = staticmethod(lambda: app)

    try:
        post_fork(None, Worker)
        assert db.engine.pool is not masters and db.engine.pool.checkedin() == 0
        assert masters.checkedin() == 1  # still open, still the master's
    finally:
        masters.dispose()


def test_two_servers_each_keep_a_control_socket_of_their_own(app, tmp_path):
    """`make run` beside `make serve`: gunicornc reaches each by its port, and stopping one
    leaves the other's socket (gunicorn's default path was one for both)."""
    runtime = tmp_path / "run"  # gunicorn's default socket: $XDG_RUNTIME_DIR/gunicorn.ctl
    with _gunicorn(app, tmp_path / "first.log", XDG_RUNTIME_DIR=str(runtime)) as first:
        with _gunicorn(app, tmp_path / "second.log", XDG_RUNTIME_DIR=str(runtime)) as second:
            for server in (first, second):
                port = server.listening().rsplit(":", 1)[1]
                server.control = runtime / f"gunicorn-{port}.ctl"
                server.until(server.control.exists, "its control socket")
                master = server.process.pid
                server.until(lambda m=master: len(_workers(m)) == 2, "two workers")
                assert _control_workers(server.control) == set(_workers(master))
        assert not second.control.exists()
        assert _control_workers(first.control) == set(_workers(first.process.pid))
    assert not (runtime / "gunicorn.ctl").exists()


def _control_workers(control: Path) -> set[int]:
    """The worker pids the server behind a control socket reports (gunicornc)."""
    shown = subprocess.run(
        [str(Path(sys.executable).with_name("gunicornc")), "-s", str(control), "-j",
         "-c", "show workers"], capture_output=True, text=True, timeout=30, check=True)
    return {worker["pid"] for worker in json.loads(shown.stdout)["workers"]}
