"""Retention at the follow-up test: people with all three tests, follow-up against post."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from assessment.reports.statistics import build_report
from tests.reports import frames

QUESTIONS = frames.questions({"q1": "ก", "q2": "ข"})


def report_with_followup():
    people = [(i, f"p{i}", "กองคลัง" if i <= 5 else "กองช่าง", "ปฏิบัติการ") for i in range(1, 8)]
    points = {(i, "pre"): [0, 0] for i in range(1, 6)} | {(6, "pre"): [1, 0], (7, "pre"): [0, 0]}
    points |= {(i, "post"): [1, 1] for i in range(1, 8)}
    points |= {(i, "followup"): [1, 1] if i <= 3 else [1, 0] for i in range(1, 7)}
    return build_report(frames.participants(people), frames.scores(points, QUESTIONS),
                        QUESTIONS, frames.no_ratings())


def test_people_with_all_three_tests_and_the_gain_they_kept():
    summary = report_with_followup().retention.summary
    assert summary["n_all_three"] == 6  # person 7 took no follow-up
    assert summary["pre_mean_percent"] == pytest.approx(50 / 6)
    assert summary["post_mean_percent"] == 100
    assert summary["followup_mean_percent"] == 75
    assert summary["gain_kept"] == pytest.approx((75 - 50 / 6) / (100 - 50 / 6))
    assert summary["change_since_post"] == -25


def test_follow_up_is_tested_against_post_as_post_against_pre():
    summary = report_with_followup().retention.summary
    post = np.full(6, 100.0)
    followup = np.array([100.0, 100, 100, 50, 50, 50])
    assert summary["p_paired_t"] == pytest.approx(stats.ttest_rel(followup, post).pvalue)
    change = followup - post
    assert summary["d_z"] == pytest.approx(change.mean() / change.std(ddof=1))
    interval = stats.ttest_rel(followup, post).confidence_interval(0.95)
    assert (summary["change_ci_low"], summary["change_ci_high"]) == pytest.approx(
        (interval.low, interval.high))
    assert summary["p_wilcoxon"] == pytest.approx(
        stats.wilcoxon(followup, post, correction=True, method="approx").pvalue)


def test_retention_by_department_and_topic_small_groups_without_tests():
    retention = report_with_followup().retention
    departments = retention.by_department.set_index("department")
    assert departments.at["กองคลัง", "n_all_three"] == 5
    assert departments.at["กองคลัง", "followup_mean_percent"] == 80
    small = departments.loc["กองช่าง"]
    assert small["small_group"] and small["followup_mean_percent"] == 50
    assert math.isnan(small["d_z"]) and math.isnan(small["p_paired_t"])
    topics = retention.by_topic.set_index("topic")
    assert topics.at["ก", "followup_mean_percent"] == 100
    assert topics.at["ข", "followup_mean_percent"] == 50
    assert retention.by_level_group["n_all_three"].tolist() == [6]


def test_no_follow_up_answers_no_retention():
    people = [(1, "p1", "กองคลัง", "ปฏิบัติการ")]
    points = {(1, "pre"): [0, 0], (1, "post"): [1, 1]}
    report = build_report(frames.participants(people), frames.scores(points, QUESTIONS),
                          QUESTIONS, frames.no_ratings())
    assert report.retention is None


def seminar_with_followup(people: int = 60):
    """The chart tests' simulated seminar, with a follow-up where some post answers were lost."""
    from tests.reports.test_charts import event_frames

    participants, scores, questions, ratings = event_frames(people, ["สำนักปลัดเทศบาล",
                                                                     "สำนักการคลัง"], seed=5)
    rng = np.random.default_rng(5)
    post = scores[scores["phase"] == "post"]
    kept = post[post["participant_id"] % 7 != 0]  # a few never took the follow-up
    forgot = rng.random(len(kept)) < 0.25
    followup = kept.assign(phase="followup", points=np.where(forgot, 0.0, kept["points"]))
    participants["level_group"] = participants["level"].str.split(" ").str[0]
    return build_report(participants, pd.concat([scores, followup]), questions, ratings)


def test_retention_chart_draws_the_three_means_in_thai_and_english():
    from assessment.reports import charts
    from tests.reports.test_charts import save

    report = seminar_with_followup()
    people = report.retention.people
    for lang in ("th", "en"):
        images = charts.all_charts(report, lang=lang, fmt="png")
        assert images["retention"].startswith(b"\x89PNG")
        save(images, f"retention-{lang}")
    with charts.mpl.rc_context(charts.STYLE | charts.chart_font_settings()):
        figure = charts.retention(report, charts.WORDS["en"])
    everyone = figure.axes[0].containers[0].lines[0]
    assert list(everyone.get_ydata()) == pytest.approx(
        [people[phase].mean() for phase in ("pre", "post", "followup")])


def test_no_follow_up_no_retention_chart():
    from assessment.reports import charts
    from tests.reports.test_charts import seminar_report

    assert "retention" not in charts.all_charts(seminar_report(30), fmt="svg")
