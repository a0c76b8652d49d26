"""Our tests, effect sizes and alpha against published worked examples (pingouin, scipy/R, apa).

Every row of tests/data/reference/published-examples/expected_values.csv is reproduced
with the comparison that row names (round N, abs or rel tolerance, exact).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from assessment.reports.statistics import effect_sizes, paired, reliability

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "reference" / "published-examples"
EXPECTED = pd.read_csv(EXAMPLES / "expected_values.csv").set_index("id")


def data(name):
    return pd.read_csv(EXAMPLES / "data" / name, encoding="utf-8-sig")


def _pair(name):
    frame = data(name)
    first, second = (c for c in frame.columns if c != "pair")
    return frame[first].to_numpy(float), frame[second].to_numpy(float)


def _alpha_wide(missing):
    return reliability.cronbach_alpha(data("pingouin_cronbach_wide_missing.csv"), missing)


def _alpha_long():
    long = data("pingouin_cronbach_alpha_long.csv")
    return reliability.alpha_from_long(long, "Subj", "Items", "Scores")


def _alpha_long_interval():
    long = data("pingouin_cronbach_alpha_long.csv")
    people, items = long["Subj"].nunique(), long["Items"].nunique()
    return reliability.alpha_interval(_alpha_long(), people, items)


def _ttest(name, alternative="two-sided", confidence=0.95):
    return paired.paired_t_test(*_pair(name), alternative=alternative, confidence=confidence)


def _wilcoxon(name, **options):
    return paired.signed_rank_test(*_pair(name), **options)


def _linspace():
    return np.linspace(1, 100, 100), np.linspace(1.01, 99.989, 100)


AB, PP = "pingouin_ttest_a_b_paired.csv", "pingouin_ttest_pre_post.csv"
MOVIES, WX = "lakens2013_movies_paired.csv", "pingouin_wilcoxon_x2_y2.csv"
R12, R10 = "scipy_wilcoxon_R_12pairs.csv", "scipy_wilcoxon_R_onesided_10pairs.csv"
HEDGES = "pingouin_effsize_hedges_paired.csv"
REX, CI85 = "scipy_wilcoxon_R_exact_10pairs.csv", "scipy_ttest_rel_ci_R_10pairs.csv"

COMPUTED = {
    "alpha_pairwise": lambda: _alpha_wide("pairwise"),
    "alpha_listwise_KR20": lambda: _alpha_wide("listwise"),
    "alpha_median_imputed": lambda: _alpha_wide("median"),
    "alpha_long": _alpha_long,
    "alpha_long_ci_low": lambda: _alpha_long_interval()[0],
    "alpha_long_ci_high": lambda: _alpha_long_interval()[1],
    "ab_t": lambda: _ttest(AB)["t"],
    "ab_p_two": lambda: _ttest(AB)["p"],
    "ab_ci_low": lambda: _ttest(AB)["ci_low"],
    "ab_ci_high": lambda: _ttest(AB)["ci_high"],
    "ab_p_greater": lambda: _ttest(AB, "greater")["p"],
    "ab_p_less": lambda: _ttest(AB, "less")["p"],
    "prepost_t": lambda: _ttest(PP)["t"],
    "prepost_p_less": lambda: _ttest(PP, "less")["p"],
    "prepost_dav": lambda: abs(effect_sizes.d_av(*_pair(PP))),
    "hedges_paired": lambda: effect_sizes.hedges_g_of_d_av(*_pair(HEDGES)),
    "lakens_dz": lambda: paired.effect_size_dz(_pair(MOVIES)[0] - _pair(MOVIES)[1]),
    "lakens_t_paired": lambda: _ttest(MOVIES)["t"],
    "lakens_p_paired": lambda: _ttest(MOVIES)["p"],
    "lakens_ds": lambda: effect_sizes.d_s(*_pair(MOVIES)),
    "lakens_g_s": lambda: effect_sizes.hedges_g_independent(*_pair(MOVIES)),
    "lakens_t_ind": lambda: effect_sizes.student_t_independent(*_pair(MOVIES)),
    "wx2_W": lambda: _wilcoxon(WX)["W"],
    "wx2_p": lambda: _wilcoxon(WX)["p"],
    "wx2_rbc": lambda: effect_sizes.rank_biserial(*_pair(WX)),
    "wR12_T": lambda: _wilcoxon(R12, method="approx")["W"],
    "wR12_p_nocorr": lambda: _wilcoxon(R12, method="approx")["p"],
    "wR12_p_corr": lambda: _wilcoxon(R12, method="approx", correction=True)["p"],
    "wR10_W": lambda: _wilcoxon(R10, method="approx", alternative="less")["W"],
    "wR10_p_less": lambda: _wilcoxon(R10, method="approx", alternative="less")["p"],
    "wR10_p_less_corr": lambda: _wilcoxon(R10, method="approx", alternative="less",
                                          correction=True)["p"],
    "wR10_p_greater": lambda: _wilcoxon(R10, method="approx", alternative="greater")["p"],
    "wR10_p_greater_corr": lambda: _wilcoxon(R10, method="approx", alternative="greater",
                                             correction=True)["p"],
    "wRex_p_two": lambda: _wilcoxon(REX, method="exact")["p"],
    "wRex_p_less": lambda: _wilcoxon(REX, method="exact", alternative="less")["p"],
    "wRex_p_greater": lambda: _wilcoxon(REX, method="exact", alternative="greater")["p"],
    "trel_ci85_low": lambda: _ttest(CI85, confidence=0.85)["ci_low"],
    "trel_ci85_high": lambda: _ttest(CI85, confidence=0.85)["ci_high"],
    "trel_ci85_greater_low": lambda: _ttest(CI85, "greater", 0.85)["ci_low"],
    "trel_ci85_less_high": lambda: _ttest(CI85, "less", 0.85)["ci_high"],
    "trel_linspace_t": lambda: paired.paired_t_test(*_linspace())["t"],
    "trel_linspace_p": lambda: paired.paired_t_test(*_linspace())["p"],
    "pbis_r": lambda: effect_sizes.point_biserial(*_pair_columns("scipy_pointbiserial_SAS.csv")),
}


def _pair_columns(name):
    frame = data(name)
    return frame["x_binary"].to_numpy(), frame["y"].to_numpy(float)


def _matches(actual: float, expected: float, compare: str) -> bool:
    kind, _, amount = compare.partition(" ")
    if kind == "round":
        return round(actual, int(amount)) == pytest.approx(expected, abs=1e-12)
    if kind == "abs":
        return math.isclose(actual, expected, rel_tol=0, abs_tol=float(amount))
    if kind == "rel":
        return math.isclose(actual, expected, rel_tol=float(amount))
    return actual == expected


def test_every_published_value_has_a_computation():
    assert set(COMPUTED) == set(EXPECTED.index)


@pytest.mark.parametrize("value_id", list(EXPECTED.index))
def test_published_value(value_id):
    row = EXPECTED.loc[value_id]
    actual = COMPUTED[value_id]()
    assert _matches(actual, float(row["expected"]), row["compare"]), (value_id, actual)


R_NORMAL = {  # Wilcoxon's normal approximation written by hand, against R's wilcox.test
    "wR12_p_nocorr": (R12, "two-sided", False), "wR12_p_corr": (R12, "two-sided", True),
    "wR10_p_less": (R10, "less", False), "wR10_p_less_corr": (R10, "less", True),
    "wR10_p_greater": (R10, "greater", False), "wR10_p_greater_corr": (R10, "greater", True),
}


@pytest.mark.parametrize("value_id", list(R_NORMAL))
def test_hand_written_normal_approximation_matches_r(value_id):
    name, alternative, correction = R_NORMAL[value_id]
    before, after = _pair(name)
    actual = paired.signed_rank_normal_p(before - after, alternative, correction)
    assert actual == pytest.approx(EXPECTED.loc[value_id, "expected"], rel=1e-7)
