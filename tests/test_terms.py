"""Loaded terms: contested namings by vocabulary, in three languages."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.extract.terms import (
    TERM_COLUMNS,
    VOCABULARIES,
    concepts_table,
    find_terms,
    terms_in_text,
)
from framing.gold import cue_span

CASES = Path(__file__).parent / "data" / "terms.jsonl"


def test_hand_written_cases():
    """Over 270 sentences in three languages, with inflected Russian forms, Arabic proclitics and negatives."""
    hits = misses = spurious = wrong = 0
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        found = terms_in_text(case["text"], case["language"])
        used: set[int] = set()
        for item in case["expect"]:
            start, end = cue_span(case["text"], item["term"], item["occurrence"])
            hit = next((i for i, t in enumerate(found) if i not in used and t.cue_start < end and t.cue_end > start), None)
            if hit is None:
                misses += 1
                continue
            used.add(hit)
            hits += 1
            wrong += (found[hit].concept, found[hit].vocabulary) != (item["concept"], item["vocabulary"])
        spurious += len(found) - len(used)
    assert misses <= 0.05 * (hits + misses)
    assert spurious <= 0.05 * (hits + misses)
    assert wrong <= 0.05 * hits


@pytest.mark.parametrize(
    "language, text, vocabulary, concept",
    [
        ("en", "Moscow launched its special military operation in February 2022.", "RU", "war_naming"),
        ("ru", "В ходе специальной военной операции российские войска заняли новые позиции.", "RU", "war_naming"),
        ("ar", "وبدأت العملية العسكرية الخاصة في فبراير 2022.", "RU", "war_naming"),
        ("ru", "Полномасштабное вторжение России в Украину началось 24 февраля.", "US/WEST", None),
        ("en", "The so-called referendums were held under occupation.", "SCARE", "scare_label"),
        ("ru", "Так называемые референдумы прошли в четырех регионах.", "SCARE", "scare_label"),
        ("ar", "وأجرت ما يسمى بالاستفتاءات في أربع مناطق.", "SCARE", "scare_label"),
    ],
)
def test_both_vocabularies_and_scare_labels(language, text, vocabulary, concept):
    terms = terms_in_text(text, language)
    assert any(t.vocabulary == vocabulary and (concept is None or t.concept == concept) for t in terms), terms


def test_data_covers_thirty_concepts_in_three_languages():
    table = concepts_table()
    assert table["concept"].nunique() >= 30
    assert set(table["vocabulary"]) <= set(VOCABULARIES)
    assert {"RU", "US/WEST", "SCARE"} <= set(table["vocabulary"])
    filled = table[table["forms"] != ""].groupby("concept")["language"].nunique()
    assert (filled == 3).all()


def test_hand_written_cases_cover_every_concept_in_three_languages():
    """Every concept of terms.toml has a positive hand-written case in ar, en and ru, and each of its RU, US/WEST and SCARE vocabularies has at least one."""
    table = concepts_table()
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    expected = {(case["language"], item["concept"], item["vocabulary"]) for case in cases for item in case["expect"]}
    assert {(concept, vocabulary) for _, concept, vocabulary in expected} <= set(zip(table["concept"], table["vocabulary"]))
    covered = {(language, concept) for language, concept, _ in expected}
    missing = sorted((concept, language) for concept in table["concept"].unique() for language in ("ar", "en", "ru") if (language, concept) not in covered)
    assert not missing, missing
    loaded = table[table["vocabulary"] != "NEUTRAL"][["concept", "vocabulary"]].drop_duplicates()
    untested = sorted({(c, v) for c, v in loaded.itertuples(index=False)} - {(c, v) for _, c, v in expected})
    assert not untested, untested


def test_find_terms_contract_and_offsets():
    articles = pd.DataFrame({"article_id": ["a"], "language": ["en"], "text": ["The Kiev regime shelled Donetsk, the DPR said."]})
    terms = find_terms(articles)
    assert list(terms.columns) == TERM_COLUMNS
    for row in terms.itertuples():
        assert articles["text"][0][row.cue_start : row.cue_end] == row.cue
    assert set(terms["vocabulary"]) == {"RU"}
