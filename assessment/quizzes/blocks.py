"""The quiz page's question blocks, rendered once per worker and kept.

A block shows one question as a phone sees it. It depends only on the question
(that is, its bank version), the language, its number and the test's length,
the order its options are shown in, and the answer saved for it. Thirty blocks
were a third of what the quiz page cost the server, and a room's phones mostly
ask for the same ones: the same bank, nothing answered yet. Anything that
differs (another language, a saved answer, shuffled options) is another key,
rendered once.
"""

from __future__ import annotations

import threading

from cachetools import LRUCache
from markupsafe import Markup

#: (bank, language, question, number, length, saved answer, option order) -> rendered block;
#: a block never goes stale (its key holds everything it shows): the size only bounds memory
_BLOCKS: LRUCache = LRUCache(maxsize=20_000)
_BLOCKS_LOCK = threading.Lock()


def forget_blocks() -> None:
    """Render every block afresh (a new database whose ids start again: the tests)."""
    with _BLOCKS_LOCK:
        _BLOCKS.clear()


def kept_question(macro, bank_key: tuple, question, number: int, total: int, saved: dict,
                  option_order: dict, labels, lang: str) -> Markup:
    """The block `macro` renders for this question, from those kept when it was rendered
    before with the same inputs."""
    given = saved.get(question.id)
    order = option_order.get(question.id, [])
    key = (bank_key, lang, question.id, number, total, repr(given), tuple(order))
    with _BLOCKS_LOCK:
        block = _BLOCKS.get(key)
    if block is None:
        block = macro(question, number, total, saved, option_order, labels)  # Markup, escaped
        with _BLOCKS_LOCK:
            _BLOCKS[key] = block
    return block
