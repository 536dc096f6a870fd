"""Side-by-side statistics: which terms and which framing features tell two groups of outlets apart.

Two questions, two functions:

- :func:`compare_terms`: which words one group uses more than the other,
  by the log-odds ratio with an informative Dirichlet prior of Monroe,
  Colaresi and Quinn (2008), one comparison per language;
- :func:`compare_features`: how the per-article features of
  :func:`framing.score` differ between the groups, with bootstrap intervals
  that resample outlets and then articles within them, permutation
  p-values, and Benjamini-Hochberg q-values across features.

Groups are values of a column (``by``): ``a`` and ``b`` are each one value
or a list of values (``by="outlet", a="RT", b=["AP", "NBC News"]``).
Positive differences and z-scores mean "more in ``a``".

>>> import framing as fr
>>> articles = fr.load_demo()
>>> terms = compare_terms(articles, "outlet_country", "RU", "US")
>>> sorted(terms["language"].unique())
['ar', 'en', 'ru']
>>> features = fr.score(articles, spans=fr.annotate(articles))
>>> result = compare_features(features, "outlet_country", "RU", "US", columns=["distancing_US", "words"], n_boot=200)
>>> result[["feature", "outlets_a", "outlets_b", "unit"]].values.tolist()
[['distancing_US', 3, 3, 'outlet'], ['words', 3, 3, 'outlet']]

References
----------
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
feature selection and evaluation for identifying the content of political
conflict. *Political Analysis*, 16(4), 372-403.

Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate.
*Journal of the Royal Statistical Society B*, 57(1), 289-300.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping

import numpy as np
import pandas as pd

from framing.language import LANGUAGES
from framing.schema import require_columns
from framing.text.vectorize import terms_of

__all__ = [
    "MIN_CLUSTERS",
    "UNIFORM_ALPHA",
    "OutletConfoundingWarning",
    "benjamini_hochberg",
    "bootstrap_interval",
    "compare_features",
    "compare_terms",
    "describe_differences",
    "log_odds_dirichlet",
]

#: Groups with fewer outlets than this cannot tell outlet effects from side effects.
MIN_CLUSTERS = 3
#: The pseudo-count of every term under the uniform prior (Monroe et al. 2008, section 3.3).
UNIFORM_ALPHA = 0.01
_MISSING_CLUSTER = "(missing)"
_CELLS_PER_CHUNK = 2_000_000  # bootstrap and permutation matrices are built in chunks of at most this many cells


class OutletConfoundingWarning(UserWarning):
    """A group has too few outlets for its differences to be attributed to its side rather than to its outlets."""


# -- groups -----------------------------------------------------------------


def _values(value: object) -> tuple:
    if isinstance(value, str) or not isinstance(value, Collection):
        return (value,)
    return tuple(value)


def _label(values: tuple) -> str:
    return " + ".join(map(str, values))


def _groups(frame: pd.DataFrame, by: str, a: object, b: object, what: str) -> tuple[np.ndarray, np.ndarray, str, str]:
    """Boolean masks of the rows of group ``a`` and of group ``b``, and their labels."""
    if by not in frame.columns:
        raise ValueError(f"{what} have no column {by!r}; found: {', '.join(map(str, frame.columns))}; pass by='...' naming the column that holds the groups")
    a_values, b_values = _values(a), _values(b)
    shared = set(a_values) & set(b_values)
    if shared:
        raise ValueError(f"{_label(tuple(shared))!r} is in both groups; a and b must name different values of {by!r}")
    column = frame[by]
    in_a = column.isin(a_values).to_numpy(dtype=bool)
    in_b = column.isin(b_values).to_numpy(dtype=bool)
    for name, values, mask in (("a", a_values, in_a), ("b", b_values, in_b)):
        if not mask.any():
            found = ", ".join(f"{value} ({count})" for value, count in column.value_counts(dropna=False).items())
            raise ValueError(f"no {what} have {by} = {_label(values)!r} (group {name}); values of {by}: {found or 'none'}; pass {name}= one or a list of them")
    return in_a, in_b, _label(a_values), _label(b_values)


# -- terms ------------------------------------------------------------------


def log_odds_dirichlet(y_a: np.ndarray, y_b: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log-odds differences, their variances and z-scores (Monroe et al. 2008, eqs. 16, 18, 19).

    For term ``w`` with counts ``y_a[w]`` and ``y_b[w]`` (group totals ``n_a``
    and ``n_b``) and Dirichlet pseudo-counts ``alpha[w]`` (total ``alpha_0``)::

        delta[w] = log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha))
                 - log((y_b + alpha) / (n_b + alpha_0 - y_b - alpha))
        variance[w] = 1 / (y_a + alpha) + 1 / (y_b + alpha)
        z[w] = delta[w] / sqrt(variance[w])

    Parameters
    ----------
    y_a, y_b, alpha : array of float
        Aligned over one vocabulary; every ``alpha`` must be positive.

    Examples
    --------
    >>> delta, variance, z = log_odds_dirichlet(np.array([3, 1]), np.array([1, 3]), np.array([1.0, 1.0]))
    >>> [round(float(x), 4) for x in delta], [round(float(x), 4) for x in z]
    ([1.3863, -1.3863], [1.6008, -1.6008])
    """
    y_a, y_b, alpha = (np.asarray(v, dtype=float) for v in (y_a, y_b, alpha))
    if (alpha <= 0).any():
        raise ValueError("every prior pseudo-count (alpha) must be positive; give terms missing from the prior a small count")
    n_a, n_b, alpha_0 = y_a.sum(), y_b.sum(), alpha.sum()
    delta = np.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha)) - np.log((y_b + alpha) / (n_b + alpha_0 - y_b - alpha))
    variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    return delta, variance, delta / np.sqrt(variance)


