"""The report's statistics on small events worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from assessment.reports.statistics import build_report
from assessment.reports.statistics.paired import (
    dz_interval,
    effect_size_dz,
    paired_comparison,
    paired_t_p,
    wilcoxon_p,
)
from tests.reports import frames

TWO = frames.questions({"q1": "smart", "q2": "data"})


def report_of(points, people, question_frame=TWO, ratings=None, min_group_size=5):
    return build_report(frames.participants(people), frames.scores(points, question_frame),
                        question_frame, frames.no_ratings() if ratings is None else ratings,
                        min_group_size=min_group_size)


def test_gain_counts_only_people_who_took_both_tests():
    people = [(1, "ก", "กองคลัง", "ปฏิบัติการ"), (2, "ข", "กองคลัง", "ปฏิบัติการ"),
              (3, "ค", "กองคลัง", "ปฏิบัติการ"), (4, "ง", "กองคลัง", "ปฏิบัติการ")]
    points = {(1, "pre"): [0, 1], (1, "post"): [1, 1],   # 50 -> 100
              (2, "pre"): [0, 0], (2, "post"): [1, 0],   # 0 -> 50
              (3, "pre"): [1, 1],                        # pre only
              (4, "post"): [0, 0]}                       # post only
    summary = report_of(points, people).summary
    assert (summary["n_paired"], summary["n_pre_only"], summary["n_post_only"]) == (2, 1, 1)
    assert summary["pre_mean_percent"] == pytest.approx(25)
    assert summary["post_mean_percent"] == pytest.approx(75)
    assert summary["mean_gain"] == pytest.approx(50)
    assert summary["g_of_averages"] == pytest.approx(50 / 75)
    assert summary["mean_of_g"] == pytest.approx((1.0 + 0.5) / 2)
    assert (summary["n_pre"], summary["n_post"]) == (3, 3)


def test_people_at_100_percent_before_are_left_out_of_the_average_gain_and_counted():
    pre, post = np.array([100.0, 40, 50]), np.array([100.0, 70, 50])
    row = paired_comparison(pre, post)
    assert row["n_excluded_from_g"] == 1
    assert row["mean_of_g"] == pytest.approx((30 / 60 + 0) / 2)
    assert row["g_of_averages"] == pytest.approx((220 / 3 - 190 / 3) / (100 - 190 / 3))


def test_tests_and_effect_size_agree_with_scipy_on_the_same_pairs():
    rng = np.random.default_rng(4)
    pre = rng.integers(20, 80, 30).astype(float)
    post = pre + rng.normal(8, 12, 30).round()
    row = paired_comparison(pre, post)
    assert row["p_paired_t"] == pytest.approx(stats.ttest_rel(post, pre).pvalue, rel=1e-9)
    diff = post - pre
    assert row["d_z"] == pytest.approx(diff.mean() / diff.std(ddof=1))
    assert row["d_z_ci_low"] < row["d_z"] < row["d_z_ci_high"]


def test_dz_interval_excludes_zero_exactly_when_the_t_test_is_significant():
    for shift in np.linspace(0, 1.2, 25):
        diff = np.array([-1.0, 0.5, 1.5, -0.2, 0.8, 0.1, -0.6, 1.1]) + shift
        low, high = dz_interval(effect_size_dz(diff), len(diff))
        assert (low > 0 or high < 0) == (paired_t_p(diff) < 0.05)


def test_wilcoxon_is_exact_for_small_samples_without_ties():
    diff = np.array([1.5, -0.5, 2.5, 3.5, 4.5, -1.25, 6.5])
    assert wilcoxon_p(diff) == pytest.approx(stats.wilcoxon(diff, method="exact").pvalue)


def test_nobody_changed_gives_no_p_value_and_no_warning():
    row = paired_comparison([50.0, 60.0, 70.0], [50.0, 60.0, 70.0])
    assert math.isnan(row["p_paired_t"]) and math.isnan(row["p_wilcoxon"])
    assert math.isnan(row["d_z"]) and row["mean_gain"] == 0


def test_groups_under_the_minimum_are_flagged_and_their_people_marked():
    people = [(i, f"คน{i}", "กองคลัง" if i <= 5 else "กองช่าง", "ปฏิบัติการ") for i in range(1, 8)]
    points = {}
    for i in range(1, 8):
        points[(i, "pre")] = [0, i % 2]
        points[(i, "post")] = [1, 1]
    report = report_of(points, people)
    departments = report.by_department.set_index("department")
    assert not departments.at["กองคลัง", "small_group"]
    assert departments.at["กองช่าง", "small_group"]
    marked = report.participants.set_index("participant_id")["small_group"]
    assert marked[[6, 7]].all() and not marked[[1, 2, 3, 4, 5]].any()
    assert not report.summary["small_group"]


def test_groups_under_the_minimum_show_n_and_means_but_no_tests_g_or_d_z():
    people = [(i, f"คน{i}", "กองคลัง" if i <= 5 else "กองช่าง", "ปฏิบัติการ") for i in range(1, 8)]
    points = {(i, "pre"): [0, i % 2] for i in range(1, 8)}
    points |= {(6, "post"): [1, 1], (7, "post"): [1, 0]}
    points |= {(i, "post"): [1, i % 3 != 0] for i in range(1, 6)}
    departments = report_of(points, people).by_department.set_index("department")
    small, big = departments.loc["กองช่าง"], departments.loc["กองคลัง"]
    assert small["n_paired"] == 2
    assert (small["pre_mean_percent"], small["post_mean_percent"]) == (25.0, 75.0)
    assert small["mean_gain"] == 50.0
    for column in ("g_of_averages", "mean_of_g", "p_paired_t", "p_wilcoxon", "d_z",
                   "d_z_ci_low", "d_z_ci_high"):
        assert math.isnan(small[column]), column
        assert not math.isnan(big[column]), column


def test_departments_in_thai_alphabetical_order_levels_in_the_organisations_order():
    names = ["สำนักการช่าง", "กองคลัง", "เทศกิจ", "แผนงาน", "โรงพยาบาล", "งานพัสดุ"]
    levels = ["ปฏิบัติการ", "ผู้บริหาร", "ชำนาญการ"]
    people = [(i, f"p{i}", names[i % 6], levels[i % 3]) for i in range(1, 19)]
    points = {(i, phase): [1, 0] for i in range(1, 19) for phase in ("pre", "post")}
    report = report_of(points, people)
    assert report.by_department["department"].tolist() == [
        "กองคลัง", "งานพัสดุ", "เทศกิจ", "แผนงาน", "โรงพยาบาล", "สำนักการช่าง"]
    assert report.by_level["level"].tolist() == ["ผู้บริหาร", "ชำนาญการ", "ปฏิบัติการ"]
    assert report.by_level_department[["level", "department"]].iloc[0].tolist() == [
        "ผู้บริหาร", "กองคลัง"]


def test_item_transitions_ceiling_and_facility():
    people = [(i, f"p{i}", "กองคลัง", "ปฏิบัติการ") for i in range(1, 11)]
    points = {}
    for i in range(1, 11):
        points[(i, "pre")] = [1, 1 if i <= 3 else 0]    # q1: everyone knew it
        points[(i, "post")] = [1 if i != 10 else 0, 1 if i <= 8 else 0]
    items = report_of(points, people).items.set_index(["question_id", "phase"])
    assert items.at[("q1", "pre"), "facility"] == 1.0
    assert items.at[("q1", "post"), "facility"] == pytest.approx(0.9)
    assert items.at[("q1", "pre"), "ceiling"] and not items.at[("q2", "pre"), "ceiling"]
    q2 = items.loc[("q2", "post")]
    assert (q2["learned"], q2["forgot"], q2["kept"], q2["never_knew"]) == pytest.approx(
        (0.5, 0.0, 0.3, 0.2))
    assert items.loc[("q1", "post"), "forgot"] == pytest.approx(0.1)


def test_ceiling_counts_people_fully_right_not_the_mean_fraction_of_marks():
    # q1 is worth 2 points: 8 of 10 earn both, 2 earn one (partial credit). Facility
    # (mean fraction of marks) is 0.9, but only 80 % answered fully right: no ceiling.
    question_frame = frames.questions({"q1": "ก", "q2": "ข"}, max_points={"q1": 2.0})
    people = [(i, f"p{i}", "กองคลัง", "ปฏิบัติการ") for i in range(1, 11)]
    points = {(i, phase): [2.0 if i <= 8 else 1.0, 1] for i in range(1, 11)
              for phase in ("pre", "post")}
    items = report_of(points, people, question_frame).items.set_index(["question_id", "phase"])
    assert items.at[("q1", "pre"), "facility"] == pytest.approx(0.9)
    assert items.at[("q1", "pre"), "fully_right"] == pytest.approx(0.8)
    assert not items.at[("q1", "pre"), "ceiling"]
    assert items.at[("q2", "pre"), "fully_right"] == 1.0 and items.at[("q2", "pre"), "ceiling"]


def test_partial_credit_is_right_only_at_full_marks_and_topics_use_their_own_maximum():
    question_frame = frames.questions({"q1": "ก", "q2": "ข"}, max_points={"q1": 2.0})
    people = [(1, "a", "กองคลัง", "ปฏิบัติการ"), (2, "b", "กองคลัง", "ปฏิบัติการ")]
    points = {(1, "pre"): [1.0, 0], (1, "post"): [2.0, 1],
              (2, "pre"): [0, 1], (2, "post"): [1.0, 1]}
    report = report_of(points, people, question_frame)
    topics = report.by_topic.set_index("topic")
    assert topics.at["ก", "pre_mean_percent"] == pytest.approx(25)
    assert topics.at["ก", "post_mean_percent"] == pytest.approx(75)
    q1 = report.items.set_index(["question_id", "phase"]).loc[("q1", "post")]
    assert q1["learned"] == pytest.approx(0.5) and q1["never_knew"] == pytest.approx(0.5)
    assert report.participants.set_index("participant_id").at[1, "pre_percent"] == pytest.approx(
        100 / 3)


def test_ratings_compare_people_who_rated_both_times():
    question_frame = frames.questions({"q1": "ก", "conf": "ก"}, ratings=("conf",))
    people = [(1, "a", "กองคลัง", "ปฏิบัติการ"), (2, "b", "กองคลัง", "ปฏิบัติการ")]
    points = {(1, "pre"): [0], (1, "post"): [1], (2, "pre"): [0]}
    ratings = pd.DataFrame({"participant_id": [1, 1, 2], "phase": ["pre", "post", "pre"],
                            "question_id": "conf", "value": [2.0, 4.0, 1.0]})
    table = report_of(points, people, question_frame, ratings).ratings
    assert table.to_dict("records") == [
        {"question_id": "conf", "n_paired": 1, "pre_mean": 2.0, "post_mean": 4.0, "change": 2.0}]


def test_not_paired_lists_who_took_only_one_test():
    people = [(1, "สมชาย", "กองคลัง", "ปฏิบัติการ"), (2, "สมหญิง", "กองคลัง", "ปฏิบัติการ"),
              (3, "สมศักดิ์", "กองคลัง", "ปฏิบัติการ")]
    points = {(1, "pre"): [1, 0], (1, "post"): [1, 1], (2, "pre"): [0, 0], (3, "post"): [1, 0]}
    alone = report_of(points, people).not_paired.set_index("name")["phase_taken"].to_dict()
    assert alone == {"สมหญิง": "pre", "สมศักดิ์": "post"}


def test_an_event_nobody_finished_yet_gives_an_empty_report():
    report = report_of({}, [(1, "a", "กองคลัง", "ปฏิบัติการ")])
    assert report.summary["n_paired"] == 0 and math.isnan(report.summary["mean_gain"])
    assert report.by_department.empty and report.items.empty and report.not_paired.empty


def test_only_the_pre_test_so_far():
    people = [(i, f"p{i}", "กองคลัง", "ปฏิบัติการ") for i in range(1, 6)]
    points = {(i, "pre"): [i % 2, 1] for i in range(1, 6)}
    report = report_of(points, people)
    assert report.summary["n_pre_only"] == 5 and report.summary["n_paired"] == 0
    assert set(report.items["phase"]) == {"pre"}
    assert report.items["learned"].isna().all()
    assert report.reliability["phase"].tolist() == ["pre"]


def test_gains_equal_but_for_rounding_count_as_equal_and_huge_t_returns_quickly():
    pre = np.array([100 / 31 * 3, 100 / 31 * 10, 50.0])
    post = pre + np.array([300 / 31, 300 / 31 + 1e-14, 300 / 31 - 1e-14])
    row = paired_comparison(pre, post)
    assert math.isnan(row["p_paired_t"]) and math.isnan(row["d_z"])
    low, high = dz_interval(1e6, 2)
    assert low < 1e6 < high


def test_mean_gain_interval_is_the_paired_t_tests_interval():
    rng = np.random.default_rng(9)
    pre = rng.integers(20, 80, 12).astype(float)
    post = pre + rng.normal(10, 8, 12).round()
    row = paired_comparison(pre, post)
    interval = stats.ttest_rel(post, pre).confidence_interval(0.95)
    assert (row["gain_ci_low"], row["gain_ci_high"]) == pytest.approx(
        (interval.low, interval.high))
