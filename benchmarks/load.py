"""Load and faults: 1,000 phones against gunicorn with 4 workers, on SQLite and PostgreSQL.

Run on demand (not in the test suite), from the repository root:

    .venv/bin/python benchmarks/load.py [--phones 1000] [--databases sqlite,postgresql]

Every server listens on 127.0.0.1 only; every loop is bounded in count and time.

Scenario "room" (per database): PHONES simulated phones (asyncio on uvloop, one cookie jar
each, benchmarks/phone_http.py) join over RAMP seconds, identify by name, autosave 30 answers
one by one, then all submit at once when the trainer says so. One gunicorn worker is SIGKILLed
in the middle; phones retry like the page's script does. Afterwards the database is compared
with what every phone sent.

Scenario "restart" (per database): a smaller room; the whole server is stopped and started
again in the middle of the answers; phones carry on with their cookies; a tenth of them never
submit, and closing the phase must submit those from their saved answers.

The floor is the app's own route that writes one row in one transaction (POST /bench/write,
served only with ASSESSMENT_BENCHMARK_ROUTES=1), on the same gunicorn and database in the same
run: submit throughput is reported as a ratio to its request throughput at the same
concurrency, measured right before each room and again right after its submit burst (the
mean of the two). Results are added at the top of benchmarks/results/load.md.

With --postgresql-core, PostgreSQL's processes run on the machine's last core and everything
else (both gunicorns, the phones' client, SQLite inside the app) on the others: PostgreSQL on a
machine of its own, as a city would run it, while the app's share stays the same for the bare
route and for both databases. Results then go to benchmarks/results/load-postgresql-core.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus, urlencode

import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.phone_http import BrokenReply, Browser  # noqa: E402

BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "benchmarks" / "results" / "load.md"
RESULTS_POSTGRESQL_CORE = ROOT / "benchmarks" / "results" / "load-postgresql-core.md"
QUESTIONS = 30
#: the settings `make serve` uses (the app loaded once, then forked)
GUNICORN_CONFIG = "python:assessment.web.gunicorn_config"
SECRET = "load-benchmark-secret"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
ATTEMPT = re.compile(r'name="attempt_id" value="(\d+)"')
QUESTION = re.compile(r'id="question-([^"]+)"')
#: a phone gives up on one request after retrying this long (the page's script keeps trying)
RETRY_FOR = 40.0
#: seconds one request may take, waiting for a free connection included
REQUEST_TIMEOUT = 60.0


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with N sync workers on a loopback port, as `make serve` runs it."""

    def __init__(self, app_spec: str, env: dict, workers: int = 4, log: Path | None = None):
        self.app_spec, self.env, self.workers = app_spec, env, workers
        self.port = free_port()
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", GUNICORN_CONFIG, "--workers", str(self.workers),
             "--bind", f"127.0.0.1:{self.port}", "--backlog", "2048", "--timeout", "60",
             self.app_spec],
            cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        self._wait_ready()

    def _wait_ready(self, seconds: float = 30) -> None:
        import urllib.request

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as answer:
                    if answer.status == 200 and len(self.worker_pids()) == self.workers:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start on {self.url}; see {self.log}")

    def worker_pids(self) -> list[int]:
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []

    def kill_one_worker(self) -> int:
        victim = self.worker_pids()[0]
        os.kill(victim, signal.SIGKILL)
        return victim

    def stop(self, hard: bool = False) -> None:
        if self.process and self.process.poll() is None:
            if hard:
                for worker in self.worker_pids():
                    os.kill(worker, signal.SIGKILL)
                self.process.kill()
            else:
                self.process.terminate()
            self.process.wait(timeout=30)


# ---------------------------------------------------------------- database


def bank_yaml() -> str:
    """A 30-question single-choice bank in the documented block form; option a is right."""
    lines = ["id: load-test", "version: 1", "title:", "  th: แบบทดสอบโหลด", "  en: Load test",
             "languages: [th, en]", "topics:", "  - id: general", "    title:",
             "      th: ทั่วไป", "      en: General", "questions:"]
    for number in range(1, QUESTIONS + 1):
        lines += [f"  - id: q{number:02d}", "    topic: general", "    type: single",
                  "    prompt:", f"      th: คำถามที่ {number}", f"      en: Question {number}",
                  "    options:"]
        for option in "abcd":
            lines += [f"      - id: {option}", "        text:", f"          th: ตัวเลือก {option}",
                      f"          en: Option {option}"]
            if option == "a":
                lines.append("        correct: true")
    return "\n".join(lines) + "\n"