def _count(texts: Iterable[object], language: str, stopwords: bool) -> tuple[Counter, Counter]:
    tokens: Counter = Counter()
    documents: Counter = Counter()
    for text in texts:
        if not isinstance(text, str) or not text:
            continue
        words = terms_of(text, language, stopwords=stopwords)
        tokens.update(words)
        documents.update(set(words))
    return tokens, documents


def _prior(prior: object, vocabulary: list[str], background: Counter, prior_strength: float | None) -> np.ndarray:
    if isinstance(prior, str) and prior == "uniform":
        if prior_strength is None:
            return np.full(len(vocabulary), UNIFORM_ALPHA)
        return np.full(len(vocabulary), prior_strength / len(vocabulary))
    if isinstance(prior, str) and prior == "informative":
        counts = np.array([background[w] for w in vocabulary], dtype=float)
    elif isinstance(prior, (Mapping, pd.Series)):
        given = pd.Series(prior, dtype=float) if isinstance(prior, Mapping) else prior.astype(float)
        if (given < 0).any():
            raise ValueError("prior counts must not be negative")
        counts = given.reindex(vocabulary).fillna(0.0).to_numpy()
    else:
        raise ValueError(f"prior must be 'informative', 'uniform' or a mapping of term -> background count, not {prior!r}")
    total = counts.sum()
    if total <= 0:
        raise ValueError("the prior holds no counts for these terms; pass prior='uniform' or a background with these words")
    alpha = counts * ((prior_strength if prior_strength is not None else total) / total)
    return np.where(alpha > 0, alpha, UNIFORM_ALPHA)  # terms the background lacks get the uniform pseudo-count


