"""Retention: how much of the gain people kept at the delayed follow-up test.

Only people with all three tests (pre, post and follow-up) count. The follow-up is
compared with the post-test exactly as the post-test is compared with the pre-test
(paired t-test, Wilcoxon signed-rank test, d_z with its interval, the 95 % interval of
the mean change); groups under the minimum size show n and means only.

Columns of every retention table (after the group's name):
- n_all_three; pre_mean_percent, post_mean_percent, followup_mean_percent;
- gain_kept: (⟨follow-up⟩ − ⟨pre⟩) / (⟨post⟩ − ⟨pre⟩), the share of the mean gain still
  there at the follow-up (undefined without a mean gain);
- change_since_post: mean of follow-up − post per person (negative: forgotten), with
  change_ci_low and change_ci_high;
- p_paired_t, p_wilcoxon, d_z, d_z_ci_low, d_z_ci_high of follow-up against post;
- small_group.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from assessment.reports.statistics.groups import percent_by_phase, sort_groups
from assessment.reports.statistics.paired import paired_comparison

NAN = float("nan")
RETENTION_COLUMNS = [
    "n_all_three", "pre_mean_percent", "post_mean_percent", "followup_mean_percent",
    "gain_kept", "change_since_post", "change_ci_low", "change_ci_high", "p_paired_t",
    "p_wilcoxon", "d_z", "d_z_ci_low", "d_z_ci_high", "small_group",
]
#: Left blank for groups under the minimum size, as in the gain tables.
RETENTION_TESTS = ["change_ci_low", "change_ci_high", "p_paired_t", "p_wilcoxon", "d_z",
                   "d_z_ci_low", "d_z_ci_high"]
GROUPINGS = ("level_group", "level", "department")


@dataclass(frozen=True)
class Retention:
    """The follow-up's figures for everyone and by group; people has each person's three."""

    summary: dict
    by_level_group: pd.DataFrame
    by_level: pd.DataFrame
    by_department: pd.DataFrame
    by_topic: pd.DataFrame
    people: pd.DataFrame


def retention(participants: pd.DataFrame, marks: dict[str, pd.DataFrame],
              questions: pd.DataFrame, min_group_size: int) -> Retention | None:
    """The retention figures, or None when nobody has taken the follow-up test."""
    if marks.get("followup") is None or marks["followup"].empty:
        return None
    maxima = questions["max_points"].astype(float)
    percent = percent_by_phase(marks, maxima)[["pre", "post", "followup"]].dropna()
    people = participants.join(percent, how="inner").rename_axis("participant_id")
    tables = {key: _by(people, key, min_group_size) for key in GROUPINGS}
    return Retention(
        summary=retention_row(*_three(percent), 0),
        by_level_group=tables["level_group"],
        by_level=tables["level"],
        by_department=tables["department"],
        by_topic=_by_topic(marks, questions, min_group_size),
        people=people.reset_index(),
    )


def _three(percent: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return tuple(percent[phase].to_numpy(float) for phase in ("pre", "post", "followup"))


def retention_row(pre, post, followup, min_group_size: int) -> dict:
    """The RETENTION_COLUMNS of one set of people who took all three tests."""
    later = paired_comparison(post, followup)
    n = len(pre)
    means = [float(np.mean(values)) if n else NAN for values in (pre, post, followup)]
    gain = means[1] - means[0]
    row = {
        "n_all_three": n, "pre_mean_percent": means[0], "post_mean_percent": means[1],
        "followup_mean_percent": means[2],
        "gain_kept": (means[2] - means[0]) / gain if gain > 0 else NAN,
        "change_since_post": later["mean_gain"], "change_ci_low": later["gain_ci_low"],
        "change_ci_high": later["gain_ci_high"],
        **{key: later[key] for key in ("p_paired_t", "p_wilcoxon", "d_z", "d_z_ci_low",
                                       "d_z_ci_high")},
        "small_group": bool(n < min_group_size),
    }
    if row["small_group"]:
        row.update(dict.fromkeys(RETENTION_TESTS, NAN))
    return row


def _by(people: pd.DataFrame, key: str, min_group_size: int) -> pd.DataFrame:
    rows = [{key: name} | retention_row(*_three(group), min_group_size)
            for name, group in people.groupby(key, dropna=False, sort=False)]
    table = pd.DataFrame(rows, columns=[key, *RETENTION_COLUMNS])
    return sort_groups(table, people, [key]) if len(table) else table


def _by_topic(marks: dict[str, pd.DataFrame], questions: pd.DataFrame,
              min_group_size: int) -> pd.DataFrame:
    maxima = questions["max_points"].astype(float)
    rows = []
    for topic, in_topic in questions.groupby("topic", sort=False).groups.items():
        percent = percent_by_phase(marks, maxima, list(in_topic))
        percent = percent[["pre", "post", "followup"]].dropna()
        if len(percent):
            rows.append({"topic": topic} | retention_row(*_three(percent), min_group_size))
    return pd.DataFrame(rows, columns=["topic", *RETENTION_COLUMNS])
