"""Hedges in three languages: hand-written cases, codebook traps, scope."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.extract.attributions import extract_from_text
from framing.extract.hedges import HEDGE_COLUMNS, find_hedges, hedges_in_text
from framing.gold import cue_span

CASES = Path(__file__).parent / "data"


def _hedges(text: str, language: str):
    speech = [a.content_span for a in extract_from_text(text, language) if a.content_span]
    return hedges_in_text(text, language, speech_spans=speech)


@pytest.mark.parametrize("language", ["ar", "en", "ru"])
def test_hand_written_cases(language):
    """Over 100 sentences per language (tests/data/hedges_*.jsonl), a third of them traps that are not hedges."""
    tp = fp = fn = scope_ok = 0
    for line in (CASES / f"hedges_{language}.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        found = _hedges(case["text"], language)
        used: set[int] = set()
        for item in case["expect"]:
            start, end = cue_span(case["text"], item["cue"], item["cue_occurrence"])
            hit = next((i for i, h in enumerate(found) if i not in used and h.cue_start < end and h.cue_end > start), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            scope_ok += found[hit].scope == item["scope"]
        fp += len(found) - len(used)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert scope_ok / tp >= 0.9


@pytest.mark.parametrize(
    "language, text, cues",
    [
        # epistemic modals and adverbs are hedges; ability, permission, numbers and "so-called" are not
        ("en", "Russia can put its concerns on the table, and about 300 troops may leave by May.", ["may"]),
        ("en", "Men aged 18 to 60 may not leave the country, the so-called law says.", []),
        ("en", "The strike was reportedly carried out by drones and could not be independently verified.", ["reportedly", "could not be independently verified"]),
        ("ru", "Россия может выставить свои условия, но примерно 300 военных, вероятно, покинут город.", ["вероятно"]),
        ("ru", "По предварительным данным, так называемый референдум не может состояться.", ["По предварительным данным"]),
        ("ar", "وقد أعلن الكرملين أن المحادثات ربما تستأنف الأسبوع المقبل.", ["ربما"]),
        ("ar", "ومن المرجح أن تعقد الجولة المقبلة في فيينا، وقد تستمر يومين.", ["من المرجح", "قد"]),
        ("ar", "وأكد ما يسمى بالمجلس الانتقالي أن نحو مئة شخص غادروا المدينة.", []),
    ],
)
def test_codebook_traps(language, text, cues):
    assert [h.cue for h in _hedges(text, language)] == cues


def test_scope_is_speaker_inside_quotes_and_reported_speech():
    text = 'The talks will probably resume. "It may take weeks," Peskov said, adding that an agreement was possible but unlikely.'
    scopes = {h.cue: h.scope for h in _hedges(text, "en")}
    assert scopes["probably"] == "writer"
    assert scopes["may"] == "speaker"
    assert scopes["unlikely"] == "speaker"


def test_find_hedges_contract():
    articles = pd.DataFrame(
        {
            "article_id": ["e", "r", "a", "x"],
            "language": ["en", "ru", "ar", "other"],
            "text": ["Officials said the convoy was apparently hit.", "Возможно, переговоры продолжатся.", "يبدو أن المحادثات فشلت.", "Peut-être."],
        }
    )
    hedges = find_hedges(articles)
    assert list(hedges.columns) == HEDGE_COLUMNS
    assert hedges["article_id"].tolist() == ["e", "r", "a"]
    for row in hedges.itertuples():
        text = articles.set_index("article_id").loc[row.article_id, "text"]
        assert text[row.cue_start : row.cue_end] == row.cue
