"""Finding listed phrases (hedges, loaded terms) in a token list: longest match, Arabic clitics allowed.

Phrases are compared in matching form (:mod:`framing.text.normalize`).
In Arabic a phrase may start with an attached proclitic (و ف ب ل ك, و/ف
followed by ب/ل/ك, and لل for ال): "وبالعملية العسكرية الخاصة" and
"فللعملية العسكرية الخاصة" contain "العملية العسكرية الخاصة".

>>> from framing.text.segment import tokenize
>>> index = PhraseIndex("ar")
>>> index.add("العملية العسكرية الخاصة", "RU")
>>> tokens = tokenize("وتستمر وبالعملية العسكرية الخاصة", "ar")
>>> [(m.start, m.end, m.value) for m in index.find(tokens)]
[(1, 4, 'RU')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing.text.segment import Token, tokenize

__all__ = ["PhraseIndex", "PhraseMatch", "ARABIC_PROCLITICS"]

#: Arabic one-letter proclitics (and their common pairs) that may precede a listed word.
ARABIC_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "وال", "فال", "بال", "وبال", "وكال", "فبال", "فكال", "لل", "ولل", "فلل", "و", "ف", "ب", "ل", "ك")
_DEFINITE = ("وال", "فال", "بال", "وبال", "وكال", "فبال", "فكال", "لل", "ولل", "فلل")


@dataclass(frozen=True)
class PhraseMatch:
    """Tokens [start, end) match a listed phrase; ``value`` is what was listed with it."""

    start: int
    end: int
    value: Any
    prefix: int = 0  # characters of an attached Arabic proclitic before the phrase


class PhraseIndex:
    """Phrases of one language, indexed by first word."""

    def __init__(self, language: str):
        self.language = language
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}

    def add(self, written: str, value: Any) -> None:
        """List a phrase (as written in a resource file) with a value."""
        words = tuple(t.norm for t in tokenize(written, self.language))
        if words:
            entries = self._by_first.setdefault(words[0], [])
            entries.append((words, value))
            entries.sort(key=lambda e: len(e[0]), reverse=True)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def _first_keys(self, token: Token) -> list[tuple[str, int]]:
        norm = token.norm
        keys = [(norm, 0)]
        if self.language == "ar":
            for clitic in ARABIC_PROCLITICS:
                if norm.startswith(clitic) and len(norm) - len(clitic) >= 2:
                    rest = norm[len(clitic) :]
                    if clitic in _DEFINITE:
                        keys.append(("ال" + rest, len(clitic) - (1 if clitic.endswith("لل") else 2)))
                    else:
                        keys.append((rest, len(clitic)))
        return keys

    def match_at(self, tokens: Sequence[Token], i: int, stop: int | None = None) -> PhraseMatch | None:
        """The longest listed phrase starting at token ``i``."""
        stop = len(tokens) if stop is None else stop
        best: PhraseMatch | None = None
        for key, prefix in self._first_keys(tokens[i]):
            for words, value in self._by_first.get(key, ()):
                n = len(words)
                if i + n > stop or (best is not None and n <= best.end - best.start):
                    continue
                if all(tokens[i + k].norm == words[k] for k in range(1, n)):
                    best = PhraseMatch(i, i + n, value, prefix)
                    break
        return best

    def find(self, tokens: Sequence[Token], start: int = 0, stop: int | None = None) -> list[PhraseMatch]:
        """All non-overlapping listed phrases in ``tokens[start:stop]``, longest first, left to right."""
        stop = len(tokens) if stop is None else stop
        found = []
        i = start
        while i < stop:
            match = self.match_at(tokens, i, stop) if self._first_keys_known(tokens[i]) else None
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match.end
        return found

    def _first_keys_known(self, token: Token) -> bool:
        if token.norm in self._by_first:
            return True
        return self.language == "ar" and token.norm[:1] in "وفبلك"
