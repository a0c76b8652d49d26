"""The main group charts: each group's mean paired gain with its own 95 % interval.

Two bars of pre and post means with their own intervals overlap even when the paired
test is clear; the interval of the mean gain is the one that shows whether a group
changed. Groups under the minimum size get their bar hatched and no interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from assessment.reports.chart_layout import (
    DOWN,
    INK,
    MUTED,
    UP,
    finish,
    group_label,
    interval_bars,
    interval_handle,
    new_figure,
    no_data,
    note_lines,
    row_height,
    rows_top_down,
    small_group_handle,
    small_group_size,
)


def gain_by_level_group(report, words: dict) -> Figure:
    """Mean gain per level group (executives, directors, ...), with 95 % intervals."""
    return gain_chart(report, report.by_level_group, "level_group", words)


def gain_by_department(report, words: dict) -> Figure:
    """Mean gain per department, with 95 % intervals."""
    return gain_chart(report, report.by_department, "department", words)


def gain_by_level(report, words: dict) -> Figure:
    """Mean gain per fine staff level, with 95 % intervals."""
    return gain_chart(report, report.by_level, "level", words)


def gain_chart(report, table: pd.DataFrame, column: str, words: dict) -> Figure:
    """One horizontal bar per group from 0 to its mean gain, with the gain's interval."""
    title = words[f"gain_by_{column}"]
    table = table[table["n_paired"] > 0].reset_index(drop=True)
    if table.empty:
        return no_data(title, words["no_data"])
    figure = new_figure()
    axes = figure.add_subplot()
    y = rows_top_down(axes, [group_label(row[column], row, words)
                             for _, row in table.iterrows()])
    gains = table["mean_gain"].to_numpy(float)
    low, high = (table[f"gain_ci_{end}"].to_numpy(float) for end in ("low", "high"))
    _gain_bars(axes, y, gains, low, high, table["small_group"].to_numpy(bool))
    _gain_scale(axes, gains, low, high, words["gain_points"])
    legend = _legend(words, small_group_size(report), table["small_group"].any())
    note = note_lines(words["gain_bars"], words["paired_only"].format(
        n=int(table["n_paired"].sum())))
    finish(figure, axes, title, note, legend, plot_height=row_height(len(table)) * len(table))
    return figure


def _gain_bars(axes, y, gains, low, high, small) -> None:
    known = interval_bars(axes, y, gains, low, high, small, height=0.6,
                          color=np.where(gains >= 0, UP, DOWN), small_alpha=0.6)
    ends = np.where(known, np.where(gains >= 0, high, low), gains)
    for end, gain, row in zip(ends, gains, y, strict=True):
        side = "left" if gain >= 0 else "right"
        axes.text(end + (0.8 if gain >= 0 else -0.8), row, f"{gain:+.1f}", ha=side,
                  va="center", fontsize=8, color=MUTED)


def _gain_scale(axes, gains, low, high, label: str) -> None:
    """Room for every bar, interval and value label, with 0 always in sight."""
    values = np.concatenate([gains, low, high, [0.0]])
    values = values[np.isfinite(values)]
    span = max(values.max() - values.min(), 10.0)
    axes.set_xlim(min(values.min(), 0) - 0.12 * span, max(values.max(), 0) + 0.12 * span)
    axes.axvline(0, color=INK, linewidth=0.9)
    axes.set_xlabel(label)
    axes.grid(axis="x")
    axes.set_axisbelow(True)


def _legend(words: dict, small_size: int, any_small: bool) -> list:
    handles = [Patch(color=UP, label=words["mean_gain"]), interval_handle(words["gain_ci"])]
    if any_small:
        handles.append(small_group_handle(words["small_no_ci"].format(n=small_size)))
    return handles
