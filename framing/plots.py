"""Figures, in one consistent style, with Arabic and Cyrillic rendered correctly.

matplotlib >= 3.11 shapes Arabic itself: labels are passed as raw strings
(never reshaped or reordered by hand). The font list puts DejaVu Sans
first (it ships with matplotlib and has Arabic and Cyrillic glyphs), then
Noto fonts where installed. SVG files keep their labels as text (in the
reader's font), PNG files as shaped glyphs.

Every function returns a :class:`matplotlib.figure.Figure` made without
``pyplot`` (so nothing is left open and Jupyter shows it once);
:func:`save_figure` writes it as PNG and SVG.

=========================  ====================================================
figure                     shows
=========================  ====================================================
plot_corpus_overview       articles per outlet, and per language and side
plot_boilerplate           characters removed by cleaning, per kind
plot_articles_over_time    articles per period, by group
plot_top_speakers          the speakers each group quotes most
plot_loaded_terms          contested namings each group uses, by vocabulary
plot_cue_profile           cue classes of each speaker side, by outlet side
plot_officials             officials quoted per article, by speaker side
plot_hedging               hedges per 1,000 words, by outlet
plot_fightin_words         distinctive words (:func:`framing.compare.compare_terms`)
plot_differences           feature differences with intervals (a forest plot)
plot_topic_shares          topic shares by group with intervals (from :mod:`framing.topics`)
plot_topics_over_time      topic shares per period (from :mod:`framing.topics`)
=========================  ====================================================

>>> import framing as fr
>>> fig = plot_corpus_overview(fr.load_demo())
>>> [ax.get_title() for ax in fig.axes]
['Articles by outlet', 'Articles by language and side']
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "CUE_CLASS_COLORS",
    "SIDE_COLORS",
    "STYLE",
    "framing_style",
    "plot_articles_over_time",
    "plot_boilerplate",
    "plot_corpus_overview",
    "plot_cue_profile",
    "plot_differences",
    "plot_fightin_words",
    "plot_hedging",
    "plot_loaded_terms",
    "plot_officials",
    "plot_top_speakers",
    "plot_topic_shares",  # noqa: F822 - found through __getattr__ below
    "plot_topics_over_time",  # noqa: F822
    "save_figure",
]

_TOPIC_FIGURES = ("plot_topic_shares", "plot_topics_over_time")


def __getattr__(name: str) -> Any:
    """The topic figures live in :mod:`framing.topics` (which imports BERTopic); they are found here too, loaded on first use."""
    if name in _TOPIC_FIGURES:
        from framing import topics

        return getattr(topics, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Colours of sides (outlet countries and speaker sides), used by every figure.
SIDE_COLORS: Mapping[str, str] = {
    "RU": "#c0392b",
    "US": "#2e6fbb",
    "UA": "#e0a800",
    "WEST": "#5b8c5a",
    "OTHER": "#8e8e8e",
    "MIXED": "#8e5ea2",
    "UNKNOWN": "#c8c8c8",
}

#: Colours of the two compared groups when they are not sides (``a``, ``b``).
GROUP_COLORS: tuple[str, str] = ("#b35806", "#542788")

#: Colours of cue classes: neutral grey, distancing and denial warm, assertive cool.
CUE_CLASS_COLORS: Mapping[str, str] = {
    "neutral": "#b0b0b0",
    "assertive": "#2e6fbb",
    "distancing": "#c0392b",
    "denial": "#e67e22",
    "warning": "#8e44ad",
    "commitment": "#27ae60",
    "expressive": "#f1c40f",
    "admission": "#16a085",
    "sourcing": "#7f8c8d",
}

#: rcParams applied inside :func:`framing_style` (also while saving).
STYLE: Mapping[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Arial"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
}

_GRAY = "#9a9a9a"


@contextmanager
def framing_style() -> Iterator[None]:
    """Apply the package's figure style for the duration of a ``with`` block."""
    import matplotlib

    with matplotlib.rc_context(dict(STYLE)):
        yield


