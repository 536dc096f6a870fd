"""Corpora beyond memory and beyond one machine: streaming scoring, and Dask.

:func:`score_stream` reads a corpus in chunks (:func:`framing.iter_articles`),
annotates and scores each chunk, and appends features (and spans) to a file,
so memory depends on the chunk size, not on the corpus. The chunks can be
scored by local worker processes (``jobs``) or by a Dask cluster
(``client``): the client reads and cleans, the workers annotate and score,
and results are written in input order. :func:`score_dask` scores a
``dask.dataframe.DataFrame`` partition by partition; ``framing.score``
dispatches to it.

Results do not depend on how the work is split: every feature is a function
of one article and its spans.

>>> import tempfile, pandas as pd, framing as fr
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     summary = score_stream(fr.demo_corpus_path(), Path(tmp) / "features.parquet", chunksize=10)
...     features = pd.read_parquet(Path(tmp) / "features.parquet")
>>> summary["articles"], len(features), summary["chunks"]
(36, 36, 4)
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from framing.annotate import SPAN_COLUMNS, annotate
from framing.corpus import iter_articles
from framing.features import data_dictionary, score
from framing.sink import ChunkWriter, arrow_schema

__all__ = ["score_chunk", "score_stream", "score_dask", "feature_schema", "span_schema", "connect"]

_SPAN_TYPES = {"cue_start": "int", "cue_end": "int", "speaker_start": "int", "speaker_end": "int"}


def feature_schema():
    """Arrow schema of the feature table (from the data dictionary)."""
    dictionary = data_dictionary()
    return arrow_schema(list(zip(dictionary["name"], dictionary["type"], strict=True)))


def span_schema():
    """Arrow schema of the span table."""
    return arrow_schema([(name, _SPAN_TYPES.get(name, "str")) for name in SPAN_COLUMNS])


#: The article columns scoring reads; only these travel to worker processes.
SCORED_COLUMNS = ("article_id", "outlet", "outlet_country", "language", "published", "dateline", "text")


def score_chunk(articles: pd.DataFrame, jobs: int = 1, *, keep_spans: bool = True) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Features and spans of one chunk of articles (what each worker runs); spans None unless ``keep_spans``."""
    spans = annotate(articles, progress=False, jobs=jobs)
    return score(articles, spans=spans), (spans if keep_spans else None)


def _slim(chunk: pd.DataFrame) -> pd.DataFrame:
    """The columns scoring reads (less to pickle and send to a worker)."""
    return chunk[[c for c in SCORED_COLUMNS if c in chunk.columns]]


