"""What one participant request costs inside the app, without a network or a server.

Run on demand, from the repository root:

    .venv/bin/python benchmarks/request_costs.py [--people 200] [--postgresql] \
        [--profile submit] [--sort tottime]

A fresh database (SQLite, or with --postgresql one on the PostgreSQL the tests use), migrations,
the 30-question bank of benchmarks/load.py, an open pre-test. PEOPLE participants go through
join, identify, the quiz page, 30 autosaves and submit with Flask's test client; per kind of
request: mean milliseconds and SQL statements run through SQLAlchemy's engine (a submit's run
on the driver connection and are not counted: see quizzes/submitting.py), next to a bare
Flask route served by the same test client. The load benchmark measures the same path through
gunicorn; this one shows where the time goes. `--profile KIND` prints cProfile's top entries
for that kind of request.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bare_app import create_app as create_bare_app  # noqa: E402
from benchmarks.load import (  # noqa: E402
    ATTEMPT,
    CSRF,
    QUESTION,
    fresh_postgres_url,
    make_app,
    prepare,
)


class Costs:
    """Time and statements per kind of request."""

    def __init__(self, profile_kind: str | None):
        self.seconds: dict[str, list[float]] = defaultdict(list)
        self.statements: dict[str, list[int]] = defaultdict(list)
        self.counter = 0
        self.profile_kind = profile_kind
        self.profiler = cProfile.Profile()

    def count_statement(self, *_args) -> None:
        self.counter += 1

    def run(self, kind: str, call):
        self.counter = 0
        profiling = kind == self.profile_kind
        if profiling:
            self.profiler.enable()
        started = time.perf_counter()
        answer = call()
        self.seconds[kind].append(time.perf_counter() - started)
        if profiling:
            self.profiler.disable()
        self.statements[kind].append(self.counter)
        return answer


def one_person(client, costs: Costs, code: str, number: int, lists) -> None:
    page = costs.run("join", lambda: client.get(f"/j/{code}")).get_data(as_text=True)
    token = CSRF.search(page).group(1)
    costs.run("identify", lambda: client.post(f"/j/{code}", data={
        "csrf_token": token, "name": f"ผู้ทดสอบ {number:04d}", "department": lists[0][0],
        "level": lists[1][0]}))
    page = costs.run("quiz", lambda: client.get(f"/j/{code}/quiz")).get_data(as_text=True)
    token, attempt_id = CSRF.search(page).group(1), ATTEMPT.search(page).group(1)
    for question in QUESTION.findall(page):
        answer = costs.run("save", lambda q=question: client.post(f"/j/{code}/save", data={
            "csrf_token": token, "attempt_id": attempt_id, "question": q, "value": "a"}))
        assert answer.status_code == 200, answer.get_data(as_text=True)
    answer = costs.run("submit", lambda: client.post(f"/j/{code}/submit", data={
        "csrf_token": token, "attempt_id": attempt_id}))
    assert answer.status_code == 302 and "/result" in answer.headers["Location"]


def bare_cost(requests: int) -> float:
    client = create_bare_app().test_client()
    started = time.perf_counter()
    for _ in range(requests):
        client.post("/", data={"x": "1"})
    return (time.perf_counter() - started) / requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--profile", choices=["join", "identify", "quiz", "save", "submit"])
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"],
                        help="how --profile orders its entries")
    parser.add_argument("--postgresql", action="store_true",
                        help="a fresh database on the PostgreSQL the tests use, not SQLite")
    args = parser.parse_args()
    from sqlalchemy import event

    from assessment.extensions import db

    with tempfile.TemporaryDirectory(prefix="assessment-costs-") as folder:
        url = fresh_postgres_url() if args.postgresql else \
            f"sqlite:///{Path(folder) / 'costs.sqlite'}"
        code, *lists = prepare(url)
        app = make_app(url)
        costs = Costs(args.profile)
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", costs.count_statement)
        for number in range(args.people):
            one_person(app.test_client(), costs, code, number, lists)
    bare = bare_cost(2000)
    print(f"{'request':<10} {'mean ms':>8} {'x bare':>7} {'SQL':>5}")
    print(f"{'bare':<10} {1000 * bare:8.2f} {1.0:7.1f} {0:5d}")
    for kind, values in costs.seconds.items():
        warm = values[len(values) // 10:]  # the first tenth warms caches
        mean = sum(warm) / len(warm)
        statements = costs.statements[kind]
        print(f"{kind:<10} {1000 * mean:8.2f} {mean / bare:7.1f} "
              f"{sum(statements) / len(statements):5.1f}")
    if args.profile:
        pstats.Stats(costs.profiler).sort_stats(args.sort).print_stats(35)
    return 0


if __name__ == "__main__":
    sys.exit(main())
