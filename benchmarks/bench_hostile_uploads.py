"""Time and memory to refuse hostile uploads, and to read an honest large roster.

Run on demand (`.venv/bin/python benchmarks/bench_hostile_uploads.py`), not by the test suite.
Each case runs in its own Python process, so its peak memory (`resource.getrusage` maxrss, the
whole process with the app's imports) is its own:

- xlsx bomb: a 175 KB workbook whose sheet unpacks to 49 MiB (refused by the zip's sizes);
- declared rows: a 5 KB workbook whose sheet declares A1:B1048576 (refused by its dimension);
- undeclared rows: a workbook with 150,000 rows and no declared size (refused by the raw count);
- endless CSV: 200,000 rows of "," (refused at row 100,002 while streaming);
- deep YAML: `id: ` + 50,000 `[` (refused at the 51st level before composing);
- honest roster: 100,000 people as CSV, checked whole (the largest file that is accepted).

Goals (issue 20): each refusal within a second, with memory near the idle process's.
Output: stdout and benchmarks/results/hostile_uploads.md.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ["idle", "xlsx bomb", "declared rows", "undeclared rows", "endless CSV", "deep YAML",
         "honest roster"]


def _content(case: str):
    """(filename, bytes) for an upload case, or the YAML text."""
    from tests.security.test_upload_bounds import ROW, _workbook

    if case == "xlsx bomb":
        from assessment.roster.tables import MAX_UNPACKED_BYTES

        chunks = (MAX_UNPACKED_BYTES + 2**20) // (len(ROW) * 1000) + 1
        return "staff.xlsx", _workbook(ROW * 1000 for _ in range(chunks))
    if case == "declared rows":
        return "staff.xlsx", _workbook([ROW] * 3, dimension='<dimension ref="A1:B1048576"/>')
    if case == "undeclared rows":
        return "staff.xlsx", _workbook(ROW * 1000 for _ in range(150))
    if case == "endless CSV":
        return "staff.csv", b"employee_id,name,department,level\n" + b",\n" * 200_000
    if case == "deep YAML":
        return "bank.yaml", ("id: " + "[" * 50_000).encode()
    rows = "".join(f"E{n},คน {n},clerk,prof-op\n" for n in range(100_000))
    return "staff.csv", ("employee_id,name,department,level\n" + rows).encode()


def run_case(case: str) -> dict:
    """Time and peak memory of one case, in this process."""
    import resource
    import time

    from assessment.banks.validation import check_bank_text
    from assessment.roster.parsing import ListItem, OrgLists, check_roster
    from assessment.roster.tables import UnreadableFile, read_table

    lists = OrgLists((ListItem("clerk", "สำนักปลัด", "Clerk"),),
                     (ListItem("prof-op", "ปฏิบัติการ", "Practitioner"),))
    if case == "idle":
        return {"case": case, "bytes": 0, "seconds": 0.0, "outcome": "-",
                "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    filename, content = _content(case)
    start = time.perf_counter()
    if filename.endswith(".yaml"):
        check = check_bank_text(content, filename)
        outcome = str(check.problems[0]) if check.problems else "accepted"
    else:
        try:
            check = check_roster(read_table(filename, content), lists)
            outcome = f"accepted, {len(check.people):,} people" if check.ok else "problems"
        except UnreadableFile as refused:
            outcome = f"refused: {refused}"
    seconds = time.perf_counter() - start
    return {"case": case, "bytes": len(content), "seconds": seconds, "outcome": outcome[:90],
            "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    results = []
    for case in CASES:
        answer = subprocess.run([sys.executable, __file__, "--case", case], cwd=ROOT,
                                capture_output=True, text=True, check=True)
        results.append(json.loads(answer.stdout.strip().splitlines()[-1]))
    lines = ["# Hostile uploads: time and memory to refuse them", "",
             f"`benchmarks/bench_hostile_uploads.py` on {platform.python_version()}, "
             f"{platform.machine()}; each case in its own process (peak RSS includes the "
             "app's imports: compare with idle).", "",
             "| case | upload size | seconds | peak RSS MiB | outcome |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['case']} | {r['bytes']:,} B | {r['seconds']:.3f} | "
                     f"{r['maxrss_mib']:.0f} | {r['outcome']} |")
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "benchmarks" / "results" / "hostile_uploads.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2])))
    else:
        main()
