"""Thai line breaking: a Thai word never breaks at a line end, and neither does a name.

Browsers break Thai where ICU's dictionary sees a word boundary, and it sees one inside
compounds and names ("สมาร์ท|โฟน", "ใจ|งาม"). Each word pythainlp finds (its dictionary plus
the loanword compounds below) is glued with WORD JOINER (U+2060, invisible) between its
character clusters, so lines break only between whole words; each part of a person's name is
glued whole. Done once per text: the quiz page's question blocks are rendered and kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

WORD_JOINER = "\u2060"
THAI = re.compile(r"[\u0E00-\u0E7F]")
#: compounds pythainlp's dictionary splits in two that a Thai reader sees as one word
COMPOUNDS = frozenset({
    "สมาร์ทโฟน", "สมาร์ทซิตี้", "สมาร์ทซิตี", "สมาร์ทวอทช์", "สมาร์ทการ์ด", "อินเทอร์เน็ต",
    "แอปพลิเคชัน", "แพลตฟอร์ม", "คลาวด์", "ดิจิทัล", "ออนไลน์", "เซ็นเซอร์", "อิเล็กทรอนิกส์",
})


@lru_cache(maxsize=1)
def _dictionary():
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    return dict_trie(set(thai_words()) | COMPOUNDS)


def _glued(word: str) -> str:
    """The word with WORD JOINER between its character clusters (never inside one)."""
    if not THAI.search(word):
        return word
    from pythainlp.tokenize import subword_tokenize

    return WORD_JOINER.join(subword_tokenize(word, engine="tcc"))


@lru_cache(maxsize=8192)
def keep_words(text: str) -> str:
    """Thai text whose words stay whole at line ends; other text unchanged."""
    if not THAI.search(text):
        return text
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, custom_dict=_dictionary(), keep_whitespace=True)
    return "".join(_glued(word) for word in words)


@lru_cache(maxsize=8192)
def keep_name(name: str) -> str:
    """A person's name whose parts (given name, family name) never break; lines may still
    break at the spaces between them."""
    return " ".join(_glued(part) for part in name.split(" "))


def thai_words_filter(text) -> Markup:
    """Jinja filter `thai_words`: the escaped text with its Thai words kept whole."""
    return Markup(keep_words(str(escape(text))))  # noqa: S704 - escaped just before


def person_name_filter(name) -> Markup:
    """Jinja filter `person_name`: the escaped name, its parts kept whole."""
    return Markup(keep_name(str(escape(name))))  # noqa: S704 - escaped just before
