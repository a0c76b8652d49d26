"""Is the department and level choices' cache worth keeping? The join page and identify with
it and without it (read from the database every time), inside the app on PostgreSQL.

Run on demand, from the repository root:

    .venv/bin/python benchmarks/list_choices.py [--people 300]

A fresh database on the PostgreSQL the tests use, benchmarks/load.py's bank and event. PEOPLE
phones (Flask's test client) open the join page and identify, with the choices kept for
CHOICES_SECONDS and with them forgotten before every phone; the median milliseconds of each,
in rounds that alternate so the machine's drift falls on both.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import CSRF, make_app, prepare  # noqa: E402
from benchmarks.topology import fresh_database  # noqa: E402


def one_phone(app, code: str, department: str, level: str, number: int) -> tuple[float, float]:
    """Milliseconds of the join page and of identify for one new phone."""
    phone = app.test_client()
    started = time.perf_counter()
    page = phone.get(f"/j/{code}").get_data(as_text=True)
    joined = time.perf_counter()
    phone.post(f"/j/{code}", data={"csrf_token": CSRF.search(page).group(1),
                                   "name": f"ผู้ทดสอบ {number:05d}", "department": department,
                                   "level": level})
    return 1000 * (joined - started), 1000 * (time.perf_counter() - joined)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    from assessment.organisation import lists

    url = fresh_database()
    code, departments, levels = prepare(url)
    app = make_app(url)
    times = {True: ([], []), False: ([], [])}
    number = 0
    for round_number in range(args.rounds):
        for kept in (True, False) if round_number % 2 == 0 else (False, True):
            lists.forget_choices()
            for _ in range(args.people // args.rounds):
                number += 1
                if not kept:
                    lists.forget_choices()
                page, identify = one_phone(app, code, departments[0], levels[0], number)
                times[kept][0].append(page)
                times[kept][1].append(identify)
    for kept, (pages, identifies) in times.items():
        print(f"choices {'kept' if kept else 'read every time'}: join page "
              f"{statistics.median(pages):.2f} ms, identify {statistics.median(identifies):.2f} "
              f"ms (median of {len(pages)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
