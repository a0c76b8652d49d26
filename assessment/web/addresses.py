"""The addresses printed for the trainer: join URL and the one phones on the LAN can use."""

from __future__ import annotations

import socket

from flask import Flask


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect only picks a route
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def base_url(app: Flask) -> str:
    """PUBLIC_URL if configured, else http://<LAN address>:<PORT>."""
    configured = app.config.get("PUBLIC_URL")
    if configured:
        return configured.rstrip("/")
    return f"http://{lan_address()}:{app.config['PORT']}"


def join_url(app: Flask, code: str) -> str:
    """The short link a participant opens (also what the QR code holds)."""
    return f"{base_url(app)}/j/{code}"