def compare_terms(
    articles: pd.DataFrame,
    by: str = "outlet_country",
    a: object = "RU",
    b: object = "US",
    *,
    prior: str | Mapping[str, float] | pd.Series = "informative",
    language: str | None = None,
    prior_strength: float | None = None,
    stopwords: bool = True,
) -> pd.DataFrame:
    """Distinctive terms of two groups: log-odds ratios with an informative Dirichlet prior.

    The method of Monroe, Colaresi and Quinn (2008): the log-odds of each
    term in group ``a`` minus that in group ``b``, each shrunk towards the
    term's frequency in a background corpus by Dirichlet pseudo-counts
    ``alpha_w``, divided by its approximate standard deviation. The z-score
    ranks terms: large positive for words typical of ``a``, large negative
    for ``b``; frequent words need a larger difference to stand out than in
    raw frequency ratios, and rare words cannot dominate.

    Texts are tokenised by :func:`framing.text.vectorize.terms_of` (Arabic
    diacritics, tatweel and letter variants folded; Russian lower case with
    ё as е). Each language is compared on its own, with its own background:
    a corpus that mixes languages gives one comparison per language.

    Parameters
    ----------
    articles : pandas.DataFrame
        At least ``article_id``, ``language``, ``text`` and the ``by`` column.
        Articles in languages other than ar, en, ru are skipped.
    by : str
        The column that holds the groups.
    a, b : value or list of values
        The values of ``by`` that make up each group.
    prior : {"informative", "uniform"} or mapping
        ``"informative"``: ``alpha_w = alpha_0 * pi_w`` with ``pi_w`` the
        term's share of all words of that language in ``articles`` (both
        groups and any other rows: the background corpus) and ``alpha_0`` the
        number of those words, i.e. the background counts themselves are the
        pseudo-counts. ``"uniform"``: ``alpha_w = 0.01`` for every term
        (the paper's uninformative prior). A mapping or Series of term ->
        background count (in :func:`~framing.text.vectorize.terms_of` form) uses
        a background from elsewhere, such as a larger corpus.
    language : {"ar", "en", "ru"}, optional
        Compare only this language; by default every language both groups have.
    prior_strength : float, optional
        ``alpha_0``, the total weight of the prior in pseudo-words, instead of
        the background's size (informative or mapping prior) or of ``0.01``
        per term (uniform prior).
    stopwords : bool
        Drop stop words (when the package ships a stop-word list).

    Returns
    -------
    pandas.DataFrame
        One row per language and term used by either group, sorted by
        language and then by ``z`` (most typical of ``a`` first):
        ``language, term, count_a, count_b`` (occurrences),
        ``articles_a, articles_b`` (articles using the term), ``rate_a,
        rate_b`` (per 10,000 words of the group), ``alpha`` (the prior
        pseudo-count), ``delta`` (log-odds difference, a minus b),
        ``variance``, ``z``, and ``a``, ``b`` (the group labels).

    Raises
    ------
    ValueError
        If ``by`` is missing, a group is empty, or no language has articles
        of both groups.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({
    ...     "article_id": ["1", "2", "3", "4"], "language": "en", "side": ["A", "A", "B", "B"],
    ...     "text": ["the regime claimed a victory", "the regime claimed", "officials said a victory", "officials said"]})
    >>> terms = compare_terms(articles, "side", "A", "B", stopwords=False)
    >>> terms["term"].tolist()[:2], terms["term"].tolist()[-2:]
    (['claimed', 'regime'], ['officials', 'said'])
    """
    require_columns(articles)
    in_a, in_b, label_a, label_b = _groups(articles, by, a, b, "articles")
    languages = articles["language"].to_numpy()
    if language is not None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; terms are compared for: {', '.join(LANGUAGES)}")
        wanted = [language]
    else:
        present = set(languages[in_a | in_b])
        wanted = [lang for lang in LANGUAGES if lang in present]
    texts = articles["text"].to_numpy()
    frames = []
    skipped = []
    for lang in wanted:
        of_language = languages == lang
        if not (of_language & in_a).any() or not (of_language & in_b).any():
            skipped.append(lang)
            continue
        count_a, docs_a = _count(texts[of_language & in_a], lang, stopwords)
        count_b, docs_b = _count(texts[of_language & in_b], lang, stopwords)
        if isinstance(prior, str) and prior == "informative":
            background = count_a + count_b + _count(texts[of_language & ~in_a & ~in_b], lang, stopwords)[0]
        else:
            background = Counter()
        vocabulary = sorted(set(count_a) | set(count_b) | set(background))
        if not vocabulary:
            skipped.append(lang)
            continue
        y_a = np.array([count_a[w] for w in vocabulary], dtype=float)
        y_b = np.array([count_b[w] for w in vocabulary], dtype=float)
        alpha = _prior(prior, vocabulary, background, prior_strength)
        delta, variance, z = log_odds_dirichlet(y_a, y_b, alpha)
        used = (y_a + y_b) > 0
        n_a, n_b = y_a.sum(), y_b.sum()
        frame = pd.DataFrame(
            {
                "language": lang,
                "term": np.array(vocabulary, dtype=object)[used],
                "count_a": y_a[used].astype(np.int64),
                "count_b": y_b[used].astype(np.int64),
                "articles_a": np.array([docs_a[w] for w in vocabulary], dtype=np.int64)[used],
                "articles_b": np.array([docs_b[w] for w in vocabulary], dtype=np.int64)[used],
                "rate_a": y_a[used] / max(n_a, 1.0) * 10_000,
                "rate_b": y_b[used] / max(n_b, 1.0) * 10_000,
                "alpha": alpha[used],
                "delta": delta[used],
                "variance": variance[used],
                "z": z[used],
                "a": label_a,
                "b": label_b,
            }
        )
        frames.append(frame.sort_values(["z", "term"], ascending=[False, True], kind="mergesort"))
    if not frames:
        raise ValueError(
            f"no language has articles of both {label_a!r} and {label_b!r} with words to count"
            + (f" (in {language})" if language else "")
            + "; check the by, a, b and language arguments"
        )
    if skipped and language is None:
        warnings.warn(f"not compared, for lack of articles of both groups: {', '.join(skipped)}", UserWarning, stacklevel=2)
    return pd.concat(frames, ignore_index=True)


