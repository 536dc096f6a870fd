"""Matching forms: how the extractors compare words, without ever changing ``text``.

A matching form has exactly one character per character of the text it
was made from, except that Arabic diacritics and tatweel are dropped; a
position map leads from the form back to the text. So a cue found in the
form has exact offsets in the text.

- Arabic: diacritics and tatweel removed; أ إ آ ٱ -> ا, ى -> ي, ة -> ه.
- Russian: lower case, ё -> е.
- English (and anything else): lower case.

>>> matching_form("وأكدَّ قائلاً", "ar")[0]
'واكد قائلا'
>>> matching_form("Рябков ПОДЧЕРКНУЛ: «Всё»", "ru")[0]
'рябков подчеркнул: «все»'
"""

from __future__ import annotations

from framing.text.arabic import strip_marks_with_map

__all__ = ["matching_form", "normalize_word"]

_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_RUSSIAN_LETTERS = str.maketrans({"ё": "е"})


def _lower_one_to_one(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower()[:1] or ch for ch in text)  # e.g. 'İ' lowers to two characters


def matching_form(text: str, language: str) -> tuple[str, list[int] | None]:
    """The matching form of ``text`` and, if characters were dropped, the map back.

    Returns
    -------
    (form, positions)
        ``positions`` is None when the form is aligned with the text character
        for character; otherwise ``positions[i]`` is the index in ``text`` of
        character ``i`` of the form (with one extra entry: ``len(text)``).
    """
    if language == "ar":
        form, positions = strip_marks_with_map(text)
        form = form.translate(_ARABIC_LETTERS)
        return _lower_one_to_one(form), (None if len(form) == len(text) else positions)
    form = _lower_one_to_one(text)
    if language == "ru":
        form = form.translate(_RUSSIAN_LETTERS)
    return form, None


def normalize_word(word: str, language: str) -> str:
    """The matching form of a single word or phrase from a lexicon.

    >>> normalize_word("أعربت عن قلقها", "ar"), normalize_word("Заявил", "ru")
    ('اعربت عن قلقها', 'заявил')
    """
    return matching_form(word, language)[0]
