"""Figures: each is rendered to PNG and SVG and its content checked (titles, axes, labels, Arabic and Cyrillic as text).

Warnings are errors in the test run, so a glyph missing from the fonts
(matplotlib warns "Glyph ... missing from font") fails these tests.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import matplotlib.image
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import framing as fr
from framing.compare import OutletConfoundingWarning, compare_features, compare_terms
from framing.plots import (
    plot_articles_over_time,
    plot_corpus_overview,
    plot_cue_profile,
    plot_differences,
    plot_fightin_words,
    plot_hedging,
    plot_loaded_terms,
    plot_officials,
    plot_top_speakers,
    save_figure,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo():
    articles = fr.load_demo()
    spans = fr.annotate(articles)
    return articles, spans, fr.score(articles, spans=spans)


def _saved(fig, tmp_path, name: str) -> list[str]:
    """Save as PNG and SVG; check both files; return the strings of the SVG's text elements."""
    png, svg = save_figure(fig, tmp_path / name)
    assert png.suffix == ".png" and svg.suffix == ".svg"
    image = matplotlib.image.imread(png)
    assert image.ndim == 3 and image.shape[0] > 200 and image.shape[1] > 300
    assert image[..., :3].std() > 0.05  # not blank
    return [element.text or "" for element in ET.parse(svg).getroot().iter(f"{SVG}text")]


def test_cue_profile(demo, tmp_path):
    articles, spans, _ = demo
    fig = plot_cue_profile(spans, articles, groups=["RU", "US"])
    assert isinstance(fig, Figure)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["RU outlets", "US outlets"]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["RU", "US", "UA", "WEST"]
    texts = _saved(fig, tmp_path, "cue_profile")
    assert {"Reporting verbs by speaker side", "share of attributions", "distancing", "neutral", "speaker side"} <= set(texts)
    # n labels give the counts of attributions behind each bar
    attributions = spans[spans["kind"] == "attribution"].merge(articles[["article_id", "outlet_country"]], on="article_id")
    n = int(((attributions["outlet_country"] == "RU") & (attributions["side"] == "US")).sum())
    assert f"n={n}" in texts


def test_cue_profile_needs_the_grouping_column():
    attributions = pd.DataFrame({"article_id": ["a"], "side": ["US"], "cue_class": ["neutral"]})
    with pytest.raises(ValueError, match="pass the articles too"):
        plot_cue_profile(attributions)


def test_officials_per_side(demo, tmp_path):
    _, _, features = demo
    fig = plot_officials(features, n_boot=200)
    ax = fig.axes[0]
    assert ax.get_title() == "Officials quoted per article"
    assert ax.get_xlabel() == "speaker side"
    # bar heights are the group means of officials_<side>, in side order, RU group first
    heights = [patch.get_height() for patch in ax.patches]
    expected = [features.loc[features["outlet_country"] == g, f"officials_{s}"].mean() for g in ("RU", "US") for s in ("US", "RU", "UA", "WEST")]
    assert heights == pytest.approx(expected)
    texts = _saved(fig, tmp_path, "officials")
    assert {"RU (n=18)", "US (n=18)", "outlet country"} <= set(texts)


def test_hedging_by_outlet_with_arabic_and_cyrillic_outlet_names(tmp_path):
    rng = np.random.default_rng(0)
    names = {"روسيا اليوم": "RU", "Вести": "RU", "الحرة": "US", "Associated Press": "US"}
    features = pd.DataFrame(
        [{"outlet": name, "outlet_country": side, "hedges_per_1k_words": float(v)} for name, side in names.items() for v in rng.uniform(0, 10, 8)]
    )
    fig = plot_hedging(features, n_boot=100)
    ax = fig.axes[0]
    assert ax.get_title() == "Hedging by outlet" and ax.get_xlabel() == "hedges per 1,000 words"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == sorted(f"{name} (n=8)" for name in names)
    # rows are grouped by outlet country: the RU outlets first
    assert {labels[0], labels[1]} == {"روسيا اليوم (n=8)", "Вести (n=8)"}
    texts = _saved(fig, tmp_path, "hedging")
    assert "روسيا اليوم (n=8)" in texts and "Вести (n=8)" in texts and "الحرة (n=8)" in texts


