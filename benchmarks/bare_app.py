"""The floor for the load benchmark: the same gunicorn serving a Flask route that does nothing.

benchmarks/load.py divides the app's submit throughput by this app's request throughput.
"""

from flask import Flask


def create_app() -> Flask:
    """A Flask app with one GET and one POST route answering a few bytes."""
    app = Flask(__name__)

    @app.route("/", methods=["GET", "POST"])
    def bare():
        return "ok"

    @app.route("/healthz")
    def health():
        return {"ok": True}

    return app
