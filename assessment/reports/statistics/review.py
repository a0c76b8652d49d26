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
    columns = marks["pre"].columns  # every scored question, as in each test's matrix
    question = columns.get_indexer(choices["question_id"])
    row = _option_rows(question, choices["option"], table, columns)
    phase_of = pd.Index(["pre", "post"]).get_indexer(choices["phase"])
    participant = choices["participant_id"].to_numpy()
    strong_count, strong_people = np.zeros(len(table)), np.zeros(len(table))
    for code, phase in enumerate(("pre", "post")):
        matrix = marks[phase]
        chosen = (phase_of == code) & (row >= 0)
        counts = np.bincount(row[chosen], minlength=len(table))
        table[f"share_{phase}"] = counts / len(matrix) if len(matrix) else np.nan
        if len(matrix):
            strong = _stronger_half(matrix)
            person = matrix.index.get_indexer(participant[chosen])
            known = person >= 0
            in_half = strong[person[known], question[chosen][known]]
            strong_count += np.bincount(row[chosen][known][in_half], minlength=len(table))
            column = pd.Series(strong.sum(axis=0), index=matrix.columns)
            strong_people += table["question_id"].map(column).fillna(0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["share_stronger_half"] = np.where(strong_people > 0,
                                                strong_count / strong_people, np.nan)
    return table[OPTION_COLUMNS]


def _option_rows(question: np.ndarray, option: pd.Series, table: pd.DataFrame,
                 columns: pd.Index) -> np.ndarray:
    """Each choice's row in `table` (-1 for an option the bank does not have), from its
    question's position in `columns`."""
    names = pd.Index(table["option"].unique())
    chosen = names.get_indexer(option)
    width = len(names)
    lookup = np.full(len(columns) * width, -1)
    option_code = names.get_indexer(table["option"])
    position = columns.get_indexer(table["question_id"])
    answered = position >= 0  # a question nobody was asked has no column
    lookup[position[answered] * width + option_code[answered]] = np.flatnonzero(answered)
    known = (question >= 0) & (chosen >= 0)
    cell = np.where(known, question.astype(np.int64) * width + chosen, 0)
    return np.where(known, lookup[cell], -1)


def _stronger_half(matrix: pd.DataFrame) -> np.ndarray:
    """True where a person's rest score on a question is at or above that question's median."""
    marks = matrix.to_numpy()
    rest = marks.sum(axis=1)[:, None] - marks
    return rest >= np.median(rest, axis=0)


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
    review["too_easy"] = first["ceiling"]  # the item table's ceiling flag
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
