"""framing.analysis: choosing the articles of a comparison, writing outputs, and the generated summary."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import framing as fr
from framing.analysis import Outputs, in_group, prepare, summarize


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Six articles of three outlets in three languages, with dates, as a scraper would give them."""
    rows = [
        {"id": "rt-1", "outlet": "RT (rt.com)", "date": "2022-08-10", "language": "en",
         "text": "Kremlin spokesman Dmitry Peskov said on Wednesday that Kiev had shelled the Zaporozhye plant again."},
        {"id": "rt-2", "outlet": "RT (rt.com)", "date": "2022-08-20", "language": "ru",
         "text": "Как заявил официальный представитель МИД России Мария Захарова, Киев якобы готовит новую провокацию."},
        {"id": "ap-1", "outlet": "Associated Press (wire copy)", "date": "2022-08-11", "language": "en",
         "text": "Ukrainian President Volodymyr Zelenskyy said Russian forces were using the Zaporizhzhia plant as a shield."},
        {"id": "nbc-1", "outlet": "NBC News", "date": "2022-09-02", "language": "en",
         "text": "U.S. officials said the invasion had stalled, according to a senior Pentagon official."},
        {"id": "nbc-2", "outlet": "NBC News", "date": "2022-10-01", "language": "en",
         "text": "Secretary of State Antony Blinken told reporters that sanctions on Moscow would stay in place."},
        {"id": "aj-1", "outlet": "Al Jazeera", "date": "2022-08-15", "language": "ar",
         "text": "وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو لا تعتزم التفاوض في الوقت الحالي."},
    ]
    path = tmp_path_factory.mktemp("analysis") / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_groups_take_patterns_lists_and_missing_cells():
    column = pd.Series(["RT (rt.com)", "NBC News", None, "", "Associated Press (wire copy)"])
    assert in_group(column, ["RT*"]).tolist() == [True, False, False, False, False]
    assert in_group(column, ["NBC News", "Associated Press*"]).tolist() == [False, True, False, False, True]
    assert in_group(column, ["(missing)"]).tolist() == [False, False, True, True, False]
    assert not in_group(column, ["RT"]).any()  # without a pattern, values must match whole


def test_prepare_keeps_the_window_and_both_groups(corpus):
    selection = prepare(corpus, side_column="outlet", group_a="RT*", group_b="Associated Press*, NBC News",
                        label_a="RT", label_b="AP+NBC", start="2022-08-09", end="2022-09-08")
    assert sorted(selection.articles["article_id"]) == ["ap-1", "nbc-1", "rt-1", "rt-2"]
    assert selection.articles.set_index("article_id")["group"].to_dict() == {"rt-1": "RT", "rt-2": "RT", "ap-1": "AP+NBC", "nbc-1": "AP+NBC"}
    # every article left out is counted with its reason
    assert selection.dropped == {"outside the date window": 1, "in neither group": 1}
    assert selection.summary()["articles"] + sum(selection.dropped.values()) == 6
    assert selection.cluster == "outlet"


def test_prepare_filters_languages_and_samples_reproducibly(corpus):
    english = prepare(corpus, side_column="outlet", group_a="RT*", group_b="NBC News", languages="en")
    assert set(english.articles["language"]) == {"en"} and english.dropped["other languages"] == 2
    first = prepare(corpus, side_column="outlet", group_a="RT*", group_b="NBC News", sample_size=1, seed=3)
    again = prepare(corpus, side_column="outlet", group_a="RT*", group_b="NBC News", sample_size=1, seed=3)
    assert first.articles["article_id"].tolist() == again.articles["article_id"].tolist()
    assert first.articles["group"].value_counts().to_dict() == {"RT*": 1, "NBC News": 1}


@pytest.mark.parametrize(
    "options, message",
    [
        ({"side_column": "stance"}, "side column 'stance' is not in the articles"),
        ({"side_column": "outlet", "group_a": "RT*", "group_b": "Fox News"}, "no articles in group 'Fox News'"),
        ({"side_column": "outlet", "group_a": "RT*", "group_b": "R*"}, "match both groups"),
        ({"side_column": "outlet", "group_a": "RT*", "group_b": "NBC News", "label_a": "x", "label_b": "x"}, "different labels"),
    ],
)
def test_prepare_explains_bad_parameters(corpus, options, message):
    with pytest.raises(ValueError, match=message):
        prepare(corpus, **options)


