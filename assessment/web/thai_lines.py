"""Thai line breaking: a Thai word never breaks at a line end, and neither does a name.

Browsers break Thai where ICU's dictionary sees a word boundary, and it sees one inside
compounds and names ("สมาร์ท|โฟน", "ใจ|งาม"). Each word pythainlp finds (its dictionary plus
the loanword compounds below) is glued with WORD JOINER (U+2060, invisible) between its
letters (between its character clusters only was not enough: Chromium then broke inside a
cluster), and a ZERO WIDTH SPACE (U+200B) between two Thai words gives the line a place to
break (without it the browser, its own breaks refused, may find none in a long run and push
the line off the screen). Each part of a person's name is glued whole. Done once per text:
the quiz page's question blocks are rendered and kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

WORD_JOINER = "\u2060"
ZERO_WIDTH_SPACE = "\u200b"
THAI = re.compile(r"[\u0E00-\u0E7F]")
#: Thai vowels and marks that sit above or below the letter before them
COMBINING = re.compile(r"[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")
#: compounds pythainlp's dictionary splits in two that a Thai reader sees as one word
COMPOUNDS = frozenset({
    "สมาร์ทโฟน", "สมาร์ทซิตี้", "สมาร์ทซิตี", "สมาร์ทวอทช์", "สมาร์ทการ์ด", "อินเทอร์เน็ต",
    "แอปพลิเคชัน", "แพลตฟอร์ม", "คลาวด์", "ดิจิทัล", "ออนไลน์", "เซ็นเซอร์", "อิเล็กทรอนิกส์",
})


#: pythainlp's dictionary also lists phrases and organisations' names as single entries
#: ("สำนักงานส่งเสริมเศรษฐกิจดิจิทัล", 31 letters): glued whole, such an entry is wider than a
#: 320 px phone's line and pushes the page sideways. Entries longer than this are left out,
#: so their parts (each a word of the dictionary) are the words.
LONGEST_WORD = 14


@lru_cache(maxsize=1)
def _dictionary():
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    return dict_trie({word for word in thai_words() if len(word) <= LONGEST_WORD} | COMPOUNDS)


def _glued(word: str) -> str:
    """The word with WORD JOINER before each of its characters but the first, except before
    a vowel or tone mark written above or below (a joiner there would break the glyph)."""
    if not THAI.search(word):
        return word
    return word[0] + "".join(ch if COMBINING.match(ch) else WORD_JOINER + ch for ch in word[1:])


@lru_cache(maxsize=8192)
def keep_words(text: str) -> str:
    """Thai text whose words stay whole at line ends; other text unchanged."""
    if not THAI.search(text):
        return text
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, custom_dict=_dictionary(), keep_whitespace=True)
    kept = [_glued(words[0])]
    for before, word in zip(words, words[1:], strict=False):
        if THAI.search(before[-1]) and THAI.match(word):
            kept.append(ZERO_WIDTH_SPACE)
        kept.append(_glued(word))
    return "".join(kept)


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
