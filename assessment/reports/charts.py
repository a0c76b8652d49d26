"""The report's six charts as PNG or SVG bytes (matplotlib Figures without pyplot, no Flask).

Each chart function takes a LearningReport and the words of the report language and
returns a Figure; `all_charts` draws them in the report's font and style and saves them.
"""

from __future__ import annotations

import io
import threading

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from scipy import stats

from assessment.reports.chart_layout import (
    CEILING,
    DOWN,
    DPI,
    INK,
    MUTED,
    POST,
    PRE,
    SAME,
    STYLE,
    UP,
    finish,
    group_label,
    interval_bars,
    interval_handle,
    new_figure,
    no_data,
    note_lines,
    percent_scale,
    row_height,
    rows_top_down,
    small_group_handle,
    small_group_size,
    wrapped,
)
from assessment.reports.chart_words import WORDS
from assessment.reports.fonts import chart_font_settings
from assessment.reports.gain_charts import gain_by_department, gain_by_level, gain_by_level_group
from assessment.reports.retention_chart import retention
from assessment.reports.statistics.items import CEILING_FULLY_RIGHT

FORMATS = ("png", "svg")
SAVE_OPTIONS = {
    # zlib's fastest level: a quarter less time than the default, files 4 % larger.
    "png": {"pil_kwargs": {"compress_level": 1}},
    # An SVG dated at each save would differ every time; the same answers give the same file.
    "svg": {"metadata": {"Date": None}},
}

#: rcParams are process-wide: one set of charts is drawn at a time.
_DRAWING = threading.Lock()


def all_charts(report, lang: str = "th", fmt: str = "png") -> dict[str, bytes]:
    """Every chart of the report as image bytes, keyed by chart name."""
    if fmt not in FORMATS:
        raise ValueError(f"chart format must be one of {FORMATS}, not {fmt!r}")
    words = WORDS["th" if lang == "th" else "en"]
    with _DRAWING, mpl.rc_context(STYLE | chart_font_settings()):
        return {name: image_bytes(draw(report, words), fmt) for name, draw in CHARTS.items()
                if name != "retention" or getattr(report, "retention", None) is not None}


