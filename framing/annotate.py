"""All spans of all kinds in one table: attributions, hedges, loaded terms.

Every feature of :func:`framing.score` is an aggregate of these rows, so a
number can always be traced back to the words behind it. One pass per
article tokenises the text once and shares it between the three finders.

>>> import framing as fr
>>> spans = fr.annotate(fr.load_demo())
>>> sorted(spans["kind"].unique())
['attribution', 'hedge', 'term']
>>> {"article_id", "kind", "cue", "cue_start", "cue_end"} <= set(spans.columns)
True
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from framing.extract.attributions import ATTRIBUTION_COLUMNS, _extract
from framing.extract.hedges import HEDGE_COLUMNS, hedges_in_text
from framing.extract.terms import TERM_COLUMNS, terms_in_text
from framing.schema import PROGRESS_MIN_ARTICLES, codable_texts, require_columns

__all__ = ["annotate", "annotate_text", "SPAN_KINDS", "SPAN_COLUMNS"]

#: Kinds of spans, in the order they are listed.
SPAN_KINDS = ("attribution", "hedge", "term")
#: Columns of the span table: common ones first, then those of each kind.
SPAN_COLUMNS = ["article_id", "kind", "cue", "cue_start", "cue_end"] + [
    c for c in dict.fromkeys(ATTRIBUTION_COLUMNS + HEDGE_COLUMNS + TERM_COLUMNS) if c not in ("article_id", "cue", "cue_start", "cue_end")
]
_CHUNK = 200


def annotate_text(text: str, language: str, *, year: int | None = None, outlet_country: str | None = None, dateline: str | None = None) -> list[dict]:
    """Spans of one text as rows (without ``article_id``), in text order.

    ``outlet_country`` and ``dateline``: see :func:`framing.extract.attributions.extract_from_text`.
    """
    attributions, article = _extract(text, language, year, outlet_country=outlet_country, dateline=dateline)
    rows = [{"kind": "attribution", **a.as_row()} for a in attributions]
    speech = [a.content_span for a in attributions if a.content_span]
    for hedge in hedges_in_text(text, language, speech_spans=speech, tokens=article.tokens, quotes=article.quotes):
        rows.append({"kind": "hedge", "cue": hedge.cue, "cue_start": hedge.cue_start, "cue_end": hedge.cue_end, "scope": hedge.scope, "category": hedge.category})
    for term in terms_in_text(text, language, tokens=article.tokens):
        rows.append({"kind": "term", "cue": term.cue, "cue_start": term.cue_start, "cue_end": term.cue_end, "concept": term.concept, "vocabulary": term.vocabulary})
    order = {kind: n for n, kind in enumerate(SPAN_KINDS)}
    rows.sort(key=lambda r: (r["cue_start"], order[r["kind"]]))
    return rows


def _annotate_chunk(chunk: pd.DataFrame) -> list[dict]:
    rows = []
    for item in codable_texts(chunk, progress=False):
        rows.extend({"article_id": item.article_id, **row} for row in annotate_text(item.text, item.language, year=item.year, outlet_country=item.outlet_country, dateline=item.dateline))
    return rows


def annotate(articles: pd.DataFrame, *, progress: bool | None = None, jobs: int = 1) -> pd.DataFrame:
    """Every span the package codes, one row each, with a ``kind`` column.

    Parameters
    ----------
    articles : pandas.DataFrame
        At least ``article_id``, ``language`` and ``text`` (``published``, if
        present, decides whether people were in office). Articles in other
        languages are skipped.
    progress : bool, optional
        Show a progress bar (by default for 500 articles or more).
    jobs : int
        Worker processes; chunks of articles are annotated in parallel.

    Returns
    -------
    pandas.DataFrame
        :data:`SPAN_COLUMNS`: ``article_id, kind, cue, cue_start, cue_end``, the
        attribution fields (ARCHITECTURE.md contract), ``scope`` and
        ``category`` of hedges, ``concept`` and ``vocabulary`` of terms; rows
        sorted by article and offset.
    """
    require_columns(articles)
    columns = ["article_id", "language", "text"] + (["published"] if "published" in articles.columns else [])
    frame = articles[columns]
    chunks = [frame.iloc[i : i + _CHUNK] for i in range(0, len(frame), _CHUNK)] or [frame]
    show = progress if progress is not None else len(articles) >= PROGRESS_MIN_ARTICLES
    rows: list[dict] = []
    with tqdm(total=len(frame), desc="annotating", unit="article", disable=not show) as bar:
        if jobs > 1 and len(chunks) > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for chunk, result in zip(chunks, pool.map(_annotate_chunk, chunks), strict=True):
                    rows.extend(result)
                    bar.update(len(chunk))
        else:
            for chunk in chunks:
                rows.extend(_annotate_chunk(chunk))
                bar.update(len(chunk))
    spans = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    for column in ("cue_start", "cue_end", "speaker_start", "speaker_end"):
        spans[column] = spans[column].astype("Int64") if spans[column].isna().any() else spans[column].astype(np.int64)
    return spans