def make_app(url: str):
    from assessment import create_app

    return create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET})


def prepare(url: str) -> tuple[str, list[str], list[str]]:
    """Migrate, seed the lists, load the bank, open an event's pre-test; its code and lists."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from assessment.banks.operations import load_bank
    from assessment.events.operations import create_event, open_phase
    from assessment.extensions import db
    from assessment.organisation.lists import seed_defaults
    from assessment.organisation.models import Department, StaffLevel

    app = make_app(url)
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        seed_defaults()
        version = load_bank(bank_yaml(), "load-test.yaml").version
        event = create_event(version, "Load test", None, ("pre", "post"))
        open_phase(event, "pre")
        departments = list(db.session.scalars(select(Department.code)))
        levels = list(db.session.scalars(select(StaffLevel.code)))
        code = event.code
        db.engine.dispose()
    return code, departments, levels


def close_pre(url: str, code: str) -> None:
    """What the trainer's `events close CODE pre` does."""
    from assessment.events.operations import close_phase, find_event
    from assessment.extensions import db

    app = make_app(url)
    with app.app_context():
        close_phase(find_event(code), "pre")
        db.engine.dispose()


def stored_attempts(url: str, code: str) -> dict[str, dict]:
    """Participant name -> status, score, submitted_by and answers as stored for the event."""
    from sqlalchemy import select

    from assessment.events.models import Event
    from assessment.extensions import db
    from assessment.quizzes.models import Attempt, Participant

    app = make_app(url)
    found = {}
    with app.app_context():
        rows = db.session.execute(select(Participant.name, Attempt).join(
            Attempt, Attempt.participant_id == Participant.id).join(Event).where(
            Event.code == code))
        for name, attempt in rows:
            found[name] = {"status": attempt.status, "score": attempt.score,
                           "by": attempt.submitted_by,
                           "answers": {a.question_key: a.value for a in attempt.answers}}
        db.engine.dispose()
    return found


def fresh_postgres_url() -> str | None:
    """A new empty database on the local server the tests use, or None if none answers."""
    probe = subprocess.run([str(BIN / "python"), str(ROOT / ".ci" / "pg_probe.py")],
                           capture_output=True, text=True, check=False)
    base = probe.stdout.strip()
    if not base:
        return None
    import psycopg

    plain = base.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS assessment_load WITH (FORCE)")
        connection.execute("CREATE DATABASE assessment_load")
    return base.rsplit("/", 1)[0] + "/assessment_load"


# ---------------------------------------------------------------- phones


