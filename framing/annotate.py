"""All spans of all kinds in one table: attributions, hedges, loaded terms.

Every feature of :func:`framing.score` is an aggregate of these rows, so a
number can always be traced back to the words behind it.

>>> import framing as fr
>>> spans = fr.annotate(fr.load_demo())
>>> sorted(spans["kind"].unique())[:1]
['attribution']
>>> {"article_id", "kind", "cue", "cue_start", "cue_end"} <= set(spans.columns)
True
"""

from __future__ import annotations

import pandas as pd

from framing.extract.attributions import extract_attributions
from framing.schema import require_columns

__all__ = ["annotate", "SPAN_KINDS"]

#: Kinds of spans, in the order they are listed.
SPAN_KINDS = ("attribution", "hedge", "term")


def annotate(articles: pd.DataFrame, *, progress: bool | None = None) -> pd.DataFrame:
    """Every span the package codes, one row each, with a ``kind`` column.

    Parameters
    ----------
    articles : pandas.DataFrame
        At least ``article_id``, ``language`` and ``text``.
    progress : bool, optional
        Show progress bars (by default for large inputs).

    Returns
    -------
    pandas.DataFrame
        ``article_id, kind, cue, cue_start, cue_end`` and the fields of each
        kind (attributions: the ARCHITECTURE.md contract; hedges: ``scope``;
        terms: ``concept``, ``vocabulary``), sorted by article and offset.
    """
    require_columns(articles)
    frames = []
    attributions = extract_attributions(articles, progress=progress)
    frames.append(attributions.assign(kind="attribution"))
    try:
        from framing.extract.hedges import find_hedges
    except ImportError:  # hedges arrive with the features issue
        find_hedges = None
    if find_hedges is not None:
        frames.append(find_hedges(articles, progress=progress).assign(kind="hedge"))
    try:
        from framing.extract.terms import find_terms
    except ImportError:
        find_terms = None
    if find_terms is not None:
        frames.append(find_terms(articles, progress=progress).assign(kind="term"))
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=["article_id", "kind", "cue", "cue_start", "cue_end"])
    spans = pd.concat(frames, ignore_index=True)
    order = {kind: n for n, kind in enumerate(SPAN_KINDS)}
    spans = spans.assign(_order=spans["kind"].map(order)).sort_values(["article_id", "cue_start", "_order"], kind="stable")
    first = ["article_id", "kind", "cue", "cue_start", "cue_end"]
    return spans.drop(columns="_order")[first + [c for c in spans.columns if c not in first and c != "_order"]].reset_index(drop=True)
