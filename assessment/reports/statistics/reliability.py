"""Cronbach's alpha for a table of item scores (rows people, columns items).

α = k/(k−1) · (1 − Σ item variances / variance of totals), written with the item
covariance matrix C as k/(k−1) · (1 − trace C / ΣC). For 0/1 items it is KR-20.
Missing answers: `listwise` drops incomplete rows (R psych "complete.obs"),
`pairwise` uses pairwise-complete covariances (psych "pairwise"), `median` fills
each item's gaps with its median first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

NAN = float("nan")


def cronbach_alpha(items: pd.DataFrame, missing: str = "listwise") -> float:
    """Cronbach's alpha of the items; NaN with fewer than two items or no spread."""
    covariance = _handle_missing(items.astype(float), missing).cov().to_numpy()
    return alpha_from_variances(np.diag(covariance), covariance.sum())


def alpha_from_variances(item_variances, total_variance: float) -> float:
    """k/(k−1) · (1 − Σ item variances / variance of totals); NaN for < 2 items or no spread."""
    k = len(item_variances)
    if k < 2 or not total_variance > 0:
        return NAN
    return k / (k - 1) * (1 - float(np.nansum(item_variances)) / total_variance)


def _handle_missing(table: pd.DataFrame, missing: str) -> pd.DataFrame:
    if missing == "listwise":
        return table.dropna()
    if missing == "median":
        return table.fillna(table.median())
    if missing == "pairwise":
        return table
    raise ValueError(f"unknown way to handle missing answers: {missing}")


def alpha_interval(alpha: float, n: int, k: int, confidence: float = 0.95) -> tuple[float, float]:
    """Feldt's F-based interval for alpha, from n people and k items."""
    tail = (1 - confidence) / 2
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1 - (1 - alpha) * stats.f.isf(tail, df1, df2)
    high = 1 - (1 - alpha) * stats.f.isf(1 - tail, df1, df2)
    return float(low), float(high)


def alpha_from_long(frame: pd.DataFrame, person: str, item: str, score: str) -> float:
    """Alpha for answers in long form (one row per person and item)."""
    return cronbach_alpha(frame.pivot(index=person, columns=item, values=score))