# -- features ---------------------------------------------------------------


def benjamini_hochberg(pvalues: Iterable[float]) -> np.ndarray:
    """Benjamini-Hochberg q-values (false discovery rate adjusted p-values); NaN stays NaN.

    ``q_(i) = min over j >= i of p_(j) * m / j`` for the p-values sorted in
    increasing order, capped at 1; ``m`` counts the p-values that are not NaN.

    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.20, float("nan")]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.2, nan]
    """
    p = np.asarray(list(pvalues), dtype=float)
    q = np.full(p.shape, np.nan)
    valid = np.flatnonzero(~np.isnan(p))
    if valid.size == 0:
        return q
    if ((p[valid] < 0) | (p[valid] > 1)).any():
        raise ValueError("p-values must lie between 0 and 1")
    order = valid[np.argsort(p[valid], kind="mergesort")]
    m = order.size
    scaled = p[order] * m / np.arange(1, m + 1)
    q[order] = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    return q


def _factorize(values: pd.Series) -> np.ndarray:
    return pd.factorize(values.astype(object).where(values.notna(), _MISSING_CLUSTER).astype(str), sort=True)[0]


def _bootstrap_weights(codes: np.ndarray, size: int, rng: np.random.Generator, *, resample_clusters: bool = True) -> np.ndarray:
    """How often each row is drawn in ``size`` resamples: clusters with replacement (unless fixed), then rows within each drawn cluster.

    Drawing ``m`` copies of a cluster of ``n`` rows and ``n`` rows with
    replacement from each copy is one multinomial draw of ``m * n`` rows.
    """
    n = codes.size
    k = int(codes.max()) + 1
    if resample_clusters:
        clusters = rng.multinomial(k, np.full(k, 1.0 / k), size=size)
        if k == n:
            return clusters[:, codes].astype(float)  # one row per cluster: an ordinary bootstrap
    else:
        clusters = np.ones((size, k), dtype=np.int64)
    weights = np.zeros((size, n))
    for cluster in range(k):
        rows = np.flatnonzero(codes == cluster)
        weights[:, rows] = rng.multinomial(clusters[:, cluster] * rows.size, np.full(rows.size, 1.0 / rows.size))
    return weights


