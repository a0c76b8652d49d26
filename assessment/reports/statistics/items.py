"""Item analysis for the report: Moodle's item statistics per phase, transitions, reliability."""

from __future__ import annotations

import numpy as np
import pandas as pd

from assessment.reports.statistics.moodle import item_statistics, quiz_statistics

#: An item at least this share of people answered fully right (full marks) before
#: training teaches nothing measurable: it is flagged as a ceiling item. Facility (the
#: mean fraction of marks) is not used: with partial credit it counts half-right answers.
CEILING_FULLY_RIGHT = 0.9
ITEM_COLUMNS = [
    "question_id", "topic", "phase", "n", "max_points", "facility", "fully_right", "sd",
    "discrimination_index", "discriminative_efficiency", "effective_weight",
    "learned", "forgot", "kept", "never_knew", "ceiling",
]
MOVES = ["learned", "forgot", "kept", "never_knew"]
RELIABILITY_COLUMNS = ["phase", "n", "k", "mean", "median", "sd", "skewness", "kurtosis",
                       "alpha", "error_ratio", "standard_error"]
PHASES = ("pre", "post")


def marks_by_phase(scores: pd.DataFrame, questions: pd.DataFrame,
                   phases: tuple[str, ...] = PHASES) -> dict[str, pd.DataFrame]:
    """Points per participant (rows) and scored question (columns, bank order), per phase.

    A question missing from an attempt counts 0, as an unanswered question does.
    """
    present = set(scores["question_id"].unique())
    columns = [q for q in questions.sort_values("position").index if q in present]
    return {phase: _matrix(scores[scores["phase"] == phase], columns) for phase in phases}


def _matrix(one_phase: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    people, person_codes = np.unique(one_phase["participant_id"].to_numpy(), return_inverse=True)
    question_codes = pd.Categorical(one_phase["question_id"], categories=columns).codes
    cells = person_codes * len(columns) + question_codes
    flat = np.bincount(cells, weights=one_phase["points"].to_numpy(float),
                       minlength=len(people) * len(columns))
    return pd.DataFrame(flat.reshape(len(people), len(columns)),
                        index=pd.Index(people, name="participant_id"), columns=columns)


def item_table(marks: dict[str, pd.DataFrame], questions: pd.DataFrame) -> pd.DataFrame:
    """One row per question and phase, in the bank's order, pre before post."""
    maxima = questions["max_points"].astype(float)
    frames = [item_statistics(matrix, maxima).rename(columns={"s": "n"})
              .assign(phase=phase, fully_right=fully_right(matrix, maxima))
              .rename_axis("question_id").reset_index()
              for phase, matrix in marks.items() if not matrix.empty]
    if not frames:
        return pd.DataFrame(columns=ITEM_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    table = table.join(questions[["topic", "max_points", "position"]], on="question_id")
    table = table.join(transitions(marks, maxima), on="question_id")
    table["ceiling"] = table["question_id"].map(_ceiling(table)).fillna(False).astype(bool)
    table = table.sort_values(["position", "phase"], key=_pre_first, kind="stable")
    return table[ITEM_COLUMNS].reset_index(drop=True)


def _pre_first(column: pd.Series) -> pd.Series:
    return column.map({"pre": 0, "post": 1}) if column.name == "phase" else column


def fully_right(matrix: pd.DataFrame, maxima: pd.Series) -> pd.Series:
    """Share of the attempts that earned a question's full marks (0..1)."""
    return (matrix >= maxima.reindex(matrix.columns)).mean(axis=0)


def _ceiling(table: pd.DataFrame) -> pd.Series:
    pre = table[table["phase"] == "pre"].set_index("question_id")
    return pre["fully_right"] >= CEILING_FULLY_RIGHT


def transitions(marks: dict[str, pd.DataFrame], maxima: pd.Series) -> pd.DataFrame:
    """Shares of paired people who learned, forgot, kept or never knew each question.

    An answer counts as right when it earned full marks.
    """
    pre, post = marks["pre"], marks["post"]
    both = pre.index.intersection(post.index)
    columns = pre.columns.intersection(post.columns)
    if len(both) == 0 or len(columns) == 0:
        return pd.DataFrame(columns=MOVES, index=pd.Index([], name="question_id"))
    full = maxima.reindex(columns).to_numpy()
    right_before = pre.loc[both, columns].to_numpy() >= full
    right_after = post.loc[both, columns].to_numpy() >= full
    shares = {"learned": ~right_before & right_after, "forgot": right_before & ~right_after,
              "kept": right_before & right_after, "never_knew": ~right_before & ~right_after}
    return pd.DataFrame({move: cells.mean(axis=0) for move, cells in shares.items()},
                        index=pd.Index(columns, name="question_id"))


def reliability_table(marks: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Test-level figures per phase; alpha is Cronbach's α (KR-20 for 0/1 items)."""
    rows = []
    for phase, matrix in marks.items():
        if matrix.empty:
            continue
        variances = matrix.var(axis=0, ddof=1).to_numpy() if len(matrix) > 1 else []
        rows.append({"phase": phase} | quiz_statistics(matrix.sum(axis=1), variances))
    return pd.DataFrame(rows, columns=RELIABILITY_COLUMNS)
