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


@pytest.mark.parametrize(
    "language, text, cue, concept, vocabulary",
    [
        ("en", "A Kiev-based analyst said the talks had stalled.", "Kiev", "place_spelling", "RU"),
        ("en", "Kiev's mayor Vitali Klitschko said power had been restored.", "Kiev", "place_spelling", "RU"),
        ("en", "Kiev’s mayor said power had been restored.", "Kiev", "place_spelling", "RU"),
        ("en", "Kyiv's allies pledged more air defence systems.", "Kyiv", "place_spelling", "US/WEST"),
        ("en", "The Donbass-born commander was killed near Avdeyevka.", "Donbass", "place_spelling", "RU"),
        ("en", "Zakharova said Kiev's regime had lost all legitimacy.", "Kiev's regime", "kiev_regime", "RU"),
        ("en", "The Kiev regime’s envoy walked out of the talks.", "Kiev regime", "kiev_regime", "RU"),
    ],
)
def test_hyphen_and_possessive_end_a_word(language, text, cue, concept, vocabulary):
    """A one-word form matches before a hyphen, any form before 's/’s; the span is the form only, and a listed form with the apostrophe wins."""
    terms = terms_in_text(text, language)
    assert [(t.cue, t.concept, t.vocabulary) for t in terms] == [(cue, concept, vocabulary)]
    assert text[terms[0].cue_start : terms[0].cue_end] == cue


@pytest.mark.parametrize(
    "text",
    [
        "Kievan Rus was a medieval state centred on the Dnieper.",
        "Kyivstar restored mobile service after the cyberattack.",
        "The new rules bar Russian military-age men from leaving the country.",
    ],
)
def test_a_term_that_only_starts_a_word_is_no_match(text):
    assert terms_in_text(text, "en") == []


@pytest.mark.parametrize(
    "text, cue, concept",
    [
        ("فبالعملية العسكرية الخاصة تسعى موسكو إلى حماية سكان دونباس.", "العملية العسكرية الخاصة", "war_naming"),
        ("فلنظام كييف داعمون في الغرب، وفق زاخاروفا.", "نظام كييف", "kiev_regime"),
        ("وكالعملية العسكرية الخاصة، جرى تصوير الهجوم على أنه دفاعي.", "العملية العسكرية الخاصة", "war_naming"),
        ("فللعملية العسكرية الخاصة أهداف معلنة.", "لعملية العسكرية الخاصة", "war_naming"),
        ("وَبِالعملية العسكرية الخاصة بدأت الحرب.", "العملية العسكرية الخاصة", "war_naming"),  # the span starts after the proclitics' diacritics
    ],
)
def test_arabic_proclitic_pairs(text, cue, concept):
    terms = terms_in_text(text, "ar")
    assert (terms[0].cue, terms[0].concept, terms[0].vocabulary) == (cue, concept, "RU")
    assert text[terms[0].cue_start : terms[0].cue_end] == cue


@pytest.mark.parametrize(
    "text, cue, concept, vocabulary",
    [
        ("Москва признала Японию недружественной страной.", "недружественной страной", "unfriendly_countries", "RU"),
        ("Кабмин внес Сингапур в список, фактически признав недружественную страну.", "недружественную страну", "unfriendly_countries", "RU"),
        ("Песков заявил, что Словакия не считается недружественным государством.", "недружественным государством", "unfriendly_countries", "RU"),
        ("Сделки с недружественными юрисдикциями ограничены.", "недружественными юрисдикциями", "unfriendly_countries", "RU"),
        ("Фактчекеры опровергли распространение фейка о биолабораториях.", "фейка о биолабораториях", "biolabs", "US/WEST"),
        ("Соцсети заполнились фейками о биолабораториях.", "фейками о биолабораториях", "biolabs", "US/WEST"),
        ("Эксперты назвали это теорией заговора о биолабораториях.", "теорией заговора о биолабораториях", "biolabs", "US/WEST"),
        ("Минобороны рассказало о биолабораториях Пентагона и военно-биологической программе.", "военно-биологической программе", "biolabs", "RU"),
    ],
)
def test_russian_case_forms(text, cue, concept, vocabulary):
    terms = terms_in_text(text, "ru")
    assert (cue, concept, vocabulary) in [(t.cue, t.concept, t.vocabulary) for t in terms], terms


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