def test_fightin_words_labels_arabic_terms_as_text(tmp_path):
    articles = pd.DataFrame(
        {
            "article_id": [str(i) for i in range(4)],
            "language": "ar",
            "outlet_country": ["RU", "RU", "US", "US"],
            "text": ["زعمت واشنطن زعمت دونباس زعمت دونباس نظام كييف"] * 2 + ["قالت موسكو قالت أوكرانيا قالت أوكرانيا القوات كييف"] * 2,
        }
    )
    terms = compare_terms(articles, stopwords=False)
    fig = plot_fightin_words(terms, top=2)
    ax = fig.axes[0]
    assert ax.get_title() == "Fightin' words, ar: RU vs US"
    assert ax.get_xscale() == "log" and ax.get_ylabel() == "z-score (+ RU, − US)"
    labelled = {child.get_text() for child in ax.texts}
    assert terms.head(2)["term"].tolist() == ["زعمت", "دونباس"]
    assert terms.tail(2)["term"].tolist() == ["اوكرانيا", "قالت"]
    assert labelled == {"زعمت", "دونباس", "اوكرانيا", "قالت"}
    texts = _saved(fig, tmp_path, "fightin_words")
    assert "زعمت" in texts and "قالت" in texts  # Arabic kept as text in the SVG, in logical order
    assert "more in RU" in texts and "more in US" in texts


def test_fightin_words_one_panel_per_language(demo, tmp_path):
    articles, _, _ = demo
    terms = compare_terms(articles)
    fig = plot_fightin_words(terms, top=4)
    assert [ax.get_title() for ax in fig.axes] == [f"Fightin' words, {lang}: RU vs US" for lang in ("ar", "en", "ru")]
    russian = terms[terms["language"] == "ru"].head(4)["term"].tolist()
    texts = _saved(fig, tmp_path, "fightin_words_demo")
    assert set(russian) <= set(texts)
    with pytest.raises(ValueError, match="no terms to plot in 'fr'; languages present: ar, en, ru"):
        plot_fightin_words(terms, language="fr")


def test_forest_plot_of_feature_differences(demo, tmp_path):
    _, _, features = demo
    columns = ["distancing_US", "officials_RU", "hedges_per_1k_words", "words"]
    result = compare_features(features, columns=columns, n_boot=200)
    fig = plot_differences(result)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == sorted(columns)
    standardized = (result["diff"] / result["sd"]).abs()
    assert labels[0] == result.loc[standardized.idxmax(), "feature"]  # largest difference on top
    assert ax.get_xlabel() == "difference of means, in pooled standard deviations"
    assert ax.get_title() == "RU vs US: feature differences"
    texts = _saved(fig, tmp_path, "differences")
    assert any(t.startswith("Caveat: there are only 20 ways") for t in texts)
    raw = plot_differences(result, features=["distancing_US"], scale="raw")
    line = raw.axes[0].lines[1]  # the interval of the one row
    row = result.set_index("feature").loc["distancing_US"]
    assert list(line.get_xdata()) == pytest.approx([row["diff_low"], row["diff_high"]])
    with pytest.raises(ValueError, match="scale must be"):
        plot_differences(result, scale="log")


