"""The production topology for real (deploy/loopback.sh): nginx in front of two app servers
with two workers each, on one PostgreSQL and one Redis. A phone's cookie from one server is
good on the other, a join limit counted on one holds on the other, and an edited list reaches
both servers' join pages.

Runs in `make test`'s PostgreSQL pass; skipped without PostgreSQL, nginx or redis-server
(.ci/topology-deps.sh installs the last two; `make test` calls it).
"""

from __future__ import annotations

import http.cookiejar
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from assessment.banks.operations import bank_of
from assessment.extensions import db
from assessment.organisation.lists import CHOICES_SECONDS
from tests.helpers import ROOT, attempt_id_from, csrf_from, first_codes, make_event
from tests.helpers_staff import PASSWORD

pytestmark = [
    pytest.mark.topology,
    pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
                       reason="the topology runs on PostgreSQL (TEST_DATABASE_URL)"),
    pytest.mark.skipif(not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists())
                       or not shutil.which("redis-server"),
                       reason="needs nginx and redis-server (.ci/topology-deps.sh)"),
]
LOOPBACK = ROOT / "deploy" / "loopback.sh"


def _free_ports(count: int) -> list[int]:
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


class Topology:
    """The three doors a phone can knock on: nginx, server a and server b."""

    def __init__(self, env: dict):
        self.env = env
        self.nginx = f"http://127.0.0.1:{env['PORT']}"
        self.a, self.b = (f"http://127.0.0.1:{port}" for port in env["APP_PORTS"].split())

    def run(self, *args: str) -> None:
        done = subprocess.run(["bash", str(LOOPBACK), *args], env=self.env, cwd=ROOT,
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def topology(app, tmp_path):
    """Up on free loopback ports against the test's migrated database, down at the end."""
    nginx, server_a, server_b, redis = _free_ports(4)
    env = dict(os.environ, TOPOLOGY_DIR=str(tmp_path / "topology"), PORT=str(nginx),
               APP_PORTS=f"{server_a} {server_b}", REDIS_PORT=str(redis),
               ASSESSMENT_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
               ASSESSMENT_SECRET_KEY="topology-test")
    db.session.commit()  # the servers must see what the test made
    running = Topology(env)
    running.run("up")
    try:
        yield running
    finally:
        running.run("down")


class Phone:
    """A browser with its own cookies: the same cookie jar whichever server it reaches."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, url: str, fields: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            with self.opener.open(url, data=body, timeout=20) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read().decode()

    def page(self, url: str) -> str:
        status, html = self.request(url)
        assert status == 200, (url, status, html[:500])
        return html


def test_a_phone_joins_through_server_a_and_answers_through_server_b(bank_version,
                                                                     topology):
    event = make_event(bank_version)
    department, level = first_codes()
    question = bank_of(bank_version).questions[0]
    db.session.commit()
    phone = Phone()
    page = phone.page(f"{topology.a}/j/{event.code}")
    status, quiz = phone.request(f"{topology.a}/j/{event.code}", {
        "csrf_token": csrf_from(page), "name": "สมชาย ใจดี", "department": department,
        "level": level})
    assert status == 200 and "attempt_id" in quiz
    status, saved = phone.request(f"{topology.b}/j/{event.code}/save", {
        "csrf_token": csrf_from(quiz), "attempt_id": attempt_id_from(quiz),
        "question": question.id, "value": question.options[0].id})
    assert status == 200 and '"saved":true' in saved.replace(" ", ""), saved
    again = phone.page(f"{topology.nginx}/j/{event.code}/quiz")
    assert f'value="{attempt_id_from(quiz)}"' in again


def test_a_join_limit_hit_on_server_a_holds_on_server_b(bank_version, topology):
    event = make_event(bank_version)
    db.session.commit()
    phone = Phone()
    token = csrf_from(phone.page(f"{topology.a}/j/{event.code}"))
    for _attempt in range(500):  # whatever the limit is, server a says so before long
        status, _html = phone.request(f"{topology.a}/j/{event.code}",
                                      {"csrf_token": token, "name": ""})
        if status == 429:
            break
    assert status == 429
    status, _html = phone.request(f"{topology.b}/j/{event.code}",
                                  {"csrf_token": token, "name": ""})
    assert status == 429


def test_a_department_renamed_through_nginx_shows_on_both_servers_join_pages(
        bank_version, topology):
    from assessment.auth.operations import create_user

    event = make_event(bank_version)
    department, _level = first_codes()
    create_user("admin-topology", "admin", PASSWORD)
    db.session.commit()
    for server in (topology.a, topology.b):  # both servers' workers read the list now
        for _read in range(4):
            assert "กองใหม่ทดสอบ" not in Phone().page(f"{server}/j/{event.code}")
    admin = Phone()
    login = admin.page(f"{topology.nginx}/staff/login")
    admin.request(f"{topology.nginx}/staff/login", {
        "csrf_token": csrf_from(login), "username": "admin-topology", "password": PASSWORD})
    edit = f"{topology.nginx}/staff/lists/departments/{department}/edit"
    status, _html = admin.request(edit, {"csrf_token": csrf_from(admin.page(edit)),
                                         "name_th": "กองใหม่ทดสอบ", "name_en": "New Office"})
    assert status == 200
    time.sleep(CHOICES_SECONDS + 1)  # the longest a worker may keep the list it read
    for server in (topology.a, topology.b):
        for _read in range(4):  # each of the two workers, most likely
            assert "กองใหม่ทดสอบ" in Phone().page(f"{server}/j/{event.code}")
