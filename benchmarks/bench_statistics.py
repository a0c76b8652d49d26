"""Scale of the report's statistics: 10,000 paired participants × 40 questions (800,000 answers).

Run on demand (not in the test suite), from the repository root:

    .venv/bin/python benchmarks/bench_statistics.py [--people 10000] [--questions 40]

A fresh SQLite database (through the real migrations) is filled with a synthetic event;
then, in one run, it measures reading the rows (the three queries `read_event` runs,
pandas straight from SQL), then shaping them into frames and computing every statistic
(`build_report`), and the peak memory of the process. The goal of
issue 3: statistics ≤ 1.5 × the read, peak memory < 1 GB. Results go to
benchmarks/results/statistics.md.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from flask_migrate import upgrade
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import create_app  # noqa: E402
from assessment.banks.operations import bank_of, load_bank  # noqa: E402
from assessment.events.operations import create_event  # noqa: E402
from assessment.extensions import db  # noqa: E402
from assessment.organisation.lists import (  # noqa: E402
    department_choices,
    level_choices,
    names,
    seed_defaults,  # noqa: E402
)
from assessment.quizzes.models import Answer, Attempt, Participant  # noqa: E402
from assessment.reports import data  # noqa: E402
from assessment.reports.statistics import build_report  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "statistics.md"
TOPICS = 8
PROFILE = bool(os.environ.get("PROFILE"))


def bank_text(questions: int) -> str:
    """A valid bank of `questions` single-answer questions over TOPICS topics."""
    lines = ["id: scale", "version: 1", "title: Scale", "languages: [en]", "topics:"]
    lines += [f"  - id: t{i}\n    title: Topic {i}" for i in range(TOPICS)]
    lines.append("questions:")
    for i in range(questions):
        lines += [f"  - id: q{i:02d}", f"    topic: t{i % TOPICS}", "    type: single",
                  f"    prompt: Question {i}", "    explanation: Because.", "    options:",
                  "      - {id: a, text: Right, correct: true}", "      - {id: b, text: Wrong}",
                  "      - {id: c, text: Also wrong}"]
    return "\n".join(lines) + "\n"


def fill(event, people: int, questions: int, rng) -> None:
    """Participants, a submitted pre and post attempt each, and every answer, in bulk."""
    departments = [code for code, _ in department_choices("en")]
    levels = [code for code, _ in level_choices("en")]
    db.session.execute(insert(Participant), [
        {"id": i, "event_id": event.id, "name": f"Person {i}", "name_key": f"person {i}",
         "department_code": departments[i % len(departments)],
         "level_code": levels[i % len(levels)]} for i in range(1, people + 1)])
    order = [f"q{i:02d}" for i in range(questions)]
    ability = rng.normal(size=people + 1)
    attempt_id = 0
    for phase in event.phases:
        shift = 0.0 if phase.kind == "pre" else 1.0
        attempts, answers = [], []
        for person in range(1, people + 1):
            attempt_id += 1
            right = rng.random(questions) < 1 / (1 + np.exp(-(ability[person] + shift - 0.3)))
            attempts.append({"id": attempt_id, "participant_id": person, "phase_id": phase.id,
                             "status": "submitted", "question_order": order,
                             "option_order": {}, "score": float(right.sum()),
                             "max_score": float(questions), "submitted_by": "participant"})
            answers += [{"attempt_id": attempt_id, "question_key": key,
                         "value": "a" if ok else "b", "points": float(ok)}
                        for key, ok in zip(order, right, strict=True)]
        db.session.execute(insert(Attempt), attempts)
        db.session.execute(insert(Answer), answers)
    db.session.commit()


def measure(event, bank) -> dict:
    """Read the event's rows (the three queries the report runs), then turn them into
    every statistic: the frames and build_report, timed apart, in one run."""
    data.read_event(event.id, bank, names("th"), "th")  # warm the page cache first
    started = time.perf_counter()
    raw = {name: data._read(sql, event.id) for name, sql in
           (("attempts", data.ATTEMPTS_SQL), ("answers", data.ANSWERS_SQL),
            ("participants", data.PARTICIPANTS_SQL))}
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    questions = data.questions_frame(bank, "th")
    people = data.participants_frame(raw["participants"], names("th"))
    scores = data.scores_frame(raw["attempts"], raw["answers"], questions)
    ratings = data.ratings_frame(raw["attempts"], raw["answers"], questions)
    choices = data.choices_frame(raw["attempts"], raw["answers"], questions)
    frames_seconds = time.perf_counter() - started
    if PROFILE:
        cProfile.runctx("build_report(people, scores, questions, ratings, choices=choices)",
                        globals(), locals(), sort="cumtime")
    started = time.perf_counter()
    build_report(people, scores, questions, ratings, choices=choices)
    statistics_seconds = time.perf_counter() - started
    work = frames_seconds + statistics_seconds
    return {"answers": len(raw["answers"]), "read_seconds": read_seconds,
            "frames_seconds": frames_seconds, "statistics_seconds": statistics_seconds,
            "work_seconds": work, "ratio": work / read_seconds,
            "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def write_results(figures: dict, people: int, questions: int) -> None:
    verdict = "met" if figures["ratio"] <= 1.5 else "missed"
    memory = "met" if figures["peak_memory_mb"] < 1024 else "missed"
    RESULTS.write_text(
        "# Statistics at scale\n\n"
        f"`.venv/bin/python benchmarks/bench_statistics.py` — {people:,} paired participants × "
        f"{questions} questions, SQLite through the real migrations, one run.\n\n"
        "| measure | value |\n|---|---:|\n"
        f"| answers read | {figures['answers']:,} |\n"
        f"| read the rows (the report's 3 queries, pandas.read_sql) | "
        f"{figures['read_seconds']:.2f} s |\n"
        f"| shape them into frames (scores grid, ratings, options chosen, names) | "
        f"{figures['frames_seconds']:.2f} s |\n"
        f"| every statistic (build_report) | {figures['statistics_seconds']:.2f} s |\n"
        f"| ratio (frames + statistics) / read (goal ≤ 1.5) | {figures['ratio']:.2f} "
        f"({verdict}) |\n"
        f"| peak memory of the process (goal < 1 GB) | {figures['peak_memory_mb']:.0f} MB "
        f"({memory}) |\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=40)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{folder}/scale.sqlite",
                          "SECRET_KEY": "benchmark"})
        with app.app_context():
            upgrade(directory=str(ROOT / "migrations"))
            seed_defaults()
            version = load_bank(bank_text(options.questions), "scale.yaml").version
            event = create_event(version, "Scale", phases=("pre", "post"))
            fill(event, options.people, options.questions, np.random.default_rng(7))
            figures = measure(event, bank_of(version))
    write_results(figures, options.people, options.questions)
    print(json.dumps(figures, indent=1))
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
