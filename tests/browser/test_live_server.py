"""The browser tests' server closes what it serves even when the browser hangs up."""

from __future__ import annotations

import gc
import socket
import struct
import warnings

from assessment.extensions import db
from tests.browser.live import build_app, serving

FONT = b"GET /static/fonts/sarabun-700.woff2 HTTP/1.1\r\nHost: quiz.test\r\n\r\n"


def _request_then_reset(port: int) -> None:
    """Ask for a font, read its first bytes, then drop the connection (a reset, as a page
    change cancelling the font does)."""
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(FONT)
        assert connection.recv(100).startswith(b"HTTP/1.1 200")
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_dropped_font_request_leaves_no_file_open(tmp_path):
    """werkzeug's development server skips closing a response when the client reset the
    connection; the font file was then left open for the garbage collector, and pytest failed
    whichever browser test was running with its ResourceWarning. Without the live server's
    closing wrapper this sees a warning in about one reset in three."""
    app, _ = build_app(tmp_path / "live.sqlite")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always", ResourceWarning)
        with serving(app) as (_url, server):
            for _ in range(30):
                _request_then_reset(server.server_port)
        gc.collect()
    with app.app_context():
        db.engine.dispose()
    assert [w for w in seen if issubclass(w.category, ResourceWarning)] == []
