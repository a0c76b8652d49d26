"""Sarabun for the report charts, so Thai shows as Thai letters in PNG and SVG alike."""

from __future__ import annotations

import threading
from pathlib import Path

import fontpkg
from matplotlib import font_manager

FAMILY = "Sarabun"
#: DejaVu Sans ships with matplotlib; it draws the few symbols Sarabun lacks (⚠).
FALLBACK = "DejaVu Sans"

_registered = False
_registering = threading.Lock()


def sarabun_files() -> list[Path]:
    """Every installed Sarabun font file (package fontpkg-sarabun)."""
    return [font.path for font in fontpkg.family(FAMILY).files]


def register_sarabun() -> None:
    """Tell matplotlib where Sarabun's files are, once per process."""
    global _registered
    with _registering:
        if _registered:
            return
        for path in sarabun_files():
            font_manager.fontManager.addfont(str(path))
        _registered = True


def chart_font_settings() -> dict:
    """rcParams that draw chart text in Sarabun, and SVG text as outlines.

    Outlines make an SVG show Thai on any machine, with or without the font.
    """
    register_sarabun()
    return {"font.family": [FAMILY, FALLBACK], "svg.fonttype": "path"}