@dataclass
class Stats:
    latency: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    retries: int = 0
    submitted: int = 0
    submit_window: list[float] = field(default_factory=list)

    def took(self, kind: str, seconds: float) -> None:
        self.latency.setdefault(kind, []).append(seconds)

    def failed(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


@dataclass
class Phone:
    name: str
    #: question -> value the server acknowledged saving
    acked: dict[str, str] = field(default_factory=dict)
    #: question -> value sent but never acknowledged
    unacked: dict[str, str] = field(default_factory=dict)
    submitted: bool = False
    closed: bool = False
    #: done answering: waiting for "submit now", or finished, or gave up
    ready: bool = False


class Gone(Exception):
    """The request kept failing for RETRY_FOR seconds."""


def form(fields: dict) -> bytes:
    return urlencode(fields).encode()


async def call(browser: Browser, stats: Stats, kind: str, path: str, body: bytes | None = None,
               follow: bool = True):
    """One GET (no body) or POST with the page's patience: retry on connection errors and 5xx."""
    deadline = time.monotonic() + RETRY_FOR
    delay = 0.25
    while True:
        started = time.monotonic()
        try:
            if body is None:
                reply = await browser.get(path, REQUEST_TIMEOUT)
            else:
                reply = await browser.post(path, body, REQUEST_TIMEOUT, follow)
            if reply.status < 500:
                stats.took(kind, time.monotonic() - started)
                return reply.status, reply.text, reply.headers
        except (TimeoutError, BrokenReply):
            pass
        if time.monotonic() > deadline:
            stats.failed(kind)
            raise Gone(kind)
        stats.retries += 1
        await asyncio.sleep(delay)
        delay = min(delay * 2, 2.0)


async def run_phone(phone: Phone, server: Server, code: str, lists, stats: Stats, plan: dict):
    rng = random.Random(phone.name)
    await asyncio.sleep(plan["start"])
    browser = Browser("127.0.0.1", server.port, plan["gate"])
    try:
        await answer_quiz(browser, phone, code, lists, stats, plan, rng)
    except Gone:
        pass
    except (ValueError, AttributeError):  # a page without the expected form
        stats.failed("page")
    finally:
        phone.ready = True


async def answer_quiz(browser, phone, code, lists, stats, plan, rng):
    _, page, _ = await call(browser, stats, "join", f"/j/{code}")
    _, page, _ = await call(browser, stats, "identify", f"/j/{code}", form({
        "csrf_token": CSRF.search(page).group(1), "name": phone.name,
        "department": rng.choice(lists[0]), "level": rng.choice(lists[1])}))
    token, attempt_id = CSRF.search(page).group(1), ATTEMPT.search(page).group(1)
    # the same in every save, so encoded once (the client shares the server's two cores)
    every_save = urlencode({"csrf_token": token, "attempt_id": attempt_id})
    for question in QUESTION.findall(page):
        value = rng.choice("abcd")  # option ids: nothing to escape
        posted = f"{every_save}&question={quote_plus(question)}&value={value}".encode()
        status, body, _ = await call(browser, stats, "save", f"/j/{code}/save", posted)
        if status == 200 and '"saved":true' in body.replace(" ", ""):
            phone.acked[question] = value
        else:
            phone.unacked[question] = value
            if status == 409:
                phone.closed = True
                return
        await plan["pause"]()
    phone.ready = True
    if not plan["submits"]:
        return
    await plan["submit_now"].wait()
    status, _, headers = await call(browser, stats, "submit", f"/j/{code}/submit",
                                    form({"csrf_token": token, "attempt_id": attempt_id}),
                                    follow=False)
    if status == 302 and "/result" in headers.get("location", ""):
        phone.submitted = True
        stats.submitted += 1
        stats.submit_window.append(time.monotonic())


# ---------------------------------------------------------------- scenarios


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def room(server: Server, code: str, lists, phones: int, ramp: float, think: float,
               concurrency: int, fault=None, abandon: float = 0.0) -> tuple[list[Phone], dict]:
    """PHONES phones join over RAMP seconds, answer, and submit together at the end."""
    stats = Stats()
    gate = asyncio.Semaphore(concurrency)  # the client's connections, as a browser pool's limit
    submit_now = asyncio.Event()
    people = [Phone(f"ผู้ทดสอบ {i:04d}") for i in range(phones)]
    quitting = set(random.Random(7).sample(range(phones), int(abandon * phones)))

    async def pause():
        await asyncio.sleep(random.uniform(0.5, 1.5) * think)

    started, client_cpu = time.monotonic(), time.process_time()
    tasks = [asyncio.create_task(run_phone(phone, server, code, lists, stats, {
        "start": ramp * i / phones, "gate": gate, "pause": pause,
        "submit_now": submit_now, "submits": i not in quitting,
    })) for i, phone in enumerate(people)]
    fault_note = await fault(server) if fault else ""
    # the trainer says "submit now" once everyone has answered (or gave up trying)
    while not all(p.ready for p in people) and time.monotonic() - started < 240:
        await asyncio.sleep(0.1)
    answered_at = time.monotonic()
    submit_now.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=300)
    finished = time.monotonic()
    client_cpu = time.process_time() - client_cpu
    window = stats.submit_window
    burst = (max(window) - answered_at) if window else float("nan")
    return people, {
        "stats": stats, "elapsed": finished - started, "answer_phase": answered_at - started,
        "submit_burst": burst, "submit_rate": len(window) / burst if window else 0.0,
        "fault": fault_note, "client_cpu": client_cpu,
    }


