"""What every page shares: security headers, the home page, fonts and error pages."""

from flask import Flask

from assessment.web.headers import install_security_headers
from assessment.web.views import bp


def register_web(app: Flask) -> None:
    """Attach the shared pages and the response headers every page gets."""
    app.register_blueprint(bp)
    install_security_headers(app)
