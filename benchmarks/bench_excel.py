"""Time and memory of the Excel workbook for a 10,000-person event, against bare xlsxwriter.

Run on demand (`.venv/bin/python benchmarks/bench_excel.py [people]`), not by the test suite.
Synthesises 10,000 paired participants x 40 questions (800,000 answers) with the frames
`assessment.reports.data` reads, builds the report with `build_report`, then times:

- workbook: `excel.build_workbook` with six tiny charts (everything the download does after
  the statistics: masking, Thai words, widths, formats, every sheet, zip);
- bare: xlsxwriter in constant_memory mode writing the same Responses, Scores and Participants
  cells with `write_row`, one call per row, from lists prepared before the clock starts.

Goals: workbook <= 1.25 x bare (CPU seconds, best of RUNS runs taken in turn; wall seconds
are shown too), peak memory < 1 GB. Peak memory is the process's (the data,
the report and the workbook together, `resource.getrusage` maxrss) and, per step, Linux's
VmHWM after resetting it through /proc/self/clear_refs. Output: stdout and
benchmarks/results/excel.md.
"""

from __future__ import annotations

import io
import json
import os
import platform
import resource
import struct
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.reports import excel  # noqa: E402
from assessment.reports.data import (  # noqa: E402
    EventData,
    ratings_frame,
    scores_frame,
    wide_by_person,
)
from assessment.reports.statistics import build_report  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "excel.md"
PEOPLE, QUESTIONS, RUNS = 10_000, 40, 5
RATIO_GOAL, MEMORY_GOAL_MB = 1.25, 1024
LEVELS = ["ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส", "ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ",
          "อำนวยการท้องถิ่น", "บริหารท้องถิ่น", "ลูกจ้างประจำ", "พนักงานจ้าง"]
DEPARTMENTS = ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง", "สำนักการสาธารณสุขและสิ่งแวดล้อม",
               "สำนักการศึกษา", "กองสวัสดิการสังคม", "กองยุทธศาสตร์และงบประมาณ", "กองการเจ้าหน้าที่",
               "กองวิชาการและแผนงาน", "กองการแพทย์", "สถานธนานุบาล", "กองทะเบียนราษฎร"]
GIVEN = ["สมชาย", "สมศรี", "วิไลวรรณ", "ประเสริฐ", "กาญจนา", "ธนพล", "อรอุมา", "ณัฐวุฒิ"]
FAMILY = ["ใจดี", "ศรีสุข", "แก้วมณี", "ทองคำ", "บุญมา", "ช่างคิด", "พรหมวงศ์", "ขอนแก่นกุล"]
TYPED = ["เมืองอัจฉริยะ", "ข้อมูลส่วนบุคคล", "smart city", "PDPA", "ไม่ทราบ", "+1+1", "=1+2"]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + b"\xff\xff\xff" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


def synthetic_event(people: int, rng: np.random.Generator) -> EventData:
    """`people` paired participants answering QUESTIONS questions of every type, twice."""
    ids = np.arange(1, people + 1)
    participants = pd.DataFrame({
        "name": [f"{GIVEN[i % 8]} {FAMILY[(i // 8) % 8]} {i}" for i in ids],
        "employee_id": [f"KK{i:06}" for i in ids],
        "department": rng.choice(DEPARTMENTS, people),
        "level": rng.choice(LEVELS, people),
    }, index=pd.Index(ids, name="participant_id"))
    participants["level_group"] = participants["level"]
    questions = question_bank()
    attempts = pd.DataFrame({"attempt_id": np.arange(1, 2 * people + 1),
                             "participant_id": np.repeat(ids, 2),
                             "phase": np.tile(["pre", "post"], people)})
    answers = answer_rows(attempts, questions, rng)
    return EventData(participants, scores_frame(attempts, answers, questions), questions,
                     ratings_frame(attempts, answers, questions), answers, attempts)


