"""Page layout shared by the report charts: sizes, titles, legends, scales and long names.

Margins are measured once from the text around the plot, which costs one pass where
matplotlib's constrained layout needs several (the charts must draw in well under 2 s).
"""

from __future__ import annotations

import math
import textwrap
import unicodedata

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import ScaledTranslation

DPI = 130
WIDTH = 6.4  # inches: the text width of an A4 page; a phone shows it scaled down
MIN_PLOT_WIDTH = 3.4  # long names widen the figure rather than squeeze the bars
EDGE = 0.12  # inches of white around everything
GAP = 0.1  # inches between the title, the plot and the note
TITLE_SIZE, NOTE_SIZE, NAME_SIZE = 12.5, 8.5, 9.5
NAME_GAP = 5  # points between a row's name and the plot
INK, MUTED = "#222222", "#666666"
PRE, POST = "#9dbbd9", "#1f4e89"  # light and dark blue: apart in grey print too
UP, DOWN, SAME = "#2a7ab8", "#d0542c", "#9a9a9a"
CEILING = "#fbe3c0"

#: matplotlib settings of every report chart (the font comes from fonts.py).
STYLE = {
    "font.size": 10, "axes.titlesize": 10, "axes.labelsize": 10, "legend.fontsize": 9,
    "xtick.labelsize": 9, "ytick.labelsize": 9.5, "axes.spines.top": False,
    "axes.spines.right": False, "axes.edgecolor": "#888888", "axes.labelcolor": INK,
    "text.color": INK, "xtick.color": "#555555", "ytick.color": INK, "grid.color": "#e3e3e3",
    "legend.frameon": False, "svg.hashsalt": "assessment-report",
}


def new_figure(height: float = 4.0) -> Figure:
    """A figure at the report's width; `finish` sizes it to its contents."""
    return Figure(figsize=(WIDTH, height), dpi=DPI)


def finish(figure: Figure, axes, title: str, note: str, legend: list,
           plot_height: float) -> None:
    """Title and legend on top, the note on who is counted at the bottom, the plot between.

    The plot is `plot_height` inches tall; the figure grows around it.
    """
    renderer = FigureCanvasAgg(figure).get_renderer()
    heading = figure.text(0, 1, title, fontsize=TITLE_SIZE, fontweight="bold", va="top")
    footnote = figure.text(0, 0, note, fontsize=NOTE_SIZE, color=MUTED, va="bottom")
    left, right, above, below = _label_room(axes, renderer)
    width = max(WIDTH, left + MIN_PLOT_WIDTH + right + 2 * EDGE,
                max(_inches(heading, renderer)[0], _inches(footnote, renderer)[0]) + 2 * EDGE)
    key = _legend_within(figure, legend, width - 2 * EDGE, renderer)
    tops = [_inches(text, renderer)[1] for text in (heading, key, footnote)]
    height = 2 * EDGE + sum(tops) + above + plot_height + below + 3 * GAP
    figure.set_size_inches(width, height)
    bottom = EDGE + tops[2] + GAP + below
    axes.set_position([(EDGE + left) / width, bottom / height,
                       (width - 2 * EDGE - left - right) / width, plot_height / height])
    heading.set_position((EDGE / width, 1 - EDGE / height))
    key.set_bbox_to_anchor((EDGE / width, 1 - (EDGE + tops[0] + GAP) / height),
                           transform=figure.transFigure)
    footnote.set_position((EDGE / width, EDGE / height))


def _legend_within(figure: Figure, handles: list, room: float, renderer):
    """The legend in as few rows as fit in `room` inches across, columns evenly filled."""
    for rows in range(1, len(handles) + 1):
        key = figure.legend(handles=handles, loc="upper left", borderaxespad=0,
                            ncols=math.ceil(len(handles) / rows), handlelength=1.6,
                            columnspacing=1.2)
        if rows == len(handles) or _inches(key, renderer)[0] <= room:
            return key
        key.remove()


def _label_room(axes, renderer) -> tuple[float, float, float, float]:
    """Inches the tick labels, axis labels, legend and side notes take around the plot."""
    tight = axes.get_tightbbox(renderer)
    plot = axes.get_window_extent(renderer)
    dpi = axes.figure.dpi
    return ((plot.x0 - tight.x0) / dpi, (tight.x1 - plot.x1) / dpi,
            (tight.y1 - plot.y1) / dpi, (plot.y0 - tight.y0) / dpi)


