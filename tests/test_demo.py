"""The embedded demo corpus: synthetic, balanced, cleanable to its gold text, validly coded."""

from __future__ import annotations

import json

import pytest

import framing as fr
from framing.gold import read_gold


@pytest.fixture(scope="module")
def demo():
    return fr.read_articles(fr.demo_corpus_path(), return_report=True)


@pytest.fixture(scope="module")
def gold_records():
    return {r["id"]: r for r in map(json.loads, fr.demo_gold_path().read_text(encoding="utf-8").splitlines())}


def test_demo_is_36_articles_three_languages_two_sides_six_each(demo):
    articles, report = demo
    assert report.rows_seen == report.kept == 36 and report.rejected.empty
    counts = articles.groupby(["language", "outlet_country"]).size()
    assert counts.to_dict() == {(lang, side): 6 for lang in ("ar", "en", "ru") for side in ("RU", "US")}
    assert articles.groupby("outlet_country")["outlet"].nunique().to_dict() == {"RU": 3, "US": 3}
    assert articles["published"].between("2026-03-01", "2026-03-31").all()


def test_demo_is_labelled_synthetic(gold_records):
    assert all(r["synthetic"] is True for r in gold_records.values())
    readme = (fr.demo_corpus_path().parent / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in readme and "invented" in readme
    for line in (fr.demo_corpus_path() / "articles_en.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["synthetic"] is True


def test_raw_scraped_forms_clean_to_exactly_the_gold_text(demo, gold_records):
    articles, report = demo
    raw = articles[articles["article_id"].str.endswith(("-05", "-06"))]
    assert len(raw) == 12
    for row in articles.itertuples():
        assert row.text == gold_records[row.article_id]["text"], row.article_id
    kinds = set(report.removed["kind"])
    assert {"caption", "read_more", "byline", "dateline", "subscription", "comment_form", "share", "standards"} <= kinds


def test_raw_forms_give_their_dateline_and_byline(demo, gold_records):
    articles, _ = demo
    for row in articles[articles["article_id"].str.endswith(("-05", "-06"))].itertuples():
        expected = gold_records[row.article_id]
        assert row.dateline == expected["dateline"], row.article_id
        # from an HTML page the byline is the page's author metadata: the same names
        names = [w for w in expected["byline"].replace(";", " ").split() if w[:1].isupper() and w not in ("By", "Reporting")]
        assert row.byline and all(name.strip(",") in row.byline for name in names[:2]), (row.article_id, row.byline)


def test_gold_coding_is_valid_and_covers_the_codebook():
    gold = read_gold(fr.demo_gold_path())
    assert gold.problems == []
    spans = gold.attributions.merge(gold.articles[["article_id", "language"]], on="article_id")
    for language, part in spans.groupby("language"):
        assert len(part) >= 120, language
        assert set(part["cue_class"]) == set(fr.codebook.CUE_CLASSES), language
        assert {"direct", "indirect", "mixed", "none"} <= set(part["quote_type"]), language
        assert {"US", "RU", "UA", "WEST", "OTHER", "MIXED", "UNKNOWN"} <= set(part["side"]), language
    hedges = gold.hedges.merge(gold.articles[["article_id", "language"]], on="article_id")
    assert hedges.groupby("language")["scope"].nunique().to_dict() == {"ar": 2, "en": 2, "ru": 2}
