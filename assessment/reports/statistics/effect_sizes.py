"""Effect sizes and tests beside d_z, kept to show which one the report uses and why.

The report gives d_z (mean difference / SD of differences, Lakens 2013), the effect
size of a paired design. d_av (the mean difference over the average SD of the two
tests) and Hedges' g are also computed by common tools and can differ from d_z by a
factor of four on the same data (see ../shared/reference/DEFINITIONS.md, item 3).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special, stats


def d_av(before, after) -> float:
    """Mean difference over √((s₁² + s₂²)/2), as pingouin's paired cohen_d."""
    before, after = np.asarray(before, float), np.asarray(after, float)
    average_sd = math.sqrt((before.var(ddof=1) + after.var(ddof=1)) / 2)
    return float((before.mean() - after.mean()) / average_sd)


def hedges_g_of_d_av(before, after) -> float:
    """pingouin's paired Hedges g: d_av · (1 − 3 / (4(n₁ + n₂) − 9))."""
    n = len(before) + len(after)
    return d_av(before, after) * (1 - 3 / (4 * n - 9))


def d_s(first, second) -> float:
    """Cohen's d for two independent groups with the pooled SD."""
    first, second = np.asarray(first, float), np.asarray(second, float)
    n1, n2 = len(first), len(second)
    pooled = ((n1 - 1) * first.var(ddof=1) + (n2 - 1) * second.var(ddof=1)) / (n1 + n2 - 2)
    return float((first.mean() - second.mean()) / math.sqrt(pooled))


def hedges_g_independent(first, second) -> float:
    """d_s times the exact correction J(df) = Γ(df/2) / (√(df/2) Γ((df − 1)/2))."""
    df = len(first) + len(second) - 2
    log_ratio = special.gammaln(df / 2) - special.gammaln((df - 1) / 2)
    correction = math.exp(log_ratio) / math.sqrt(df / 2)
    return d_s(first, second) * correction


def student_t_independent(first, second) -> float:
    """Student's t for two independent groups with equal variances."""
    return float(stats.ttest_ind(first, second, equal_var=True).statistic)


def rank_biserial(before, after) -> float:
    """Matched-pairs rank-biserial r of before − after, zero differences dropped."""
    diff = np.asarray(before, float) - np.asarray(after, float)
    diff = diff[diff != 0]
    ranks = stats.rankdata(np.abs(diff))
    positive, negative = ranks[diff > 0].sum(), ranks[diff < 0].sum()
    return float((positive - negative) / ranks.sum())


def point_biserial(binary, score) -> float:
    """r between a 0/1 variable and a score: (M₁ − M₀) / s · √(pq), s with n."""
    binary, score = np.asarray(binary, bool), np.asarray(score, float)
    p = binary.mean()
    spread = score.std(ddof=0)
    return float((score[binary].mean() - score[~binary].mean()) / spread * math.sqrt(p * (1 - p)))
