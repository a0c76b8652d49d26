"""Security headers on every response; no page needs anything from outside the server."""

from flask import Flask, request

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)


def install_security_headers(app: Flask) -> None:
    """CSP without inline script, nosniff, no framing, HSTS and secure cookies under HTTPS,
    and the attempt limits for joining."""
    from assessment.web.limits import install_join_limits

    _secure_cookies_under_https(app)
    install_join_limits(app)

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _secure_cookies_under_https(app: Flask) -> None:
    """Mark cookies Secure when the installation is served over HTTPS (PUBLIC_URL or scheme)."""
    public = (app.config.get("PUBLIC_URL") or "").lower()
    if app.config.get("PREFERRED_URL_SCHEME") == "https" or public.startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