def question_bank() -> pd.DataFrame:
    types = (["single"] * 20 + ["multiple"] * 8 + ["true_false"] * 6 + ["short_text"] * 3
             + ["numeric"] * 3)[:QUESTIONS]
    topics = ["การเดินทางอัจฉริยะ", "พลังงานอัจฉริยะ", "PDPA", "ขอนแก่นเมืองอัจฉริยะ"]
    return pd.DataFrame({
        "question_id": [f"q{i + 1:02}" for i in range(QUESTIONS)],
        "topic": [topics[i % len(topics)] for i in range(QUESTIONS)],
        "type": types, "max_points": 1, "position": range(QUESTIONS),
    }).set_index("question_id")


def answer_rows(attempts: pd.DataFrame, questions: pd.DataFrame,
                rng: np.random.Generator) -> pd.DataFrame:
    """One stored (JSON) answer per attempt and question; post-tests are right more often."""
    frames = []
    post = (attempts["phase"] == "post").to_numpy()
    for position, (question_id, kind) in enumerate(questions["type"].items()):
        right = rng.random(len(attempts)) < np.where(post, 0.75, 0.5) - position / 400
        values = np.where(right, _right_answer(kind), rng.choice(_wrong_answers(kind),
                                                                  len(attempts)))
        frames.append(pd.DataFrame({
            "attempt_id": attempts["attempt_id"].to_numpy(), "question_id": question_id,
            "points": right.astype(float), "value": values}))
    return pd.concat(frames, ignore_index=True)


def _right_answer(kind: str) -> str:
    return json.dumps({"single": "a", "multiple": ["a", "c"], "true_false": True,
                       "short_text": "เมืองอัจฉริยะ", "numeric": 42}[kind], ensure_ascii=False)


def _wrong_answers(kind: str) -> list[str]:
    options = {"single": ["b", "c", "d"], "multiple": [["a"], ["b", "c"], ["a", "b", "c"]],
               "true_false": [False], "short_text": TYPED, "numeric": [41, 40.5, -3, 420]}
    return [json.dumps(value, ensure_ascii=False) for value in options[kind]]


def peak_reset() -> None:
    """Start a new VmHWM (Linux >= 4.0); ignored elsewhere."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float:
    """VmHWM since the last reset in MB, or the process's maxrss where /proc has none."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return process_peak_mb()


def process_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Measure:
    """One step: wall and CPU seconds, peak memory (MB) during it, and what it returned."""

    wall: float
    cpu: float
    peak: float
    result: object = None


def timed(function) -> Measure:
    peak_reset()
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return Measure(time.perf_counter() - wall, time.process_time() - cpu, peak_mb(), result)


def race(first, second, runs: int = RUNS) -> list[Measure]:
    """Each function's best times, highest peak and last result, their runs taken in turn
    so that a busy moment on a shared machine slows both alike."""
    runs_of = [[timed(function) for function in (first, second)] for _ in range(runs)]
    return [Measure(min(run[i].wall for run in runs_of), min(run[i].cpu for run in runs_of),
                    max(run[i].peak for run in runs_of), runs_of[-1][i].result)
            for i in (0, 1)]


def bare_cells(report, responses: pd.DataFrame, scores: pd.DataFrame) -> list[list[list]]:
    """The Responses, Scores and Participants cells as lists of rows, None for missing."""
    people = report.participants.drop(columns=["participant_id"])
    tables = []
    for frame in (responses.drop(columns=["participant_id"]),
                  scores.drop(columns=["participant_id"]), people):
        cells = frame.to_numpy(dtype=object)
        cells[pd.isna(cells)] = None
        tables.append([list(map(str, frame.columns))] + cells.tolist())
    return tables


