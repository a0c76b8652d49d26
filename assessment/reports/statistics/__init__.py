"""The learning-gain report's numbers, from plain DataFrames (pandas and scipy, no Flask).

`build_report` takes the frames `assessment.reports.data.read_event` reads and
returns a `LearningReport`. Definitions and the reference values they reproduce:
docs in README.md ("How the numbers are computed") and tests/reports/test_reference_*.py.

The frames a LearningReport holds (column names are the contract with the page,
the charts and the workbook):

- summary: dict with the GROUP_COLUMNS for everyone, plus alpha_pre, alpha_post,
  n_pre, n_post (attempts per phase) and min_group_size.
- by_level, by_level_group, by_department, by_topic: one row per group, the group's
  name first (level, level_group, department, topic), then GROUP_COLUMNS.
  by_level_department has level, department, then GROUP_COLUMNS. Levels in the
  organisation's order, departments in Thai alphabetical order.
- participants: participant_id, employee_id, name, department, level, level_group,
  pre_percent, post_percent, gain, normalized_gain, paired, small_group.
- items: question_id, topic, phase, n, max_points, facility (mean fraction of marks,
  0..1), fully_right (share with full marks, 0..1), sd,
  discrimination_index, discriminative_efficiency, effective_weight, learned, forgot,
  kept, never_knew (shares of paired people, 0..1), ceiling (bool: fully_right before
  >= 0.9).
- reliability: phase, n, k, mean, median, sd, skewness, kurtosis, alpha,
  error_ratio, standard_error.
- ratings: question_id, n_paired, pre_mean, post_mean, change.
- options: question_id, option, keyed, share_pre, share_post, share_stronger_half
  (Moodle's response analysis; see statistics/review.py).
- review: one row per scored question with the verdicts for the bank's next version
  (too_easy, not_learned, weak_discrimination, unused_distractors, possible_wrong_key).
- retention: None without follow-up answers, else a Retention (statistics/retention.py):
  summary and tables by level group, level, department and topic of the people with
  all three tests.
- not_paired: participant_id, employee_id, name, department, level, phase_taken
  ('pre' or 'post'), small_group.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessment.reports.statistics.groups import (
    GROUP_COLUMNS,
    by_group,
    by_topic,
    everyone,
    people_scores,
)
from assessment.reports.statistics.items import item_table, marks_by_phase, reliability_table
from assessment.reports.statistics.ratings import rating_table
from assessment.reports.statistics.retention import Retention, retention
from assessment.reports.statistics.review import OPTION_COLUMNS, item_review, option_shares

__all__ = ["GROUP_COLUMNS", "LearningReport", "build_report"]


@dataclass(frozen=True)
class LearningReport:
    summary: dict
    by_level: pd.DataFrame
    by_level_group: pd.DataFrame
    by_department: pd.DataFrame
    by_topic: pd.DataFrame
    by_level_department: pd.DataFrame
    participants: pd.DataFrame
    items: pd.DataFrame
    reliability: pd.DataFrame
    ratings: pd.DataFrame
    not_paired: pd.DataFrame
    options: pd.DataFrame
    review: pd.DataFrame
    #: None when nobody took a follow-up test: the report then says nothing about it
    retention: Retention | None = None


def build_report(participants: pd.DataFrame, scores: pd.DataFrame, questions: pd.DataFrame,
                 ratings: pd.DataFrame, min_group_size: int = 5,
                 choices: pd.DataFrame | None = None) -> LearningReport:
    """Every statistic of the report for one event (or one filtered part of it).

    `choices` (participant_id, phase, question_id, option) gives the option shares.
    """
    scored = questions[questions["type"] != "rating"]
    every_phase = marks_by_phase(scores, scored, ("pre", "post", "followup"))
    marks = {phase: every_phase[phase] for phase in ("pre", "post")}
    people = people_scores(participants, marks, scored["max_points"].astype(float),
                           min_group_size)
    reliability = reliability_table(marks)
    items = item_table(marks, scored)
    options = _options(choices, scored, marks)
    summary = everyone(people) | {
        "alpha_pre": _alpha_of(reliability, "pre"),
        "alpha_post": _alpha_of(reliability, "post"),
        "n_pre": int(people["pre_percent"].notna().sum()),
        "n_post": int(people["post_percent"].notna().sum()),
        "min_group_size": min_group_size,
    }
    return LearningReport(
        summary=summary,
        by_level=by_group(people, ["level"], min_group_size),
        by_level_group=by_group(people, ["level_group"], min_group_size),
        by_department=by_group(people, ["department"], min_group_size),
        by_topic=by_topic(marks, scored, min_group_size),
        by_level_department=by_group(people, ["level", "department"], min_group_size),
        participants=people.drop(columns=["level_rank", "level_group_rank"], errors="ignore"),
        items=items,
        reliability=reliability,
        ratings=rating_table(ratings, questions),
        not_paired=_not_paired(people),
        options=options,
        review=item_review(items, options),
        retention=retention(participants, every_phase, scored, min_group_size),
    )


def _options(choices: pd.DataFrame | None, questions: pd.DataFrame,
             marks: dict[str, pd.DataFrame]) -> pd.DataFrame:
    if choices is None or "options" not in questions.columns:
        return pd.DataFrame(columns=OPTION_COLUMNS)
    return option_shares(choices, questions, marks)


def _alpha_of(reliability: pd.DataFrame, phase: str) -> float:
    row = reliability[reliability["phase"] == phase]
    return float(row["alpha"].iloc[0]) if len(row) else float("nan")


def _not_paired(people: pd.DataFrame) -> pd.DataFrame:
    alone = people[~people["paired"] & (people["pre_percent"].notna()
                                        | people["post_percent"].notna())]
    phase_taken = alone["pre_percent"].notna().map({True: "pre", False: "post"})
    columns = ["participant_id", "employee_id", "name", "department", "level", "small_group"]
    return alone[columns].assign(phase_taken=phase_taken.values).reset_index(drop=True)