def _figure(width: float, height: float, nrows: int = 1, ncols: int = 1, **subplots: Any):
    """A figure outside pyplot's registry, and its axes as a 2-d array (call inside :func:`framing_style`)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    return fig, fig.subplots(nrows, ncols, squeeze=False, **subplots)


def _side_color(value: object) -> str:
    return SIDE_COLORS.get(str(value).upper(), SIDE_COLORS["OTHER"])


def _group_colors(a: str, b: str) -> tuple[str, str]:
    """Side colours when the groups are sides (RU, US ...), otherwise the two group colours."""
    if str(a).upper() in SIDE_COLORS and str(b).upper() in SIDE_COLORS:
        return _side_color(a), _side_color(b)
    return GROUP_COLORS


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str, hint: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} lack column(s) {', '.join(missing)}; found: {', '.join(map(str, frame.columns))}; {hint}")


def plot_corpus_overview(articles: pd.DataFrame):
    """Two panels: articles per outlet (coloured by outlet country) and per language and side.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles with ``outlet``, ``outlet_country`` and ``language`` columns.

    Returns
    -------
    matplotlib.figure.Figure
    """
    frame = articles.assign(
        outlet=articles["outlet"].fillna("(unknown)"),
        outlet_country=articles["outlet_country"].fillna("?"),
    )
    with framing_style():
        fig, axes = _figure(12, max(3.5, 0.3 * frame["outlet"].nunique() + 1.5), 1, 2)
        left, right = axes[0]
        by_outlet = frame.groupby(["outlet", "outlet_country"]).size().sort_values()
        labels = [f"{outlet} ({country})" for outlet, country in by_outlet.index]
        left.barh(labels, by_outlet.to_numpy(), color=[_side_color(c) for _, c in by_outlet.index])
        left.set_title("Articles by outlet")
        left.set_xlabel("articles")
        table = frame.groupby(["language", "outlet_country"]).size().unstack(fill_value=0)
        bottom = pd.Series(0, index=table.index)
        for country in table.columns:
            right.bar(table.index, table[country], bottom=bottom, label=str(country), color=_side_color(country))
            bottom = bottom + table[country]
        right.set_title("Articles by language and side")
        right.set_ylabel("articles")
        right.legend(title="outlet country", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
    return fig


def plot_boilerplate(removed: pd.DataFrame):
    """Characters removed by cleaning, per kind of boilerplate.

    Parameters
    ----------
    removed : pandas.DataFrame
        ``LoadReport.removed`` (columns ``kind`` and ``text``).

    Returns
    -------
    matplotlib.figure.Figure
    """
    with framing_style():
        fig, axes = _figure(7, 3.5)
        ax = axes[0, 0]
        if len(removed):
            chars = removed.assign(chars=removed["text"].str.len()).groupby("kind")["chars"].sum().sort_values()
            ax.barh(chars.index, chars.to_numpy(), color="#7f8c8d")
        else:
            ax.text(0.5, 0.5, "nothing removed", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("Boilerplate removed by cleaning")
        ax.set_xlabel("characters")
        fig.tight_layout()
    return fig


def _attributions_by(attributions: pd.DataFrame, articles: pd.DataFrame | None, by: str, caller: str) -> pd.DataFrame:
    """The attribution rows of a span table, with the ``by`` column taken from the articles when they lack it."""
    frame = attributions[attributions["kind"] == "attribution"] if "kind" in attributions.columns else attributions
    if by in frame.columns:
        return frame
    if articles is None:
        raise ValueError(f"attributions have no {by!r} column; pass the articles too: {caller}(attributions, articles)")
    _require(articles, ["article_id", by], "articles", "pass by='...' naming a column of the articles")
    return frame.merge(articles[["article_id", by]].drop_duplicates("article_id"), on="article_id", how="left")


def _group_color(group: object, position: int) -> str:
    """A side's colour when the group is a side (RU, US ...), else the group colours in turn."""
    if str(group).upper() in SIDE_COLORS:
        return _side_color(group)
    return GROUP_COLORS[position % len(GROUP_COLORS)]


def _groups_of(frame: pd.DataFrame, by: str, groups: Sequence[object] | None) -> list[object]:
    return list(groups) if groups is not None else sorted(frame[by].dropna().unique(), key=str)


