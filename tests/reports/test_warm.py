"""The report's slow imports are loaded by gunicorn's master, before the workers fork."""

from __future__ import annotations

from pathlib import Path

from tests.operations.test_serving import _gunicorn, _workers


def _mapped_files(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text()


def test_a_new_worker_already_has_the_charts_and_statistics_loaded(app, tmp_path):
    """Before any request: matplotlib's font engine and scipy.stats are in the worker's memory,
    so HR's first report and charts do not wait for them (benchmarks/first_report.py)."""
    with _gunicorn(app, tmp_path / "gunicorn.log") as server:
        server.listening()
        workers = server.until(lambda: _workers(server.process.pid), "the workers")
        loaded = _mapped_files(workers[0])
    assert "ft2font" in loaded
    assert "scipy/stats" in loaded