def _weighted_means(weights: np.ndarray, filled: np.ndarray, valid: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return (weights @ filled) / (weights @ valid)


def _bootstrap_means(values: np.ndarray, codes: np.ndarray, n_boot: int, rng: np.random.Generator, *, resample_clusters: bool = True) -> np.ndarray:
    """Means of each column in ``n_boot`` resamples (NaN values skipped): an (n_boot, columns) array."""
    filled = np.nan_to_num(values, nan=0.0)
    valid = (~np.isnan(values)).astype(float)
    chunk = max(1, min(n_boot, _CELLS_PER_CHUNK // max(codes.size, 1)))
    out = [
        _weighted_means(_bootstrap_weights(codes, min(chunk, n_boot - start), rng, resample_clusters=resample_clusters), filled, valid)
        for start in range(0, n_boot, chunk)
    ]
    return np.vstack(out)


def _quantiles(replicates: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each column, ignoring NaN replicates (empirical quantiles, no interpolation)."""
    tail = (1.0 - level) / 2
    low = np.full(replicates.shape[1], np.nan)
    high = low.copy()
    for j in range(replicates.shape[1]):
        column = replicates[:, j]
        column = column[~np.isnan(column)]
        if column.size:
            low[j], high[j] = np.quantile(column, [tail, 1.0 - tail], method="inverted_cdf")
    return low, high


def bootstrap_interval(
    values: Iterable[float],
    clusters: Iterable[Hashable] | None = None,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float, float]:
    """The mean of ``values`` and its percentile bootstrap interval, resampling clusters and then values within them.

    Parameters
    ----------
    values : iterable of float
        NaN values are skipped.
    clusters : iterable, optional
        The cluster (outlet) of each value; without it each value is its own cluster.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the random number generator: the same seed gives the same interval.
    level : float
        Coverage of the interval.

    Returns
    -------
    (mean, low, high)

    Examples
    --------
    >>> bootstrap_interval([2.0, 2.0, 2.0])
    (2.0, 2.0, 2.0)
    >>> mean, low, high = bootstrap_interval([1, 2, 3, 4, 5, 6], ["x", "x", "x", "y", "y", "y"], n_boot=500)
    >>> mean, bool(1 <= low < mean < high <= 6)
    (3.5, True)
    """
    _check_counts(n_boot=n_boot, level=level)
    array = np.asarray(list(values), dtype=float).reshape(-1, 1)
    codes = np.arange(array.shape[0]) if clusters is None else _factorize(pd.Series(list(clusters), dtype=object))
    if codes.size != array.shape[0]:
        raise ValueError(f"values and clusters differ in length ({array.shape[0]} and {codes.size})")
    if np.isnan(array).all():
        return math.nan, math.nan, math.nan
    replicates = _bootstrap_means(array, codes, n_boot, np.random.default_rng(seed))
    low, high = _quantiles(replicates, level)
    return float(np.nanmean(array)), float(low[0]), float(high[0])


def _check_counts(**counts: float) -> None:
    for name, value in counts.items():
        if name == "level":
            if not 0 < value < 1:
                raise ValueError(f"level must lie between 0 and 1 (e.g. 0.95), not {value!r}")
        elif not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive whole number, not {value!r}")


def _permutation_pvalues(
    filled: np.ndarray, valid: np.ndarray, units: np.ndarray, unit_in_a: np.ndarray, observed: np.ndarray, n_perm: int, rng: np.random.Generator
) -> tuple[np.ndarray, str]:
    """Two-sided p-values of the difference in means when the group labels of ``units`` are shuffled.

    All assignments are enumerated when there are at most ``n_perm`` of them
    (an exact test); otherwise ``n_perm`` random ones are drawn and
    ``p = (1 + extreme) / (1 + n_perm)``.
    """
    k, k_a = unit_in_a.size, int(unit_in_a.sum())
    total_sum, total_valid = filled.sum(axis=0), valid.sum(axis=0)
    threshold = np.abs(observed) * (1 - 1e-9) - 1e-12
    extreme = np.zeros(observed.shape)
    exact = math.comb(k, k_a) <= n_perm
    chunk = max(1, min(n_perm, _CELLS_PER_CHUNK // max(units.size, 1)))  # assignments per block of (assignments x rows)
    if exact:
        assignments: Iterable[np.ndarray] = _all_assignments(k, k_a, chunk)
        draws = math.comb(k, k_a)
    else:
        assignments = _random_assignments(k, k_a, n_perm, rng, chunk)
        draws = n_perm
    for unit_mask in assignments:
        member = unit_mask[:, units].astype(float)  # (chunk, rows)
        with np.errstate(invalid="ignore", divide="ignore"):
            sum_a, valid_a = member @ filled, member @ valid
            statistic = sum_a / valid_a - (total_sum - sum_a) / (total_valid - valid_a)
            extreme += (np.abs(statistic) >= threshold).sum(axis=0)
    p = extreme / draws if exact else (1 + extreme) / (1 + draws)
    p[np.isnan(observed)] = np.nan
    return p, ("exact" if exact else "monte carlo")


def _all_assignments(k: int, k_a: int, chunk: int) -> Iterable[np.ndarray]:
    combos = itertools.combinations(range(k), k_a)
    while batch := list(itertools.islice(combos, chunk)):
        mask = np.zeros((len(batch), k), dtype=bool)
        for i, members in enumerate(batch):
            mask[i, list(members)] = True
        yield mask


def _random_assignments(k: int, k_a: int, n_perm: int, rng: np.random.Generator, chunk: int) -> Iterable[np.ndarray]:
    for start in range(0, n_perm, chunk):
        size = min(chunk, n_perm - start)
        yield np.argsort(rng.random((size, k)), axis=1) < k_a


def compare_features(
    features: pd.DataFrame,
    by: str = "outlet_country",
    a: object = "RU",
    b: object = "US",
    *,
    cluster: str | None = "outlet",
    n_boot: int = 2000,
    seed: int = 0,
    columns: Iterable[str] | None = None,
    n_perm: int | None = None,
    level: float = 0.95,
) -> pd.DataFrame:
    """Differences in per-article features between two groups, with intervals that respect outlets.

    For each feature: the mean over the articles of each group (NaN values,
    such as a share with no attributions, skipped), their difference and
    ratio with percentile bootstrap intervals, a two-sided permutation
    p-value for the difference, and Benjamini-Hochberg q-values across the
    features compared.

    Articles of one outlet resemble each other, so outlets, not articles, are
    the unit of inference when each group has at least :data:`MIN_CLUSTERS`
    outlets: the bootstrap resamples outlets with replacement within each
    group, then articles within each drawn outlet, and the permutation test
    shuffles whole outlets between the groups (over all assignments, exactly,
    when there are at most ``n_perm`` of them).

    With fewer outlets in a group, outlet effects and side effects cannot be
    separated: a difference may be one outlet's house style rather than its
    side's, and resampling one or two outlets says nothing about other
    outlets. The function then warns (:class:`OutletConfoundingWarning`),
    holds the outlets fixed (articles resampled within each outlet and
    permuted between the groups, so interval and p-value answer the same
    question, about these outlets) and says so in ``unit`` and ``caveat``.

    Parameters
    ----------
    features : pandas.DataFrame
        One row per article, e.g. from :func:`framing.score`.
    by : str
        The column that holds the groups.
    a, b : value or list of values
        The values of ``by`` that make up each group.
    cluster : str or None
        The column of clusters (outlets); None treats articles as independent.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the random number generator: the same inputs and seed give
        identical results.
    columns : iterable of str, optional
        Features to compare; by default every numeric column except ``by``
        and ``cluster``.
    n_perm : int, optional
        Random permutations (default: ``n_boot``).
    level : float
        Coverage of the intervals.

    Returns
    -------
    pandas.DataFrame
        One row per feature, in the order of ``columns``: ``feature``,
        ``mean_a``, ``mean_b``, ``diff`` (a minus b), ``diff_low``,
        ``diff_high``, ``ratio`` (a over b; NaN for a feature that can be
        negative or whose mean in b is 0), ``ratio_low``, ``ratio_high``,
        ``p``, ``q``, ``n_a``, ``n_b`` (articles with a value), ``sd``
        (pooled standard deviation of the articles' values, to standardise
        differences), ``outlets_a``, ``outlets_b``, ``unit`` (what was
        resampled and permuted: the ``cluster`` column's name, e.g.
        ``outlet``, or ``article``), ``permutation`` (``exact`` or ``monte
        carlo``), ``caveat`` (empty when there is none), ``a``, ``b`` (the
        group labels).

    Raises
    ------
    ValueError
        If a column is missing or not numeric, or a group is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> features = pd.DataFrame({
    ...     "outlet": ["r1", "r1", "r2", "r3", "u1", "u2", "u2", "u3"],
    ...     "side": ["RU"] * 4 + ["US"] * 4,
    ...     "distancing_US": [2, 3, 2, 3, 1, 0, 1, 0]})
    >>> row = compare_features(features, "side", "RU", "US").iloc[0]
    >>> float(row["diff"]), float(row["ratio"]), float(row["p"]), row["permutation"]
    (2.0, 5.0, 0.1, 'exact')
    """
    _check_counts(n_boot=n_boot, level=level, **({"n_perm": n_perm} if n_perm is not None else {}))
    n_perm = n_boot if n_perm is None else n_perm
    in_a, in_b, label_a, label_b = _groups(features, by, a, b, "features")
    if cluster is not None and cluster not in features.columns:
        raise ValueError(f"features have no cluster column {cluster!r}; found: {', '.join(map(str, features.columns))}; pass cluster='outlet' (or None to treat articles as independent)")
    excluded = {by, cluster, "article_id"}
    if columns is None:
        columns = [c for c in features.columns if c not in excluded and (pd.api.types.is_numeric_dtype(features[c]) or pd.api.types.is_bool_dtype(features[c]))]
    else:
        columns = list(columns)
        missing = [c for c in columns if c not in features.columns]
        if missing:
            raise ValueError(f"features have no column(s) {', '.join(missing)}; found: {', '.join(map(str, features.columns))}")
        wrong = [c for c in columns if not (pd.api.types.is_numeric_dtype(features[c]) or pd.api.types.is_bool_dtype(features[c]))]
        if wrong:
            raise ValueError(f"column(s) {', '.join(wrong)} are not numeric; compare numeric features only")
    if not columns:
        raise ValueError("no numeric feature columns to compare; pass columns=[...]")

    chosen = in_a | in_b
    values = features.loc[chosen, columns].astype(float).to_numpy()
    group_a = in_a[chosen]
    if cluster is None:
        codes = np.arange(values.shape[0])
        names = None
    else:
        labels = features.loc[chosen, cluster]
        codes = _factorize(labels)
        names = labels.astype(object).where(labels.notna(), _MISSING_CLUSTER).astype(str).to_numpy()
    k_a, k_b = np.unique(codes[group_a]).size, np.unique(codes[~group_a]).size
    crossing = bool(np.intersect1d(codes[group_a], codes[~group_a]).size)

    # Outlets are the unit of inference (resampled, then their articles; permuted whole) when each
    # group has enough of them and none is in both groups. Otherwise the outlets are held fixed:
    # articles are resampled within each outlet and permuted between the groups, so the interval
    # and the p-value answer the same question, about these outlets.
    by_outlet = cluster is not None and not crossing and min(k_a, k_b) >= MIN_CLUSTERS
    caveats = []
    if cluster is not None and min(k_a, k_b) < MIN_CLUSTERS:
        outlets_a = ", ".join(sorted(set(names[group_a])))
        outlets_b = ", ".join(sorted(set(names[~group_a])))
        caveats.append(
            f"{label_a} has {k_a} {cluster}(s) ({outlets_a}) and {label_b} has {k_b} ({outlets_b}): with fewer than {MIN_CLUSTERS} "
            f"per group, {cluster} effects and side effects cannot be separated; intervals and p-values hold these {cluster}s fixed "
            f"(articles resampled within each {cluster}, permuted between groups), so they describe these {cluster}s, not their sides"
        )
        warnings.warn(caveats[0] + f"; add {cluster}s to each group to compare sides", OutletConfoundingWarning, stacklevel=2)
    if by_outlet and math.comb(k_a + k_b, k_a) <= n_perm:
        smallest = (2 if k_a == k_b else 1) / math.comb(k_a + k_b, k_a)
        if smallest > 0.05:
            caveats.append(
                f"there are only {math.comb(k_a + k_b, k_a)} ways to divide {k_a + k_b} {cluster}s into groups of {k_a} and {k_b}, "
                f"so no p-value can be below {smallest:.2g}; with so few {cluster}s the bootstrap intervals are too narrow: read them as descriptive"
            )
    if crossing:
        caveats.append(f"some {cluster}s have articles in both groups, so {cluster}s are held fixed: articles are resampled within each {cluster} and permuted between groups")
    caveat = "; ".join(caveats)

    rng = np.random.default_rng(seed)
    resample_clusters = by_outlet or cluster is None
    mean_a = _nanmean(values[group_a])
    mean_b = _nanmean(values[~group_a])
    boot_a = _bootstrap_means(values[group_a], _recode(codes[group_a]), n_boot, rng, resample_clusters=resample_clusters)
    boot_b = _bootstrap_means(values[~group_a], _recode(codes[~group_a]), n_boot, rng, resample_clusters=resample_clusters)
    diff_low, diff_high = _quantiles(boot_a - boot_b, level)
    # A ratio ("three times as often") only means something for a feature that cannot be negative.
    has_ratio = ~(values < 0).any(axis=0) & (mean_b > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(has_ratio, mean_a / np.where(has_ratio, mean_b, 1.0), np.nan)
        ratio_boot = boot_a / boot_b
    ratio_low, ratio_high = _quantiles(ratio_boot, level)
    ratio_low[np.isnan(ratio)], ratio_high[np.isnan(ratio)] = np.nan, np.nan

    filled, valid = np.nan_to_num(values, nan=0.0), (~np.isnan(values)).astype(float)
    if by_outlet:
        units = codes
        unit_in_a = np.zeros(codes.max() + 1, dtype=bool)
        unit_in_a[np.unique(codes[group_a])] = True
    else:
        units = np.arange(values.shape[0])
        unit_in_a = group_a.copy()
    p, kind = _permutation_pvalues(filled, valid, units, unit_in_a, mean_a - mean_b, n_perm, rng)

    n_a = (~np.isnan(values[group_a])).sum(axis=0)
    n_b = (~np.isnan(values[~group_a])).sum(axis=0)
    return pd.DataFrame(
        {
            "feature": columns,
            "mean_a": mean_a,
            "mean_b": mean_b,
            "diff": mean_a - mean_b,
            "diff_low": diff_low,
            "diff_high": diff_high,
            "ratio": ratio,
            "ratio_low": ratio_low,
            "ratio_high": ratio_high,
            "p": p,
            "q": benjamini_hochberg(p),
            "n_a": n_a.astype(np.int64),
            "n_b": n_b.astype(np.int64),
            "sd": _pooled_sd(values[group_a], values[~group_a]),
            "outlets_a": k_a,
            "outlets_b": k_b,
            "unit": (cluster if by_outlet else "article"),
            "permutation": kind,
            "caveat": caveat,
            "a": label_a,
            "b": label_b,
        }
    )


def _recode(codes: np.ndarray) -> np.ndarray:
    return np.unique(codes, return_inverse=True)[1]


def _nanmean(values: np.ndarray) -> np.ndarray:
    valid = ~np.isnan(values)
    counts = valid.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, np.nan_to_num(values, nan=0.0).sum(axis=0) / counts, np.nan)


def _pooled_sd(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    def squares(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        centred = v - _nanmean(v)
        return np.nansum(centred**2, axis=0), (~np.isnan(v)).sum(axis=0)

    ss_x, n_x = squares(x)
    ss_y, n_y = squares(y)
    dof = n_x + n_y - 2
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(dof > 0, np.sqrt((ss_x + ss_y) / np.where(dof > 0, dof, 1)), np.nan)


def describe_differences(comparison: pd.DataFrame, *, q: float = 0.05, top: int | None = None, level: float = 0.95) -> list[str]:
    """Sentences for the features of :func:`compare_features` whose q-value is below ``q``.

    Ordered by q-value, then by the size of the difference in pooled standard
    deviations; each gives both means, the ratio and the difference
    with their intervals (computed at ``level``), and the caveat, if any,
    once at the end.

    >>> comparison = pd.DataFrame({"feature": ["distancing_US"], "mean_a": [0.6], "mean_b": [0.2], "diff": [0.4],
    ...     "diff_low": [0.1], "diff_high": [0.7], "ratio": [3.0], "ratio_low": [1.5], "ratio_high": [6.0],
    ...     "p": [0.001], "q": [0.004], "caveat": [""], "a": ["RT"], "b": ["AP + NBC"]})
    >>> print(describe_differences(comparison)[0])
    distancing_US: RT 0.6 vs AP + NBC 0.2 per article, 3 times as much (95% CI 1.5 to 6); difference +0.4 (95% CI 0.1 to 0.7), q = 0.004
    """
    rows = comparison[comparison["q"] < q]
    size = (rows["diff"] / rows["sd"]).abs() if "sd" in rows.columns else rows["diff"].abs()
    rows = rows.assign(_size=size).sort_values(["q", "_size"], ascending=[True, False], kind="mergesort")
    if top is not None:
        rows = rows.head(top)
    ci = f"{level:.0%} CI"
    lines = []
    for row in rows.itertuples(index=False):
        times = "" if np.isnan(row.ratio) else f", {row.ratio:.3g} times as much ({ci} {row.ratio_low:.3g} to {row.ratio_high:.3g})"
        lines.append(
            f"{row.feature}: {row.a} {row.mean_a:.3g} vs {row.b} {row.mean_b:.3g} per article{times}; "
            f"difference {row.diff:+.3g} ({ci} {row.diff_low:.3g} to {row.diff_high:.3g}), q = {row.q:.2g}"
        )
    caveats = [c for c in comparison["caveat"].unique() if c] if "caveat" in comparison.columns else []
    return lines + [f"Caveat: {c}." for c in caveats]
