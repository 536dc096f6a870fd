"""Language identification for Arabic, English and Russian news text.

The package codes three languages. This module decides which one a text is
in from its script (Arabic, Cyrillic, Latin letters) and, inside a script,
from common function words and letters of neighbouring languages (so that
French is not taken for English, nor Ukrainian for Russian). Anything else
is ``"other"``. A text whose second script holds a large share of its
letters is flagged as mixed.

>>> detect_language("Kremlin spokesman Dmitry Peskov said on Tuesday that the talks would go ahead.")
Detection(language='en', mixed=False)
>>> detect_language("وقال المتحدث باسم الكرملين إن المحادثات ستعقد في جنيف يوم الثلاثاء.").language
'ar'
>>> detect_language("Песков заявил, что переговоры в Женеве состоятся во вторник.").language
'ru'
>>> detect_language("Le porte-parole du Kremlin a déclaré que les pourparlers auraient lieu mardi.").language
'other'
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import numpy as np

from framing.resources import load_resource

__all__ = ["LANGUAGES", "Detection", "detect_language", "is_mixed", "normalize_language_code", "script_counts"]

#: The languages the package codes.
LANGUAGES = ("ar", "en", "ru")

_WORD = re.compile(r"[^\W\d_]+")

#: A second script must hold at least this share of letters to flag a text as mixed.
MIXED_SHARE = 0.2
#: ... and at least this many letters, so that "Reuters.com" in Arabic text is not mixing.
MIXED_MIN_LETTERS = 40
#: Characters of a text looked at (the start of an article tells its language).
SAMPLE_CHARS = 20000
#: Texts with fewer letters than this are "other": too short to tell.
MIN_LETTERS = 3


class Detection(NamedTuple):
    """Result of :func:`detect_language`."""

    language: str
    mixed: bool


@functools.cache
def _data() -> tuple[dict[str, frozenset[str]], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    res = load_resource("language")
    words = {lang: frozenset(ws) for lang, ws in res["function_words"].items()}
    letters = res["distinctive_letters"]
    aliases = {alias.casefold(): code for code, names in res["aliases"].items() for alias in names}
    return (
        words,
        re.compile("[" + re.escape(letters["cyrillic_not_ru"]) + "]"),
        re.compile("[" + re.escape(letters["arabic_script_not_ar"]) + "]"),
        aliases,
    )


def function_words(language: str) -> frozenset[str]:
    """The function words of ``language`` from ``resources/language.toml``.

    >>> "the" in function_words("en")
    True
    """
    return _data()[0][language]


def normalize_language_code(value: object) -> str | None:
    """Map a language label found in a corpus to ``ar``, ``en``, ``ru``, ``other`` or None.

    Missing values give None (so the language is detected from the text);
    unknown labels give ``"other"``.

    >>> normalize_language_code("Arabic"), normalize_language_code("RUS"), normalize_language_code("fr")
    ('ar', 'ru', 'other')
    >>> normalize_language_code("") is None
    True
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    label = str(value).strip().casefold()
    if not label:
        return None
    return _data()[3].get(label, "other")


def script_counts(text: str) -> dict[str, int]:
    """Letters of each script in ``text``: Arabic (``ar``), Cyrillic (``ru``), Latin (``en``).

    Counted on the UTF-8 bytes: Arabic-block and Cyrillic-block characters by
    their lead bytes, Latin as ASCII letters. Fast enough to run on every article.

    >>> script_counts("Песков said: لا")
    {'ar': 2, 'ru': 6, 'en': 4}
    """
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    folded = data | 0x20
    return {
        "ar": int(np.count_nonzero((data >= 0xD8) & (data <= 0xDB))),
        "ru": int(np.count_nonzero((data >= 0xD0) & (data <= 0xD3))),
        "en": int(np.count_nonzero((folded >= 0x61) & (folded <= 0x7A))),
    }


def is_mixed(text: str) -> bool:
    """Whether a second script holds at least 20% (and 40) of the letters of ``text``.

    >>> is_mixed("Песков заявил журналистам во вторник, что Кремль изучит ответ. The Kremlin spokesman told reporters on Tuesday.")
    True
    >>> is_mixed("اشترك الآن للحصول على وصول مجاني غير محدود إلى موقع Reuters.com")
    False
    """
    counts = sorted(script_counts(text[:SAMPLE_CHARS]).values(), reverse=True)
    total = sum(counts)
    return total > 0 and counts[1] >= MIXED_MIN_LETTERS and counts[1] / total >= MIXED_SHARE


def _function_word_share(text: str, language: str) -> float:
    words = _WORD.findall(text[:3000].casefold())
    if not words:
        return 0.0
    vocab = function_words(language)
    return sum(w in vocab for w in words) / len(words)


def detect_language(text: str) -> Detection:
    """Detect whether ``text`` is Arabic, English, Russian or other.

    Parameters
    ----------
    text : str
        Any text; only letters are counted.

    Returns
    -------
    Detection
        ``language`` is one of ``ar``, ``en``, ``ru``, ``other``; ``mixed``
        is True when a second script holds at least 20% of the letters.

    Examples
    --------
    >>> detect_language("Захарова заявила, что Вашингтон несёт полную ответственность за срыв переговоров в Женеве. "
    ...                 "The State Department declined to comment on her remarks.")
    Detection(language='ru', mixed=True)
    >>> detect_language("12345 ...")
    Detection(language='other', mixed=False)
    """
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    total = sum(counts.values())
    if total < MIN_LETTERS:
        return Detection("other", False)
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    script, second = ranked[0], ranked[1]
    mixed = counts[second] >= MIXED_MIN_LETTERS and counts[second] / total >= MIXED_SHARE  # as is_mixed()
    _, not_ru, not_ar, _ = _data()
    if script == "ar":
        foreign = len(not_ar.findall(sample))
        language = "other" if foreign > 0.02 * counts["ar"] else "ar"
    elif script == "ru":
        foreign = len(not_ru.findall(sample))
        language = "other" if foreign > 0.01 * counts["ru"] else "ru"
    else:
        # Latin script: English only if its function words are common enough.
        language = "en" if counts["en"] < 40 or _function_word_share(sample, "en") >= 0.08 else "other"
    return Detection(language, mixed)
