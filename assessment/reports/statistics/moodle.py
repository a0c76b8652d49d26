"""Item and test statistics as Moodle's quiz statistics report defines them.

Written from the formulas in ../shared/reference/moodle-quiz-statistics/README.md
(question/classes/statistics/questions/calculator.php and
mod/quiz/report/statistics/classes/calculator.php); variances use n − 1.

For an item with marks x over attempts whose totals are T:
- facility = mean(x) / max mark (0..1; undefined for a 0-mark item)
- discrimination index = 100 · r(x, R), where R = T − x ("the rest"), undefined when
  either variance is 0 (the corrected item-total correlation)
- discriminative efficiency = 100 · cov(x, R) / cov(sort(x), sort(R))
- effective weight = 100 · √cov(x, T) / Σ √cov(xⱼ, T) over items with cov ≥ 0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from assessment.reports.statistics.reliability import alpha_from_variances

NAN = float("nan")


def item_statistics(marks: pd.DataFrame, max_marks: pd.Series, totals=None,
                    rest_excludes_item: bool = True, whole_test: bool = True) -> pd.DataFrame:
    """Moodle's per-item statistics for a matrix of marks (attempts × items).

    `totals` default to the row sums; Moodle's random sub-questions correlate with
    the total including the item (`rest_excludes_item=False`). Effective weights
    need every item of the test (`whole_test`); for a part of it they are undefined.
    """
    x = marks.to_numpy(dtype=float)
    t = np.asarray(marks.sum(axis=1) if totals is None else totals, dtype=float)
    rest = t[:, None] - x if rest_excludes_item else np.repeat(t[:, None], x.shape[1], axis=1)
    s = x.shape[0]
    mark_variance = _variance(x)
    other_variance = _variance(rest)
    covariance = _covariance(x, rest)
    covariance_max = _covariance(np.sort(x, axis=0), np.sort(rest, axis=0))
    with np.errstate(divide="ignore", invalid="ignore"):
        maxima = max_marks.reindex(marks.columns).to_numpy(dtype=float)
        facility = np.where(maxima > 0, x.mean(axis=0) / maxima, NAN) if s else NAN
        product = mark_variance * other_variance
        discrimination = np.where(product > 0, 100 * covariance / np.sqrt(product), NAN)
        efficiency = np.where(covariance_max != 0, 100 * covariance / covariance_max, NAN)
    return pd.DataFrame({
        "s": s, "facility": facility, "sd": np.sqrt(mark_variance),
        "effective_weight": effective_weights(x, t) if whole_test else NAN,
        "covariance": covariance, "mark_variance": mark_variance,
        "other_mark_variance": other_variance, "discrimination_index": discrimination,
        "covariance_max": covariance_max, "discriminative_efficiency": efficiency,
    }, index=marks.columns)


def _variance(values: np.ndarray) -> np.ndarray:
    if values.shape[0] < 2:
        return np.full(values.shape[1], NAN)
    return values.var(axis=0, ddof=1)


def _covariance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    n = a.shape[0]
    if n < 2:
        return np.full(a.shape[1], NAN)
    return ((a - a.mean(axis=0)) * (b - b.mean(axis=0))).sum(axis=0) / (n - 1)


def effective_weights(x: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Each item's share of the spread of totals; undefined for an item with cov(x, T) < 0."""
    covariance = _covariance(x, np.repeat(totals[:, None], x.shape[1], axis=1))
    roots = np.sqrt(np.where(covariance >= 0, covariance, NAN))
    total = np.nansum(roots)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, 100 * roots / total, np.where(np.isnan(roots), NAN, 0.0))


def quiz_statistics(totals, item_variances) -> dict:
    """Moodle's test-level figures for the attempt totals: spread, shape and reliability.

    alpha is Cronbach's α (Moodle shows 100 α as "CIC"; for 0/1 items it is KR-20),
    with the number of items counted from `item_variances`.
    """
    t = np.asarray(totals, dtype=float)
    s = len(t)
    figures = {"n": s, "mean": float(t.mean()) if s else NAN,
               "median": float(np.median(t)) if s else NAN}
    return figures | _shape(t) | _reliability(t, np.asarray(item_variances, dtype=float))


def _shape(t: np.ndarray) -> dict:
    s = len(t)
    if s < 4:
        return {"sd": float(t.std(ddof=1)) if s > 1 else NAN, "skewness": NAN, "kurtosis": NAN}
    deviation = t - t.mean()
    m2, m3, m4 = ((deviation ** r).sum() / s for r in (2, 3, 4))
    k2 = s * m2 / (s - 1)
    k3 = s * s * m3 / ((s - 1) * (s - 2))
    k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
    with np.errstate(divide="ignore", invalid="ignore"):
        return {"sd": float(np.sqrt(k2)), "skewness": float(k3 / k2 ** 1.5) if k2 else NAN,
                "kurtosis": float(k4 / k2 ** 2) if k2 else NAN}


def _reliability(t: np.ndarray, item_variances: np.ndarray) -> dict:
    k = len(item_variances)
    variance = float(t.var(ddof=1)) if len(t) > 1 else NAN
    alpha = alpha_from_variances(item_variances, variance)
    if np.isnan(alpha):
        return {"k": k, "alpha": NAN, "error_ratio": NAN, "standard_error": NAN}
    error_ratio = 100 * np.sqrt(1 - alpha) if alpha <= 1 else NAN
    return {"k": k, "alpha": alpha, "error_ratio": float(error_ratio),
            "standard_error": float(error_ratio * np.sqrt(variance) / 100)}
