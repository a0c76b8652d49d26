"""Item review: option shares (Moodle's response analysis) and the verdicts for the next bank."""

from __future__ import annotations

import pandas as pd
import pytest

from assessment.reports.statistics import build_report
from tests.reports import frames

STRONG, WEAK = range(1, 6), range(6, 11)


def questions() -> pd.DataFrame:
    frame = frames.questions({"q1": "ก", "q2": "ก", "q3": "ข"})
    frame["type"] = ["single", "single", "true_false"]
    frame["options"] = [("a", "b", "c", "d"), ("a", "b"), ("true", "false")]
    frame["key"] = [("a",), ("a",), ("true",)]
    return frame


def seminar():
    """q1 taught well (c and d never chosen); q2 keyed a, but the stronger half says b."""
    people = [(i, f"p{i}", "กองคลัง", "ปฏิบัติการ") for i in range(1, 11)]
    points, chosen = {}, []
    for phase in ("pre", "post"):
        for i in range(1, 11):
            strong = i in STRONG
            q1 = "a" if strong or phase == "post" else "b"
            answers = {"q1": q1, "q2": "b" if strong else "a", "q3": "true" if strong else "false"}
            points[(i, phase)] = [float(q1 == "a"), float(not strong), float(strong)]
            chosen += [(i, phase, q, option) for q, option in answers.items()]
    choices = pd.DataFrame(chosen, columns=["participant_id", "phase", "question_id", "option"])
    question_frame = questions()
    return build_report(frames.participants(people), frames.scores(points, question_frame),
                        question_frame, frames.no_ratings(), choices=choices)


def test_option_shares_before_and_after_and_in_the_stronger_half():
    options = seminar().options.set_index(["question_id", "option"])
    assert options.loc["q1", "share_pre"].tolist() == [0.5, 0.5, 0.0, 0.0]
    assert options.loc["q1", "share_post"].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert options.loc["q1", "keyed"].tolist() == [True, False, False, False]
    assert options.loc[("q2", "b"), "share_stronger_half"] == 1.0
    assert options.loc[("q2", "a"), "share_stronger_half"] == 0.0
    assert options.loc["q3", "share_pre"].tolist() == [0.5, 0.5]


def test_verdicts_for_the_next_version_of_the_bank():
    review = seminar().review.set_index("question_id")
    assert review.at["q1", "unused_distractors"] == "c, d"
    assert not review.at["q1", "not_learned"] and not review.at["q1", "possible_wrong_key"]
    assert review.at["q2", "possible_wrong_key"] == "b"
    assert review.at["q2", "not_learned"]
    assert review.at["q2", "discrimination_index"] == pytest.approx(-100)
    assert review.at["q2", "weak_discrimination"]
    assert review.at["q3", "unused_distractors"] == ""


def test_too_easy_is_at_least_90_percent_fully_right_before():
    people = [(i, f"p{i}", "กองคลัง", "ปฏิบัติการ") for i in range(1, 11)]
    question_frame = frames.questions({"q1": "ก", "q2": "ก"})
    points = {(i, phase): [1.0 if i <= 9 else 0.0, float(i % 2)] for i in range(1, 11)
              for phase in ("pre", "post")}
    report = build_report(frames.participants(people), frames.scores(points, question_frame),
                          question_frame, frames.no_ratings())
    review = report.review.set_index("question_id")
    assert review.at["q1", "too_easy"] and not review.at["q1", "not_learned"]
    assert not review.at["q2", "too_easy"] and review.at["q2", "not_learned"]
    assert report.options.empty  # no choices given: no response analysis
