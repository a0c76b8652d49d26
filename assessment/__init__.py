"""Pre/post training knowledge assessment: the Flask application factory."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from assessment import database
from assessment.extensions import babel, compress, csrf, db, login_manager, migrate

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then instance/config.py, then ASSESSMENT_* env vars, then tests."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object("assessment.config")
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("ASSESSMENT")
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _configure_timezone(app)
    _configure_database(app)
    _configure_secret_key(app)
    _trust_proxies(app)
    _init_extensions(app)
    _register_blueprints(app)
    return app


class MissingSetting(RuntimeError):
    """A setting the app cannot start without; the message says which and how to set it."""


def _configure_timezone(app: Flask) -> None:
    """Times are shown on the organisation's clock (TIMEZONE), through Flask-Babel."""
    try:
        ZoneInfo(app.config["TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise RuntimeError(f"ASSESSMENT_TIMEZONE={app.config['TIMEZONE']!r} is not a time zone "
                           "name such as Asia/Bangkok") from error
    app.config["BABEL_DEFAULT_TIMEZONE"] = app.config["TIMEZONE"]


def _configure_secret_key(app: Flask) -> None:
    """With a database server every app server must sign cookies with the same given key;
    with SQLite (one server) one random key is kept in instance/secret_key."""
    if app.config.get("SECRET_KEY"):
        return
    if not database.is_sqlite(app.config["SQLALCHEMY_DATABASE_URI"]):
        raise MissingSetting(
            "ASSESSMENT_SECRET_KEY is not set. With a database server the app may run on "
            "several servers, and a phone's cookie from one must be valid on the others: give "
            "every server the same long random ASSESSMENT_SECRET_KEY, for example the output "
            "of: python3 -c 'import secrets; print(secrets.token_hex(32))'")
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        os.chmod(key_file, 0o600)
    app.config["SECRET_KEY"] = key_file.read_text().strip()


def _trust_proxies(app: Flask) -> None:
    """Behind PROXY_HOPS proxies (env ASSESSMENT_PROXY_HOPS) take the phone's address, the
    scheme (HTTPS) and the host from their X-Forwarded-* headers; with none (the default)
    those headers are ignored, as anyone could send them."""
    hops = int(app.config["PROXY_HOPS"])
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _configure_database(app: Flask) -> None:
    """Take the URL from DATABASE_URL (env ASSESSMENT_DATABASE_URL), else SQLite in instance/."""
    url = app.config.get("DATABASE_URL") or app.config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        url = "sqlite:///" + str(Path(app.instance_path) / "assessment.sqlite")
        if not (app.debug or app.testing):
            app.logger.warning(
                "ASSESSMENT_DATABASE_URL is not set: this server keeps its data in the local "
                "SQLite file %s. That is right for one server; several servers must all be "
                "given the same PostgreSQL URL, or each keeps data of its own.",
                url.removeprefix("sqlite:///"))
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    options = database.engine_options(url, app.config["SQLITE_BUSY_TIMEOUT"])
    options.update(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _init_extensions(app: Flask) -> None:
    from assessment.i18n import select_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS, render_as_batch=True)
    csrf.init_app(app)
    compress.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    if database.is_sqlite(app.config["SQLALCHEMY_DATABASE_URI"]):
        with app.app_context():
            database.install_sqlite_hooks(db.engine)
    app.before_request(_declare_what_the_request_does)
    app.teardown_request(lambda _error: database.end_of_request())


def _declare_what_the_request_does() -> None:
    """A GET or HEAD reads (SQLite begins its transactions deferred); anything else writes."""
    if request.method in ("GET", "HEAD"):
        database.begin_reading()


#: Every feature's blueprint, web pages and CLI groups alike ("module:attribute").
BLUEPRINTS = (
    "assessment.web.views:bp",
    "assessment.quizzes.views:bp",
    "assessment.auth.views:bp",
    "assessment.auth.cli:bp",
    "assessment.banks.cli:bp",
    "assessment.banks.views:bp",
    "assessment.events.cli:bp",
    "assessment.events.views:bp",
    "assessment.roster.views:bp",
    "assessment.roster.cli:bp",
    "assessment.paper.views:bp",
    "assessment.paper.cli:bp",
    "assessment.organisation.views:bp",
    "assessment.reports.views:bp",
    "assessment.reports.cli:bp",
    "assessment.privacy.cli:bp",
    "assessment.operations_cli:bp",
)


def _register_blueprints(app: Flask) -> None:
    from importlib import import_module

    from assessment import models  # noqa: F401  (every table known to migrations)
    from assessment.auth import access  # noqa: F401  (binds the login manager's user loader)
    from assessment.i18n import register_template_helpers
    from assessment.setup_cli import register_setup_commands
    from assessment.web.headers import install_security_headers

    for target in BLUEPRINTS:
        module_name, attribute = target.split(":")
        app.register_blueprint(getattr(import_module(module_name), attribute))
    if app.config["BENCHMARK_ROUTES"]:
        app.register_blueprint(import_module("assessment.web.bench").bp)
    register_setup_commands(app)
    register_template_helpers(app)
    install_security_headers(app)