#: the app's route that writes one row in one transaction (assessment/web/bench.py)
BENCH_WRITE = "/bench/write"


async def bare_rate(port: int, requests: int, concurrency: int, rounds: int = 3) -> float:
    """POSTs per second the one-row write on `port` answers at the same concurrency: the median
    of a few rounds (one short round moved by a factor of two between runs)."""
    browser = Browser("127.0.0.1", port, asyncio.Semaphore(concurrency))
    body = form({"x": "1"})

    async def one():
        reply = await browser.post(BENCH_WRITE, body, REQUEST_TIMEOUT)
        if reply.status != 200:
            raise RuntimeError(f"bare route answered {reply.status}")

    await asyncio.gather(*(one() for _ in range(50)))  # warm up
    rates = []
    for _ in range(rounds):
        started = time.monotonic()
        await asyncio.gather(*(one() for _ in range(requests)))
        rates.append(requests / (time.monotonic() - started))
    return sorted(rates)[len(rates) // 2]


def kill_worker_midway(delay: float):
    async def fault(server):
        await asyncio.sleep(delay)
        victim = server.kill_one_worker()
        return f"SIGKILL to worker {victim} at {delay:.0f} s"
    return fault


def restart_midway(delay: float):
    async def fault(server):
        await asyncio.sleep(delay)
        started = time.monotonic()
        await asyncio.to_thread(server.stop, True)
        await asyncio.to_thread(server.start)
        return f"server SIGKILLed and started again at {delay:.0f} s " \
               f"(down {time.monotonic() - started:.1f} s)"
    return fault


def check(people: list[Phone], stored: dict[str, dict]) -> dict:
    """Compare what phones were told was saved with the database, and every attempt's state."""
    lost = half = wrong_score = 0
    for phone in people:
        attempt = stored.get(phone.name)
        if attempt is None:
            lost += len(phone.acked)
            continue
        lost += sum(1 for q, v in phone.acked.items() if attempt["answers"].get(q) != v)
        if attempt["status"] == "submitted":
            expected = sum(1 for v in attempt["answers"].values() if v == "a")
            if attempt["score"] is None:
                half += 1
            elif attempt["score"] != expected:
                wrong_score += 1
        elif attempt["status"] != "in_progress":
            half += 1
    return {"answers_lost": lost, "half_written": half, "wrong_scores": wrong_score,
            "unacknowledged": sum(len(p.unacked) for p in people)}


# ---------------------------------------------------------------- running


def database_urls(which: list[str], tmp: Path) -> list[tuple[str, str]]:
    urls = []
    if "sqlite" in which:
        urls.append(("SQLite", f"sqlite:///{tmp / 'load.sqlite'}"))
    if "postgresql" in which:
        url = fresh_postgres_url()
        if url:
            urls.append(("PostgreSQL", url))
        else:
            print("PostgreSQL not reachable: skipped", file=sys.stderr)
    return urls


def server_env(url: str) -> dict:
    env = dict(os.environ, ASSESSMENT_DATABASE_URL=url, ASSESSMENT_SECRET_KEY=SECRET,
               ASSESSMENT_PUBLIC_URL="http://127.0.0.1", ASSESSMENT_BENCHMARK_ROUTES="1")
    env.pop("TEST_DATABASE_URL", None)
    return env


def summarise(label: str, scenario: str, people, outcome, verdict, extra=None) -> dict:
    stats: Stats = outcome["stats"]
    every = [s for values in stats.latency.values() for s in values]
    saves = stats.latency.get("save", [])
    row = {
        "database": label, "scenario": scenario, "phones": len(people),
        "elapsed_s": outcome["elapsed"], "answer_phase_s": outcome["answer_phase"],
        "requests": len(every), "errors": sum(stats.errors.values()), "retries": stats.retries,
        "p50_ms": 1000 * percentile(every, 0.5), "p95_ms": 1000 * percentile(every, 0.95),
        "save_p95_ms": 1000 * percentile(saves, 0.95),
        "submitted": stats.submitted, "submit_rate": outcome["submit_rate"],
        "fault": outcome["fault"], **verdict, **(extra or {}),
        "client_ms": 1000 * outcome["client_cpu"] / max(len(every), 1),
    }
    print(row, flush=True)
    return row


async def run_database(label: str, url: str, args, tmp: Path) -> list[dict]:
    rows = []
    code, *lists = await asyncio.to_thread(prepare, url)
    server = Server("assessment:create_app()", server_env(url), args.workers,
                    tmp / f"gunicorn-{label}.log")
    people, outcome, floor = await served_room(
        server, args, code, lists, args.phones, args.ramp,
        kill_worker_midway(args.ramp / 2))
    verdict = check(people, await asyncio.to_thread(stored_attempts, url, code))
    rows.append(summarise(label, "room + worker SIGKILL", people, outcome, verdict, floor))

    code, *lists = await asyncio.to_thread(prepare, url)
    people, outcome, floor = await served_room(
        server, args, code, lists, args.restart_phones, args.ramp / 2,
        restart_midway(args.ramp / 2), abandon=0.1)
    await asyncio.to_thread(close_pre, url, code)
    stored = await asyncio.to_thread(stored_attempts, url, code)
    verdict = check(people, stored)
    mine = [stored[p.name] for p in people if p.name in stored]
    extra = {
        "finished_by_close": sum(1 for a in mine if a["by"] == "phase_closed"),
        "abandoned": sum(1 for p in people if not p.submitted),
        "still_open": sum(1 for a in mine if a["status"] != "submitted"),
        **floor,
    }
    rows.append(summarise(label, "room + server restart + phase close", people, outcome,
                          verdict, extra))
    return rows


async def served_room(server: Server, args, code: str, lists, phones: int, ramp: float, fault,
                      abandon: float = 0.0):
    """One room on a freshly started app server, its one-row write measured on the same
    server right before the room and again right after its submit burst (the phones idle),
    the room's ratio over the mean of the two: this machine's speed drifts (the bare route
    alone measured 2,073 and 3,590 requests/s twelve minutes apart). (people, outcome, the
    write's rates)."""
    floor: dict = {}
    server.start()
    try:
        floor["bare_before"] = await bare_rate(server.port, 3 * args.phones, args.concurrency)
        people, outcome = await room(server, code, lists, phones, ramp, args.think,
                                     args.concurrency, fault, abandon)
        floor["bare_after"] = await bare_rate(server.port, 3 * args.phones, args.concurrency)
    finally:
        server.stop()
    floor["bare_rps"] = (floor["bare_before"] + floor["bare_after"]) / 2
    print(f"one-row write: {floor['bare_before']:.0f} before, {floor['bare_after']:.0f} after "
          "requests/s", flush=True)
    return people, outcome, floor


def postgresql_processes() -> list[int]:
    """The local PostgreSQL server's processes (its postmaster and everything it forked)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    found.append(int(entry.name))
            except OSError:  # gone meanwhile
                pass
    return found


@contextmanager
def postgresql_on_its_own_core():
    """PostgreSQL on the last core, this process (and so every server it starts) on the
    others; the affinities are put back afterwards. Backends forked meanwhile inherit the
    postmaster's core."""
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        raise SystemExit("--postgresql-core needs at least two cores")
    servers = postgresql_processes()
    if not servers:
        raise SystemExit("--postgresql-core: no local PostgreSQL server is running")
    for pid in servers:
        os.sched_setaffinity(pid, {cores[-1]})
    os.sched_setaffinity(0, set(cores[:-1]))
    try:
        yield
    finally:
        os.sched_setaffinity(0, set(cores))
        for pid in postgresql_processes():
            try:
                os.sched_setaffinity(pid, set(cores))
            except OSError:  # a backend that ended meanwhile
                pass


async def main_async(args) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="assessment-load-") as name:
        tmp = Path(name)
        rows = []
        for label, url in database_urls(args.databases.split(","), tmp):
            rows += await run_database(label, url, args, tmp)
        for row in rows:
            row["ratio"] = row["submit_rate"] / row["bare_rps"]
        return rows