def test_code_adds_the_group_to_the_features(corpus):
    selection = prepare(corpus, side_column="outlet", group_a="RT*", group_b="NBC News")
    spans, features = selection.code()
    assert len(features) == len(selection.articles) == 4
    assert features.set_index("article_id")["group"].to_dict() == {"rt-1": "RT*", "rt-2": "RT*", "nbc-1": "NBC News", "nbc-2": "NBC News"}
    peskov = spans[(spans["kind"] == "attribution") & (spans["article_id"] == "rt-1")]
    assert peskov["actor"].tolist() == ["Dmitry Peskov"] and peskov["side"].tolist() == ["RU"]
    assert selection.code() is selection.code()  # computed once


def test_outputs_write_figures_tables_and_results(tmp_path):
    import matplotlib.figure

    out = Outputs(tmp_path / "nb")
    out.table(pd.DataFrame({"outlet": ["RT"], "articles": [3]}), "counts")
    fig = matplotlib.figure.Figure()
    fig.subplots().set_title("Статьи по неделям")
    assert out.figure(fig, "weeks") is fig
    out.add(share=float("nan"), count=pd.Series([4]).iloc[0], when=pd.Timestamp("2022-08-09"))
    results = json.loads(out.write().read_text(encoding="utf-8"))
    assert results == {"share": None, "count": 4, "when": "2022-08-09T00:00:00", "figures": ["figures/weeks.png"], "tables": ["tables/counts.csv"]}
    assert (tmp_path / "nb" / "figures" / "weeks.png").read_bytes()[:4] == b"\x89PNG"


def _comparison(q):
    return pd.DataFrame({
        "feature": ["distancing_UA"], "mean_a": [0.45], "mean_b": [0.08], "diff": [0.37], "diff_low": [0.25], "diff_high": [0.48],
        "ratio": [5.4], "ratio_low": [3.1], "ratio_high": [12.3], "p": [q], "q": [q], "sd": [0.6], "caveat": [""], "a": ["RT"], "b": ["AP+NBC"],
    })


def test_summary_states_differences_terms_and_topics_from_the_numbers(corpus):
    selection = prepare(corpus, side_column="outlet", group_a="RT*", group_b="Associated Press*, NBC News", label_a="RT", label_b="AP+NBC")
    terms = pd.DataFrame({"language": ["en", "en", "ru"], "term": ["kiev", "kyiv", "киев"], "z": [15.9, -6.5, 3.0]})
    topics = pd.DataFrame({"topic": [2], "label": ["2: plant, nuclear"], "mean_a": [0.30], "mean_b": [0.05], "diff": [0.25], "diff_low": [0.12], "diff_high": [0.37], "q": [0.01]})
    lines = summarize(selection, features=_comparison(0.002), terms=terms, topics=topics)
    assert lines[0] == "5 articles: 2 in RT, 3 in AP+NBC."
    assert lines[1] == "1 of 1 features differ at q < 0.05; the clearest:"
    assert lines[2].startswith("distancing_UA: RT 0.45 vs AP+NBC 0.08 per article, 5.4 times as much")
    assert "Words most typical of RT in English: kiev (z = +15.9)." in lines
    assert "Words most typical of AP+NBC in English: kyiv (z = -6.5)." in lines
    assert "Words most typical of RT in Russian: киев (z = +3.0)." in lines
    assert lines[-1] == "topic 2: plant, nuclear: 30% of RT's articles vs 5% of AP+NBC's; difference +25.0 points (95% CI +12.0 to +37.0), q = 0.01"


def test_summary_says_when_nothing_differs(corpus):
    selection = prepare(corpus, side_column="outlet", group_a="RT*", group_b="NBC News")
    lines = summarize(selection, features=_comparison(0.4))
    assert lines[1].startswith("No feature of 1 differs between RT* and NBC News at q < 0.05. The largest differences, as description only:")
    assert lines[2].endswith("q = 0.4")


def test_public_api_exports_the_comparison_and_topic_functions():
    for name in ("compare_terms", "compare_features", "describe_differences", "fit_topics", "TopicModel", "show"):
        assert name in fr.__all__ and callable(getattr(fr, name))
