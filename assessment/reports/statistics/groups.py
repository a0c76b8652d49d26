"""Each person's pre and post score, and the gain table for any grouping of people."""

from __future__ import annotations

import numpy as np
import pandas as pd

from assessment.reports.statistics.paired import individual_gains, paired_comparison
from assessment.reports.statistics.thai_order import thai_sorted

GROUP_COLUMNS = [
    "n_paired", "n_pre_only", "n_post_only", "pre_mean_percent", "post_mean_percent",
    "mean_gain", "gain_ci_low", "gain_ci_high", "g_of_averages", "mean_of_g",
    "n_excluded_from_g", "p_paired_t", "p_wilcoxon", "d_z", "d_z_ci_low", "d_z_ci_high",
    "small_group",
]
#: Left blank for a group under the minimum size: for two or three people a test or an
#: effect size means nothing (d_z of two people can be 30); such a group shows n and means.
TESTS_AND_EFFECTS = ["gain_ci_low", "gain_ci_high", "g_of_averages", "mean_of_g",
                     "p_paired_t", "p_wilcoxon", "d_z", "d_z_ci_low", "d_z_ci_high"]
PERSON_COLUMNS = ["participant_id", "employee_id", "name", "department", "level", "level_group"]


def percent_by_phase(marks: dict[str, pd.DataFrame], maxima: pd.Series,
                     questions: list | None = None) -> pd.DataFrame:
    """Percent of the maximum per participant (rows) and phase (columns pre, post, then
    any other phase in `marks`), over all scored questions or only `questions`."""
    columns = {}
    for phase, matrix in marks.items():
        chosen = matrix.columns if questions is None else matrix.columns.intersection(questions)
        most = float(maxima.reindex(chosen).sum())
        with np.errstate(divide="ignore", invalid="ignore"):
            columns[phase] = 100 * matrix[chosen].sum(axis=1) / most
    later = [phase for phase in marks if phase not in ("pre", "post")]  # the follow-up
    return pd.DataFrame(columns).reindex(columns=["pre", "post", *later])


def people_scores(participants: pd.DataFrame, marks: dict[str, pd.DataFrame],
                  maxima: pd.Series, min_group_size: int) -> pd.DataFrame:
    """One row per person who took a test: scores, gain, paired, small_group."""
    percent = percent_by_phase(marks, maxima)
    people = participants.join(percent, how="inner")
    people = people.rename(columns={"pre": "pre_percent", "post": "post_percent"})
    people["gain"] = people["post_percent"] - people["pre_percent"]
    people["normalized_gain"] = individual_gains(people["pre_percent"], people["post_percent"])
    people["paired"] = people["pre_percent"].notna() & people["post_percent"].notna()
    people = people.rename_axis("participant_id").reset_index()
    people["small_group"] = _in_small_group(people, min_group_size)
    return people


def _in_small_group(people: pd.DataFrame, min_group_size: int) -> pd.Series:
    """True for people whose staff level or department has fewer paired people than the minimum."""
    small = pd.Series(False, index=people.index)
    for column in ("level", "department"):
        paired_in_group = people.groupby(column, dropna=False)["paired"].transform("sum")
        small |= paired_in_group < min_group_size
    return small


def comparison(people: pd.DataFrame, min_group_size: int) -> dict:
    """The gain statistics of one set of people, with how many took only one test."""
    return _comparison(people["pre_percent"].to_numpy(float),
                       people["post_percent"].to_numpy(float), min_group_size)


def _comparison(pre: np.ndarray, post: np.ndarray, min_group_size: int) -> dict:
    took_pre, took_post = ~np.isnan(pre), ~np.isnan(post)
    paired = took_pre & took_post
    row = paired_comparison(pre[paired], post[paired])
    row["n_pre_only"] = int((took_pre & ~paired).sum())
    row["n_post_only"] = int((took_post & ~paired).sum())
    row["small_group"] = bool(row["n_paired"] < min_group_size)
    if row["small_group"]:
        row.update(dict.fromkeys(TESTS_AND_EFFECTS, np.nan))
    return row


def everyone(people: pd.DataFrame) -> dict:
    """The event's headline figures (the whole event is never flagged as small)."""
    row = comparison(people, 0)
    return {column: row[column] for column in GROUP_COLUMNS}


def by_group(people: pd.DataFrame, keys: list[str], min_group_size: int) -> pd.DataFrame:
    """GROUP_COLUMNS for each value of `keys`, in the order the report shows them."""
    pre = people["pre_percent"].to_numpy(float)
    post = people["post_percent"].to_numpy(float)
    groups = people.groupby(keys, dropna=False, sort=False).indices
    rows = [dict(zip(keys, _as_tuple(name), strict=True))
            | _comparison(pre[rows], post[rows], min_group_size)
            for name, rows in groups.items()]
    table = pd.DataFrame(rows, columns=keys + GROUP_COLUMNS)
    return sort_groups(table, people, keys)


def _as_tuple(name) -> tuple:
    return name if isinstance(name, tuple) else (name,)


def sort_groups(table: pd.DataFrame, people: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Levels and level groups in the organisation's order, everything else in Thai order."""
    sort_keys = [_order_of(key, table[key], people) for key in keys]
    order = pd.DataFrame(dict(zip(keys, sort_keys, strict=True)))
    positions = order.sort_values(keys, kind="stable").index
    return table.loc[positions].reset_index(drop=True)


def _order_of(key: str, values: pd.Series, people: pd.DataFrame) -> pd.Series:
    rank_column = f"{key}_rank"
    if rank_column in people.columns:
        ranks = people.drop_duplicates(key).set_index(key)[rank_column]
        return values.map(ranks).fillna(len(ranks)).astype(float)
    ordered = thai_sorted(values.astype(str).unique())
    return values.astype(str).map({name: i for i, name in enumerate(ordered)})


def by_topic(marks: dict[str, pd.DataFrame], questions: pd.DataFrame,
             min_group_size: int) -> pd.DataFrame:
    """GROUP_COLUMNS for each topic, from each person's percent on that topic's questions."""
    maxima = questions["max_points"].astype(float)
    rows = []
    for topic, in_topic in questions.groupby("topic", sort=False).groups.items():
        percent = percent_by_phase(marks, maxima, list(in_topic))
        if percent.isna().all().all():
            continue
        rows.append({"topic": topic} | _comparison(
            percent["pre"].to_numpy(float), percent["post"].to_numpy(float), min_group_size))
    return pd.DataFrame(rows, columns=["topic", *GROUP_COLUMNS])
