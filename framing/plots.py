"""Figures, in one consistent style, with Arabic and Cyrillic rendered correctly.

matplotlib >= 3.11 shapes Arabic itself: labels are passed as raw strings
(never reshaped or reordered by hand). The font list puts DejaVu Sans
first (it ships with matplotlib and has Arabic and Cyrillic glyphs), then
Noto fonts where installed.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import framing as fr
>>> fig = plot_corpus_overview(fr.load_demo())
>>> [ax.get_title() for ax in fig.axes]
['Articles by outlet', 'Articles by language and side']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["STYLE", "SIDE_COLORS", "CUE_CLASS_COLORS", "framing_style", "plot_corpus_overview", "plot_boilerplate", "plot_cue_profile", "save_figure"]

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

#: rcParams applied inside :func:`framing_style`.
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
}


@contextmanager
def framing_style() -> Iterator[None]:
    """Apply the package's figure style for the duration of a ``with`` block."""
    import matplotlib.pyplot as plt

    with plt.rc_context(dict(STYLE)):
        yield


def _side_color(value: object) -> str:
    return SIDE_COLORS.get(str(value).upper(), SIDE_COLORS["OTHER"])


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
    import matplotlib.pyplot as plt

    frame = articles.assign(
        outlet=articles["outlet"].fillna("(unknown)"),
        outlet_country=articles["outlet_country"].fillna("?"),
    )
    with framing_style():
        fig, (left, right) = plt.subplots(1, 2, figsize=(12, max(3.5, 0.3 * frame["outlet"].nunique() + 1.5)))
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
    import matplotlib.pyplot as plt

    with framing_style():
        fig, ax = plt.subplots(figsize=(7, 3.5))
        if len(removed):
            chars = removed.assign(chars=removed["text"].str.len()).groupby("kind")["chars"].sum().sort_values()
            ax.barh(chars.index, chars.to_numpy(), color="#7f8c8d")
        else:
            ax.text(0.5, 0.5, "nothing removed", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("Boilerplate removed by cleaning")
        ax.set_xlabel("characters")
        fig.tight_layout()
    return fig


def plot_cue_profile(attributions: pd.DataFrame, articles: pd.DataFrame, *, by: str = "outlet_country", sides: tuple[str, ...] = ("RU", "US", "UA", "WEST")):
    """How each group of outlets reports each side: shares of cue classes per speaker side.

    One panel per outlet group (``by``), one bar per speaker side, stacked by
    cue class; bar labels give the number of attributions.

    Parameters
    ----------
    attributions : pandas.DataFrame
        Rows of :func:`framing.extract_attributions`.
    articles : pandas.DataFrame
        The articles (for the ``by`` column).
    """
    import matplotlib.pyplot as plt

    from framing.codebook import CUE_CLASSES

    frame = attributions.merge(articles[["article_id", by]], on="article_id", how="left")
    frame = frame[frame["side"].isin(sides)]
    groups = [g for g in sorted(frame[by].dropna().unique())]
    with framing_style():
        fig, axes = plt.subplots(1, max(1, len(groups)), figsize=(5 * max(1, len(groups)), 4), sharey=True, squeeze=False)
        for ax, group in zip(axes[0], groups, strict=False):
            part = frame[frame[by] == group]
            table = part.groupby(["side", "cue_class"]).size().unstack(fill_value=0).reindex(index=list(sides), columns=list(CUE_CLASSES), fill_value=0)
            totals = table.sum(axis=1)
            shares = table.div(totals.where(totals > 0, 1), axis=0)
            bottom = pd.Series(0.0, index=shares.index)
            for cue_class in CUE_CLASSES:
                ax.bar(shares.index, shares[cue_class], bottom=bottom, color=CUE_CLASS_COLORS[cue_class], label=cue_class)
                bottom = bottom + shares[cue_class]
            for x, total in enumerate(totals):
                ax.text(x, 1.01, f"n={int(total)}", ha="center", va="bottom", fontsize=8)
            ax.set_title(f"{group} outlets" if by == "outlet_country" else f"{by} = {group}")
            ax.set_xlabel("speaker side")
            ax.set_ylim(0, 1.1)
        axes[0][0].set_ylabel("share of attributions")
        handles, labels = axes[0][0].get_legend_handles_labels()
        fig.tight_layout(rect=(0, 0.12, 1, 0.93))
        fig.legend(handles, labels, loc="lower center", ncol=len(labels), frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.0))
        fig.suptitle("Reporting verbs by speaker side", y=0.99, fontweight="bold")
    return fig


def save_figure(fig, path: str | Path, *, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Save ``fig`` as ``path`` with each extension in ``formats``; close it; return the files."""
    import matplotlib.pyplot as plt

    base = Path(path)
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        target = base.with_suffix(f".{fmt}")
        fig.savefig(target)
        written.append(target)
    plt.close(fig)
    return written