def test_forest_plot_says_when_outlets_and_sides_are_confounded(tmp_path):
    features = pd.DataFrame({"outlet": ["RT"] * 4 + ["AP"] * 4, "outlet_country": ["RU"] * 4 + ["US"] * 4, "distancing_US": [2, 3, 2, 1, 0, 1, 0, 0]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OutletConfoundingWarning)
        result = compare_features(features, n_boot=100)
    fig = plot_differences(result)
    texts = _saved(fig, tmp_path, "confounded")
    assert any("cannot be separated" in t for t in texts)


def test_saved_files_are_deterministic(demo, tmp_path):
    articles, _, _ = demo
    first = save_figure(plot_corpus_overview(articles), tmp_path / "one" / "overview")
    second = save_figure(plot_corpus_overview(articles), tmp_path / "two" / "overview")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_articles_over_time_counts_each_group_per_week(tmp_path):
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(7)],
        "group": ["RT", "RT", "RT", "AP", "AP", "AP", "AP"],
        "published": pd.to_datetime(["2022-08-09", "2022-08-10", "2022-08-22", "2022-08-09", "2022-08-16", "2022-08-17", None]),
    })
    fig = plot_articles_over_time(articles, by="group", freq="W")
    ax = fig.axes[0]
    assert ax.get_title() == "Articles per week"
    # three weeks; AP's bars first (groups sorted), then RT's; the undated article is noted, not drawn
    heights = [patch.get_height() for patch in ax.patches]
    assert heights == [1, 2, 0, 2, 0, 1]
    texts = _saved(fig, tmp_path, "over_time")
    assert "1 article(s) without a date are not shown" in texts and {"AP", "RT"} <= set(texts)


def test_articles_over_time_without_dates_says_so():
    articles = pd.DataFrame({"article_id": ["a"], "group": ["RT"], "published": [pd.NaT]})
    ax = plot_articles_over_time(articles, by="group").axes[0]
    assert "no article has a publication date" in [t.get_text() for t in ax.texts]


def test_top_speakers_names_in_three_scripts(tmp_path):
    attributions = pd.DataFrame({
        "article_id": ["1", "1", "2", "3", "3", "3"],
        "kind": "attribution",
        "actor": ["Dmitry Peskov", "Dmitry Peskov", None, "Volodymyr Zelensky", None, None],
        "speaker": ["Peskov", "he", "Мария Захарова", "Zelensky", "المتحدث باسم البنتاغون", ""],
        "side": ["RU", "RU", "RU", "UA", "US", None],
    })
    articles = pd.DataFrame({"article_id": ["1", "2", "3"], "group": ["RT", "RT", "AP"]})
    fig = plot_top_speakers(attributions, articles, by="group")
    assert [ax.get_title() for ax in fig.axes] == ["Quoted most by AP", "Quoted most by RT"]
    rt = fig.axes[1]
    assert [t.get_text() for t in rt.get_yticklabels()] == ["Мария Захарова", "Dmitry Peskov"]  # most quoted at the top
    assert [patch.get_width() for patch in rt.patches] == [1, 2]
    texts = _saved(fig, tmp_path, "speakers")
    assert "المتحدث باسم البنتاغون" in texts and "Мария Захарова" in texts  # drawn as text, not reshaped by hand


def test_loaded_terms_rates_per_thousand_words(demo, tmp_path):
    articles, spans, _ = demo
    fig = plot_loaded_terms(spans, articles, top=5)
    assert [ax.get_title() for ax in fig.axes[:2]] == [
        f"RU ({articles.loc[articles.outlet_country == 'RU', 'text'].str.split().str.len().sum():,} words)",
        f"US ({articles.loc[articles.outlet_country == 'US', 'text'].str.split().str.len().sum():,} words)",
    ]
    terms = spans[spans["kind"] == "term"].merge(articles[["article_id", "outlet_country"]], on="article_id")
    top = terms["concept"].value_counts().index[0]
    words_ru = articles.loc[articles.outlet_country == "RU", "text"].str.split().str.len().sum()
    ru_rate = ((terms["outlet_country"] == "RU") & (terms["concept"] == top)).sum() * 1000 / words_ru
    ax = fig.axes[0]
    row = [t.get_text() for t in ax.get_yticklabels()].index(top.replace("_", " "))
    ends = max(p.get_x() + p.get_width() for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - row) < 0.01)
    assert ends == pytest.approx(ru_rate)
    texts = _saved(fig, tmp_path, "terms")
    assert {"Loaded terms by concept", "vocabulary", "RU", "US/WEST"} <= set(texts)
