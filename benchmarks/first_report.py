"""HR's first report after a start: a fresh server, then the first view and its first charts.

Run on demand (`.venv/bin/python benchmarks/first_report.py [runs]`), not by the test suite.
Each run makes a fresh SQLite database with `flask setup` (the demo event of `make run`) and
an HR account, then starts gunicorn as `make run` does (the project's config, 2 workers of
4 threads) in a fresh process with an empty matplotlib cache folder (as on a fresh clone:
matplotlib builds its font list on first use), and times:

- start: from spawning gunicorn until /healthz answers;
- first view: the report page, the first request after logging in;
- first charts: the page's six PNG charts, asked for at once as a browser does;
- later view: the report page again.

Goal: the first view under 1 s. Output: stdout and benchmarks/results/first_report.md.
"""

from __future__ import annotations

import http.cookiejar
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results" / "first_report.md"
CHARTS = ("by_level", "by_department", "by_topic", "participant_change", "distribution",
          "item_facility")
HR, PASSWORD = "bench-hr", "first-report-benchmark-1"
GOAL_SECONDS = 1.0

PREPARE = f"""
from assessment import create_app
from assessment.auth.operations import create_user
with create_app().app_context():
    create_user({HR!r}, "hr", {PASSWORD!r})
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(folder: Path) -> dict:
    """A fresh database with the demo event and an HR account; the server's environment."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLCONFIGDIR=str(folder / "matplotlib"),
               ASSESSMENT_DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite'}")
    env.pop("TEST_DATABASE_URL", None)
    subprocess.run([BIN / "flask", "--app", "assessment", "setup"], env=env, check=True,
                   capture_output=True, cwd=folder)
    subprocess.run([BIN / "python", "-c", PREPARE], env=env, check=True, cwd=folder)
    # the preparation drew nothing, but it imported matplotlib: start the server without
    # its font list, as on a fresh clone
    subprocess.run(["rm", "-rf", str(folder / "matplotlib")], check=True)
    return env


def demo_code(env: dict, folder: Path) -> str:
    result = subprocess.run([BIN / "flask", "--app", "assessment", "events", "list"], env=env,
                            check=True, capture_output=True, text=True, cwd=folder)
    return re.search(r"\b([A-Z0-9]{4,8})\b", result.stdout).group(1)


def start_server(env: dict, folder: Path, port: int) -> tuple[subprocess.Popen, float]:
    """gunicorn as `make run` starts it; returns it and the seconds until /healthz answers."""
    started = time.perf_counter()
    server = subprocess.Popen(
        [BIN / "gunicorn", "--config", "python:assessment.web.gunicorn_config", "--workers", "2",
         "--threads", "4", "--bind", f"127.0.0.1:{port}", "assessment:create_app()"],
        env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return server, time.perf_counter() - started
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped before it answered") from None
            time.sleep(0.02)


def logged_in(base: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(f"{base}/staff/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "username": HR, "password": PASSWORD})
    opener.open(f"{base}/staff/login", data=form.encode()).read()
    return opener


def timed(opener, url: str) -> float:
    started = time.perf_counter()
    with opener.open(url) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
    return time.perf_counter() - started


def one_run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="first-report-") as name:
        folder = Path(name)
        env = prepare(folder)
        code = demo_code(env, folder)
        port = free_port()
        server, start = start_server(env, folder, port)
        try:
            base = f"http://127.0.0.1:{port}"
            opener = logged_in(base)
            report = f"{base}/staff/reports/{code}"
            first_view = timed(opener, report)
            started = time.perf_counter()
            with ThreadPoolExecutor(len(CHARTS)) as pool:
                list(pool.map(lambda chart: timed(opener, f"{report}/charts/{chart}.png"),
                              CHARTS))
            first_charts = time.perf_counter() - started
            later_view = timed(opener, report)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    return {"start": start, "first view": first_view, "first charts": first_charts,
            "later view": later_view}


def report(runs: list[dict[str, float]]) -> str:
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    verdict = "met" if medians["first view"] < GOAL_SECONDS else "NOT met"
    lines = [
        "# HR's first report after a start",
        "",
        f"`benchmarks/first_report.py`, {len(runs)} runs, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC,"
        f" Python {platform.python_version()}, {os.cpu_count()} CPUs (shared with other work).",
        "A fresh gunicorn (`make run`'s settings) on the demo event, empty matplotlib cache.",
        "",
        "| step | median s | each run, s |",
        "| --- | --- | --- |",
    ]
    for key, median in medians.items():
        each = ", ".join(f"{run[key]:.2f}" for run in runs)
        lines.append(f"| {key} | {median:.2f} | {each} |")
    lines += ["", f"Goal: first view under {GOAL_SECONDS:.0f} s: {verdict}."]
    return "\n".join(lines) + "\n"


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    runs = [one_run() for _ in range(count)]
    text = report(runs)
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
