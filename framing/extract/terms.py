"""Loaded terms: contested namings and which side's vocabulary they belong to.

``resources/terms.toml`` lists concepts ("how the 2022 war is named", "Kiev
or Kyiv", "Crimea 2014") with the competing terms of each side's vocabulary
in Arabic, English and Russian (``RU`` or ``US/WEST``), and scare labels
("so-called", "так называемый", "ما يسمى") as their own concept (``SCARE``).

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a", "b"], "language": ["en", "ru"], "text": [
...     "Russia's full-scale invasion of Ukraine entered its third year, officials in Kyiv said.",
...     "В ходе специальной военной операции освобождены новые районы, сообщили в Минобороны."]})
>>> terms = find_terms(articles)
>>> terms[["article_id", "vocabulary"]].drop_duplicates().values.tolist()
[['a', 'US/WEST'], ['b', 'RU']]

A hyphen or an English possessive ends a word: a form also matches the part
of a token before ``'s``/``’s`` ("the Kiev regime's envoy"), and a one-word
form the part before a hyphen ("Kiev-based"); the span covers the form only.
Forms listed with the apostrophe ("Kiev's regime") still win as the longer
match; a term that is only the start of a word ("Kievan") is no match.

>>> [(t.cue, t.concept) for t in terms_in_text("A Kiev-based analyst said Kiev's regime and Kievan Rus", "en")]
[('Kiev', 'place_spelling'), ("Kiev's regime", 'kiev_regime')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from framing.extract.phrases import PhraseIndex, PhraseMatch
from framing.resources import load_resource
from framing.schema import codable_texts
from framing.text.normalize import matching_form
from framing.text.segment import Token, tokenize

__all__ = ["TERM_COLUMNS", "VOCABULARIES", "Term", "find_terms", "terms_in_text", "concepts_table"]

#: Columns of the term table.
TERM_COLUMNS = ["article_id", "cue", "cue_start", "cue_end", "concept", "vocabulary"]
#: Vocabularies a term may belong to.
VOCABULARIES = ("RU", "US/WEST", "SCARE", "NEUTRAL")
#: English possessive endings after which a term may end inside a token ("Kiev's").
_POSSESSIVES = ("'s", "’s")


@dataclass
class Term:
    cue_start: int
    cue_end: int
    cue: str
    concept: str
    vocabulary: str


@functools.cache
def _index(language: str) -> PhraseIndex:
    index = PhraseIndex(language)
    for concept in load_resource("terms")["concept"]:
        for term in concept["term"]:
            if term["vocabulary"] not in VOCABULARIES:
                raise ValueError(f"terms.toml: concept {concept['id']!r} has vocabulary {term['vocabulary']!r}; allowed: {', '.join(VOCABULARIES)}")
            for form in term.get(language, []):
                index.add(form, (concept["id"], term["vocabulary"]))
    return index


@functools.cache
def _form_ends(language: str) -> dict[str, int]:
    """The last words of the forms of ``language`` (matching form), each with the most words of a form it ends."""
    ends: dict[str, int] = {}
    for concept in load_resource("terms")["concept"]:
        for term in concept["term"]:
            for form in term.get(language, []):
                words = [t.norm for t in tokenize(form, language)]
                if words:
                    ends[words[-1]] = max(ends.get(words[-1], 0), len(words))
    return ends


@dataclass(frozen=True)
class _Cut:
    """A match whose last token is cut: the term ends ``cut`` characters (matching form) into token ``end - 1``."""

    match: PhraseMatch
    cut: int


def _cuts(token: Token, language: str) -> list[tuple[int, bool]]:
    """Where a term may end inside ``token``, and whether a multi-word form may end there.

    Before an English possessive ('s, ’s) any form may end ("the Kiev regime's
    envoy"); before a hyphen only a one-word form ("Kiev-based"): the compound
    of a phrase's last word is mostly a word of its own ("Russian military-age
    men", "Putin's war-chest").
    """
    if not token.is_word:
        return []
    norm = token.norm
    cuts = [(k, False) for k, ch in enumerate(norm) if ch == "-" and k > 0]
    if language == "en" and len(norm) > 2 and norm.endswith(_POSSESSIVES):
        cuts.append((len(norm) - 2, True))
    return cuts


def _cut_matches(index: PhraseIndex, tokens: Sequence[Token], language: str) -> dict[int, _Cut]:
    """The longest match starting at each token whose last word is the front part of a hyphenated or possessive token."""
    if language == "en":
        candidates = [j for j, token in enumerate(tokens) if "-" in (norm := token.norm) or "'" in norm or "’" in norm]
    else:
        candidates = [j for j, token in enumerate(tokens) if "-" in token.norm]
    if not candidates:
        return {}
    ends = _form_ends(language)
    best: dict[int, _Cut] = {}
    for j in candidates:
        token = tokens[j]
        for cut, phrases in _cuts(token, language):
            words = ends.get(token.norm[:cut], 1 if language == "ar" else 0)  # (Arabic: a proclitic may precede a one-word form)
            if not words:
                continue
            front = dataclasses.replace(token, norm=token.norm[:cut])
            for i in range(max(0, j - words + 1) if phrases else j, j + 1):
                window = [*tokens[i:j], front]
                match = index.match_at(window, 0)
                if match is None or match.end != len(window):
                    continue
                found = _Cut(PhraseMatch(i, j + 1, match.value, match.prefix), cut)
                held = best.get(i)
                if held is None or (found.match.end, found.cut) > (held.match.end, held.cut):
                    best[i] = found
    return best


def _matches(index: PhraseIndex, tokens: Sequence[Token], language: str) -> list[PhraseMatch | _Cut]:
    """Leftmost-longest matches over whole tokens and cut tokens; at equal length the whole-token match wins.

    The scan over whole tokens (``index.find``) is reused: it only differs
    from the combined scan after a cut match, and only until the combined
    scan reaches a token that the whole-token scan also stopped at.
    """
    cut = _cut_matches(index, tokens, language)
    whole = index.find(tokens)
    if not cut:
        return whole
    at = {m.start: m for m in whole}
    inside = {k for m in whole for k in range(m.start + 1, m.end)}  # tokens the whole-token scan skipped
    events = sorted(at.keys() | cut.keys())
    found: list[PhraseMatch | _Cut] = []
    i = 0
    while i < len(tokens):
        w = index.match_at(tokens, i) if i in inside else at.get(i)
        c = cut.get(i)
        if c is not None and (w is None or c.match.end > w.end):
            found.append(c)
            i = c.match.end
        elif w is not None:
            found.append(w)
            i = w.end
        elif i in inside:
            i += 1
        else:
            k = bisect.bisect_right(events, i)
            if k == len(events):
                break
            i = events[k]
    return found


def _offset(token: Token, k: int, language: str) -> int:
    """Text offset of character ``k`` of the token's matching form (Arabic marks are dropped from the form)."""
    if len(token.norm) == len(token.text):
        return token.start + k
    positions = matching_form(token.text, language)[1]
    return token.start + (positions[k] if positions is not None else k)


def terms_in_text(text: str, language: str, *, tokens: list[Token] | None = None) -> list[Term]:
    """The loaded terms of one text, longest match first."""
    tokens = tokenize(text, language) if tokens is None else tokens
    found = []
    for item in _matches(_index(language), tokens, language):
        match = item.match if isinstance(item, _Cut) else item
        concept, vocabulary = match.value
        start = _offset(tokens[match.start], match.prefix, language)
        end = _offset(tokens[match.end - 1], item.cut, language) if isinstance(item, _Cut) else tokens[match.end - 1].end
        found.append(Term(start, end, text[start:end], concept, vocabulary))
    return found


def find_terms(articles: pd.DataFrame, *, progress: bool | None = None) -> pd.DataFrame:
    """Term rows: ``article_id, cue, cue_start, cue_end, concept, vocabulary``."""
    rows = []
    for item in codable_texts(articles, desc="terms", progress=progress):
        for term in terms_in_text(item.text, item.language):
            rows.append({"article_id": item.article_id, "cue": term.cue, "cue_start": term.cue_start, "cue_end": term.cue_end, "concept": term.concept, "vocabulary": term.vocabulary})
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def concepts_table() -> pd.DataFrame:
    """The contested-terms data as a table: concept, vocabulary, language, forms."""
    rows = []
    for concept in load_resource("terms")["concept"]:
        for term in concept["term"]:
            for language in ("ar", "en", "ru"):
                rows.append({"concept": concept["id"], "label": concept.get("label", ""), "vocabulary": term["vocabulary"], "language": language, "forms": "; ".join(term.get(language, []))})
    return pd.DataFrame(rows)