def plot_articles_over_time(articles: pd.DataFrame, *, by: str = "outlet_country", freq: str = "W", groups: Sequence[object] | None = None):
    """Articles published per period, one line per group (articles without a date are counted in the note).

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles with ``published`` and the ``by`` column.
    by : str
        The column of groups.
    freq : str
        A pandas period: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``.
    groups : sequence, optional
        Groups shown, in order (default: all, sorted).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> fig = plot_articles_over_time(fr.load_demo(), freq="D")
    >>> fig.axes[0].get_title(), [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ('Articles per day', ['RU', 'US'])
    """
    _require(articles, ["published", by], "articles", "read them with framing.read_articles (date_col=... names the date column)")
    dates = pd.to_datetime(articles["published"])
    if dates.dt.tz is not None:
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    dated = articles.assign(_period=dates.dt.to_period(freq))[dates.notna()]
    shown = _groups_of(articles, by, groups)
    names = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
    with framing_style():
        fig, axes = _figure(9, 3.8)
        ax = axes[0, 0]
        if len(dated):
            span = pd.period_range(dated["_period"].min(), dated["_period"].max(), freq=dated["_period"].dt.freq)
            # Few periods: bars side by side (equal counts stay visible); many: lines.
            bars = len(span) <= 30
            width = 0.8 / max(1, len(shown))
            for g, group in enumerate(shown):
                counts = dated.loc[dated[by] == group, "_period"].value_counts().reindex(span, fill_value=0).to_numpy()
                if bars:
                    ax.bar(np.arange(len(span)) + (g - (len(shown) - 1) / 2) * width, counts, width=width * 0.95, color=_group_color(group, g), label=str(group))
                else:
                    ax.plot(span.start_time, counts, color=_group_color(group, g), label=str(group))
            if bars:
                step = max(1, len(span) // 12)
                ax.set_xticks(np.arange(len(span))[::step], [p.start_time.strftime("%Y-%m-%d") for p in span[::step]])
                ax.grid(axis="x", visible=False)
            ax.set_ylim(bottom=0)
            ax.legend(title=by.replace("_", " "), frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            fig.autofmt_xdate()
        else:
            ax.text(0.5, 0.5, "no article has a publication date", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(f"Articles per {names.get(freq.upper()[:1], freq)}")
        ax.set_ylabel("articles")
        undated = int(dates.isna().sum())
        if undated:
            fig.text(0.01, 0.0, f"{undated} article(s) without a date are not shown", fontsize=7, color="#555555")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_top_speakers(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *, by: str = "outlet_country", top: int = 12, groups: Sequence[object] | None = None):
    """The speakers each group of outlets quotes most, coloured by the speaker's side.

    Speakers are counted by ``actor`` (the resolved person or body) where
    there is one, else by the speaker as written; one panel per group.

    Parameters
    ----------
    attributions : pandas.DataFrame
        Rows of :func:`framing.extract_attributions` or the span table of :func:`framing.annotate`.
    articles : pandas.DataFrame, optional
        The articles, for the ``by`` column when ``attributions`` lack it.
    by : str
        The column of outlet groups.
    top : int
        Speakers shown per group.
    groups : sequence, optional
        Groups shown, in order (default: all, sorted).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> articles = fr.load_demo()
    >>> fig = plot_top_speakers(fr.annotate(articles), articles, top=5)
    >>> [ax.get_title() for ax in fig.axes]
    ['Quoted most by RU outlets', 'Quoted most by US outlets']
    """
    frame = _attributions_by(attributions, articles, by, "plot_top_speakers")
    names = frame["actor"].where(frame["actor"].notna() & (frame["actor"].astype(str) != ""), frame["speaker"])
    frame = frame.assign(_who=names)[names.notna() & (names.astype(str) != "")]
    shown = _groups_of(frame, by, groups)
    with framing_style():
        fig, axes = _figure(5.2 * max(1, len(shown)), 0.32 * top + 1.6, 1, max(1, len(shown)))
        for ax, group in zip(axes[0], shown, strict=False):
            part = frame[frame[by] == group]
            counts = part.groupby("_who").agg(n=("_who", "size"), side=("side", lambda s: s.mode().iloc[0] if s.notna().any() else "UNKNOWN"))
            counts = counts.sort_values("n", ascending=False, kind="stable").head(top).iloc[::-1]
            ax.barh([str(w) for w in counts.index], counts["n"].to_numpy(), color=[_side_color(side) for side in counts["side"]])
            ax.set_title(f"Quoted most by {group} outlets" if by in ("outlet_country", "side") else f"Quoted most by {group}")
            ax.set_xlabel("attributions")
            ax.grid(axis="y", visible=False)
        if not shown:
            axes[0][0].text(0.5, 0.5, "no attributions", ha="center", va="center", transform=axes[0][0].transAxes)
        sides = [s for s in SIDE_COLORS if s in set(frame["side"].dropna().astype(str).str.upper())]
        from matplotlib.patches import Patch

        fig.legend([Patch(color=SIDE_COLORS[s]) for s in sides], sides, title="speaker side", loc="lower center", ncol=max(1, len(sides)), frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.0))
        fig.tight_layout(rect=(0, 0.1, 1, 1))
    return fig


def plot_loaded_terms(spans: pd.DataFrame, articles: pd.DataFrame, *, by: str = "outlet_country", top: int = 12, groups: Sequence[object] | None = None):
    """Contested namings per 1,000 words in each group, by concept, coloured by whose vocabulary they are.

    Each bar is a concept (``concept`` of the term spans, e.g. Crimea's
    status), split by vocabulary (RU, US/WEST, and scare labels); the
    ``top`` concepts used most overall are shown.

    Parameters
    ----------
    spans : pandas.DataFrame
        The span table of :func:`framing.annotate` (rows of kind ``term``) or :func:`framing.find_terms`.
    articles : pandas.DataFrame
        The articles (``article_id``, ``text``, the ``by`` column), for word counts and groups.
    by : str
        The column of outlet groups.
    top : int
        Concepts shown.
    groups : sequence, optional
        Groups shown, in order (default: all, sorted).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> articles = fr.load_demo()
    >>> fig = plot_loaded_terms(fr.annotate(articles), articles, top=6)
    >>> fig.axes[0].get_xlabel()
    'per 1,000 words'
    """
    _require(articles, ["article_id", "text", by], "articles", "pass the articles the spans were found in")
    terms = spans[spans["kind"] == "term"] if "kind" in spans.columns else spans
    _require(terms, ["article_id", "concept", "vocabulary"], "term spans", "find them with framing.annotate or framing.find_terms")
    terms = terms.merge(articles[["article_id", by]].drop_duplicates("article_id"), on="article_id", how="inner")
    words = articles.assign(_words=articles["text"].fillna("").str.split().str.len()).groupby(by)["_words"].sum()
    shown = _groups_of(articles, by, groups)
    concepts = terms["concept"].value_counts().head(top).index[::-1]
    vocabularies = sorted(terms["vocabulary"].dropna().unique(), key=str)
    colors = {v: SIDE_COLORS.get(str(v).split("/")[0].upper(), f"C{i + 2}") for i, v in enumerate(vocabularies)}
    with framing_style():
        fig, axes = _figure(4.6 * max(1, len(shown)) + 1.5, 0.36 * max(len(concepts), 3) + 1.6, 1, max(1, len(shown)), sharey=True, sharex=True)
        for ax, group in zip(axes[0], shown, strict=False):
            part = terms[terms[by] == group]
            table = part.groupby(["concept", "vocabulary"]).size().unstack(fill_value=0).reindex(index=concepts, columns=vocabularies, fill_value=0)
            rate = table * 1000 / max(int(words.get(group, 0)), 1)
            left = np.zeros(len(concepts))
            for vocabulary in vocabularies:
                ax.barh([str(c).replace("_", " ") for c in concepts], rate[vocabulary].to_numpy(), left=left, color=colors[vocabulary], label=str(vocabulary))
                left = left + rate[vocabulary].to_numpy()
            ax.set_title(f"{group} ({int(words.get(group, 0)):,} words)")
            ax.set_xlabel("per 1,000 words")
            ax.grid(axis="y", visible=False)
        if not len(concepts):
            axes[0][0].text(0.5, 0.5, "no loaded terms found", ha="center", va="center", transform=axes[0][0].transAxes)
        handles, labels = axes[0][0].get_legend_handles_labels()
        if handles:
            fig.legend(handles, labels, title="vocabulary", loc="lower center", ncol=len(labels), frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.0))
        fig.suptitle("Loaded terms by concept", fontweight="bold")
        fig.tight_layout(rect=(0, 0.1, 1, 0.95))
    return fig


def plot_cue_profile(
    attributions: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    by: str = "outlet_country",
    sides: Sequence[str] = ("RU", "US", "UA", "WEST"),
    groups: Sequence[object] | None = None,
):
    """How each group of outlets reports each side: shares of cue classes per speaker side.

    One panel per outlet group (``by``), one bar per speaker side, stacked by
    cue class (distancing and denial in warm colours, neutral in grey); the
    number of attributions stands above each bar, so that a share of a
    handful is not read as a share of hundreds.

    Parameters
    ----------
    attributions : pandas.DataFrame
        Rows of :func:`framing.extract_attributions`, or the whole span table of
        :func:`framing.annotate` (its attribution rows are used).
    articles : pandas.DataFrame, optional
        The articles, for the ``by`` column when ``attributions`` lack it.
    by : str
        The column of outlet groups.
    sides : sequence of str
        Speaker sides shown, in order.
    groups : sequence, optional
        Outlet groups shown, in order (default: all, sorted).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> articles = fr.load_demo()
    >>> fig = plot_cue_profile(fr.annotate(articles), articles, groups=["RU", "US"])
    >>> [ax.get_title() for ax in fig.axes]
    ['RU outlets', 'US outlets']
    """
    from framing.codebook import CUE_CLASSES

    frame = _attributions_by(attributions, articles, by, "plot_cue_profile")
    frame = frame[frame["side"].isin(sides)]
    shown = list(groups) if groups is not None else sorted(frame[by].dropna().unique(), key=str)
    with framing_style():
        fig, axes = _figure(4.2 * max(1, len(shown)) + 0.8, 4.2, 1, max(1, len(shown)), sharey=True)
        for ax, group in zip(axes[0], shown, strict=False):
            part = frame[frame[by] == group]
            table = part.groupby(["side", "cue_class"]).size().unstack(fill_value=0).reindex(index=list(sides), columns=list(CUE_CLASSES), fill_value=0)
            totals = table.sum(axis=1)
            shares = table.div(totals.where(totals > 0, 1), axis=0)
            bottom = np.zeros(len(sides))
            for cue_class in CUE_CLASSES:
                ax.bar(list(sides), shares[cue_class].to_numpy(), bottom=bottom, color=CUE_CLASS_COLORS[cue_class], label=cue_class, width=0.7)
                bottom = bottom + shares[cue_class].to_numpy()
            for x, total in enumerate(totals):
                ax.text(x, 1.01, f"n={int(total)}", ha="center", va="bottom", fontsize=8)
            ax.set_title(f"{group} outlets" if by == "outlet_country" else f"{group}")
            ax.set_xlabel("speaker side")
            ax.set_ylim(0, 1.1)
            ax.yaxis.set_major_formatter(_percent)
            ax.grid(axis="x", visible=False)
        if not shown:
            axes[0][0].text(0.5, 0.5, "no attributions", ha="center", va="center", transform=axes[0][0].transAxes)
        axes[0][0].set_ylabel("share of attributions")
        handles, labels = axes[0][0].get_legend_handles_labels()
        fig.tight_layout(rect=(0, 0.12, 1, 0.93))
        if handles:
            fig.legend(handles, labels, loc="lower center", ncol=min(len(labels), 9), frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.0))
        fig.suptitle("Reporting verbs by speaker side", y=0.99, fontweight="bold")
    return fig


