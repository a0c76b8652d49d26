"""The production topology under a room's load, with one whole app server killed midway.

Run on demand (not in the test suite), from the repository root:

    .venv/bin/python benchmarks/topology.py [--phones 1000]

deploy/loopback.sh brings up, on 127.0.0.1: nginx in front of two app servers (gunicorn, 2 sync
workers each, as `make serve` runs them), a fresh PostgreSQL database and Redis. PHONES
simulated phones (benchmarks/load.py's phones) join through nginx over RAMP seconds, autosave a
30-question test one answer at a time and all submit when the trainer says so. Halfway through
the ramp server a is SIGKILLed, master and workers at once; nginx carries on with server b.

Figures: answers lost (acknowledged but not in the database; must be 0), total time, p50/p95
of saves outside the failover seconds (saves in flight during FAILOVER seconds from the kill are
left out of those two, and counted), errors the phones saw (answers 5xx or broken connections,
each retried by the page) and requests that failed for good, and the submit throughput as a
ratio to POST /bench/write (one row in one transaction) through the same nginx in the same run:
measured with both servers before the room and with server b alone after it, as the submits
were served. Results go to benchmarks/results/topology.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "topology.md"
LOOPBACK = ROOT / "deploy" / "loopback.sh"
DATABASE = "assessment_topology"


@dataclass
class Doors:
    """What the phones reach: nginx's port (load.run_phone reads `port`)."""

    port: int


@dataclass
class TimedStats(load.Stats):
    """load.Stats, also keeping when each answered request began and ended."""

    spans: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    def took(self, kind: str, seconds: float) -> None:
        super().took(kind, seconds)
        ended = time.monotonic()
        self.spans.setdefault(kind, []).append((ended - seconds, ended))


class Topology:
    """deploy/loopback.sh on free ports and a private folder."""

    def __init__(self, url: str, folder: Path):
        nginx, server_a, server_b, redis = (load.free_port() for _ in range(4))
        self.port = nginx
        self.env = dict(os.environ, TOPOLOGY_DIR=str(folder), PORT=str(nginx),
                        APP_PORTS=f"{server_a} {server_b}", REDIS_PORT=str(redis),
                        ASSESSMENT_DATABASE_URL=url, ASSESSMENT_SECRET_KEY=load.SECRET,
                        ASSESSMENT_BENCHMARK_ROUTES="true", WORKERS="2")
        self.env.pop("TEST_DATABASE_URL", None)

    def run(self, *args: str) -> None:
        subprocess.run(["bash", str(LOOPBACK), *args], env=self.env, cwd=ROOT, check=True,
                       timeout=180)


def fresh_database() -> str:
    """A new empty database on the PostgreSQL server the tests use."""
    probe = subprocess.run([str(load.BIN / "python"), str(ROOT / ".ci" / "pg_probe.py")],
                           capture_output=True, text=True, check=False)
    base = probe.stdout.strip()
    if not base:
        raise SystemExit("no PostgreSQL answers (see .ci/postgres.sh)")
    import psycopg

    plain = base.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    return base.rsplit("/", 1)[0] + "/" + DATABASE


async def room(topology: Topology, code: str, lists, args) -> tuple[list[load.Phone], dict]:
    """load.room's room through nginx, server a killed at half the ramp."""
    stats = TimedStats()
    gate = asyncio.Semaphore(args.concurrency)
    submit_now = asyncio.Event()
    people = [load.Phone(f"ผู้ทดสอบ {i:04d}") for i in range(args.phones)]

    async def pause():
        await asyncio.sleep(random.uniform(0.5, 1.5) * args.think)

    started = time.monotonic()
    tasks = [asyncio.create_task(load.run_phone(phone, Doors(topology.port), code, lists, stats, {
        "start": args.ramp * i / args.phones, "gate": gate, "pause": pause,
        "submit_now": submit_now, "submits": True,
    })) for i, phone in enumerate(people)]
    await asyncio.sleep(args.ramp / 2)
    killed_at = time.monotonic()
    await asyncio.to_thread(topology.run, "kill-app", "a")
    while not all(p.ready for p in people) and time.monotonic() - started < 240:
        await asyncio.sleep(0.1)
    answered_at = time.monotonic()
    submit_now.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=300)
    window = stats.submit_window
    burst = (max(window) - answered_at) if window else float("nan")
    return people, {"stats": stats, "elapsed": time.monotonic() - started,
                    "killed_at_s": killed_at - started, "killed_at": killed_at,
                    "submit_rate": len(window) / burst if window else 0.0}


