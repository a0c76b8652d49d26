"""Load what the first report and chart need while the server starts, not on HR's first click.

The statistics (pandas, scipy.stats) and the charts (matplotlib, its font list, Sarabun)
take seconds to load in a fresh process. gunicorn loads the app once in its master process
and forks the workers from it (assessment/web/gunicorn_config.py), so what is loaded here
is loaded once, before the first worker starts.
"""

from __future__ import annotations


def warm_reports() -> None:
    """Import the statistics and chart modules and draw one line of Thai text."""
    import matplotlib as mpl

    from assessment.reports import charts, statistics  # noqa: F401  (the loading is the point)
    from assessment.reports.chart_layout import STYLE, new_figure
    from assessment.reports.fonts import chart_font_settings

    with mpl.rc_context(STYLE | chart_font_settings()):
        figure = new_figure(1.0)
        figure.text(0.5, 0.5, "ก่อนอบรม 0% หลังอบรม 100% ⚠")
        charts.image_bytes(figure, "png")
