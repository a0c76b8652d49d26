"""Our item and test statistics against Moodle's own quiz-statistics test fixtures.

The data and the expected values are Moodle's (copied into tests/data/reference/ from the
company's shared reference folder);
every asserted value is reproduced within the tolerance Moodle's tests use.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from assessment.reports.statistics.moodle import item_statistics, quiz_statistics

MOODLE = Path(__file__).resolve().parents[1] / "data" / "reference" / "moodle-quiz-statistics"

# qstats00.csv column -> our column
QSTATS_COLUMNS = {
    "s": "s", "facility": "facility", "sd": "sd", "effectiveweight": "effective_weight",
    "covariance": "covariance", "markvariance": "mark_variance",
    "othermarkvariance": "other_mark_variance", "discriminationindex": "discrimination_index",
    "covariancemax": "covariance_max", "discriminativeefficiency": "discriminative_efficiency",
}
LOOSE = {"covariance", "discriminationindex", "discriminativeefficiency", "effectiveweight"}


def _quiz00():
    results = pd.read_csv(MOODLE / "fixtures" / "results00.csv").set_index("quizattempt")
    marks = results[[f"slots.{slot}.mark" for slot in range(1, 8)]]
    marks.columns = range(1, 8)
    steps = pd.read_csv(MOODLE / "fixtures" / "steps00.csv").set_index("quizattempt")
    return marks, steps


def _expected_rows():
    expected = pd.read_csv(MOODLE / "fixtures" / "qstats00.csv", dtype=str, keep_default_na=False)
    return expected.to_dict("records")


def _computed_row(row, marks, steps):
    slot = int(row["slot"])
    maxima = pd.Series(1.0, index=marks.columns)
    totals = marks.sum(axis=1)
    if row["subqname"]:
        drew = steps["randqs.1"] == row["subqname"]
        return item_statistics(marks.loc[drew, [slot]], maxima, totals[drew],
                               rest_excludes_item=False, whole_test=False).loc[slot]
    if row["variant"]:
        shown = steps["variants.2"] == int(row["variant"])
        return item_statistics(marks.loc[shown, [slot]], maxima, totals[shown],
                               whole_test=False).loc[slot]
    return item_statistics(marks, maxima).loc[slot]


def _assert_stat(name, expected, actual):
    if expected == "":
        return 0
    if expected == "**NULL**":
        assert actual is None or math.isnan(actual), name
        return 1
    tolerance = 1e-5 if name in LOOSE else 1e-6
    assert actual == pytest.approx(float(expected), rel=tolerance), name
    return 1


@pytest.mark.parametrize("row", _expected_rows(),
                         ids=lambda r: f"slot{r['slot']}-{r['subqname'] or r['variant'] or 'all'}")
def test_quiz00_item_statistics(row):
    marks, steps = _quiz00()
    computed = _computed_row(row, marks, steps)
    checked = sum(_assert_stat(name, row[name], float(computed[ours]))
                  for name, ours in QSTATS_COLUMNS.items())
    assert checked >= 4


def test_quiz00_test_statistics():
    marks, _ = _quiz00()
    expected = pd.read_csv(MOODLE / "expected" / "quizstats00_expected.csv")
    figures = quiz_statistics(marks.sum(axis=1), marks.var(axis=0, ddof=1))
    ours = {
        "median": figures["median"], "firstattemptsavg": figures["mean"],
        "allattemptsavg": figures["mean"], "firstattemptscount": figures["n"],
        "allattemptscount": figures["n"], "standarddeviation": figures["sd"],
        "skewness": figures["skewness"], "kurtosis": figures["kurtosis"],
        "cic": 100 * figures["alpha"], "errorratio": figures["error_ratio"],
        "standarderror": figures["standard_error"],
    }
    for row in expected.itertuples():
        expected_value = pytest.approx(row.expected, rel=row.tolerance_rel)
        assert ours[row.statname] == expected_value, row.statname


def test_variant_counts_of_slot_2():
    _, steps = _quiz00()
    assert steps["variants.2"].value_counts().to_dict() == {1: 6, 4: 4, 5: 3, 6: 4, 7: 2, 8: 5,
                                                            10: 1}


def _usages():
    """mdl_question_states.csv: a new usage starts at each slot-1 row; its total is sumgrades."""
    states = pd.read_csv(MOODLE / "fixtures" / "mdl_question_states.csv")
    states["usage"] = (states["slot"] == 1).cumsum()
    marks = states.pivot(index="usage", columns="slot", values="mark")
    totals = states[states["slot"] == 1].set_index("usage")["sumgrades"]
    maxima = pd.read_csv(MOODLE / "fixtures" / "mdl_question.csv").set_index("slot")["maxmark"]
    return marks, totals, maxima.astype(float)


def test_statistics_test_qstats():
    marks, totals, maxima = _usages()
    computed = item_statistics(marks, maxima, totals)
    expected = pd.read_csv(MOODLE / "expected" / "statistics_test_expected.csv",
                           dtype=str).set_index("slot")
    scale = {"facility_x100": ("facility", 100), "sd_x1000": ("sd", 1000),
             "effectiveweight": ("effective_weight", 1),
             "discriminationindex": ("discrimination_index", 1),
             "discriminativeefficiency": ("discriminative_efficiency", 1)}
    assert len(marks) == 22
    for slot, row in expected.iterrows():
        for column, (ours, factor) in scale.items():
            value = computed.at[int(slot), ours] * factor
            if row[column] == "**NULL**":  # PHPUnit's assertEquals(null, x) also accepts 0
                assert math.isnan(value) or value == 0, (slot, column)
            else:
                assert value == pytest.approx(float(row[column]), abs=1e-6), (slot, column)
