"""Under CI=true the PostgreSQL run is required; elsewhere SQLite alone is allowed."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

CI = ROOT / ".ci"


def _probe():
    spec = importlib.util.spec_from_file_location("pg_probe", CI / "pg_probe.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("ci", "exit_code"), [("true", 1), (None, 0)])
def test_the_probe_fails_ci_when_no_postgresql_answers(monkeypatch, capsys, ci, exit_code):
    probe = _probe()
    monkeypatch.setattr(probe, "reachable", lambda url: False)
    monkeypatch.delenv("TEST_DATABASE_URL", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    assert probe.main() == exit_code
    said = capsys.readouterr()
    assert said.out == ""  # no URL: no PostgreSQL run
    assert ("CI=true needs PostgreSQL" in said.err) == bool(ci)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser")
                    or not list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")),
                    reason="needs root (to run as nobody) and Debian's PostgreSQL installed")
@pytest.mark.parametrize(("ci", "exit_code"), [("true", 1), ("", 0)])
def test_postgres_sh_fails_ci_when_it_cannot_start_postgresql(ci, exit_code):
    """As a user who may not start the cluster (nobody), postgres.sh cannot give a URL."""
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "env", "-i", "PATH=/usr/bin:/bin", f"CI={ci}",
         "bash", str(CI / "postgres.sh")], capture_output=True, text=True, timeout=60)
    assert done.returncode == exit_code, done.stderr
    assert ("could not be installed or started" in done.stderr) == (exit_code == 1)