def write_markdown(rows: list[dict], args) -> None:
    cores = (f"{os.cpu_count()} cores, PostgreSQL's processes on a core of their own and "
             "everything else (both gunicorns, the phones, SQLite inside the app) on the rest "
             "(--postgresql-core)") if args.postgresql_core else f"{os.cpu_count()} cores"
    lines = [
        f"## Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC", "",
        *([f"{args.note}", ""] if args.note else []),
        f"Run {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC on {cores}; gunicorn "
        f"{args.workers} sync workers on 127.0.0.1, client concurrency {args.concurrency}, "
        f"phones join over {args.ramp:.0f} s and pause ~{args.think:.1f} s between answers "
        f"(the phones' client, benchmarks/phone_http.py on uvloop, runs on the same machine).",
        "",
        "| database | scenario | phones | total s | answering s | requests | errors | retries "
        "| p50 ms | p95 ms | save p95 ms | submitted | submits/s | write req/s | ratio "
        "| client ms/req | answers lost | half-written | wrong scores |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['database']} | {r['scenario']} | {r['phones']} | {r['elapsed_s']:.1f} "
            f"| {r['answer_phase_s']:.1f} | {r['requests']} | {r['errors']} | {r['retries']} "
            f"| {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['save_p95_ms']:.0f} "
            f"| {r['submitted']} | {r['submit_rate']:.0f} "
            f"| {r['bare_rps']:.0f} ({r['bare_before']:.0f} / {r['bare_after']:.0f}) "
            f"| {r['ratio']:.2f} | {r['client_ms']:.2f} | {r['answers_lost']} "
            f"| {r['half_written']} "
            f"| {r['wrong_scores']} |")
    lines += ["", "Faults and phase close:", ""]
    for r in rows:
        note = f"- {r['database']}, {r['scenario']}: {r['fault']}"
        if "finished_by_close" in r:
            note += (f"; {r['abandoned']} phones never submitted, closing the phase submitted "
                     f"{r['finished_by_close']} attempts from saved answers, "
                     f"{r['still_open']} left open")
        lines.append(note)
    lines += [
        "", "Columns: *answers lost* = answers the server acknowledged that the database does "
        "not hold (must be 0); *half-written* = attempts neither in progress nor submitted with a "
        "score; *wrong scores* = submitted attempts whose score differs from the saved answers; "
        "*submits/s* = submissions per second when every phone submits at once; *ratio* = that "
        "over the requests per second of the app's route that writes one row in one transaction "
        "(POST /bench/write) on the same gunicorn and database (*write req/s*: the mean of its "
        "rate right before the room and right after the room's submit burst, both given as "
        "*before / after*; goal >= 0.5); *client ms/req* = the simulated phones' "
        "own CPU (all of it, retries and the restart included) over the requests answered, "
        "taken from the server's own cores; "
        "latencies include waiting for one of the client's connections.", ""]
    results = RESULTS_POSTGRESQL_CORE if args.postgresql_core else RESULTS
    title = "# Load and faults (benchmarks/load.py), newest run first\n\n"
    earlier = results.read_text(encoding="utf-8") if results.exists() else ""
    earlier = earlier.removeprefix(title)
    # the file as it was before runs were added on top: its own title becomes a section's
    earlier = earlier.replace("# Load and faults (benchmarks/load.py)\n", "## Earlier runs\n", 1)
    results.write_text(title + "\n".join(lines) + "\n" + earlier, encoding="utf-8")
    print(f"written {results}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--restart-phones", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--ramp", type=float, default=20.0, help="seconds over which phones join")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between answers")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--note", default="", help="a line saying how the run was made "
                        "(\"machine shared with six other engineers\")")
    parser.add_argument("--postgresql-core", action="store_true",
                        help="PostgreSQL on the last core, everything else on the others")
    args = parser.parse_args()
    if args.postgresql_core:
        with postgresql_on_its_own_core():
            rows = uvloop.run(main_async(args))
    else:
        rows = uvloop.run(main_async(args))
    write_markdown(rows, args)
    bad = [r for r in rows if r["answers_lost"] or r["half_written"] or r["wrong_scores"]]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
