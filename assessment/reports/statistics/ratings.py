"""Self-assessment ratings (unscored): mean before and after, for people who rated both times."""

from __future__ import annotations

import pandas as pd

RATING_COLUMNS = ["question_id", "n_paired", "pre_mean", "post_mean", "change"]


def rating_table(ratings: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """One row per rating question, in the bank's order."""
    if ratings.empty:
        return pd.DataFrame(columns=RATING_COLUMNS)
    wide = ratings.pivot_table(index=["question_id", "participant_id"], columns="phase",
                               values="value", aggfunc="mean")
    if not {"pre", "post"} <= set(wide.columns):
        return pd.DataFrame(columns=RATING_COLUMNS)
    both = wide.dropna(subset=["pre", "post"])
    table = both.groupby(level="question_id").agg(
        n_paired=("pre", "size"), pre_mean=("pre", "mean"), post_mean=("post", "mean"))
    table["change"] = table["post_mean"] - table["pre_mean"]
    table = table.reset_index()
    position = table["question_id"].map(questions["position"])
    return table.iloc[position.argsort(kind="stable")][RATING_COLUMNS].reset_index(drop=True)