def connect(address: str, *, workers: int = 2):
    """A dask.distributed Client: ``"local"`` starts a LocalCluster with ``workers`` processes.

    Raises
    ------
    ImportError
        If dask.distributed is not installed (``pip install 'framing[dask]'``).
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Dask scoring needs dask.distributed: pip install 'framing[dask]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    return Client(address)


def _results(chunks: Iterator[pd.DataFrame], *, jobs: int, client: Any, keep_spans: bool = True) -> Iterator[tuple[pd.DataFrame, pd.DataFrame | None, int]]:
    """(features, spans, articles) per chunk, in input order, with at most a few chunks in flight.

    Worker processes receive only the columns scoring reads, and send spans back only when they are kept.
    """
    if client is None and jobs <= 1:
        for chunk in chunks:
            features, spans = score_chunk(chunk, keep_spans=keep_spans)
            yield features, spans, len(chunk)
        return
    if client is None:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
        submit = lambda chunk: pool.submit(score_chunk, _slim(chunk), keep_spans=keep_spans)  # noqa: E731
        limit = 2 * jobs
    else:
        pool = None
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = lambda chunk: client.submit(score_chunk, _slim(chunk), keep_spans=keep_spans, pure=False)  # noqa: E731
        limit = 2 * workers
    pending: deque = deque()
    try:
        for chunk in _pieces(chunks, limit // 2):
            pending.append((submit(chunk), len(chunk)))
            while len(pending) >= limit:
                future, n = pending.popleft()
                features, spans = future.result()
                yield features, spans, n
        while pending:
            future, n = pending.popleft()
            features, spans = future.result()
            yield features, spans, n
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _pieces(chunks: Iterator[pd.DataFrame], parts: int) -> Iterator[pd.DataFrame]:
    """Each chunk cut into ``parts`` nearly equal pieces, so that every worker gets work even when the corpus is one chunk."""
    for chunk in chunks:
        size = max(1, -(-len(chunk) // parts))
        for start in range(0, max(len(chunk), 1), size):
            yield chunk.iloc[start : start + size]


def score_stream(
    source: Any,
    output: str | os.PathLike[str],
    *,
    spans: str | os.PathLike[str] | None = None,
    chunksize: int = 5_000,
    jobs: int = 1,
    client: Any = None,
    progress: bool | None = None,
    **read_options: Any,
) -> dict[str, Any]:
    """Score a corpus of any size into a feature file, chunk by chunk.

    Parameters
    ----------
    source : path, folder, glob or list
        Anything :func:`framing.read_articles` reads; JSON Lines, CSV/TSV and
        Parquet are read incrementally.
    output : path
        Feature file (.parquet, .csv, .tsv or .jsonl), written as chunks arrive.
    spans : path, optional
        Also write every span behind the features.
    chunksize : int
        Articles per chunk; memory grows with it, not with the corpus.
    jobs : int
        Local worker processes (ignored when ``client`` is given).
    client : dask.distributed.Client, optional
        Score the chunks on a Dask cluster.
    progress : bool, optional
        Show a progress bar (default: on).
    **read_options
        Passed to :func:`framing.iter_articles`.

    Returns
    -------
    dict
        ``articles``, ``chunks``, ``spans`` written, and the load ``report``.
    """
    if not read_options.get("drop_duplicates"):
        # Near duplicates only mark a column that the feature table does not carry: skip the MinHash work
        # (a fifth of the reading cost, and the client's reading is what limits a Dask cluster).
        read_options.setdefault("near_duplicates", None)
    stream = iter_articles(source, chunksize=chunksize, **read_options)
    written = {"articles": 0, "chunks": 0, "spans": 0}
    span_sink = ChunkWriter(spans, span_schema()) if spans is not None else None
    show = True if progress is None else progress
    try:
        with ChunkWriter(output, feature_schema()) as sink, tqdm(desc="scoring", unit="article", disable=not show) as bar:
            for features, chunk_spans, n in _results(iter(stream), jobs=jobs, client=client, keep_spans=span_sink is not None):
                sink.write(features)
                if span_sink is not None:
                    span_sink.write(chunk_spans)
                    written["spans"] += len(chunk_spans)
                written["articles"] += len(features)
                written["chunks"] += 1
                bar.update(n)
    finally:
        if span_sink is not None:
            span_sink.close()
    written["report"] = stream.report
    return written


def _score_partition(part: pd.DataFrame) -> pd.DataFrame:
    """Features of one partition, with text columns as pandas ``string`` (so Dask can write them to Parquet)."""
    features = score(part, progress=False)
    text = [c for c in features.columns if features[c].dtype == object]
    return features.astype(dict.fromkeys(text, "string"))


def score_dask(articles):
    """Score a ``dask.dataframe.DataFrame`` of articles partition by partition (lazy; call ``.compute()``).

    Each partition is annotated and scored where it lies; the result has the
    columns of :func:`framing.features.data_dictionary`, the same values as
    :func:`framing.score` gives, with text columns (``article_id``,
    ``outlet`` ...) in pandas' ``string`` dtype: Dask describes object
    columns by placeholder objects that Parquet cannot store.
    """
    meta = _score_partition(pd.DataFrame({"article_id": pd.Series(dtype=object), "language": pd.Series(dtype=object), "text": pd.Series(dtype=object)}))
    return articles.map_partitions(_score_partition, meta=meta)
