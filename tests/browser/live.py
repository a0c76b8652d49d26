"""The app served for real on loopback, and Chromium shaped like a phone: shared by the browser
fixtures (tests/browser/conftest.py) and benchmarks/page_weight.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = "iPhone 13"


@dataclass
class LiveServer:
    """The app answering on http://127.0.0.1:<port>, with helpers to reach its database."""

    url: str
    app: Flask
    bank_version_id: int
    server: BaseWSGIServer = field(repr=False)

    @contextmanager
    def app_context(self) -> Iterator[None]:
        """An app context with a fresh database session (so reads see the server's writes)."""
        from assessment.extensions import db

        with self.app.app_context():
            try:
                yield
            finally:
                db.session.remove()

    def make_event(self, open_kind: str | None = "pre", **options) -> str:
        """An event on the shipped bank (tests.helpers.make_event); returns its join code."""
        from assessment.banks.models import BankVersion
        from assessment.extensions import db
        from tests.helpers import make_event

        with self.app_context():
            version = db.session.get(BankVersion, self.bank_version_id)
            return make_event(version, open_kind, **options).code

    def log_in(self, page, username: str, password: str, path: str) -> None:
        """Log a staff account in through the login page, which then opens `path`."""
        page.goto(f"{self.url}/staff/login?next={path}")
        page.fill("#username", username)
        page.fill("#password", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"**{path}")

    def make_owned_event(self, trainer: str, password: str) -> str:
        """An event with its pre-test open, run by a trainer account (made if missing)."""
        from assessment.auth.operations import create_user, find_user
        from assessment.events.operations import find_event
        from assessment.extensions import db

        code = self.make_event("pre")
        with self.app_context():
            user = find_user(trainer) or create_user(trainer, "trainer", password)
            find_event(code).owner_id = user.id
            db.session.commit()
        return code


def build_app(database: Path, **config) -> tuple[Flask, int]:
    """The app on a fresh SQLite file: migrations, default lists, shipped bank loaded.
    Returns the app and the stored bank version's id. (benchmarks/page_weight.py uses it too.)"""
    from flask_migrate import upgrade

    from assessment import create_app
    from assessment.extensions import db
    from assessment.organisation.lists import seed_defaults
    from tests.helpers import load_shipped_bank

    app = create_app({
        "TESTING": False,
        "SECRET_KEY": "browser-tests",
        "DATABASE_URL": f"sqlite:///{database}",
        "PUBLIC_URL": "http://127.0.0.1",
        **config,
    })
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        seed_defaults()
        version_id = load_shipped_bank().id
        db.session.remove()
    return app, version_id


class QuietHandler(WSGIRequestHandler):
    """No access log line per request (errors are still logged)."""

    def log_request(self, *args, **kwargs) -> None:
        pass


def _closing_every_response(app: Flask):
    """The app, with every response's iterable closed even when the browser dropped the
    connection mid-response (a font request cancelled by a page change).

    werkzeug's development server skips close() when writing to a reset connection raises
    (it then reads the dead socket before closing), so a static file's handle was left to the
    garbage collector and pytest reported its ResourceWarning in whichever test ran then.
    gunicorn, which serves the app for real, always closes the iterable; this generator does
    the same here when it is discarded.
    """

    def serve(environ, start_response):
        response = app(environ, start_response)
        try:
            yield from response
        finally:
            if hasattr(response, "close"):
                response.close()

    return serve


@contextmanager
def serving(app: Flask) -> Iterator[tuple[str, BaseWSGIServer]]:
    """Serve the app on 127.0.0.1 at a free port in a background thread."""
    server = make_server("127.0.0.1", 0, _closing_every_response(app), threaded=True,
                         request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def phone_options(playwright_instance, **overrides) -> dict:
    """new_context options for an iPhone 13 in Thai (the device minus default_browser_type)."""
    options = dict(playwright_instance.devices[PHONE])
    options.pop("default_browser_type", None)
    options["locale"] = "th-TH"
    options.update(overrides)
    return options
