"""Gold coding files in the codebook's format: reading, validating, locating spans.

A gold file is JSON Lines, one coded article a line (CODEBOOK.md, "Gold file
format"). Spans are given as a cue string and its occurrence in the text;
:func:`read_gold` turns them into character offsets and checks every value
against the codebook, so a mistake in a gold file is found before it
distorts an evaluation.

>>> import framing as fr
>>> gold = read_gold(fr.demo_gold_path())
>>> len(gold.articles), gold.problems
(36, [])
>>> row = gold.attributions.iloc[0]
>>> text = gold.articles.set_index("article_id").loc[row.article_id, "text"]
>>> text[row.cue_start:row.cue_end] == row.cue
True
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.codebook import (
    CUE_CLASSES,
    HEDGE_SCOPES,
    QUOTE_TYPES,
    SIDES,
    SPEAKER_TYPES,
)

__all__ = ["Gold", "read_gold", "cue_span"]

_ALLOWED = {
    "cue_class": CUE_CLASSES,
    "side": SIDES,
    "speaker_type": SPEAKER_TYPES,
    "quote_type": QUOTE_TYPES,
}


def cue_span(text: str, cue: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the ``occurrence``-th (0-based) occurrence of ``cue`` in ``text`` as a substring.

    >>> cue_span("وقال ريابكوف ... قالت موسكو ... وقال متحدث", "قال", 2)
    (33, 36)
    """
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(cue, start + 1)
        if start < 0:
            return None
    return start, start + len(cue)


@dataclass
class Gold:
    """A gold file: its articles, attribution and hedge spans, and any problems found."""

    articles: pd.DataFrame
    attributions: pd.DataFrame
    hedges: pd.DataFrame
    problems: list[str] = field(default_factory=list)


def read_gold(path: str | os.PathLike[str]) -> Gold:
    """Read and validate a gold file.

    Returns
    -------
    Gold
        ``articles`` (``article_id, language, outlet, outlet_country, title,
        text, unlabelled``), ``attributions`` (the codebook fields plus
        ``cue_start, cue_end``) and ``hedges`` (``cue, cue_occurrence, scope,
        cue_start, cue_end``), with ``article_id`` on every row. ``problems``
        lists every cue that cannot be found and every value the codebook
        does not allow; such spans are left out.
    """
    articles, attributions, hedges, problems = [], [], [], []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        article_id = str(record["id"])
        text = record["text"]
        unlabelled = set(record.get("unlabelled", []))
        articles.append(
            {
                "article_id": article_id,
                "language": record.get("language"),
                "outlet": record.get("outlet"),
                "outlet_country": record.get("outlet_country"),
                "title": record.get("title"),
                "text": text,
                "unlabelled": sorted(unlabelled),
            }
        )
        for index, span in enumerate(record.get("attributions", [])):
            where = f"{article_id} attribution {index} ({span.get('cue')!r})"
            located = cue_span(text, span["cue"], span.get("cue_occurrence", 0))
            if located is None:
                problems.append(f"{where}: cue occurrence {span.get('cue_occurrence', 0)} not found in the text")
                continue
            bad = [
                f"{name}={span.get(name)!r}"
                for name, allowed in _ALLOWED.items()
                if name not in unlabelled and span.get(name) not in allowed
            ]
            if bad:
                problems.append(f"{where}: value(s) not in the codebook: {', '.join(bad)}")
                continue
            if (span.get("quote_type") == "none") != (not span.get("content")):
                problems.append(f"{where}: quote_type {span.get('quote_type')!r} but content {span.get('content')!r}")
            attributions.append({"article_id": article_id, **span, "cue_start": located[0], "cue_end": located[1]})
        for index, span in enumerate(record.get("hedges", [])):
            where = f"{article_id} hedge {index} ({span.get('cue')!r})"
            located = cue_span(text, span["cue"], span.get("cue_occurrence", 0))
            if located is None:
                problems.append(f"{where}: cue occurrence {span.get('cue_occurrence', 0)} not found in the text")
                continue
            if "hedges" not in unlabelled and span.get("scope") not in HEDGE_SCOPES:
                problems.append(f"{where}: scope {span.get('scope')!r} not in the codebook")
                continue
            hedges.append({"article_id": article_id, **span, "cue_start": located[0], "cue_end": located[1]})
    return Gold(pd.DataFrame(articles), pd.DataFrame(attributions), pd.DataFrame(hedges), problems)
