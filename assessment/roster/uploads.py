"""Carrying an uploaded file from its preview to its save (checked again on save)."""

from __future__ import annotations

import base64
import binascii

from werkzeug.utils import secure_filename


def encode_upload(filename: str, content: bytes) -> dict[str, str]:
    """Hidden form values holding the file between the preview and the save."""
    return {"filename": secure_filename(filename) or "upload.csv",
            "content": base64.b64encode(content).decode("ascii")}


def decode_upload(encoded: str) -> bytes | None:
    """The file's bytes back, or None if the form was tampered with."""
    try:
        return base64.b64decode(encoded.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
