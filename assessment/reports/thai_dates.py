"""Dates in the Buddhist Era, as Thai readers expect them (Babel has no Buddhist calendar)."""

from __future__ import annotations

from datetime import date

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
BUDDHIST_ERA_OFFSET = 543


def thai_date(value: date | None) -> str:
    """16 มกราคม พ.ศ. 2563 for 2020-01-16; empty for no date."""
    if value is None:
        return ""
    return f"{value.day} {THAI_MONTHS[value.month - 1]} พ.ศ. {value.year + BUDDHIST_ERA_OFFSET}"
