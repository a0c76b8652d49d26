"""Where a submit burst's CPU goes: the app's workers, the phones' client, PostgreSQL, idle.

Run on demand, from the repository root:

    .venv/bin/python benchmarks/submit_burst.py [--database sqlite|postgresql] [--phones 1000]

PHONES phones (benchmarks/load.py's client and room) join over 5 s and answer the 30 questions
with 50 ms pauses against `make serve`'s gunicorn (4 sync workers), then all submit at once.
While the room runs, every process's CPU time is sampled from /proc every 50 ms; for the submit
burst (from "submit now" to the last submit answered) it prints submits per second and the
CPU milliseconds per submit of: the gunicorn workers, the phones' client (this process),
PostgreSQL's backends (and its other processes by kind), everything else, and the machine's
idle time; then the context switches per submit of each kind of process (voluntary: it
waited, e.g. a worker for PostgreSQL's answer; involuntary: the kernel gave its core to
another process). Nothing is written to benchmarks/results: load.py gives the figures of record;
this shows where one burst's time went.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
#: voluntary_ctxt_switches, then nonvoluntary_ctxt_switches, in /proc/PID/status
SWITCHES = re.compile(r"^(?:non)?voluntary_ctxt_switches:\s+(\d+)", re.MULTILINE)
SAMPLE_EVERY = 0.05


def kind_of(pid: str, command: bytes, name: str) -> str:
    """Which part of the machine a process belongs to."""
    if b"gunicorn" in command:
        return "gunicorn"
    if int(pid) == os.getpid():
        return "client"
    if name == "postgres":
        title = command.decode(errors="replace")
        if "assessment" in title:  # a backend serving the app's connections
            return "postgresql backends"
        return "postgresql " + (title.split(":")[-1].split()[0] if ":" in title else "server")
    return "other"


def snapshot() -> tuple[float, dict[str, tuple[str, int, int, int, int]], int]:
    """(monotonic time, pid -> (kind, user ticks, system ticks, voluntary and involuntary
    context switches), the machine's idle ticks)."""
    processes = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:  # ended meanwhile
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        switches = SWITCHES.findall(status)
        processes[entry] = (kind_of(entry, command, name), int(fields[11]), int(fields[12]),
                            int(switches[0]), int(switches[1]))
    with open("/proc/stat") as machine:
        idle = int(machine.readline().split()[4])
    return time.monotonic(), processes, idle


class Sampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.samples: list = []
        self.running = True

    def run(self) -> None:
        while self.running:
            self.samples.append(snapshot())
            time.sleep(SAMPLE_EVERY)

    def nearest(self, moment: float):
        return min(self.samples, key=lambda sample: abs(sample[0] - moment))


def cpu_between(first, last) -> dict[str, float]:
    """CPU seconds per kind (user and system apart) and idle seconds between two snapshots."""
    spent: dict[str, float] = {}
    for pid, (kind, user, system, *_switches) in last[1].items():
        _, user_before, system_before, *_ = first[1].get(pid, (kind, 0, 0, 0, 0))
        spent[f"{kind} user"] = spent.get(f"{kind} user", 0) + (user - user_before) / TICKS
        spent[f"{kind} system"] = spent.get(f"{kind} system", 0) + \
            (system - system_before) / TICKS
    spent["idle"] = (last[2] - first[2]) / TICKS
    return {kind: seconds for kind, seconds in spent.items() if seconds > 0}


def switches_between(first, last) -> dict[str, tuple[int, int]]:
    """Context switches per kind between two snapshots: (voluntary, involuntary)."""
    switched: dict[str, tuple[int, int]] = {}
    for pid, (kind, _user, _system, voluntary, involuntary) in last[1].items():
        *_, voluntary_before, involuntary_before = first[1].get(pid, (kind, 0, 0, 0, 0))
        mine = switched.get(kind, (0, 0))
        switched[kind] = (mine[0] + voluntary - voluntary_before,
                          mine[1] + involuntary - involuntary_before)
    return {kind: counts for kind, counts in switched.items() if any(counts)}


async def burst(database: str, phones: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="assessment-burst-"))
    url = load.fresh_postgres_url() if database == "postgresql" else \
        f"sqlite:///{folder / 'burst.sqlite'}"
    if url is None:
        raise SystemExit("no PostgreSQL answers: start one with `bash .ci/postgres.sh`")
    code, *lists = await asyncio.to_thread(load.prepare, url)
    server = load.Server("assessment:create_app()", load.server_env(url), 4,
                         folder / "gunicorn.log")
    server.start()
    sampler = Sampler()
    sampler.start()
    started = time.monotonic()
    try:
        _people, outcome = await load.room(server, code, lists, phones, 5.0, 0.05, 64)
    finally:
        sampler.running = False
        sampler.join()
        server.stop()
    submit_now = started + outcome["answer_phase"]
    first, last = sampler.nearest(submit_now), sampler.nearest(
        submit_now + outcome["submit_burst"])
    submitted = outcome["stats"].submitted
    print(f"{database}: {submitted} submits in {outcome['submit_burst']:.3f} s = "
          f"{outcome['submit_rate']:.0f}/s (CPU sampled over {last[0] - first[0]:.3f} s)")
    print(f"{'':24} {'ms per submit':>14}")
    spent = cpu_between(first, last)
    for kind, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"{kind:<24} {1000 * seconds / submitted:14.3f}")
    print(f"{'all':<24} {1000 * sum(spent.values()) / submitted:14.3f}")
    print(f"\n{'context switches':<24} {'voluntary':>10} {'involuntary':>12}  per submit")
    for kind, (voluntary, involuntary) in sorted(
            switches_between(first, last).items(), key=lambda item: -sum(item[1])):
        print(f"{kind:<24} {voluntary / submitted:10.2f} {involuntary / submitted:12.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--phones", type=int, default=1000)
    args = parser.parse_args()
    asyncio.run(burst(args.database, args.phones))
    return 0


if __name__ == "__main__":
    sys.exit(main())
