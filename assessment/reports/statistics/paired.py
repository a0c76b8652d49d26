"""One group's pre-to-post comparison: means, gains, tests and effect size.

Definitions (sources in ../shared/reference/DEFINITIONS.md):
- gain: post % − pre %, in points of percent.
- g_of_averages: Hake's ⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (100 − ⟨pre⟩).
- mean_of_g: the mean of each person's (post − pre) / (100 − pre); people at 100 %
  before are left out of it and counted in n_excluded_from_g.
- p_paired_t: two-sided paired t-test; p_wilcoxon: two-sided Wilcoxon signed-rank
  test, zero differences dropped, exact or normal approximation as R chooses.
- gain_ci_low, gain_ci_high: the 95 % t-interval of the mean gain (the paired
  t-test's interval), the interval the group gain charts draw.
- d_z: mean difference / SD of the differences (Lakens 2013), with a 95 % interval
  from the noncentral t distribution.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special, stats

NAN = float("nan")
CONFIDENCE = 0.95
#: beyond this t the noncentral t's inversion is slow or does not return; the normal
#: approximation of d_z's interval is then as good as exact
MAX_EXACT_T = 100.0


def paired_comparison(pre, post) -> dict:
    """Every gain statistic for people who took both tests (percent scores)."""
    pre = np.asarray(pre, dtype=float)
    post = np.asarray(post, dtype=float)
    n = len(pre)
    if n == 0:
        return _empty()
    diff = differences(pre, post)
    d_z = effect_size_dz(diff)
    low, high = dz_interval(d_z, n)
    gain_low, gain_high = mean_interval(diff)
    return {
        "n_paired": n,
        "pre_mean_percent": float(pre.mean()),
        "post_mean_percent": float(post.mean()),
        "mean_gain": float(diff.mean()),
        "gain_ci_low": gain_low,
        "gain_ci_high": gain_high,
        "g_of_averages": gain_of_averages(pre, post),
        **average_of_gains(pre, post),
        "p_paired_t": paired_t_p(diff),
        "p_wilcoxon": wilcoxon_p(diff),
        "d_z": d_z,
        "d_z_ci_low": low,
        "d_z_ci_high": high,
    }


def _empty() -> dict:
    values = dict.fromkeys(
        ["pre_mean_percent", "post_mean_percent", "mean_gain", "gain_ci_low", "gain_ci_high",
         "g_of_averages", "mean_of_g",
         "p_paired_t", "p_wilcoxon", "d_z", "d_z_ci_low", "d_z_ci_high"], NAN)
    return {"n_paired": 0, "n_excluded_from_g": 0, **values}


def differences(pre, post) -> np.ndarray:
    """post − pre, rounded to 1e-9 points: equal gains computed from different
    maxima (9.677419354838710 and …708) must count as equal, or the SD of the
    differences is noise and t runs to 10¹⁵."""
    return np.round(np.asarray(post, dtype=float) - np.asarray(pre, dtype=float), 9)


def mean_interval(diff, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The t-interval of the mean of `diff`; undefined for fewer than two values."""
    diff = np.asarray(diff, dtype=float)
    n = len(diff)
    if n < 2:
        return NAN, NAN
    half = stats.t.ppf((1 + confidence) / 2, n - 1) * diff.std(ddof=1) / math.sqrt(n)
    return float(diff.mean() - half), float(diff.mean() + half)


def gain_of_averages(pre, post) -> float:
    """Hake's ⟨g⟩ from the class means; undefined when everyone scored 100 % before."""
    pre_mean = float(np.mean(pre))
    if pre_mean >= 100:
        return NAN
    return (float(np.mean(post)) - pre_mean) / (100 - pre_mean)


def individual_gains(pre, post) -> np.ndarray:
    """Each person's normalised gain; NaN for people at 100 % before."""
    pre = np.asarray(pre, dtype=float)
    post = np.asarray(post, dtype=float)
    room = 100 - pre
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(room > 0, (post - pre) / room, NAN)


def average_of_gains(pre, post) -> dict:
    """The mean of individual gains, and how many people at 100 % were left out."""
    gains = individual_gains(pre, post)
    defined = gains[~np.isnan(gains)]
    return {"mean_of_g": float(defined.mean()) if len(defined) else NAN,
            "n_excluded_from_g": int(len(gains) - len(defined))}


