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

preload_app = True


def post_fork(server, worker) -> None:
    """In the new worker: forget any connection the master's pool held, without closing it."""
    from assessment.extensions import db

    app = worker.app.wsgi()
    if getattr(app, "extensions", {}).get("sqlalchemy") is not db:
        return  # an app without this database (the load benchmark's floor)
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
