"""The shared first step of every analysis notebook: the corpus, as the parameters define it.

The notebooks in ``notebooks/`` (run by ``framing report``) take the same
parameters: a corpus (a path, or ``"demo"``), languages, a date window, the
column that defines the two groups and the values of each, a sample size
and a seed. :func:`prepare` turns them into the articles the notebooks
analyse (with a ``group`` column) and records what was left out and why;
:class:`Outputs` writes a notebook's figures, tables and ``results.json``;
:func:`summarize` turns the comparisons into sentences, from the numbers only.

>>> selection = prepare("demo", side_column="outlet_country", group_a="RU", group_b="US")
>>> selection.articles["group"].value_counts().to_dict()
{'RU': 18, 'US': 18}
>>> selection.summary()["articles"]
36
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["MISSING", "Outputs", "Selection", "group_values", "in_group", "prepare", "summarize"]


def group_values(value: object) -> list[str]:
    """A group given as a value, a list, or a comma-separated string.

    >>> group_values("Associated Press, NBC News"), group_values(["RU"]), group_values("RU")
    (['Associated Press', 'NBC News'], ['RU'], ['RU'])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [str(v) for v in value]


_LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "ru": "Russian"}

#: The group value that stands for a missing or empty cell.
MISSING = "(missing)"


def in_group(column: pd.Series, values: Sequence[str]) -> pd.Series:
    """Which cells of ``column`` belong to a group of values.

    A value with ``*`` or ``?`` is a shell-style pattern (``"RT*"`` matches
    ``"RT (rt.com)"``); ``"(missing)"`` matches an empty or missing cell;
    any other value must equal the cell (compared as text).

    >>> column = pd.Series(["RT (rt.com)", "NBC News", None, "Associated Press (wire copy)"])
    >>> in_group(column, ["RT*"]).tolist()
    [True, False, False, False]
    >>> in_group(column, ["NBC News", "Associated Press*"]).tolist()
    [False, True, False, True]
    >>> in_group(column, ["(missing)"]).tolist()
    [False, False, True, False]
    """
    text = column.astype(object).where(column.notna(), None)
    empty = text.map(lambda v: v is None or (isinstance(v, str) and not v.strip()))
    chosen = pd.Series(False, index=column.index)
    for value in values:
        if value == MISSING:
            chosen |= empty
        elif any(ch in value for ch in "*?["):
            chosen |= ~empty & text.map(lambda v, pattern=value: fnmatch.fnmatchcase(str(v), pattern))
        else:
            chosen |= ~empty & (text.map(str) == value)
    return chosen