def bare_write(tables: list[list[list]]) -> bytes:
    """xlsxwriter at its fastest: constant_memory, write_row, no formats, no widths."""
    output = io.BytesIO()
    with xlsxwriter.Workbook(output, {"constant_memory": True, "strings_to_formulas": False,
                                      "strings_to_urls": False,
                                      "strings_to_numbers": False}) as workbook:
        for name, rows in zip(("Responses", "Scores", "Participants"), tables, strict=True):
            sheet = workbook.add_worksheet(name)
            for row, cells in enumerate(rows):
                sheet.write_row(row, 0, cells)
    return output.getvalue()


def main(people: int = PEOPLE) -> None:
    load = os.getloadavg()[0]
    data = timed(lambda: synthetic_event(people, np.random.default_rng(20200116)))
    report = timed(lambda: build_report(data.result.participants, data.result.scores,
                                        data.result.questions, data.result.ratings,
                                        min_group_size=5))
    wide = timed(lambda: (wide_by_person(data.result, "value"),
                          wide_by_person(data.result, "points")))
    responses, scores = wide.result
    charts = dict.fromkeys(excel.CHART_TITLES, tiny_png())
    tables = bare_cells(report.result, responses, scores)
    bare, workbook = race(
        lambda: bare_write(tables),
        lambda: excel.build_workbook(
            report.result, responses, scores, charts, lang="th", pseudonymise=False,
            event_title="สัมมนาเมืองอัจฉริยะ", event_date=date(2020, 1, 16), secret="bench"))
    steps = {"data": data, "report": report, "wide": wide, "bare": bare, "workbook": workbook}
    text = markdown(steps, people, len(data.result.answers), load)
    print(text)
    if people == PEOPLE:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(text)
        print(f"wrote {RESULTS.relative_to(ROOT)}")


STEPS = {
    "data": "synthesise the event's frames",
    "report": "`build_report` (statistics, not part of the ratio)",
    "wide": "`wide_by_person` answers + points (not part of the ratio)",
    "bare": "bare xlsxwriter: Responses + Scores + Participants, `write_row` per row",
    "workbook": "`excel.build_workbook`: all eleven sheets, tiny charts",
}


def markdown(steps: dict[str, Measure], people: int, answers: int, load: float) -> str:
    bare, workbook = steps["bare"], steps["workbook"]
    ratio, wall_ratio = workbook.cpu / bare.cpu, workbook.wall / bare.wall
    process_mb = process_peak_mb()
    rows = "\n".join(f"| {label} | {steps[key].cpu:.2f} | {steps[key].wall:.2f} | "
                     f"{steps[key].peak:.0f} |" for key, label in STEPS.items())
    return f"""# Excel workbook at scale (benchmarks/bench_excel.py)

Run {datetime.now():%Y-%m-%d %H:%M} on {os.cpu_count()} cores (load average {load:.1f} before
the run), Python {platform.python_version()}, xlsxwriter {xlsxwriter.__version__}, pandas
{pd.__version__}. {people:,} paired participants x {QUESTIONS} questions x 2 phases =
{answers:,} answers. Bare and workbook runs taken in turn, best of {RUNS} each.

| step | CPU s | wall s | peak MB during the step |
|---|---|---|---|
{rows}

- ratio workbook / bare, CPU time: **{ratio:.2f}** (goal <= {RATIO_GOAL}: \
{"meets" if ratio <= RATIO_GOAL else "MISSES"}); wall time: {wall_ratio:.2f}
- peak memory of the whole process (data, report and workbook): **{process_mb:.0f} MB**
  (goal < {MEMORY_GOAL_MB} MB: {"meets" if process_mb < MEMORY_GOAL_MB else "MISSES"})
- file size: workbook {len(workbook.result) / 1e6:.1f} MB, bare {len(bare.result) / 1e6:.1f} MB

The ratio uses CPU seconds (`time.process_time`) because the benchmark machine is shared and
wall time swings by a third between identical runs when other work is running; both steps are
single-threaded, so on an idle machine the two agree. "Peak MB during the step" is Linux's
VmHWM after resetting it before the step, so it includes what the process already held (the
event's frames and the report).
"""


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else PEOPLE)