def paired_t_test(before, after, alternative: str = "two-sided",
                  confidence: float = CONFIDENCE) -> dict:
    """Paired t-test of before − after: t, df, p and the interval of the mean difference."""
    result = stats.ttest_rel(before, after, alternative=alternative)
    interval = result.confidence_interval(confidence_level=confidence)
    return {"t": float(result.statistic), "df": int(result.df), "p": float(result.pvalue),
            "ci_low": float(interval.low), "ci_high": float(interval.high)}


def signed_rank_test(before, after, alternative: str = "two-sided", correction: bool = False,
                     method: str = "auto") -> dict:
    """Wilcoxon signed-rank test of before − after (zero differences dropped): W and p."""
    result = stats.wilcoxon(before, after, alternative=alternative, correction=correction,
                            method=method)
    return {"W": float(result.statistic), "p": float(result.pvalue)}


def paired_t_p(diff) -> float:
    """Two-sided p of the paired t-test; undefined for one pair or identical differences."""
    diff = np.asarray(diff, dtype=float)
    if len(diff) < 2 or np.ptp(diff) == 0:
        return NAN
    n = len(diff)
    t = diff.mean() / (diff.std(ddof=1) / math.sqrt(n))
    return float(2 * stats.t.sf(abs(t), n - 1))  # as ttest_rel, without its per-call overhead


def wilcoxon_p(diff) -> float:
    """Two-sided p of the Wilcoxon signed-rank test; undefined when nobody changed.

    As R's wilcox.test: exact below 50 changed pairs without ties, otherwise the
    normal approximation with tie and continuity correction (scipy's own choice for
    small samples with ties is a permutation test, far too slow for many groups).
    """
    diff = np.asarray(diff, dtype=float)
    changed = diff[diff != 0]
    if len(changed) == 0:
        return NAN
    if len(changed) < 50 and len(np.unique(np.abs(changed))) == len(changed):
        return signed_rank_test(changed, np.zeros_like(changed), method="exact")["p"]
    return signed_rank_normal_p(changed)


def signed_rank_normal_p(diff, alternative: str = "two-sided", correction: bool = True) -> float:
    """Wilcoxon's normal approximation (R: exact = FALSE), zero differences dropped.

    z = (T⁺ − n(n+1)/4 ∓ ½) / √(n(n+1)(2n+1)/24 − Σ(t³ − t)/48), t the size of each tie.
    """
    diff = np.asarray(diff, dtype=float)
    diff = diff[diff != 0]
    n = len(diff)
    ranks = stats.rankdata(np.abs(diff))
    _, ties = np.unique(ranks, return_counts=True)
    variance = n * (n + 1) * (2 * n + 1) / 24 - float((ties ** 3 - ties).sum()) / 48
    shift = float(ranks[diff > 0].sum()) - n * (n + 1) / 4
    if alternative == "two-sided":
        z = max(abs(shift) - 0.5 * correction, 0) / math.sqrt(variance)
        return float(min(1.0, 2 * stats.norm.sf(z)))
    sign = 1 if alternative == "greater" else -1
    z = (sign * shift - 0.5 * correction) / math.sqrt(variance)
    return float(stats.norm.sf(z))


def effect_size_dz(diff) -> float:
    """Cohen's d_z: mean difference over the SD of the differences (n − 1)."""
    diff = np.asarray(diff, dtype=float)
    if len(diff) < 2:
        return NAN
    sd = float(diff.std(ddof=1))
    return float(diff.mean()) / sd if sd > 0 else NAN


def dz_interval(d_z: float, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The interval of d_z whose noncentral t puts the observed t at the tails.

    Where the noncentral t cannot be inverted (extreme t), the normal
    approximation SE = √(1/n + d_z²/(2n)) is used instead.
    """
    if n < 2 or not math.isfinite(d_z):
        return NAN, NAN
    t, df, root_n = d_z * math.sqrt(n), n - 1, math.sqrt(n)
    tail = (1 - confidence) / 2
    if abs(t) < MAX_EXACT_T:
        low, high = special.nctdtrinc(df, [1 - tail, tail], t)
        if math.isfinite(low) and math.isfinite(high):
            return float(low) / root_n, float(high) / root_n
    spread = stats.norm.isf(tail) * math.sqrt(1 / n + d_z * d_z / (2 * n))
    return d_z - spread, d_z + spread
