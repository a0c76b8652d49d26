"""Small hand-made frames in the shapes assessment.reports.data reads from the database."""

from __future__ import annotations

import pandas as pd

LEVEL_ORDER = {"ผู้บริหาร": 0, "ชำนาญการ": 1, "ปฏิบัติการ": 2}


def participants(rows: list[tuple]) -> pd.DataFrame:
    """rows: (participant_id, name, department, level)."""
    frame = pd.DataFrame(rows, columns=["participant_id", "name", "department", "level"])
    frame = frame.set_index("participant_id")
    frame["employee_id"] = None
    frame["level_group"] = frame["level"]
    frame["level_rank"] = frame["level"].map(LEVEL_ORDER)
    frame["level_group_rank"] = frame["level_rank"]
    return frame


def questions(topics: dict[str, str], max_points: dict[str, float] | None = None,
              ratings: tuple[str, ...] = ()) -> pd.DataFrame:
    """topics: question id -> topic; ratings: ids of unscored rating questions."""
    rows = [{"question_id": q, "topic": t, "type": "rating" if q in ratings else "single",
             "max_points": 0.0 if q in ratings else (max_points or {}).get(q, 1.0),
             "position": i} for i, (q, t) in enumerate(topics.items())]
    return pd.DataFrame(rows).set_index("question_id")


def scores(points: dict[tuple[int, str], list[float]],
           question_frame: pd.DataFrame) -> pd.DataFrame:
    """points: (participant_id, phase) -> points per scored question, in the bank's order."""
    scored = question_frame[question_frame["type"] != "rating"]
    rows = [{"participant_id": pid, "phase": phase, "question_id": q, "points": p,
             "max_points": scored.at[q, "max_points"]}
            for (pid, phase), values in points.items()
            for q, p in zip(scored.index, values, strict=True)]
    return pd.DataFrame(rows, columns=["participant_id", "phase", "question_id", "points",
                                       "max_points"])


def no_ratings() -> pd.DataFrame:
    return pd.DataFrame(columns=["participant_id", "phase", "question_id", "value"])