def image_bytes(figure: Figure, fmt: str) -> bytes:
    """The figure saved as PNG or SVG."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=DPI, **SAVE_OPTIONS[fmt])
    return buffer.getvalue()


def mean_intervals(participants: pd.DataFrame, column: str,
                   confidence: float = 0.95) -> pd.DataFrame:
    """t-interval of each group's mean pre % and post % (paired people), by `column`.

    Columns pre_low, pre_high, post_low, post_high; NaN where a group has one person.
    """
    paired = participants[participants["paired"]]
    groups = paired.groupby(column, dropna=False, sort=False)[["pre_percent", "post_percent"]]
    n, mean, sd = groups.count(), groups.mean(), groups.std(ddof=1)
    half = sd / np.sqrt(n) * stats.t.ppf((1 + confidence) / 2, n.where(n > 1) - 1)
    result = pd.DataFrame(index=mean.index)
    for phase in ("pre", "post"):
        result[f"{phase}_low"] = mean[f"{phase}_percent"] - half[f"{phase}_percent"]
        result[f"{phase}_high"] = mean[f"{phase}_percent"] + half[f"{phase}_percent"]
    return result


def by_level(report, words: dict) -> Figure:
    """Pre and post mean per staff level, with 95 % intervals."""
    return group_chart(report, report.by_level, "level", words)


def by_department(report, words: dict) -> Figure:
    """Pre and post mean per department, with 95 % intervals."""
    return group_chart(report, report.by_department, "department", words)


def group_chart(report, table: pd.DataFrame, column: str, words: dict) -> Figure:
    """Horizontal pre and post bars per group; small groups hatched and marked ⚠."""
    title = words[f"by_{column}"]
    table = table[table["n_paired"] > 0].reset_index(drop=True)
    if table.empty:
        return no_data(title, words["no_data"])
    intervals = mean_intervals(report.participants, column).reindex(table[column])
    figure = new_figure()
    axes = figure.add_subplot()
    y = rows_top_down(axes, [group_label(row[column], row, words)
                             for _, row in table.iterrows()])
    for phase, offset, colour in (("pre", -0.2, PRE), ("post", 0.2, POST)):
        _bars(axes, y + offset, table, intervals, phase, colour)
    percent_scale(axes.xaxis, words["mean_score"], room=12)
    legend = _group_legend(words, small_group_size(report), table["small_group"].any())
    note = note_lines(words["phase_bars"], words["paired_only"].format(
        n=int(table["n_paired"].sum())))
    finish(figure, axes, title, note, legend, plot_height=row_height(len(table)) * len(table))
    return figure


def _bars(axes, y, table: pd.DataFrame, intervals: pd.DataFrame, phase: str, colour: str):
    means = table[f"{phase}_mean_percent"].to_numpy(dtype=float)
    low = intervals[f"{phase}_low"].clip(0, 100).to_numpy(dtype=float)
    high = intervals[f"{phase}_high"].clip(0, 100).to_numpy(dtype=float)
    known = interval_bars(axes, y, means, low, high, table["small_group"], height=0.38,
                          color=colour, small_alpha=0.75)
    for end, mean, row in zip(np.where(known, high, means), means, y, strict=True):
        axes.text(end + 1.2, row, f"{mean:.0f}", va="center", fontsize=8, color=MUTED)


def _group_legend(words: dict, small_size: int, any_small: bool) -> list:
    handles = [Patch(color=PRE, label=words["pre"]), Patch(color=POST, label=words["post"]),
               interval_handle(words["ci"])]
    if any_small:
        handles.append(small_group_handle(words["small"].format(n=small_size)))
    return handles


def participant_change(report, words: dict) -> Figure:
    """One line per paired participant from pre to post score, and the mean; no names."""
    title = words["participant_change"]
    paired = report.participants[report.participants["paired"]]
    if paired.empty:
        return no_data(title, words["no_data"])
    pre, post = paired["pre_percent"].to_numpy(float), paired["post_percent"].to_numpy(float)
    figure = new_figure()
    axes = figure.add_subplot()
    colours = np.select([post > pre, post < pre], [UP, DOWN], SAME)
    axes.add_collection(LineCollection(
        [[(0, a), (1, b)] for a, b in zip(pre, post, strict=True)], colors=colours,
        linewidths=1.1, alpha=_line_alpha(len(paired))))
    mean_line = axes.plot([0, 1], [pre.mean(), post.mean()], color=INK, linewidth=3,
                          marker="o", markersize=7, label=words["mean"])
    for x, value, side in ((-0.05, pre.mean(), "right"), (1.05, post.mean(), "left")):
        axes.text(x, value, f"{value:.1f}%", ha=side, va="center", fontweight="bold")
    axes.set_xticks([0, 1], labels=[words["pre"], words["post"]])
    axes.set_xlim(-0.3, 1.3)
    percent_scale(axes.yaxis, words["score"])
    legend = [*_change_handles(pre, post, words), *mean_line]
    note = words["paired_only"].format(n=len(paired))
    finish(figure, axes, title, note, legend, plot_height=3.4)
    return figure


def _change_handles(pre: np.ndarray, post: np.ndarray, words: dict) -> list:
    counts = {"up": post > pre, "down": post < pre, "same": post == pre}
    return [Line2D([], [], color=colour, linewidth=2,
                   label=words[key].format(n=int(counts[key].sum())))
            for key, colour in (("up", UP), ("down", DOWN), ("same", SAME))]


def _line_alpha(people: int) -> float:
    # Many lines on top of each other must still show where most people went.
    return float(np.clip(4 / np.sqrt(people), 0.08, 0.8))


def distribution(report, words: dict) -> Figure:
    """How many people scored in each tenth of the scale, pre and post, with the means."""
    title = words["distribution"]
    people = report.participants
    scores = {phase: people[f"{phase}_percent"].dropna() for phase in ("pre", "post")}
    if all(values.empty for values in scores.values()):
        return no_data(title, words["no_data"])
    figure = new_figure()
    axes = figure.add_subplot()
    handles = []
    for (phase, values), offset, colour in zip(scores.items(), (-2.2, 2.2), (PRE, POST),
                                               strict=True):
        if len(values):
            handles += _histogram(axes, values, offset, colour, words[phase], words)
    axes.set_xticks(np.arange(0, 101, 10))
    axes.set_xlim(0, 100)
    axes.set_xlabel(words["score"])
    axes.set_ylabel(words["people"])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y")
    axes.set_axisbelow(True)
    finish(figure, axes, title, words["everyone"], handles, plot_height=2.8)
    return figure


def _histogram(axes, values: pd.Series, offset: float, colour: str, phase: str,
               words: dict) -> list:
    counts, edges = np.histogram(values, bins=10, range=(0, 100))
    bars = axes.bar(edges[:-1] + 5 + offset, counts, width=4.2, color=colour,
                    label=words["phase_n"].format(phase=phase, n=len(values)))
    mean = axes.axvline(values.mean(), color=colour, linestyle="--", linewidth=1.6,
                        label=words["mean_of"].format(phase=phase, value=values.mean()))
    return [bars, mean]


def by_topic(report, words: dict) -> Figure:
    """Pre and post mean per topic as dots joined by a line, and the gain beside each."""
    title = words["by_topic"]
    table = report.by_topic.dropna(subset=["pre_mean_percent", "post_mean_percent"])
    if table.empty:
        return no_data(title, words["no_data"])
    figure = new_figure()
    axes = figure.add_subplot()
    rows_top_down(axes, [wrapped(str(topic)) for topic in table["topic"]])
    _dumbbell(axes, table["pre_mean_percent"], table["post_mean_percent"])
    percent_scale(axes.xaxis, words["mean_score"])
    _gain_column(axes, table["mean_gain"].to_numpy(float), words["gain"])
    note = words["paired_only"].format(n=int(table["n_paired"].max()))
    if table["small_group"].any():
        note += "  ⚠ " + words["small"].format(n=small_group_size(report))
    finish(figure, axes, title, note, _dot_handles(words), plot_height=0.4 * len(table))
    return figure


def _gain_column(axes, gains: np.ndarray, heading: str) -> None:
    beside = axes.get_yaxis_transform()
    axes.text(1.03, -0.75, heading, transform=beside, ha="left", va="center", color=MUTED,
              fontsize=8.5)
    for row, gain in enumerate(gains):
        colour = UP if gain > 0 else DOWN if gain < 0 else SAME
        axes.text(1.03, row, f"{gain:+.1f}", transform=beside, ha="left", va="center",
                  color=colour, fontweight="bold", fontsize=9)


def item_facility(report, words: dict) -> Figure:
    """Share fully right per question before and after, by topic; questions known before
    marked (the same share the ceiling flag uses)."""
    title = words["item_facility"]
    items = report.items
    if items.empty:
        return no_data(title, words["no_data"])
    facility = items.pivot_table(index="question_id", columns="phase", values="fully_right",
                                 sort=False).reindex(columns=["pre", "post"]) * 100
    ceiling = items.groupby("question_id", sort=False)["ceiling"].any().reindex(facility.index)
    topics = items.drop_duplicates("question_id").set_index("question_id")["topic"]
    figure = new_figure()
    axes = figure.add_subplot()
    for row in np.flatnonzero(ceiling.to_numpy(bool)):
        axes.axhspan(row - 0.5, row + 0.5, color=CEILING, linewidth=0, zorder=0)
    rows_top_down(axes, list(facility.index))
    _dumbbell(axes, facility["pre"], facility["post"], size=34)
    _topic_blocks(axes, topics.reindex(facility.index))
    percent_scale(axes.xaxis, words["share_right"])
    share = words["ceiling"].format(share=CEILING_FULLY_RIGHT)
    known = [Patch(color=CEILING, label=share)] if ceiling.any() else []
    legend = [*_dot_handles(words), *known]
    finish(figure, axes, title, words["everyone"], legend, plot_height=0.26 * len(facility))
    return figure


def _topic_blocks(axes, topics: pd.Series) -> None:
    """A thin line between topics and each topic's name beside its questions."""
    beside = axes.get_yaxis_transform()
    starts = np.flatnonzero(topics.ne(topics.shift()).to_numpy())
    for start, end in zip(starts, [*starts[1:], len(topics)], strict=True):
        if start:
            axes.axhline(start - 0.5, color="#cccccc", linewidth=0.7)
        axes.text(1.03, (start + end - 1) / 2, wrapped(str(topics.iloc[start]), 18),
                  transform=beside, ha="left", va="center", fontsize=8, color=MUTED)


def _dumbbell(axes, pre: pd.Series, post: pd.Series, size: float = 60) -> None:
    y = np.arange(len(pre))
    pre, post = pre.to_numpy(float), post.to_numpy(float)
    both = np.isfinite(pre) & np.isfinite(post)
    axes.hlines(y[both], pre[both], post[both], color="#b5b5b5", linewidth=2.2, zorder=1)
    axes.scatter(pre, y, s=size, color=PRE, edgecolor="white", zorder=2)
    axes.scatter(post, y, s=size, color=POST, edgecolor="white", zorder=3)


def _dot_handles(words: dict) -> list:
    return [Line2D([], [], linestyle="none", marker="o", markersize=7, color=colour,
                   label=words[phase]) for phase, colour in (("pre", PRE), ("post", POST))]


CHARTS = {
    "gain_by_level_group": gain_by_level_group,
    "gain_by_department": gain_by_department,
    "gain_by_level": gain_by_level,
    "by_level": by_level,
    "by_department": by_department,
    "participant_change": participant_change,
    "distribution": distribution,
    "by_topic": by_topic,
    "item_facility": item_facility,
    "retention": retention,  # only when someone took the follow-up test
}
