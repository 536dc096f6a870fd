"""Per-article features: the data dictionary, traceability to spans, the scikit-learn transformer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

import framing as fr
from framing.features import data_dictionary, describe_features, score
from framing.transformer import FramingFeatures


@pytest.fixture(scope="module")
def demo():
    articles = fr.load_demo()
    spans = fr.annotate(articles)
    return articles, spans, score(articles, spans=spans)


def test_dictionary_and_score_agree_exactly(demo):
    _, _, features = demo
    dictionary = data_dictionary()
    assert list(features.columns) == dictionary["name"].tolist()
    assert dictionary["name"].is_unique
    assert dictionary["definition"].str.len().min() > 20
    for name, kind in zip(dictionary["name"], dictionary["type"], strict=True):
        dtype = features[name].dtype
        if kind == "int":
            assert pd.api.types.is_integer_dtype(dtype), name
        elif kind == "float":
            assert pd.api.types.is_float_dtype(dtype), name
    for side in ("US", "RU", "UA", "WEST", "OTHER"):
        for stem in ("attributions", "officials", "distancing"):
            assert f"{stem}_{side}" in features.columns
    assert {"hedges_per_1k_words", "words"} <= set(features.columns)


def test_every_count_traces_back_to_spans(demo):
    articles, spans, features = demo
    row = features.set_index("article_id").loc["demo-en-ru-01"]
    mine = spans[spans["article_id"] == "demo-en-ru-01"]
    attributions = mine[mine["kind"] == "attribution"]
    assert row["attributions"] == len(attributions)
    assert row["attributions_US"] == (attributions["side"] == "US").sum()
    assert row["distancing_US"] == ((attributions["side"] == "US") & (attributions["cue_class"] == "distancing")).sum()
    assert row["hedges"] == (mine["kind"] == "hedge").sum()
    text = articles.set_index("article_id").loc["demo-en-ru-01", "text"]
    for span in mine.itertuples():
        assert text[span.cue_start : span.cue_end] == span.cue
    shares = features[[f"share_{c}_RU" for c in fr.codebook.CUE_CLASSES]].sum(axis=1)
    assert np.allclose(shares[features["attributions_RU"] > 0], 1.0)


def test_sides_frame_each_other_in_the_demo(demo):
    """The synthetic corpus was written so that each side distances the other: the features show it."""
    _, _, features = demo
    by_side = features.groupby("outlet_country")
    assert by_side["distancing_US"].sum()["RU"] > by_side["distancing_US"].sum()["US"]
    assert by_side["distancing_RU"].sum()["US"] > by_side["distancing_RU"].sum()["RU"]
    assert by_side["vocabulary_lean"].mean()["RU"] > 0 > by_side["vocabulary_lean"].mean()["US"]


def test_describe_prints_every_column():
    text = describe_features()
    for name in data_dictionary()["name"]:
        assert f"{name}  (" in text


def test_transformer_in_a_pipeline_keeps_the_index():
    texts = pd.Series(
        [
            "Kremlin spokesman Dmitry Peskov claimed the sanctions had failed.",
            "Secretary of State Marco Rubio said the talks were useful.",
            "Захарова якобы заявила, что Вашингтон сорвал переговоры.",
            "وقال المتحدث باسم البيت الأبيض إن المحادثات كانت مفيدة.",
        ],
        index=["a", "b", "c", "d"],
    )
    step = FramingFeatures(features=["attributions_RU", "attributions_US", "distancing_RU"]).set_output(transform="pandas")
    out = step.fit_transform(texts)
    assert list(out.index) == ["a", "b", "c", "d"]
    assert list(out.columns) == ["attributions_RU", "attributions_US", "distancing_RU"]
    assert out.loc["a", "distancing_RU"] == 1 and out.loc["b", "attributions_US"] == 1
    assert out.loc["d", "attributions_US"] == 1
    model = Pipeline([("framing", FramingFeatures(features=["distancing_RU", "attributions_US"])), ("clf", LogisticRegression())])
    model.fit(texts, [1, 0, 1, 0])
    assert model.predict(texts).shape == (4,)


def test_transformer_rejects_bad_input():
    with pytest.raises(ValueError, match="unknown feature"):
        FramingFeatures(features=["not_a_feature"]).fit(["text"])
    frame = pd.DataFrame({"a": ["x"], "b": ["y"]})
    with pytest.raises(ValueError, match="pass text_column="):
        FramingFeatures().fit(frame)
    assert FramingFeatures(text_column="b").fit(frame).transform(frame).shape == (1, len(FramingFeatures().fit(["x"]).get_feature_names_out()))
