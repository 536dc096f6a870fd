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
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
from tqdm.auto import tqdm

from framing.extract.phrases import PhraseIndex
from framing.resources import load_resource
from framing.schema import require_columns
from framing.text.segment import Token, tokenize

__all__ = ["TERM_COLUMNS", "VOCABULARIES", "Term", "find_terms", "terms_in_text", "concepts_table"]

#: Columns of the term table.
TERM_COLUMNS = ["article_id", "cue", "cue_start", "cue_end", "concept", "vocabulary"]
#: Vocabularies a term may belong to.
VOCABULARIES = ("RU", "US/WEST", "SCARE", "NEUTRAL")
_PROGRESS_MIN_ARTICLES = 500


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


def terms_in_text(text: str, language: str, *, tokens: list[Token] | None = None) -> list[Term]:
    """The loaded terms of one text, longest match first."""
    tokens = tokenize(text, language) if tokens is None else tokens
    found = []
    for match in _index(language).find(tokens):
        concept, vocabulary = match.value
        start = tokens[match.start].start + match.prefix
        end = tokens[match.end - 1].end
        found.append(Term(start, end, text[start:end], concept, vocabulary))
    return found


def find_terms(articles: pd.DataFrame, *, progress: bool | None = None) -> pd.DataFrame:
    """Term rows: ``article_id, cue, cue_start, cue_end, concept, vocabulary``."""
    require_columns(articles)
    rows = []
    show = progress if progress is not None else len(articles) >= _PROGRESS_MIN_ARTICLES
    iterator = zip(articles["article_id"], articles["language"], articles["text"], strict=True)
    for article_id, language, text in tqdm(iterator, total=len(articles), desc="terms", unit="article", disable=not show):
        if language not in ("ar", "en", "ru") or not isinstance(text, str) or not text:
            continue
        for term in terms_in_text(text, language):
            rows.append({"article_id": article_id, "cue": term.cue, "cue_start": term.cue_start, "cue_end": term.cue_end, "concept": term.concept, "vocabulary": term.vocabulary})
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def concepts_table() -> pd.DataFrame:
    """The contested-terms data as a table: concept, vocabulary, language, forms."""
    rows = []
    for concept in load_resource("terms")["concept"]:
        for term in concept["term"]:
            for language in ("ar", "en", "ru"):
                rows.append({"concept": concept["id"], "label": concept.get("label", ""), "vocabulary": term["vocabulary"], "language": language, "forms": "; ".join(term.get(language, []))})
    return pd.DataFrame(rows)
