"""The order a participant sees questions and options in (pure, no Flask)."""

from __future__ import annotations

import random

from assessment.banks.bank import Bank


def question_order(bank: Bank, seed: int, shuffle: bool) -> list[str]:
    """Question ids in the order shown; the same seed gives the same order."""
    ids = [q.id for q in bank.questions]
    if shuffle:
        random.Random(f"q{seed}").shuffle(ids)
    return ids


def option_order(bank: Bank, seed: int, shuffle: bool) -> dict[str, list[str]]:
    """For each question with options, the option ids in the order shown."""
    orders = {}
    for question in bank.questions:
        ids = [option.id for option in question.options]
        if shuffle and ids:
            random.Random(f"o{seed}:{question.id}").shuffle(ids)
        if ids:
            orders[question.id] = ids
    return orders
