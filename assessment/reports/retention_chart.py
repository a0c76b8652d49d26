"""The retention chart: mean score at the pre-test, post-test and follow-up test."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from scipy import stats

from assessment.reports.chart_layout import (
    INK,
    finish,
    new_figure,
    no_data,
    note_lines,
    percent_scale,
    small_group_size,
)

PHASES = ("pre", "post", "followup")
#: level groups drawn beside everyone, told apart in grey print too
GROUP_COLOURS = ["#2a7ab8", "#d0542c", "#4f9a4f", "#8a5fb0", "#b58a1a"]


def retention(report, words: dict) -> Figure:
    """Everyone's mean at the three tests with 95 % intervals, and each level group's mean."""
    if report.retention is None:
        return no_data(words["retention"], words["no_data"])
    people = report.retention.people
    figure = new_figure()
    axes = figure.add_subplot()
    x = np.arange(len(PHASES))
    means, half = _means_and_half_widths(people)
    line = axes.errorbar(x, means, yerr=half, color=INK, linewidth=2.6, marker="o",
                         markersize=7, capsize=4, label=words["everyone_n"].format(n=len(people)))
    for position, mean, above in zip(x, means, means + half, strict=True):
        axes.annotate(f"{mean:.1f}%", (position, above), xytext=(0, 5),
                      textcoords="offset points", ha="center", va="bottom", fontweight="bold")
    groups = report.retention.by_level_group
    handles = [line, *_level_groups(axes, groups, words)]
    axes.set_xticks(x, labels=[words[phase] for phase in PHASES])
    axes.set_xlim(-0.3, len(PHASES) - 0.7)
    percent_scale(axes.yaxis, words["mean_score"])
    sentences = [words["retention_note"], words["all_three"].format(n=len(people))]
    if groups["small_group"].any():
        sentences.append(words["small_left_out"].format(n=small_group_size(report)))
    note = note_lines(*sentences)
    finish(figure, axes, words["retention"], note, handles, plot_height=3.2)
    return figure


def _means_and_half_widths(people) -> tuple[np.ndarray, np.ndarray]:
    values = people[list(PHASES)].to_numpy(float)
    n = len(values)
    means = values.mean(axis=0)
    if n < 2:
        return means, np.zeros(len(PHASES))
    return means, stats.t.ppf(0.975, n - 1) * values.std(axis=0, ddof=1) / np.sqrt(n)


def _level_groups(axes, table, words: dict) -> list:
    shown = table[~table["small_group"]].head(len(GROUP_COLOURS))
    if len(shown) < 2:  # one group is everyone again
        return []
    handles = []
    for (_, row), colour in zip(shown.iterrows(), GROUP_COLOURS, strict=False):
        means = [row[f"{phase}_mean_percent"] for phase in PHASES]
        label = words["group_n"].format(name=row["level_group"], n=int(row["n_all_three"]))
        handles += axes.plot(np.arange(len(PHASES)), means, color=colour, linewidth=1.2,
                             marker="o", markersize=4, alpha=0.85, label=label)
    return handles
