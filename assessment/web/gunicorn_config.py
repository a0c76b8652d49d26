"""gunicorn's settings for `make serve` and `make run`: the app is loaded once, then forked.

Loading the app (Flask, SQLAlchemy, pandas for the reports) costs a worker about 1.3 s of
CPU. Loaded once in gunicorn's master process, a worker that dies is replaced by a fork at
once, and a restart loads the app once instead of once per worker, so phones wait less before
they carry on. Code changes then need a full restart (`kill -HUP` only replaces the workers).

Each worker starts with an empty connection pool: a database connection opened before the
fork must never be shared by two processes (SQLAlchemy: "Using Connection Pools with
Multiprocessing or os.fork()").
"""

from __future__ import annotations

from pathlib import Path

preload_app = True


def on_starting(server) -> None:
    """Load the statistics and charts before the first worker is forked: HR's first report
    took 7.7 s after a start, its first charts 5 s more (benchmarks/first_report.py)."""
    app = server.app.wsgi()
    if "sqlalchemy" not in getattr(app, "extensions", {}):
        return  # the load benchmark's floor: a bare Flask app
    from assessment.reports.warm import warm_reports

    warm_reports()


def post_fork(server, worker) -> None:
    """In the new worker: forget any connection the master's pool held, without closing it."""
    from assessment.extensions import db

    app = worker.app.wsgi()
    if getattr(app, "extensions", {}).get("sqlalchemy") is not db:
        return  # an app without this database (the load benchmark's floor)
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)


def when_ready(server) -> None:
    """Thai line breaking's dictionary loaded here, in the master, so no worker's first quiz
    page waits for it (1 to 3 s); then the control socket (below)."""
    from assessment.web.thai_lines import keep_words

    keep_words("ไทย")
    _own_control_socket(server)


def _own_control_socket(server) -> None:
    """A control socket of this server's own: `gunicornc -s ~/.gunicorn/gunicorn-PORT.ctl`
    (under $XDG_RUNTIME_DIR when that is set).

    gunicorn's default path is the same for every server one user runs, so a second server
    (`make run` beside `make serve`, or the load benchmark's two) took over the first one's
    socket and removed it when it stopped: `gunicornc` then reached the wrong server, or none.
    A path given with --control-socket is kept as it is, and so is a server on a Unix socket.
    gunicorn starts the control socket after this hook.
    """
    setting = server.cfg.settings["control_socket"]
    address = server.LISTENERS[0].getsockname() if server.LISTENERS else None
    if setting.value != setting.default or not isinstance(address, tuple):
        return
    own = Path(setting.default).with_name(f"gunicorn-{address[1]}.ctl")
    server.cfg.set("control_socket", str(own))
