"""show(): an article as HTML with its spans highlighted, escaped, right to left for Arabic."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import framing as fr
from framing.annotate import SPAN_COLUMNS
from framing.display import ArticleView, show

EN_TEXT = "Moscow claimed the drones were probably Ukrainian, Kremlin spokesman Dmitry Peskov told reporters in Kyiv."
AR_TEXT = "وزعمَ المتحدث باسم الكرملين أن المسيرات أوكرانية على الأرجح."


def _span(**fields) -> dict:
    row = dict.fromkeys(SPAN_COLUMNS)
    row.update(fields)
    return row


def _spans(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=SPAN_COLUMNS)


def _at(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def _english() -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {"article_id": ["en-1"], "language": ["en"], "title": ["Drones <b>over</b> Kyiv"], "outlet": ["Wire"], "outlet_country": ["US"], "text": [EN_TEXT]}
    )
    cue = _at(EN_TEXT, "claimed")
    told = _at(EN_TEXT, "told")
    speaker = _at(EN_TEXT, "Kremlin spokesman Dmitry Peskov")
    rows = [
        _span(article_id="en-1", kind="attribution", cue="claimed", cue_start=cue[0], cue_end=cue[1], cue_class="distancing", speaker="Moscow",
              speaker_start=0, speaker_end=6, actor="Russia", speaker_type="institution", side="RU", quote_type="indirect", content="the drones were probably Ukrainian"),
        _span(article_id="en-1", kind="attribution", cue="told", cue_start=told[0], cue_end=told[1], cue_class="neutral", speaker="Kremlin spokesman Dmitry Peskov",
              speaker_start=speaker[0], speaker_end=speaker[1], actor="Dmitry Peskov", speaker_type="official", side="RU", quote_type="none", content=""),
        _span(article_id="en-1", kind="hedge", cue="probably", cue_start=_at(EN_TEXT, "probably")[0], cue_end=_at(EN_TEXT, "probably")[1], scope="speaker", category="epistemic_adverb"),
        # a term inside the speaker span, and one that overlaps nothing
        _span(article_id="en-1", kind="term", cue="Kremlin", cue_start=_at(EN_TEXT, "Kremlin")[0], cue_end=_at(EN_TEXT, "Kremlin")[1], concept="russia_government", vocabulary="NEUTRAL"),
        _span(article_id="en-1", kind="term", cue="Kyiv", cue_start=_at(EN_TEXT, "Kyiv")[0], cue_end=_at(EN_TEXT, "Kyiv")[1], concept="kyiv_spelling", vocabulary="US/WEST"),
        _span(article_id="other", kind="hedge", cue="x", cue_start=0, cue_end=1, scope="writer"),
    ]
    return articles, _spans(rows)


def _tree(view: ArticleView) -> ET.Element:
    """The markup is well-formed: parse it as XML (it uses no named entities but &amp; &lt; &gt; &quot;)."""
    return ET.fromstring(view.html)


def _body(view: ArticleView) -> ET.Element:
    return next(e for e in _tree(view).iter("div") if e.get("lang"))


def _text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_every_span_is_highlighted_with_what_was_coded_on_hover():
    articles, spans = _english()
    view = show(articles, "en-1", spans)
    body = _body(view)
    assert _text_of(body) == EN_TEXT  # highlighting never changes the text
    cues = {_text_of(e): e.get("title") for e in body.iter("span") if e.get("class") == "framing-cue"}
    assert set(cues) == {"claimed", "told"}
    assert cues["claimed"].splitlines()[:4] == ["attribution: “claimed” · distancing", "speaker: Moscow", "actor: Russia", "side: RU · institution"]
    assert "content: the drones were probably Ukrainian" in cues["claimed"]
    speakers = ["".join(e.itertext()) for e in body.iter("span") if e.get("class") == "framing-speaker"]
    assert "".join(speakers) == "Moscow" + "Kremlin spokesman Dmitry Peskov"
    hedge = next(e for e in body.iter("span") if e.get("class") == "framing-hedge")
    assert _text_of(hedge) == "probably" and "scope: speaker" in hedge.get("title")
    terms = [_text_of(e) for e in body.iter("span") if e.get("class") == "framing-term"]
    assert terms == ["Kremlin", "Kyiv"]
    # the term inside the speaker span: its hover text names both
    kremlin = next(e for e in body.iter("span") if e.get("class") == "framing-speaker" and _text_of(e) == "Kremlin")
    inner = next(e for e in kremlin.iter("span") if e.get("title"))
    assert "loaded term: “Kremlin”" in inner.get("title") and "speaker of “told” (neutral)" in inner.get("title")
    # colours: RU side for both attributions, US/WEST vocabulary for Kyiv
    assert "#c0392b" in view.html and "outline: 1px solid #2e6fbb" in view.html
    # the span of another article is ignored; the header counts this article's spans
    assert "2 attributions, 1 hedge, 2 terms" in view.html
    assert body.get("dir") == "ltr"


def test_article_text_and_metadata_are_escaped():
    text = 'He said <script>alert("x")</script> & left <img src=x onerror=alert(1)>.'
    articles = pd.DataFrame({"article_id": ["x"], "language": ["en"], "title": ["<b>bold</b>"], "outlet": ["<i>O</i>"], "text": [text]})
    view = show(articles, "x")
    assert "<script" not in view.html and "<img" not in view.html and "<b>" not in view.html and "<i>" not in view.html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in view.html
    assert _text_of(_body(view)) == text
    assert html.unescape(re.sub(r"<[^>]+>", "", view.html)).count(text) == 1


def test_arabic_is_right_to_left():
    articles = pd.DataFrame({"article_id": ["ar-1"], "language": ["ar"], "title": ["عنوان"], "text": [AR_TEXT]})
    start, end = _at(AR_TEXT, "زعمَ")
    spans = _spans([
        _span(article_id="ar-1", kind="attribution", cue="زعمَ", cue_start=start, cue_end=end, cue_class="distancing", speaker="المتحدث باسم الكرملين",
              speaker_start=_at(AR_TEXT, "المتحدث باسم الكرملين")[0], speaker_end=_at(AR_TEXT, "المتحدث باسم الكرملين")[1], actor="Dmitry Peskov",
              speaker_type="official", side="RU", quote_type="indirect", content="أن المسيرات أوكرانية"),
    ])
    view = show(articles, "ar-1", spans)
    body = _body(view)
    assert body.get("dir") == "rtl" and body.get("lang") == "ar"
    assert "Noto Naskh Arabic" in body.get("style")
    assert _text_of(body) == AR_TEXT
    cue = next(e for e in body.iter("span") if e.get("class") == "framing-cue")
    assert _text_of(cue) == "زعمَ" and "speaker: المتحدث باسم الكرملين" in cue.get("title")
    assert "font-weight" not in cue.get("style")  # no font change inside a word: letters stay joined


def test_demo_articles_in_three_languages_compute_their_own_spans():
    articles = fr.load_demo()
    spans = fr.annotate(articles)
    for article_id in ("demo-ar-ru-01", "demo-en-us-02", "demo-ru-ru-03"):
        view = show(articles, article_id)
        text = articles.set_index("article_id").loc[article_id, "text"]
        body = _body(view)
        assert _text_of(body) == text
        mine = spans[(spans["article_id"] == article_id) & (spans["kind"] == "attribution")]
        highlighted = [e for e in body.iter("span") if e.get("class") == "framing-cue"]
        assert len(highlighted) >= len(mine) > 0
        starts = {int(s) for s in mine["cue_start"]}
        assert all(text[s : s + len(c)] == c for s, c in zip(mine["cue_start"], mine["cue"], strict=True)) and starts
        assert view._repr_html_() == view.html
        assert (body.get("dir") == "rtl") == article_id.startswith("demo-ar")
    # passing the spans gives the same page as computing them
    assert show(articles, "demo-en-ru-01", spans).html == show(articles, "demo-en-ru-01").html


def test_kinds_can_be_chosen():
    articles, spans = _english()
    view = show(articles, "en-1", spans, kinds=["hedge"])
    classes = {e.get("class") for e in _body(view).iter("span")}
    assert classes == {"framing-hedge"}


def test_save_writes_a_standalone_page(tmp_path):
    articles, spans = _english()
    path = show(articles, "en-1", spans).save(tmp_path / "en-1.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>Drones &lt;b&gt;over&lt;/b&gt; Kyiv</title>" in page


def test_errors_name_the_problem_and_the_way_out():
    articles, spans = _english()
    with pytest.raises(ValueError, match=r"no article with article_id 'nope' among 1 articles \(e.g. en-1\)"):
        show(articles, "nope", spans)
    shifted = spans.assign(cue_start=spans["cue_start"] + 1, cue_end=spans["cue_end"] + 1)
    with pytest.raises(ValueError, match="does not fit the text of article 'en-1'.*pass the spans computed on this text"):
        show(articles, "en-1", shifted)


@pytest.mark.slow  # importing nbconvert takes a few seconds
def test_jupyter_shows_the_html_and_an_exported_notebook_keeps_it():
    formatters = pytest.importorskip("IPython.core.formatters")
    nbformat = pytest.importorskip("nbformat")
    nbconvert = pytest.importorskip("nbconvert")
    articles = pd.DataFrame({"article_id": ["ar-1"], "language": ["ar"], "text": ["قال المتحدث <script>alert(1)</script> إن الهدنة صامدة."]})
    view = show(articles, "ar-1")
    data, _ = formatters.DisplayFormatter().format(view)
    assert data["text/html"] == view.html
    assert data["text/plain"] == "ArticleView(article_id='ar-1', title='', language='ar')"  # short: the markup is not repeated
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show(articles, 'ar-1')")
    cell.outputs = [nbformat.v4.new_output("execute_result", data=data, execution_count=1)]
    notebook.cells = [cell]
    page, _ = nbconvert.HTMLExporter().from_notebook_node(notebook)
    assert 'dir="rtl" lang="ar"' in page and 'class="framing-cue"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