@dataclass
class Selection:
    """The articles of an analysis and how they were chosen."""

    articles: pd.DataFrame
    report: Any
    parameters: dict[str, Any]
    dropped: dict[str, int] = field(default_factory=dict)
    _coded: tuple[pd.DataFrame, pd.DataFrame] | None = field(default=None, repr=False)

    @property
    def label_a(self) -> str:
        """The label of the first group (the ``group`` value of its articles)."""
        return self.parameters["label_a"]

    @property
    def label_b(self) -> str:
        """The label of the second group."""
        return self.parameters["label_b"]

    @property
    def cluster(self) -> str | None:
        """``"outlet"`` when the articles name their outlets (outlets are then the unit of inference), else None."""
        return "outlet" if "outlet" in self.articles.columns and self.articles["outlet"].notna().any() else None

    def code(self, *, progress: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The spans (:func:`framing.annotate`) and features (:func:`framing.score`, with ``group``) of the articles.

        Computed once per selection and kept.
        """
        if self._coded is None:
            import framing as fr

            show = progress if progress is not None else len(self.articles) >= 500
            spans = fr.annotate(self.articles, progress=show)
            features = fr.score(self.articles, spans=spans)
            features = features.merge(self.articles[["article_id", "group"]], on="article_id", how="left", validate="one_to_one")
            self._coded = (spans, features)
        return self._coded

    def summary(self) -> dict[str, Any]:
        """Counts for results.json: articles kept and why others were left out."""
        return {
            "articles": int(len(self.articles)),
            "by_group": {str(k): int(v) for k, v in self.articles["group"].value_counts().items()},
            "by_language": {str(k): int(v) for k, v in self.articles["language"].value_counts().items()},
            "dropped": dict(self.dropped),
            "rows_seen": int(self.report.rows_seen),
            "rejected": int(len(self.report.rejected)),
        }


def prepare(
    corpus: str | os.PathLike[str],
    *,
    languages: Sequence[str] | str | None = None,
    start: str | None = None,
    end: str | None = None,
    side_column: str = "outlet_country",
    group_a: object = "RU",
    group_b: object = "US",
    label_a: str | None = None,
    label_b: str | None = None,
    sample_size: int | None = None,
    seed: int = 0,
    drop_duplicates: bool = True,
) -> Selection:
    """Read a corpus and keep the articles of the two groups being compared.

    Parameters
    ----------
    corpus : path or "demo"
        Anything :func:`framing.read_articles` reads; ``"demo"`` is the embedded demo corpus.
    languages : list or comma-separated str, optional
        Keep only these languages (ar, en, ru).
    start, end : str, optional
        Keep articles published in this window (inclusive, ``YYYY-MM-DD``).
    side_column : str
        The column that defines the groups (``outlet_country``, ``outlet`` ...).
    group_a, group_b : value, list or comma-separated str
        The values of ``side_column`` in each group (see :func:`in_group`:
        ``"RT*"`` is a pattern, ``"(missing)"`` an empty cell); a new column
        ``group`` holds the group's label (``side`` is the speaker's side in span tables).
    label_a, label_b : str, optional
        Short labels of the groups for tables and figures ("RT", "AP+NBC");
        by default the values joined by "+".
    sample_size : int, optional
        At most this many articles per group, drawn with ``seed``.
    drop_duplicates : bool
        Leave out exact and near duplicates (republished wire copies).

    Raises
    ------
    ValueError
        If ``side_column`` is not a column, or a group has no articles.
    """
    import framing as fr

    source = fr.demo_corpus_path() if str(corpus) == "demo" else corpus
    articles, report = fr.read_articles(source, return_report=True, drop_duplicates=drop_duplicates)
    dropped: dict[str, int] = {}
    if side_column not in articles.columns:
        raise ValueError(f"side column {side_column!r} is not in the articles; found: {', '.join(map(str, articles.columns))}")
    wanted = group_values(languages)
    if wanted:
        keep = articles["language"].isin(wanted)
        dropped["other languages"] = int((~keep).sum())
        articles = articles[keep]
    if start or end:
        published = pd.to_datetime(articles["published"])
        keep = pd.Series(True, index=articles.index)
        if start:
            keep &= published >= pd.Timestamp(start)
        if end:
            keep &= published < pd.Timestamp(end) + pd.Timedelta(days=1)
        dropped["outside the date window"] = int((~keep).sum())
        articles = articles[keep]
    a, b = group_values(group_a), group_values(group_b)
    label_a, label_b = label_a or "+".join(a), label_b or "+".join(b)
    if label_a == label_b:
        raise ValueError(f"the two groups need different labels, both are {label_a!r}")
    group = pd.Series(None, index=articles.index, dtype=object)
    chosen_a, chosen_b = in_group(articles[side_column], a), in_group(articles[side_column], b)
    if (chosen_a & chosen_b).any():
        raise ValueError(f"{int((chosen_a & chosen_b).sum())} articles match both groups ({', '.join(a)} / {', '.join(b)}); make the groups disjoint")
    group[chosen_a] = label_a
    group[chosen_b] = label_b
    dropped["in neither group"] = int(group.isna().sum())
    articles = articles.assign(group=group)[group.notna()]
    for label in (label_a, label_b):
        if not (articles["group"] == label).any():
            found = ", ".join(map(str, sorted(set(articles[side_column].dropna()) | set(a) | set(b))))
            raise ValueError(f"no articles in group {label!r} of column {side_column!r}; values there include: {found}")
    if sample_size is not None:
        parts = [part.sample(n=min(sample_size, len(part)), random_state=seed) for _, part in articles.groupby("group", sort=True)]
        before = len(articles)
        articles = pd.concat(parts).sort_index()
        dropped["sampled out"] = before - len(articles)
    parameters = {
        "corpus": str(corpus),
        "languages": wanted,
        "start": start,
        "end": end,
        "side_column": side_column,
        "group_a": a,
        "group_b": b,
        "label_a": label_a,
        "label_b": label_b,
        "sample_size": sample_size,
        "seed": seed,
    }
    return Selection(articles.reset_index(drop=True), report, parameters, dropped)


def _plain(value: Any) -> Any:
    """JSON-ready: numpy scalars as Python numbers, floats rounded, NaN as None, keys as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float):
        return None if value != value else round(value, 6)
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