def _inches(text, renderer) -> tuple[float, float]:
    box = text.get_window_extent(renderer)
    return box.width / text.figure.dpi, box.height / text.figure.dpi


def no_data(title: str, message: str) -> Figure:
    """A chart that says there is nothing to show yet."""
    figure = new_figure(2.4)
    FigureCanvasAgg(figure)  # drawn and measured like every other chart
    figure.text(0.5, 0.42, message, ha="center", va="center", fontsize=16, color=MUTED)
    figure.text(EDGE / WIDTH, 1 - EDGE / 2.4, title, fontsize=TITLE_SIZE, fontweight="bold",
                va="top")
    return figure


def percent_scale(axis, label: str, room: float = 0) -> None:
    """A 0 to 100 % scale with a light grid, and `room` past 100 for value labels."""
    axes = axis.axes
    axis.set_ticks(np.arange(0, 101, 20))
    axis.set_label_text(label)
    axes.grid(axis=axis.axis_name)
    axes.set_axisbelow(True)
    set_limits = axes.set_xlim if axis.axis_name == "x" else axes.set_ylim
    set_limits(-1, 100 + max(room, 2))


def rows_top_down(axes, names: list[str]) -> np.ndarray:
    """One row per name, the first at the top; returns the rows' y positions.

    Names are plain texts left of the plot: a third of the cost of tick labels, and
    long reports have dozens of rows.
    """
    y = np.arange(len(names))
    axes.set_yticks([])
    axes.set_ylim(len(names) - 0.5, -0.5)
    beside = axes.get_yaxis_transform() + ScaledTranslation(-NAME_GAP / 72, 0,
                                                               axes.figure.dpi_scale_trans)
    for row, name in zip(y, names, strict=True):
        axes.text(0, row, name, transform=beside, ha="right", va="center", fontsize=NAME_SIZE)
    return y


def row_height(rows: int) -> float:
    """Inches per group row: twenty-five departments must still fit a printed page."""
    return 0.44 if rows <= 12 else 0.36


def group_label(name, row, words: dict) -> str:
    """A group's name and paired n, marked ⚠ when the group is under the minimum size."""
    shown = words["not_stated"] if pd.isna(name) else wrapped(str(name))
    mark = " ⚠" if row["small_group"] else ""
    return words["group_n"].format(name=shown, n=int(row["n_paired"])) + mark


def interval_bars(axes, y, values, low, high, small, *, height: float, color,
                  small_alpha: float) -> np.ndarray:
    """Horizontal bars with their 95 % intervals; small groups' bars hatched, without one.

    Returns where the interval is known (a group of one person has none).
    """
    bars = axes.barh(y, values, height=height, color=color, linewidth=0)
    for bar, is_small in zip(bars, small, strict=True):
        if is_small:
            bar.set(hatch="////", edgecolor="white", alpha=small_alpha)
    known = np.isfinite(low) & np.isfinite(high)
    axes.errorbar(values[known], y[known], xerr=[values[known] - low[known],
                  high[known] - values[known]], fmt="none", ecolor=INK, elinewidth=0.9,
                  capsize=2.5)
    return known


def interval_handle(label: str) -> Line2D:
    """The legend entry of the intervals `interval_bars` draws."""
    return Line2D([], [], color=INK, marker="|", markersize=7, linewidth=0.9, label=label)


def small_group_handle(label: str) -> Patch:
    """The legend entry of the hatched bars of groups under the minimum size."""
    return Patch(facecolor="#aaaaaa", edgecolor="white", hatch="////", label="⚠ " + label)


def small_group_size(report) -> int:
    """The minimum group size the report was built with (groups under it get no interval)."""
    return int(report.summary.get("min_group_size", 5))


def note_lines(*sentences: str, width: int = 100) -> str:
    """The note under a chart: each sentence on its own lines, wrapped at spaces."""
    return "\n".join(textwrap.fill(s, width, break_long_words=False) for s in sentences)


def wrapped(name: str, width: int = 34) -> str:
    """Long names on two lines where they have spaces (Thai names often have none)."""
    if display_length(name) <= width:
        return name
    return textwrap.fill(name, width, break_long_words=False, break_on_hyphens=False)


def display_length(text: str) -> int:
    """Letters that take room: Thai vowel and tone marks sit above or below another."""
    return sum(1 for char in text if unicodedata.category(char) != "Mn")
