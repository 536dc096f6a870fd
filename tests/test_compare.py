"""Side-by-side statistics: log-odds with an informative Dirichlet prior, bootstrap intervals by outlet, permutation tests, BH.

Every expected value here is computed from the formulas directly (by hand or
by brute-force enumeration in the test), never taken from the code under test.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing.compare import (
    MIN_CLUSTERS,
    OutletConfoundingWarning,
    benjamini_hochberg,
    bootstrap_interval,
    compare_features,
    compare_terms,
    describe_differences,
    log_odds_dirichlet,
)
from framing.text.vectorize import terms_of

# -- tokens -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # Arabic: diacritics, tatweel, hamza on alef, alef maqsura, ta marbuta
        ("أعلنَ الرئيسُ", "ar", ["اعلن", "الرئيس"]),
        ("المـــفاوضات في إيران", "ar", ["المفاوضات", "في", "ايران"]),
        ("مصطفى والهدنةُ", "ar", ["مصطفي", "والهدنه"]),
        ("آلاف", "ar", ["الاف"]),
        # Russian: case and ё
        ("Ещё ЗАЯВИЛ Рябков: «Всё»", "ru", ["еще", "заявил", "рябков", "все"]),
        ("вице-премьер из-за 2022 года", "ru", ["вице-премьер", "из-за", "года"]),
        # English: case, possessives, dotted abbreviations kept as acronyms
        ("Kyiv’s forces and KYIV´S allies", "en", ["kyiv", "forces", "and", "KYIV", "allies"]),
        ("The U.S. and the US.", "en", ["the", "US", "and", "the", "US"]),
        ("«So-called» 'referendums', 2022", "en", ["so-called", "referendums"]),
    ],
)
def test_terms_of_normalises_each_language(text, language, expected):
    assert terms_of(text, language, stopwords=False) == expected


def test_terms_of_drops_stop_words_but_keeps_acronyms_and_reporting_verbs():
    words = terms_of("The US told us that the claims were false, he claimed", "en")
    assert words == ["US", "told", "claims", "false", "claimed"]
    assert "في" not in terms_of("قال في جنيف", "ar") and "وفي" not in terms_of("وفي جنيف", "ar")
    assert terms_of("Как заявил Песков, это не так", "ru") == ["заявил", "песков"]


def test_terms_of_rejects_unknown_languages():
    with pytest.raises(ValueError, match="unsupported language 'de'; terms are counted for: ar, en, ru"):
        terms_of("Text", "de")


# -- compare_terms: the paper's formulas, directly ---------------------------

HAND = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "b1", "b2", "c1"],
        "language": "en",
        "camp": ["A", "A", "B", "B", "C"],
        "text": [
            "regime claimed victory regime",
            "regime claimed talks",
            "government said talks",
            "government said victory talks",
            "talks said regime",
        ],
    }
)


def _paper(y_a: dict, y_b: dict, prior: dict) -> dict:
    """Monroe, Colaresi and Quinn (2008), eqs. 16 and 18, written out term by term."""
    n_a, n_b, a0 = sum(y_a.values()), sum(y_b.values()), sum(prior.values())
    out = {}
    for w, aw in prior.items():
        ya, yb = y_a.get(w, 0), y_b.get(w, 0)
        delta = math.log((ya + aw) / (n_a + a0 - ya - aw)) - math.log((yb + aw) / (n_b + a0 - yb - aw))
        variance = 1 / (ya + aw) + 1 / (yb + aw)
        out[w] = (delta, variance, delta / math.sqrt(variance))
    return out


def test_compare_terms_matches_the_papers_formulas_with_an_informative_prior():
    # Counted by hand from HAND: group A = a1 + a2, group B = b1 + b2, background = all five articles.
    y_a = {"regime": 3, "claimed": 2, "victory": 1, "talks": 1}
    y_b = {"government": 2, "said": 2, "talks": 2, "victory": 1}
    background = {"regime": 4, "claimed": 2, "victory": 2, "talks": 4, "government": 2, "said": 3}
    expected = _paper(y_a, y_b, background)
    result = compare_terms(HAND, "camp", "A", "B", stopwords=False).set_index("term")
    assert set(result.index) == set(expected)
    for term, (delta, variance, z) in expected.items():
        assert result.loc[term, "delta"] == pytest.approx(delta, rel=1e-12)
        assert result.loc[term, "variance"] == pytest.approx(variance, rel=1e-12)
        assert result.loc[term, "z"] == pytest.approx(z, rel=1e-12)
        assert result.loc[term, "alpha"] == background[term]
        assert result.loc[term, "count_a"] == y_a.get(term, 0) and result.loc[term, "count_b"] == y_b.get(term, 0)
    # One value by hand: "claimed", y_a = 2, y_b = 0, alpha = 2, n_a = n_b = 7, alpha_0 = 17.
    assert result.loc["claimed", "delta"] == pytest.approx(math.log(4 / 20) - math.log(2 / 22))
    assert result.loc["claimed", "articles_a"] == 2 and result.loc["regime", "articles_a"] == 2
    assert result.loc["regime", "rate_a"] == pytest.approx(3 / 7 * 10_000)
    # Sorted by z, most typical of A first; labels of the groups on every row.
    assert result["z"].is_monotonic_decreasing
    assert result.index[0] == "regime" and result.index[-1] in ("government", "said")
    assert set(result["a"]) == {"A"} and set(result["b"]) == {"B"}


def test_compare_terms_uniform_mapping_and_scaled_priors():
    y_a = {"regime": 3, "claimed": 2, "victory": 1, "talks": 1}
    y_b = {"government": 2, "said": 2, "talks": 2, "victory": 1}
    vocabulary = set(y_a) | set(y_b)
    uniform = compare_terms(HAND, "camp", "A", "B", prior="uniform", stopwords=False).set_index("term")
    for term, (delta, _, z) in _paper(y_a, y_b, dict.fromkeys(vocabulary, 0.01)).items():
        assert uniform.loc[term, "delta"] == pytest.approx(delta) and uniform.loc[term, "z"] == pytest.approx(z)
    # A background from elsewhere; terms it lacks get 0.01; prior_strength rescales it to alpha_0 = 100.
    given = {"regime": 10, "talks": 30, "said": 60}
    mapped = compare_terms(HAND, "camp", "A", "B", prior=given, prior_strength=100, stopwords=False).set_index("term")
    alpha = {w: given.get(w, 0) * 100 / 100 or 0.01 for w in vocabulary}
    for term, (delta, _, z) in _paper(y_a, y_b, alpha).items():
        assert mapped.loc[term, "delta"] == pytest.approx(delta) and mapped.loc[term, "z"] == pytest.approx(z)
    with pytest.raises(ValueError, match="prior must be 'informative', 'uniform' or a mapping"):
        compare_terms(HAND, "camp", "A", "B", prior="flat")


def test_log_odds_dirichlet_by_hand():
    delta, variance, z = log_odds_dirichlet(np.array([3, 1]), np.array([1, 3]), np.array([1.0, 1.0]))
    # n = 4 in each group, alpha_0 = 2: log(4 / 2) - log(2 / 4) = 2 log 2; variance 1/4 + 1/2
    assert delta[0] == pytest.approx(2 * math.log(2)) and variance[0] == pytest.approx(0.75)
    assert z[0] == pytest.approx(2 * math.log(2) / math.sqrt(0.75)) and z[1] == pytest.approx(-z[0])
    with pytest.raises(ValueError, match="must be positive"):
        log_odds_dirichlet(np.array([1]), np.array([1]), np.array([0.0]))


def test_spelling_variants_are_one_term_in_arabic_and_russian():
    articles = pd.DataFrame(
        {
            "article_id": ["1", "2", "3", "4"],
            "language": ["ar", "ar", "ru", "ru"],
            "side": ["RU", "US", "RU", "US"],
            "text": ["زعمَ المتحدث وزعم الوزير أن الهدنة صامدة", "قال المتحدث إن الهدنةَ صامدة", "Всё решено, заявил Песков. ВСЕ согласны", "Все решено, сказал Песков"],
        }
    )
    terms = compare_terms(articles, "side", "RU", "US", stopwords=False)
    ar = terms[terms["language"] == "ar"].set_index("term")
    assert ar.loc["زعم", "count_a"] == 1 and ar.loc["وزعم", "count_a"] == 1  # the conjunction is not split off
    assert ar.loc["الهدنه", ["count_a", "count_b"]].tolist() == [1, 1]  # ة/ه and the fatha folded
    ru = terms[terms["language"] == "ru"].set_index("term")
    assert ru.loc["все", ["count_a", "count_b"]].tolist() == [2, 1]  # ё, case
    assert ru.loc["заявил", "z"] > 0 > ru.loc["сказал", "z"]


def test_one_comparison_per_language_and_language_filter():
    articles = pd.concat(
        [
            HAND[HAND["camp"] != "C"].assign(language="en"),
            pd.DataFrame({"article_id": ["r1", "r2"], "language": "ru", "camp": ["A", "B"], "text": ["Киевский режим заявил", "Правительство Украины заявило"]}),
            pd.DataFrame({"article_id": ["x1"], "language": "ar", "camp": ["A"], "text": ["قال المتحدث"]}),
        ],
        ignore_index=True,
    )
    with pytest.warns(UserWarning, match="not compared, for lack of articles of both groups: ar"):
        terms = compare_terms(articles, "camp", "A", "B", stopwords=False)
    assert terms["language"].unique().tolist() == ["en", "ru"]
    # Russian words are compared against the Russian background only.
    ru = terms[terms["language"] == "ru"].set_index("term")
    assert ru["alpha"].sum() == 6 and "regime" not in ru.index
    only_ru = compare_terms(articles, "camp", "A", "B", language="ru", stopwords=False)
    assert only_ru["language"].unique().tolist() == ["ru"]
    with pytest.raises(ValueError, match="no language has articles of both 'A' and 'B'.*in ar"):
        compare_terms(articles, "camp", "A", "B", language="ar")


def test_group_errors_name_the_problem_and_the_way_out():
    with pytest.raises(ValueError, match=r"no articles have camp = 'Z' \(group b\); values of camp: A \(2\), B \(2\), C \(1\)"):
        compare_terms(HAND, "camp", "A", "Z")
    with pytest.raises(ValueError, match="articles have no column 'side'.*pass by="):
        compare_terms(HAND, "side", "A", "B")
    with pytest.raises(ValueError, match="is in both groups"):
        compare_terms(HAND, "camp", ["A", "B"], "B")


def test_groups_can_be_lists_of_values():
    terms = compare_terms(HAND, "camp", "A", ["B", "C"], stopwords=False)
    assert set(terms["b"]) == {"B + C"}
    assert terms.set_index("term").loc["said", "count_b"] == 3


def test_demo_corpus_terms():
    articles = fr.load_demo()
    terms = compare_terms(articles)
    assert terms["language"].unique().tolist() == ["ar", "en", "ru"]
    for _, part in terms.groupby("language"):
        assert part["z"].is_monotonic_decreasing
        assert (part["count_a"] + part["count_b"] > 0).all()


# -- Benjamini-Hochberg ------------------------------------------------------


def test_benjamini_hochberg_known_answer_and_brute_force():
    # p sorted 0.01, 0.03, 0.04, 0.20 (m = 4): p*m/i = 0.04, 0.06, 0.0533, 0.2; running minimum from the top
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.20])
    assert q == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    rng = np.random.default_rng(1)
    p = rng.uniform(size=25) ** 3
    m = p.size
    expected = [min(min(p[j] * m / (np.sum(p <= p[j])) for j in range(m) if p[j] >= p[i]), 1.0) for i in range(m)]
    assert benjamini_hochberg(p) == pytest.approx(expected)
    assert np.isnan(benjamini_hochberg([np.nan, 0.5])[0])
    with pytest.raises(ValueError, match="between 0 and 1"):
        benjamini_hochberg([1.5])


# -- compare_features ----------------------------------------------------------


def _frame(groups: dict[str, dict[str, list[float]]], column: str = "x") -> pd.DataFrame:
    rows = [
        {"side": side, "outlet": outlet, "article_id": f"{outlet}-{i}", column: value}
        for side, outlets in groups.items()
        for outlet, values in outlets.items()
        for i, value in enumerate(values)
    ]
    return pd.DataFrame(rows)


def _exact_pvalue(values: np.ndarray, unit_of_row: np.ndarray, units_a: set) -> float:
    """Brute force: every way to give len(units_a) of the units to group a; two-sided, difference of row means."""
    units = sorted(set(unit_of_row))
    observed = values[np.isin(unit_of_row, list(units_a))].mean() - values[~np.isin(unit_of_row, list(units_a))].mean()
    stats = []
    for chosen in itertools.combinations(units, len(units_a)):
        in_a = np.isin(unit_of_row, chosen)
        stats.append(values[in_a].mean() - values[~in_a].mean())
    return float(np.mean(np.abs(stats) >= abs(observed) - 1e-12))


def test_constant_groups_give_exact_differences_and_degenerate_intervals():
    features = _frame({"RU": {"r1": [2, 2], "r2": [2], "r3": [2, 2, 2]}, "US": {"u1": [1], "u2": [1, 1], "u3": [1]}})
    row = compare_features(features, "side", "RU", "US", n_boot=300).iloc[0]
    assert (row["mean_a"], row["mean_b"], row["diff"], row["diff_low"], row["diff_high"]) == (2, 1, 1, 1, 1)
    assert (row["ratio"], row["ratio_low"], row["ratio_high"]) == (2, 2, 2)
    assert (row["outlets_a"], row["outlets_b"], row["n_a"], row["n_b"], row["unit"]) == (3, 3, 6, 4, "outlet")


def test_outlets_are_permuted_exactly_when_each_group_has_enough():
    groups = {"RU": {"r1": [3, 1], "r2": [2], "r3": [0, 1, 1]}, "US": {"u1": [1], "u2": [0, 2], "u3": [0]}}
    features = _frame(groups)
    row = compare_features(features, "side", "RU", "US", n_boot=200).iloc[0]
    expected = _exact_pvalue(features["x"].to_numpy(float), features["outlet"].to_numpy(), {"r1", "r2", "r3"})
    assert row["permutation"] == "exact" and row["unit"] == "outlet"
    assert row["p"] == pytest.approx(expected)
    # 20 ways to split 6 outlets 3/3: the smallest possible p-value (0.1) is said in the caveat
    assert "only 20 ways" in row["caveat"] and "0.1" in row["caveat"]


def test_few_outlets_warn_and_hold_outlets_fixed():
    features = _frame({"RU": {"RT": [3, 2, 4]}, "US": {"AP": [1, 0, 2], "NBC": [1]}})
    with pytest.warns(OutletConfoundingWarning, match=r"RU has 1 outlet\(s\) \(RT\) and US has 2 \(AP, NBC\).*cannot be separated"):
        result = compare_features(features, "side", "RU", "US", n_boot=500)
    row = result.iloc[0]
    assert row["unit"] == "article" and "cannot be separated" in row["caveat"]
    # 7 articles split 3/4: 35 assignments, enumerated exactly
    expected = _exact_pvalue(features["x"].to_numpy(float), np.arange(7), {0, 1, 2})
    assert row["permutation"] == "exact" and row["p"] == pytest.approx(expected)
    # Outlets held fixed: NBC's one article is in every resample, AP's three and RT's three are resampled,
    # so a resampled difference lies between 2 - (3 * 2 + 1) / 4 = 0.25 and 4 - (3 * 0 + 1) / 4 = 3.75.
    assert row["mean_a"] == 3 and row["mean_b"] == 1
    assert 0.25 <= row["diff_low"] < row["diff"] < row["diff_high"] <= 3.75


def test_the_outlet_bootstrap_is_wider_than_the_article_bootstrap_when_outlets_differ():
    rng = np.random.default_rng(3)
    groups = {
        "RU": {f"r{i}": list(rng.normal(level, 0.3, 20)) for i, level in enumerate([1.0, 3.0, 5.0, 2.0])},
        "US": {f"u{i}": list(rng.normal(level, 0.3, 20)) for i, level in enumerate([0.5, 4.0, 1.5, 2.5])},
    }
    features = _frame(groups)
    by_outlet = compare_features(features, "side", "RU", "US", n_boot=1000).iloc[0]
    by_article = compare_features(features, "side", "RU", "US", cluster=None, n_boot=1000).iloc[0]
    assert by_outlet["unit"] == "outlet" and by_article["unit"] == "article"
    width = by_outlet["diff_high"] - by_outlet["diff_low"]
    assert width > 3 * (by_article["diff_high"] - by_article["diff_low"])
    assert by_article["p"] < 0.05 < by_outlet["p"]


def test_bootstrap_interval_matches_the_standard_error_of_a_mean():
    rng = np.random.default_rng(7)
    values = rng.normal(10, 2, 200)
    mean, low, high = bootstrap_interval(values, n_boot=4000, seed=1)
    se = values.std(ddof=0) / math.sqrt(values.size)
    assert mean == pytest.approx(values.mean())
    assert high - low == pytest.approx(2 * 1.959964 * se, rel=0.1)
    assert low < mean < high
    # Two clusters of identical values: a resample holds x twice, y twice, or one of each
    mean, low, high = bootstrap_interval([1, 1, 5, 5], ["x", "x", "y", "y"], n_boot=2000)
    assert (mean, low, high) == (3.0, 1.0, 5.0)


def test_missing_values_are_skipped_per_feature():
    features = _frame({"RU": {"r1": [0.5, np.nan], "r2": [1.0], "r3": [np.nan, 0.0]}, "US": {"u1": [0.0], "u2": [np.nan], "u3": [0.25, 0.25]}}, column="share")
    row = compare_features(features, "side", "RU", "US", n_boot=300).iloc[0]
    assert (row["n_a"], row["n_b"]) == (3, 3)
    assert row["mean_a"] == pytest.approx(0.5) and row["mean_b"] == pytest.approx(1 / 6)
    assert row["diff_low"] <= row["diff"] <= row["diff_high"]


def test_ratios_only_for_features_that_cannot_be_negative():
    features = _frame({"RU": {"r1": [0.5], "r2": [1.0], "r3": [0.5]}, "US": {"u1": [-1.0], "u2": [-0.5], "u3": [0.5]}}, column="lean")
    row = compare_features(features, "side", "RU", "US", n_boot=100).iloc[0]
    assert np.isnan(row["ratio"]) and np.isnan(row["ratio_low"])


def test_same_seed_same_result_and_q_values_across_features():
    articles = fr.load_demo()
    features = fr.score(articles, spans=fr.annotate(articles))
    columns = ["distancing_US", "officials_RU", "hedges_per_1k_words", "vocabulary_lean", "words"]
    first = compare_features(features, columns=columns, n_boot=300, seed=5)
    again = compare_features(features, columns=columns, n_boot=300, seed=5)
    other = compare_features(features, columns=columns, n_boot=300, seed=6)
    pd.testing.assert_frame_equal(first, again)
    assert not first[["diff_low", "diff_high"]].equals(other[["diff_low", "diff_high"]])
    assert first["feature"].tolist() == columns
    assert first["q"].to_numpy() == pytest.approx(benjamini_hochberg(first["p"]))
    # On the demo corpus RU-side outlets use distancing verbs for US speakers, US-side outlets do not.
    distancing = first.set_index("feature").loc["distancing_US"]
    assert distancing["mean_a"] > distancing["mean_b"] and distancing["diff_low"] > 0
    assert (first["outlets_a"] == 3).all() and (first["unit"] == "outlet").all()


def test_all_numeric_features_are_compared_by_default():
    features = fr.score(fr.load_demo())
    result = compare_features(features, n_boot=50)
    numeric = [c for c in features.columns if c not in ("article_id", "outlet", "outlet_country", "language", "published")]
    assert result["feature"].tolist() == numeric
    assert result["p"].between(0, 1).all() and (result["q"] >= result["p"] - 1e-12).all()


def test_feature_errors_name_the_problem_and_the_way_out():
    features = _frame({"RU": {"r": [1]}, "US": {"u": [0]}})
    with pytest.raises(ValueError, match="features have no column\\(s\\) y; found"):
        compare_features(features, "side", "RU", "US", columns=["y"])
    with pytest.raises(ValueError, match="are not numeric"):
        compare_features(features, "side", "RU", "US", columns=["outlet"])
    with pytest.raises(ValueError, match="no cluster column 'site'.*or None to treat articles as independent"):
        compare_features(features, "side", "RU", "US", cluster="site")
    with pytest.raises(ValueError, match="n_boot must be a positive whole number"):
        compare_features(features, "side", "RU", "US", n_boot=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OutletConfoundingWarning)
        assert len(compare_features(features, "side", "RU", "US", n_boot=10)) == 1


def test_describe_differences_writes_the_sentence_with_its_intervals():
    features = _frame({"RU": {"r1": [3, 3], "r2": [3], "r3": [3, 3]}, "US": {"u1": [1, 1], "u2": [1], "u3": [1, 1]}}, column="distancing_US")
    features["words"] = 100
    result = compare_features(features, "side", "RU", "US", n_boot=100)
    lines = describe_differences(result, q=0.5)
    assert lines[0].startswith("distancing_US: RU 3 vs US 1 per article, 3 times as much (95% CI 3 to 3)")
    assert lines[-1].startswith("Caveat: there are only 20 ways")
    assert MIN_CLUSTERS == 3