def _percent(value: float, _position: object = None) -> str:
    return f"{value:.0%}"


def _interval(values: pd.Series, clusters: pd.Series | None, n_boot: int, seed: int) -> tuple[float, float, float]:
    from framing.compare import bootstrap_interval

    return bootstrap_interval(values.to_numpy(dtype=float), None if clusters is None else clusters.to_numpy(), n_boot=n_boot, seed=seed)


def plot_officials(
    features: pd.DataFrame,
    *,
    by: str = "outlet_country",
    groups: Sequence[object] | None = None,
    sides: Sequence[str] = ("US", "RU", "UA", "WEST"),
    cluster: str | None = "outlet",
    n_boot: int = 1000,
    seed: int = 0,
):
    """Officials quoted per article: for each speaker side, the mean per outlet group with a 95% interval.

    The bars are the mean of ``officials_<side>`` (attributions to officials
    and institutions of that side) per article; the whiskers are bootstrap
    intervals that resample outlets and then articles (as
    :func:`framing.compare.compare_features` does with enough outlets).

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`framing.score` (``officials_<side>`` columns, ``by`` and ``cluster``).
    by : str
        The column of outlet groups.
    groups : sequence, optional
        Groups shown, in order (default: all, sorted).
    sides : sequence of str
        Speaker sides, in order.
    cluster : str or None
        Column of clusters for the bootstrap (None: articles independent).
    n_boot, seed : int
        Bootstrap resamples and seed.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> fig = plot_officials(fr.score(fr.load_demo()), n_boot=200)
    >>> fig.axes[0].get_title(), [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ('Officials quoted per article', ['US', 'RU', 'UA', 'WEST'])
    """
    _require(features, [by, *(f"officials_{s}" for s in sides), *([cluster] if cluster else [])], "features", "compute them with framing.score()")
    shown = list(groups) if groups is not None else sorted(features[by].dropna().unique(), key=str)
    width = 0.8 / max(1, len(shown))
    with framing_style():
        fig, axes = _figure(1.6 * len(sides) + 2.5, 4.2)
        ax = axes[0, 0]
        for g, group in enumerate(shown):
            part = features[features[by] == group]
            stats = [_interval(part[f"officials_{side}"], part[cluster] if cluster else None, n_boot, seed) for side in sides]
            means = np.array([s[0] for s in stats])
            low = np.array([s[1] for s in stats])
            high = np.array([s[2] for s in stats])
            x = np.arange(len(sides)) + (g - (len(shown) - 1) / 2) * width
            color = _side_color(group) if str(group).upper() in SIDE_COLORS else f"C{g}"
            ax.bar(x, means, width=width * 0.95, color=color, label=f"{group} (n={len(part)})")
            ax.errorbar(x, means, yerr=[means - low, high - means], fmt="none", ecolor="#333333", elinewidth=1, capsize=3)
        ax.set_xticks(np.arange(len(sides)), list(sides))
        ax.set_xlabel("speaker side")
        ax.set_ylabel("officials and institutions quoted per article")
        ax.set_title("Officials quoted per article")
        ax.grid(axis="x", visible=False)
        ax.legend(title=by.replace("_", " "), frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.text(0.01, 0.0, "bars: mean per article; whiskers: 95% bootstrap interval" + (f" (resampling {cluster}s, then articles)" if cluster else ""), fontsize=7, color="#555555")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_hedging(
    features: pd.DataFrame,
    *,
    by: str = "outlet",
    color_by: str | None = "outlet_country",
    column: str = "hedges_per_1k_words",
    n_boot: int = 1000,
    seed: int = 0,
):
    """Hedging by outlet: every article as a faint dot, the outlet's mean with a 95% bootstrap interval.

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`framing.score`.
    by : str
        One row per value of this column (outlets), sorted by ``color_by`` and then by mean.
    color_by : str or None
        Column that colours the rows (outlet country: side colours).
    column : str
        The feature shown (default: hedges per 1,000 words).
    n_boot, seed : int
        Bootstrap resamples (of articles within the outlet) and seed.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> fig = plot_hedging(fr.score(fr.load_demo()), n_boot=200)
    >>> fig.axes[0].get_title(), fig.axes[0].get_xlabel()
    ('Hedging by outlet', 'hedges per 1,000 words')
    """
    _require(features, [by, column, *([color_by] if color_by else [])], "features", "compute them with framing.score()")
    frame = features[features[column].notna()]
    rows = []
    for name, part in frame.groupby(by, sort=True):
        mean, low, high = _interval(part[column], None, n_boot, seed)
        colour_value = part[color_by].mode().iloc[0] if color_by and part[color_by].notna().any() else None
        rows.append({"name": name, "mean": mean, "low": low, "high": high, "n": len(part), "group": colour_value})
    table = pd.DataFrame(rows, columns=["name", "mean", "low", "high", "n", "group"])
    table = table.assign(_group=table["group"].astype(str)).sort_values(["_group", "mean"], kind="mergesort").reset_index(drop=True)
    rng = np.random.default_rng(seed)
    with framing_style():
        fig, axes = _figure(8, max(2.8, 0.45 * len(table) + 1.6))
        ax = axes[0, 0]
        for y, row in table.iterrows():
            color = _side_color(row["group"]) if row["group"] is not None else "#555555"
            values = frame.loc[frame[by] == row["name"], column].to_numpy(dtype=float)
            ax.scatter(values, y + rng.uniform(-0.18, 0.18, size=values.size), s=8, color=color, alpha=0.25, linewidths=0)
            ax.plot([row["low"], row["high"]], [y, y], color=color, linewidth=2.2, solid_capstyle="butt")
            ax.plot([row["mean"]], [y], marker="D", color=color, markersize=6, markeredgecolor="white")
        ax.set_yticks(np.arange(len(table)), [f"{name} (n={n})" for name, n in zip(table["name"], table["n"], strict=True)])
        ax.invert_yaxis()
        ax.set_xlim(left=0)
        ax.set_xlabel(_unit_label(column))
        ax.set_title("Hedging by outlet")
        ax.grid(axis="y", visible=False)
        if color_by:
            from matplotlib.lines import Line2D

            handles = [Line2D([], [], marker="D", linestyle="", color=_side_color(g), label=str(g)) for g in dict.fromkeys(table["group"].dropna())]
            if handles:
                ax.legend(handles=handles, title=color_by.replace("_", " "), frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.text(0.01, 0.0, "dots: articles; diamond: mean; line: 95% bootstrap interval", fontsize=7, color="#555555")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def _unit_label(column: str) -> str:
    """The unit of a feature from the data dictionary ("hedges per 1,000 words"), else the column's name."""
    from framing.features import data_dictionary

    table = data_dictionary().set_index("name")
    if column == "hedges_per_1k_words":
        return "hedges per 1,000 words"
    if column in table.index and str(table.loc[column, "unit"]) not in ("count", "label", "id"):
        return f"{column.replace('_', ' ')} ({table.loc[column, 'unit']})"
    return column.replace("_", " ")


def _place_labels(ax, points: list[tuple[float, float, str]], *, color: str, renderer, placed: list) -> None:
    """Label points with their text, beside the point if there is room, else nudged up or down (with a leader line).

    Call after the figure's layout is final: positions are measured in display coordinates.
    """
    from matplotlib.text import Text

    height = 10  # points between candidate rows
    candidates = [(side, step) for step in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 8, -8, 10, -10) for side in (1, -1)]
    for x, y, text in points:
        best = None
        for side, step in candidates:
            label = ax.annotate(text, (x, y), xytext=(6 * side, step * height), textcoords="offset points", ha="left" if side > 0 else "right", va="center", fontsize=8, color=color)
            label.update_positions(renderer)  # place the text at its offset, then measure the text alone (not the leader line)
            box = Text.get_window_extent(label, renderer).expanded(1.04, 1.1)
            label.remove()
            overlaps = sum(box.overlaps(other) for other in placed)
            if best is None or overlaps < best[0]:
                best = (overlaps, side, step, box)
            if overlaps == 0:
                break
        _, side, step, box = best
        ax.annotate(
            text,
            (x, y),
            xytext=(6 * side, step * height),
            textcoords="offset points",
            ha="left" if side > 0 else "right",
            va="center",
            fontsize=8,
            color=color,
            bbox={"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
            arrowprops={"arrowstyle": "-", "color": color, "linewidth": 0.5, "alpha": 0.6, "shrinkA": 0, "shrinkB": 2} if step else None,
        )
        placed.append(box)


def plot_fightin_words(terms: pd.DataFrame, *, language: str | None = None, top: int = 12, z_threshold: float = 1.96):
    """The "fightin' words" plot: each term's z-score against its frequency, the most distinctive labelled.

    One panel per language of ``terms``. Terms above ``z_threshold`` (more
    typical of ``a``) or below its negative (of ``b``) are coloured; the
    ``top`` most distinctive each way are labelled (in grey when they do not
    pass the threshold), as written in their language (Arabic is shaped and
    right-to-left).

    Parameters
    ----------
    terms : pandas.DataFrame
        Output of :func:`framing.compare.compare_terms`.
    language : str, optional
        Show only this language.
    top : int
        Terms labelled each way, per language.
    z_threshold : float
        Coloured beyond this absolute z-score (1.96: two-sided 5% for one term, not adjusted for many).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> from framing.compare import compare_terms
    >>> fig = plot_fightin_words(compare_terms(fr.load_demo()), language="ar", top=5)
    >>> fig.axes[0].get_title()
    "Fightin' words, ar: RU vs US"
    """
    _require(terms, ["language", "term", "count_a", "count_b", "z", "a", "b"], "terms", "compute them with framing.compare.compare_terms()")
    frame = terms if language is None else terms[terms["language"] == language]
    if frame.empty:
        raise ValueError(f"no terms to plot{' in ' + repr(language) if language else ''}; languages present: {', '.join(sorted(terms['language'].unique()))}")
    languages = list(dict.fromkeys(frame["language"]))
    label_a, label_b = str(frame["a"].iloc[0]), str(frame["b"].iloc[0])
    color_a, color_b = _group_colors(label_a, label_b)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.lines import Line2D

    with framing_style():
        fig, axes = _figure(9, 5.5 * len(languages), len(languages), 1)
        renderer = FigureCanvasAgg(fig).get_renderer()
        labels = []
        for ax, lang in zip(axes[:, 0], languages, strict=True):
            part = frame[frame["language"] == lang]
            total = (part["count_a"] + part["count_b"]).to_numpy()
            z = part["z"].to_numpy()
            colors = np.where(z >= z_threshold, color_a, np.where(z <= -z_threshold, color_b, "#c8c8c8"))
            ax.scatter(total, z, s=9, c=colors, alpha=0.7, linewidths=0)
            ax.set_xscale("log")
            ax.axhline(z_threshold, color=_GRAY, linewidth=0.8, linestyle="--")
            ax.axhline(-z_threshold, color=_GRAY, linewidth=0.8, linestyle="--")
            ax.axhline(0, color=_GRAY, linewidth=0.8)
            span = max(np.abs(z).max(), z_threshold) * 1.15
            ax.set_ylim(-span, span)
            ax.set_xlim(0.7, total.max() * 4)
            ax.set_xlabel(f"frequency (occurrences in {label_a} and {label_b})")
            ax.set_ylabel(f"z-score (+ {label_a}, − {label_b})")
            ax.set_title(f"Fightin' words, {lang}: {label_a} vs {label_b}")
            ordered = part.assign(total=total, _abs=np.abs(z)).sort_values(["_abs", "term"], ascending=[False, True], kind="mergesort")
            most_a = ordered[ordered["z"] > 0].head(top)
            most_b = ordered[ordered["z"] < 0].head(top)
            labels.append((ax, most_a, most_b))
            handles = [
                Line2D([], [], marker="o", linestyle="", color=color_a, label=f"more in {label_a}"),
                Line2D([], [], marker="o", linestyle="", color=color_b, label=f"more in {label_b}"),
            ]
            ax.legend(handles=handles, frameon=False, loc="lower left", fontsize=8)
        fig.text(0.01, 0.0, "log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); dashed: |z| = " + f"{z_threshold:g}", fontsize=7, color="#555555")
        fig.tight_layout(rect=(0, 0.02, 1, 1))
        for ax, most_a, most_b in labels:  # after the layout, so that label boxes are measured where they will be
            placed: list = []
            for rows, color in ((most_a, color_a), (most_b, color_b)):
                strong = rows["z"].abs() >= z_threshold
                _place_labels(ax, [(r.total, r.z, r.term) for r in rows[strong].itertuples()], color=color, renderer=renderer, placed=placed)
                _place_labels(ax, [(r.total, r.z, r.term) for r in rows[~strong].itertuples()], color=_GRAY, renderer=renderer, placed=placed)
    return fig


def plot_differences(
    comparison: pd.DataFrame,
    *,
    features: Sequence[str] | None = None,
    top: int | None = 20,
    scale: str = "standardized",
    q: float = 0.05,
):
    """A forest plot of feature differences between two groups, with their intervals.

    One row per feature: the difference of means (a minus b) with its
    bootstrap interval; rows with q-value below ``q`` are coloured by the
    group they are higher in; the means and the q-value are written at the
    right. The result's caveat, if any, is printed under the plot.

    Parameters
    ----------
    comparison : pandas.DataFrame
        Output of :func:`framing.compare.compare_features`.
    features : sequence of str, optional
        Features shown, in order; by default the ``top`` largest standardised differences.
    top : int or None
        How many features to show when ``features`` is not given (None: all).
    scale : {"standardized", "raw", "ratio"}
        ``standardized``: differences in pooled standard deviations of the
        articles' values, so features in different units share one axis;
        ``raw``: in the features' own units (for features of one unit);
        ``ratio``: a over b on a log axis (features that cannot be negative).
    q : float
        Threshold on q-values for colouring.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import framing as fr
    >>> from framing.compare import compare_features
    >>> result = compare_features(fr.score(fr.load_demo()), columns=["distancing_US", "hedges_per_1k_words"], n_boot=200)
    >>> fig = plot_differences(result)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['distancing_US', 'hedges_per_1k_words']
    """
    _require(comparison, ["feature", "mean_a", "mean_b", "diff", "diff_low", "diff_high", "q", "a", "b"], "comparison", "compute it with framing.compare.compare_features()")
    if scale not in ("standardized", "raw", "ratio"):
        raise ValueError(f"scale must be 'standardized', 'raw' or 'ratio', not {scale!r}")
    frame = comparison.set_index("feature", drop=False)
    if scale == "standardized":
        sd = frame["sd"].where(frame["sd"] > 0) if "sd" in frame.columns else pd.Series(1.0, index=frame.index)
        point, low, high = frame["diff"] / sd, frame["diff_low"] / sd, frame["diff_high"] / sd
        xlabel, origin = "difference of means, in pooled standard deviations", 0.0
    elif scale == "raw":
        point, low, high = frame["diff"], frame["diff_low"], frame["diff_high"]
        xlabel, origin = "difference of means", 0.0
    else:
        point, low, high = frame["ratio"], frame["ratio_low"], frame["ratio_high"]
        xlabel, origin = "ratio of means", 1.0
    if features is not None:
        missing = [f for f in features if f not in frame.index]
        if missing:
            raise ValueError(f"comparison has no feature(s) {', '.join(missing)}")
        order = list(features)
    else:
        distance = (np.log(point) if scale == "ratio" else point).abs()
        order = distance[np.isfinite(distance)].sort_values(ascending=False, kind="mergesort").index.tolist()
        order = order[:top] if top is not None else order
    label_a, label_b = str(frame["a"].iloc[0]), str(frame["b"].iloc[0])
    color_a, color_b = _group_colors(label_a, label_b)
    caveat = next((c for c in frame.get("caveat", pd.Series(dtype=object)).unique() if isinstance(c, str) and c), "")
    with framing_style():
        height = 0.38 * len(order) + 1.8 + (0.5 if caveat else 0)
        fig, axes = _figure(9.5, height)
        ax = axes[0, 0]
        ax.axvline(origin, color=_GRAY, linewidth=1)
        for y, name in enumerate(order):
            significant = frame.loc[name, "q"] < q
            color = (color_a if point[name] > origin else color_b) if significant else _GRAY
            ax.plot([low[name], high[name]], [y, y], color=color, linewidth=2, solid_capstyle="butt")
            ax.plot([point[name]], [y], marker="o", color=color, markersize=6, markeredgecolor="white")
            note = f"{frame.loc[name, 'mean_a']:.3g} vs {frame.loc[name, 'mean_b']:.3g}   q={frame.loc[name, 'q']:.2g}"
            ax.annotate(note, (1.0, y), xycoords=("axes fraction", "data"), xytext=(6, 0), textcoords="offset points", va="center", fontsize=7, color="#333333")
        ax.set_yticks(np.arange(len(order)), order)
        ax.set_ylim(len(order) - 0.5, -0.5)
        if scale == "ratio":
            ax.set_xscale("log")
        ax.set_xlabel(xlabel)
        ax.set_title(f"{label_a} vs {label_b}: feature differences", pad=18)
        ax.grid(axis="y", visible=False)
        ax.text(0.0, 1.0, f"← more in {label_b}", transform=ax.transAxes, ha="left", va="bottom", fontsize=8, color=color_b)
        ax.text(1.0, 1.0, f"more in {label_a} →", transform=ax.transAxes, ha="right", va="bottom", fontsize=8, color=color_a)
        footer = f"95% bootstrap intervals; coloured: q < {q:g} (Benjamini-Hochberg); right: mean in {label_a} vs {label_b}"
        if caveat:
            footer += "\nCaveat: " + "\n".join(textwrap.wrap(caveat, 150))
        fig.text(0.01, 0.0, footer, fontsize=7, color="#555555", va="bottom")
        footer_inches = 0.14 * (footer.count("\n") + 1) + 0.1
        fig.tight_layout(rect=(0, min(0.5, footer_inches / height), 0.86, 0.97))
    return fig


def save_figure(fig, path: str | Path, *, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Save ``fig`` as ``path`` with each extension in ``formats``, in the package style; close it; return the files.

    SVG files keep their text as text (searchable, and rendered in the
    reader's fonts); neither format records the date, so the same figure
    gives the same files.
    """
    import matplotlib.pyplot as plt

    base = Path(path)
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with framing_style():
        for fmt in formats:
            target = base.with_suffix(f".{fmt}")
            metadata = {"Date": None} if fmt in ("svg", "pdf") else None
            fig.savefig(target, format=fmt, metadata=metadata)
            written.append(target)
    plt.close(fig)
    return written