class Outputs:
    """The output folder of one analysis: ``figures/`` (PNG), ``tables/`` (CSV) and ``results.json``.

    >>> import tempfile, matplotlib.figure
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = Outputs(folder)
    ...     _ = out.table(pd.DataFrame({"outlet": ["RT"], "articles": [3]}), "counts")
    ...     _ = out.figure(matplotlib.figure.Figure(), "empty")
    ...     out.add(articles=3)
    ...     sorted(json.loads(out.write().read_text()))
    ['articles', 'figures', 'tables']
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        (self.folder / "figures").mkdir(parents=True, exist_ok=True)
        (self.folder / "tables").mkdir(parents=True, exist_ok=True)
        self.results: dict[str, Any] = {}
        self.figures: list[str] = []
        self.tables: list[str] = []

    def figure(self, fig: Any, name: str) -> Any:
        """Save ``fig`` as ``figures/<name>.png`` and return it (to show it in the notebook)."""
        from framing.plots import save_figure

        save_figure(fig, self.folder / "figures" / name, formats=("png",))
        self.figures.append(f"figures/{name}.png")
        return fig

    def table(self, frame: pd.DataFrame, name: str, *, index: bool = False) -> pd.DataFrame:
        """Write ``frame`` as ``tables/<name>.csv`` (UTF-8) and return it."""
        frame.to_csv(self.folder / "tables" / f"{name}.csv", index=index, encoding="utf-8")
        self.tables.append(f"tables/{name}.csv")
        return frame

    def add(self, **results: Any) -> None:
        """Record numbers for ``results.json``."""
        self.results.update(results)

    def write(self) -> Path:
        """Write ``results.json``: the recorded numbers and the figures and tables written."""
        path = self.folder / "results.json"
        data = {**self.results, "figures": self.figures, "tables": self.tables}
        path.write_text(json.dumps(_plain(data), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path


def summarize(
    selection: Selection,
    *,
    features: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
    topics: pd.DataFrame | None = None,
    q: float = 0.05,
    top: int = 5,
) -> list[str]:
    """Sentences that state what the comparisons found, made from the numbers only.

    Parameters
    ----------
    selection : Selection
        The articles compared (for the counts and group labels).
    features : DataFrame, optional
        :func:`framing.compare_features` output.
    terms : DataFrame, optional
        :func:`framing.compare_terms` output.
    topics : DataFrame, optional
        :meth:`framing.topics.TopicModel.compare` output.
    q : float
        Differences with a q-value below this are reported as differences;
        when none is, the largest are given as description only, and said so.
    top : int
        At most this many features, terms per direction, and topics.
    """
    from framing.compare import describe_differences

    a, b = selection.label_a, selection.label_b
    counts = selection.articles["group"].value_counts()
    lines = [f"{len(selection.articles)} articles: {int(counts.get(a, 0))} in {a}, {int(counts.get(b, 0))} in {b}."]
    if features is not None and len(features):
        found = describe_differences(features, q=q, top=top)
        significant = [line for line in found if not line.startswith("Caveat:")]
        if significant:
            lines.append(f"{int((features['q'] < q).sum())} of {len(features)} features differ at q < {q}; the clearest:")
            lines += found
        else:
            lines.append(f"No feature of {len(features)} differs between {a} and {b} at q < {q}. The largest differences, as description only:")
            lines += describe_differences(features, q=1.01, top=min(top, 3))
    if terms is not None and len(terms):
        for language, rows in terms.groupby("language", sort=True):
            for label, chosen in ((a, rows[rows["z"] > 1.96].nlargest(top, "z")), (b, rows[rows["z"] < -1.96].nsmallest(top, "z"))):
                if len(chosen):
                    words = ", ".join(f"{t} (z = {z:+.1f})" for t, z in zip(chosen["term"], chosen["z"], strict=True))
                    lines.append(f"Words most typical of {label} in {_LANGUAGE_NAMES.get(language, language)}: {words}.")
    if topics is not None and len(topics):
        clear = topics[topics["q"] < q].head(top)
        shown = clear if len(clear) else topics.head(1)
        intro = "Topics whose share differs (q < {q}):" if len(clear) else f"No topic's share differs at q < {q}; the largest difference, as description only:"
        lines.append(intro.format(q=q))
        for row in shown.itertuples(index=False):
            lines.append(
                f"topic {row.label}: {row.mean_a:.0%} of {a}'s articles vs {row.mean_b:.0%} of {b}'s; "
                f"difference {100 * row.diff:+.1f} points (95% CI {100 * row.diff_low:+.1f} to {100 * row.diff_high:+.1f}), q = {row.q:.2g}"
            )
    return lines
