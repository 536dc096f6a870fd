"""Per-article framing features: aggregates of spans, defined in one data dictionary.

Every column of :func:`score` is listed, in order, with its type, unit and
definition in ``resources/features.toml`` (:func:`data_dictionary`, printed by
``framing features --describe``). Each number is a count or ratio of rows of
:func:`framing.annotate`, so it can be traced back to the words behind it.

>>> import framing as fr
>>> features = fr.score(fr.load_demo())
>>> len(features), list(features.columns) == data_dictionary()["name"].tolist()
(36, True)
>>> bool(features.groupby("outlet_country")["distancing_US"].sum()["RU"] > 0)
True
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from framing.codebook import CUE_CLASSES, OUTLET_SIDES
from framing.resources import load_resource
from framing.schema import require_columns

__all__ = ["score", "data_dictionary", "describe_features", "FEATURE_SIDES"]

#: Sides that per-side features are computed for.
FEATURE_SIDES = OUTLET_SIDES
_WORD = re.compile(r"\S*[^\W_]\S*")
_QUOTED = re.compile(r"[«“„\"‹‘]([^«»“”„\"‹›‘’]*)[»”“\"›’]")


@functools.cache
def _dictionary() -> pd.DataFrame:
    return pd.DataFrame(load_resource("features")["feature"], columns=["name", "type", "unit", "definition"])


def data_dictionary() -> pd.DataFrame:
    """The data dictionary: one row per feature column (name, type, unit, definition).

    >>> data_dictionary().set_index("name").loc["hedges_per_1k_words", "unit"]
    'per 1,000 words'
    """
    return _dictionary().copy()


def describe_features() -> str:
    """The data dictionary as readable text."""
    lines = []
    for row in _dictionary().itertuples():
        lines.append(f"{row.name}  ({row.type}, {row.unit})\n    {row.definition}")
    return "\n".join(lines)


def _word_count(text: object) -> int:
    return len(_WORD.findall(text)) if isinstance(text, str) else 0


def _quoted_words(content: str, quote_type: str) -> int:
    if quote_type == "direct":
        return _word_count(content)
    if quote_type == "mixed":
        return sum(_word_count(part) for part in _QUOTED.findall(content))
    return 0


def score(articles: pd.DataFrame, *, spans: pd.DataFrame | None = None, progress: bool | None = None, jobs: int = 1) -> pd.DataFrame:
    """One row of framing features per article.

    Parameters
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        At least ``article_id``, ``language`` and ``text``. A Dask DataFrame is
        scored partition by partition and a lazy Dask DataFrame is returned.
    spans : pandas.DataFrame, optional
        The output of :func:`framing.annotate` for these articles; computed when not given.
    progress : bool, optional
        Show a progress bar while annotating.
    jobs : int
        Worker processes for annotating.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`data_dictionary`, in that order, one row per
        article in input order.
    """
    if type(articles).__module__.startswith("dask"):
        from framing.scale import score_dask

        return score_dask(articles)
    require_columns(articles)
    if spans is None:
        from framing.annotate import annotate

        spans = annotate(articles, progress=progress, jobs=jobs)
    ids = articles["article_id"].astype(str)
    base = pd.DataFrame({"article_id": ids.to_numpy()})
    for column in ("outlet", "outlet_country", "language"):
        base[column] = articles[column].to_numpy() if column in articles.columns else None
    base["published"] = pd.to_datetime(articles["published"], errors="coerce").to_numpy() if "published" in articles.columns else pd.NaT
    base["words"] = articles["text"].map(_word_count).to_numpy()

    spans = spans.assign(article_id=spans["article_id"].astype(str))
    attributions = spans[spans["kind"] == "attribution"]
    hedges = spans[spans["kind"] == "hedge"]
    terms = spans[spans["kind"] == "term"]
    index = pd.Index(base["article_id"])

    def count(frame: pd.DataFrame) -> np.ndarray:
        return frame.groupby("article_id").size().reindex(index, fill_value=0).to_numpy()

    columns: dict[str, object] = {}
    columns["attributions"] = count(attributions)
    for side in FEATURE_SIDES:
        of_side = attributions[attributions["side"] == side]
        columns[f"attributions_{side}"] = count(of_side)
        columns[f"officials_{side}"] = count(of_side[of_side["speaker_type"].isin(["official", "institution"])])
        columns[f"distancing_{side}"] = count(of_side[of_side["cue_class"] == "distancing"])
    columns["attributions_MIXED"] = count(attributions[attributions["side"] == "MIXED"])
    columns["attributions_UNKNOWN"] = count(attributions[attributions["side"] == "UNKNOWN"])
    for side in FEATURE_SIDES:
        of_side = attributions[attributions["side"] == side]
        total = count(of_side).astype(float)
        denominator = np.where(total > 0, total, np.nan)
        for cue_class in CUE_CLASSES:
            columns[f"share_{cue_class}_{side}"] = count(of_side[of_side["cue_class"] == cue_class]) / denominator
    for side in FEATURE_SIDES:
        of_side = attributions[attributions["side"] == side]
        total = count(of_side).astype(float)
        columns[f"direct_share_{side}"] = count(of_side[of_side["quote_type"] == "direct"]) / np.where(total > 0, total, np.nan)
        quoted = of_side.assign(_q=[_quoted_words(c or "", q) for c, q in zip(of_side["content"], of_side["quote_type"], strict=True)])
        columns[f"quoted_words_{side}"] = quoted.groupby("article_id")["_q"].sum().reindex(index, fill_value=0).astype(int).to_numpy()
    all_attributions = columns["attributions"].astype(float)
    columns["anonymous"] = count(attributions[attributions["speaker_type"] == "anonymous"])
    columns["anonymous_share"] = columns["anonymous"] / np.where(all_attributions > 0, all_attributions, np.nan)
    words = base["words"].to_numpy().astype(float)
    per_1k = np.where(words > 0, 1000.0 / np.where(words > 0, words, 1), np.nan)
    columns["hedges"] = count(hedges)
    columns["hedges_per_1k_words"] = columns["hedges"] * per_1k
    columns["hedges_writer"] = count(hedges[hedges["scope"] == "writer"])
    columns["hedges_speaker"] = count(hedges[hedges["scope"] == "speaker"])
    columns["hedges_writer_per_1k_words"] = columns["hedges_writer"] * per_1k
    columns["terms_RU"] = count(terms[terms["vocabulary"] == "RU"])
    columns["terms_US_WEST"] = count(terms[terms["vocabulary"] == "US/WEST"])
    columns["terms_SCARE"] = count(terms[terms["vocabulary"] == "SCARE"])
    columns["terms_NEUTRAL"] = count(terms[terms["vocabulary"] == "NEUTRAL"])
    both = (columns["terms_RU"] + columns["terms_US_WEST"]).astype(float)
    columns["vocabulary_lean"] = (columns["terms_RU"] - columns["terms_US_WEST"]) / np.where(both > 0, both, np.nan)

    features = pd.concat([base, pd.DataFrame(columns)], axis=1)
    dictionary = _dictionary()
    for name, kind in zip(dictionary["name"], dictionary["type"], strict=True):
        if kind == "int":
            features[name] = features[name].astype("int64")
        elif kind == "float":
            features[name] = features[name].astype("float64")
    return features[dictionary["name"].tolist()]
