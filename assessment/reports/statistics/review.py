"""Item review: the item statistics turned into verdicts for the bank's next version.

Option shares are Moodle's response analysis: the share of the people who took a test
who chose each option (an unanswered question chose none; in a multiple-answer question
one person may choose several). The "stronger half" of a test are the people whose score
on the other questions (the rest score) is at or above the test's median rest score,
pooled over the pre-test and the post-test.

Verdicts, each a column of `review` (True when it applies):
- too_easy: at least 90 % fully right before training (the ceiling flag);
- not_learned: room to learn, yet no more paired people fully right after than before;
- weak_discrimination: discrimination index under 10 in the pre-test (the post-test
  when there was none): near zero or negative;
- unused_distractors: wrong options nobody chose in any test (their ids);
- possible_wrong_key: a wrong option the stronger half chose more often than a keyed one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from assessment.reports.statistics.items import CEILING_FULLY_RIGHT

#: Moodle's discrimination index (100 × corrected item-total r) below this is near zero.
WEAK_DISCRIMINATION = 10.0
OPTION_COLUMNS = ["question_id", "option", "keyed", "share_pre", "share_post",
                  "share_stronger_half"]
REVIEW_COLUMNS = ["question_id", "topic", "fully_right_pre", "fully_right_post",
                  "discrimination_index", "too_easy", "not_learned", "weak_discrimination",
                  "unused_distractors", "possible_wrong_key"]
VERDICTS = ["too_easy", "not_learned", "weak_discrimination", "unused_distractors",
            "possible_wrong_key"]


def option_shares(choices: pd.DataFrame, questions: pd.DataFrame,
                  marks: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per option of every question with options, in the bank's order."""
    with_options = questions[questions["options"].map(len) > 0].sort_values("position")
    rows = [{"question_id": question, "option": option, "keyed": option in row["key"]}
            for question, row in with_options.iterrows() for option in row["options"]]
    table = pd.DataFrame(rows, columns=OPTION_COLUMNS[:3])
    if table.empty:
        return pd.DataFrame(columns=OPTION_COLUMNS)
    for phase in ("pre", "post"):
        takers = marks[phase].index
        table[f"share_{phase}"] = _shares(choices[choices["phase"] == phase], takers, table)
    strong = _stronger_half(marks)
    table["share_stronger_half"] = _stronger_shares(choices, strong, table)
    return table[OPTION_COLUMNS]


def _shares(chosen: pd.DataFrame, takers: pd.Index, table: pd.DataFrame) -> pd.Series:
    """Share of `takers` who chose each option of `table`; NaN when nobody took the test."""
    if len(takers) == 0:
        return pd.Series(np.nan, index=table.index)
    chosen = chosen[chosen["participant_id"].isin(takers)]
    counts = chosen.drop_duplicates().groupby(["question_id", "option"]).size()
    keys = pd.MultiIndex.from_frame(table[["question_id", "option"]])
    return pd.Series(counts.reindex(keys, fill_value=0).to_numpy() / len(takers),
                     index=table.index)


def _stronger_half(marks: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Per test, True where a person's rest score on a question is at or above its median."""
    halves = {}
    for phase, matrix in marks.items():
        if matrix.empty:
            continue
        rest = matrix.sum(axis=1).to_numpy()[:, None] - matrix.to_numpy()
        halves[phase] = pd.DataFrame(rest >= np.median(rest, axis=0), index=matrix.index,
                                     columns=matrix.columns)
    return halves


def _stronger_shares(choices: pd.DataFrame, halves: dict[str, pd.DataFrame],
                     table: pd.DataFrame) -> pd.Series:
    counts = pd.Series(0.0, index=table.index)
    people = pd.Series(0.0, index=table.index)
    for phase, strong in halves.items():
        long = strong.stack().rename("strong").rename_axis(["participant_id", "question_id"])
        chosen = choices[choices["phase"] == phase].join(long, on=["participant_id",
                                                                   "question_id"])
        chosen = chosen[chosen["strong"].fillna(False).astype(bool)].drop_duplicates()
        found = chosen.groupby(["question_id", "option"]).size()
        keys = pd.MultiIndex.from_frame(table[["question_id", "option"]])
        counts += found.reindex(keys, fill_value=0).to_numpy()
        people += table["question_id"].map(strong.sum(axis=0)).fillna(0).to_numpy()
    return (counts / people.where(people > 0)).astype(float)


def item_review(items: pd.DataFrame, options: pd.DataFrame) -> pd.DataFrame:
    """One row per scored question: the figures behind the verdicts, then the verdicts."""
    if items.empty:
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    by_phase = items.pivot_table(index="question_id", columns="phase", sort=False,
                                 values=["fully_right", "discrimination_index"])
    first = items.drop_duplicates("question_id").set_index("question_id")
    review = pd.DataFrame(index=first.index)
    review["topic"] = first["topic"]
    for phase in ("pre", "post"):
        review[f"fully_right_{phase}"] = _column(by_phase, "fully_right", phase)
    review["discrimination_index"] = _column(by_phase, "discrimination_index", "pre").fillna(
        _column(by_phase, "discrimination_index", "post"))
    net_learned = (items[items["phase"] == "post"].set_index("question_id")
                   .eval("learned - forgot").reindex(review.index))
    review["too_easy"] = review["fully_right_pre"] >= CEILING_FULLY_RIGHT
    review["not_learned"] = ~review["too_easy"] & (net_learned <= 0)
    review["weak_discrimination"] = review["discrimination_index"] < WEAK_DISCRIMINATION
    review["unused_distractors"] = _unused(options).reindex(review.index).fillna("")
    review["possible_wrong_key"] = _wrong_key(options).reindex(review.index).fillna("")
    return review.rename_axis("question_id").reset_index()[REVIEW_COLUMNS]


def _column(table: pd.DataFrame, value: str, phase: str) -> pd.Series:
    return table[(value, phase)] if (value, phase) in table.columns else pd.Series(
        np.nan, index=table.index)


def _unused(options: pd.DataFrame) -> pd.Series:
    """Wrong options nobody chose in any test, as 'b, d' per question."""
    seen = options[["share_pre", "share_post"]].fillna(0).sum(axis=1)
    unused = options[~options["keyed"] & (seen == 0)]
    return unused.groupby("question_id", sort=False)["option"].agg(", ".join)


def _wrong_key(options: pd.DataFrame) -> pd.Series:
    """The wrong option the stronger half chose more often than a keyed one, if any."""
    found = {}
    for question, rows in options.groupby("question_id", sort=False):
        keyed = rows.loc[rows["keyed"], "share_stronger_half"]
        wrong = rows.loc[~rows["keyed"]].set_index("option")["share_stronger_half"].dropna()
        if len(keyed.dropna()) and len(wrong) and wrong.max() > keyed.min():
            found[question] = wrong.idxmax()
    return pd.Series(found, dtype=object)
