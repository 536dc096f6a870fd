"""On the real corpora and the seed article in ../shared (skipped when it is absent)."""

from __future__ import annotations

import json

import pytest

import framing as fr
from framing.gold import read_gold

pytestmark = pytest.mark.shared

SEED = "seeds/000_8f7b2033fd4e924f.txt"


def test_the_seed_article_is_cleaned_to_its_news_body(shared_dir):
    articles, report = fr.read_articles(shared_dir / SEED, return_report=True)
    assert len(articles) == 1
    article = articles.iloc[0]
    assert article["language"] == "ar"
    gold_text = json.loads((shared_dir / "gold" / "seed_ar.jsonl").read_text(encoding="utf-8"))["text"]
    # The gold separates paragraphs with one newline, the package with a blank line.
    assert article["text"].replace("\n\n", "\n") == gold_text
    assert article["dateline"] == "واشنطن / موسكو (رويترز) –"
    assert article["byline"].startswith("تقرير تريفور هانيجات وأندرو أوزبورن") and "تحرير هيماني ساركار" in article["byline"]
    for junk in ("اشترك الآن", "LEAVE A REPLY", "Please enter", "تصوير:", "اقرأ أكثر", "معاييرنا", "تحرير هيماني"):
        assert junk not in article["text"], junk
    assert set(report.removed["kind"]) >= {"subscription", "comment_form", "caption", "read_more", "standards", "byline", "dateline"}


@pytest.mark.parametrize("name", ["en_ukraine_media", "ar_armpro", "semeval2025_t10_ru_en", "en_nyt_guardian_kaggle"])
def test_every_line_of_every_corpus_is_kept_or_rejected_with_a_reason(shared_dir, name):
    path = shared_dir / "corpora" / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        lines = sum(1 for _ in fh)
    articles, report = fr.read_articles(path, return_report=True)
    assert report.rows_seen == lines
    assert len(articles) + len(report.rejected) == lines
    assert set(report.rejected["reason"]) <= {"empty_text", "empty_after_cleaning"}
    assert articles["article_id"].is_unique
    assert articles["language"].isin(["ar", "en", "ru"]).all()


def test_cleaning_real_corpora_removes_known_junk_and_no_news(shared_dir):
    articles, report = fr.read_articles(shared_dir / "corpora" / "en_ukraine_media.jsonl", return_report=True)
    assert not articles["text"].str.contains(r"nL4N2YS0DR\]", regex=True).any()
    assert not articles["text"].str.contains("Sign up to First Edition").any()
    removed = report.removed
    # Every removed piece is short boilerplate or metadata, never a whole article body; the longer ones
    # are AP file-photo captions, marked at both ends ("FILE - ... (AP Photo/..., File)").
    words = removed["text"].str.split().str.len()
    ap_caption = removed["text"].str.match(r"FILE ?[-–—] ") & removed["text"].str.contains(r"\((?:AP|AFP|Reuters)[^()]*\)$")
    assert ((words <= 60) | (ap_caption & (words <= 150))).all()
    assert ap_caption.sum() > 200 and (words[ap_caption] > 60).any()
    assert articles["dateline"].notna().sum() >= 100


@pytest.mark.parametrize("name", ["seed_ar", "ar_dev", "en_dev", "ru_dev", "polnear_dev_en"])
def test_shared_gold_files_are_valid(shared_dir, name):
    gold = read_gold(shared_dir / "gold" / f"{name}.jsonl")
    assert gold.problems == []
    assert len(gold.attributions) > 0


def test_dev_gold_scores_stay_at_the_issue_targets(shared_dir):
    """Issue 3 and 4 targets on the dev gold; side and count Spearman (target .90, measured .91-.97) are guarded at .88."""
    from framing.evaluate import evaluate_gold

    files = [shared_dir / "gold" / f"{name}.jsonl" for name in ("seed_ar", "ar_dev", "en_dev", "ru_dev")]
    table = evaluate_gold(files).table
    assert set(table.index) == {"ar", "en", "ru"}
    for language, row in table.iterrows():
        assert row["attribution_f1"] >= 0.85, (language, row["attribution_f1"])
        assert row["speaker_acc"] >= 0.85, (language, row["speaker_acc"])
        assert row["cue_class_acc"] >= 0.85, (language, row["cue_class_acc"])
        assert row["hedge_f1"] >= 0.75, (language, row["hedge_f1"])
        assert row["side_acc"] >= 0.88, (language, row["side_acc"])
        assert row["count_spearman"] >= 0.88, (language, row["count_spearman"])


def test_polnear_is_scored_in_its_own_scheme(shared_dir):
    """PolNeAR keeps "he" as the speaker and codes beliefs; the evaluation notices and follows the PARC-style scheme."""
    from framing.evaluate import evaluate_gold, gold_scheme

    path = shared_dir / "gold" / "polnear_dev_en.jsonl"
    assert gold_scheme(read_gold(path)) == "parc"
    assert gold_scheme(read_gold(shared_dir / "gold" / "en_dev.jsonl")) == "codebook"
    row = evaluate_gold(path).table.loc["en"]
    assert row["scheme"] == "parc" and row["speaker_acc"] >= 0.80
    assert row["attribution_f1"] >= 0.74  # issue 3 target .75, measured .751
    codebook = evaluate_gold(path, scheme="codebook").table.loc["en"]
    assert row["attribution_f1"] >= codebook["attribution_f1"] + 0.05  # the codebook scheme gives .68 on it
