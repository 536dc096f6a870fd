"""Arabic matching forms: diacritics and tatweel removed, with a map back to the original.

Arabic news text carries optional marks (tanween in موعدًا and قائلاً,
shadda, the superscript alef) and tatweel (ـ, a stretching stroke). They
never change which word is meant, so every pattern in the package is
matched against the text with them removed. Article ``text`` is never
changed: :func:`strip_marks_with_map` returns, for each character of the
matching form, its position in the original, so a match found in the form
maps back to an exact span of the text.

>>> strip_marks("قائلاً إن موعدًا تـــم")
'قائلا إن موعدا تم'
>>> form, positions = strip_marks_with_map("وقالَ")
>>> form, positions
('وقال', [0, 1, 2, 3, 5])
"""

from __future__ import annotations

import re

__all__ = ["ARABIC_MARKS", "has_marks", "strip_marks", "strip_marks_with_map"]

#: Harakat, tanween, shadda, sukun, the superscript alef, Quranic annotation marks and tatweel.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")


def has_marks(text: str) -> bool:
    """Whether ``text`` holds any mark that :func:`strip_marks` removes."""
    return ARABIC_MARKS.search(text) is not None


def strip_marks(text: str) -> str:
    """``text`` without Arabic diacritics and tatweel."""
    return ARABIC_MARKS.sub("", text)


def strip_marks_with_map(text: str) -> tuple[str, list[int]]:
    """The matching form of ``text`` and the original index of each of its characters.

    The returned list has one entry more than the form: the original length,
    so that a match ending at the end of the form maps to the end of the text.
    """
    if not has_marks(text):
        return text, list(range(len(text) + 1))
    kept = [i for i, ch in enumerate(text) if not ARABIC_MARKS.match(ch)]
    form = "".join(text[i] for i in kept)
    return form, kept + [len(text)]
