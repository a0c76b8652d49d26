"""Security headers on every response; no page needs anything from outside the server."""

from flask import Flask, request

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)
#: on every response unless the view set its own
EVERY_RESPONSE = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
)


def install_security_headers(app: Flask) -> None:
    """CSP without inline script, nosniff, no framing, HSTS and secure cookies under HTTPS,
    nothing but static files kept in caches, and the attempt limits (joining, logging in)."""
    from assessment.web.limits import install_attempt_limits

    _secure_cookies_under_https(app)
    install_attempt_limits(app)

    @app.after_request
    def _headers(response):
        wanted = list(EVERY_RESPONSE)
        if request.is_secure:
            wanted.append(("Strict-Transport-Security", "max-age=31536000"))
        if request.endpoint != "static":
            # pages, answer keys, templates, autosave answers and reports are someone's data
            wanted.append(("Cache-Control", "no-store"))
        _add_missing(response.headers, wanted)
        return response


def _add_missing(headers, wanted) -> None:
    """Add each header the view did not set itself (one pass over the headers, not one each)."""
    present = {name.lower() for name, _value in headers.items()}
    for name, value in wanted:
        if name.lower() not in present:
            headers.add(name, value)


def _secure_cookies_under_https(app: Flask) -> None:
    """Mark cookies Secure when the installation is served over HTTPS (PUBLIC_URL or scheme)."""
    public = (app.config.get("PUBLIC_URL") or "").lower()
    if app.config.get("PREFERRED_URL_SCHEME") == "https" or public.startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