def save_figures(stats: TimedStats, killed_at: float, failover: float) -> dict:
    """p50/p95 of saves that did not overlap the failover seconds, and how many did."""
    spans = stats.spans.get("save", [])
    calm = [end - begin for begin, end in spans
            if end < killed_at or begin > killed_at + failover]
    every = [end - begin for begin, end in spans]
    before = [end - begin for begin, end in spans if end < killed_at]
    after = [end - begin for begin, end in spans if begin > killed_at + failover]
    return {"saves": len(spans), "saves_in_failover": len(spans) - len(calm),
            "save_p50_ms": 1000 * load.percentile(calm, 0.5),
            "save_p95_ms": 1000 * load.percentile(calm, 0.95),
            "save_p95_all_ms": 1000 * load.percentile(every, 0.95),
            "save_p95_before_ms": 1000 * load.percentile(before, 0.95),
            "save_p95_after_ms": 1000 * load.percentile(after, 0.95)}


async def measure(args) -> dict:
    load_before = os.getloadavg()[0]
    url = fresh_database()
    code, *lists = await asyncio.to_thread(load.prepare, url)
    with tempfile.TemporaryDirectory(prefix="assessment-topology-") as folder:
        topology = Topology(url, Path(folder))
        await asyncio.to_thread(topology.run, "up")
        try:
            write_before = await load.bare_rate(topology.port, 3 * args.phones, args.concurrency)
            people, outcome = await room(topology, code, lists, args)
            write_after = await load.bare_rate(topology.port, 3 * args.phones, args.concurrency)
        finally:
            await asyncio.to_thread(topology.run, "down")
    verdict = load.check(people, await asyncio.to_thread(load.stored_attempts, url, code))
    stats: TimedStats = outcome["stats"]
    return {
        "phones": len(people), "elapsed_s": outcome["elapsed"],
        "killed_at_s": outcome["killed_at_s"], "failover_s": args.failover,
        **save_figures(stats, outcome["killed_at"], args.failover),
        "errors_seen": stats.retries, "failed_for_good": sum(stats.errors.values()),
        "submitted": stats.submitted, "submit_rate": outcome["submit_rate"],
        "write_before": write_before, "write_after": write_after,
        "ratio": outcome["submit_rate"] / write_after, **verdict,
        "load_average": (load_before, os.getloadavg()[0]),
    }


def write_markdown(row: dict, args, note: str) -> None:
    lines = [
        "# Production topology under load (benchmarks/topology.py)", "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} UTC on {os.cpu_count()} cores (1-minute load "
        f"average {row['load_average'][0]:.1f} before, {row['load_average'][1]:.1f} after). {note} "
        "nginx -> two gunicorn servers (2 sync workers each) -> PostgreSQL, Redis, all on "
        f"127.0.0.1; client concurrency {args.concurrency}, phones join over {args.ramp:.0f} s "
        f"and pause ~{args.think:.1f} s between answers; the phones' client runs on the same "
        "machine.", "",
        "| figure | value | goal |", "|---|---|---|",
        f"| phones | {row['phones']} | 1,000 |",
        f"| answers lost | {row['answers_lost']} | 0 |",
        f"| half-written attempts / wrong scores | {row['half_written']} / "
        f"{row['wrong_scores']} | 0 / 0 |",
        f"| submitted | {row['submitted']} | every phone |",
        f"| total time | {row['elapsed_s']:.1f} s | <= 60 s |",
        f"| saves p50 / p95 outside the failover seconds | {row['save_p50_ms']:.0f} / "
        f"{row['save_p95_ms']:.0f} ms | p95 <= 250 ms |",
        f"| saves p95, all of them | {row['save_p95_all_ms']:.0f} ms | |",
        f"| saves p95 before the kill (two servers) / after the failover seconds (server b) | "
        f"{row['save_p95_before_ms']:.0f} / {row['save_p95_after_ms']:.0f} ms | |",
        f"| saves in the failover seconds (left out above) | {row['saves_in_failover']} of "
        f"{row['saves']} | |",
        f"| errors the phones saw (5xx or broken connection, retried) | {row['errors_seen']} "
        "| |",
        f"| requests failed for good (after 40 s of retries) | {row['failed_for_good']} | 0 |",
        f"| submits/s (server b alone) | {row['submit_rate']:.0f} | |",
        f"| /bench/write req/s: both servers before / server b alone after | "
        f"{row['write_before']:.0f} / {row['write_after']:.0f} | |",
        f"| ratio submits / one-row write (server b alone) | {row['ratio']:.2f} | >= 0.5 |",
        "",
        f"Server a (master and both workers) was SIGKILLed {row['killed_at_s']:.1f} s into the "
        f"room; the failover seconds are the {row['failover_s']:.0f} s after the kill.", ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"written {RESULTS}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--ramp", type=float, default=20.0, help="seconds over which phones join")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between answers")
    parser.add_argument("--failover", type=float, default=2.0,
                        help="seconds after the kill whose saves p50/p95 leave out")
    parser.add_argument("--note", default="", help="a sentence for the results, e.g. load")
    args = parser.parse_args()
    row = uvloop.run(measure(args))
    print(row, flush=True)
    write_markdown(row, args, args.note)
    return 1 if row["answers_lost"] or row["half_written"] or row["wrong_scores"] else 0


if __name__ == "__main__":
    sys.exit(main())
