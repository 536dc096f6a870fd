"""Exact and near-duplicate articles: the same wire story republished.

Two articles are exact duplicates when their words are the same (case,
punctuation and spacing ignored), and near duplicates when the Jaccard
similarity of their word 5-gram sets reaches a threshold (0.8 by default).
Candidates are found with MinHash and locality-sensitive hashing, then
every candidate pair is verified with the exact Jaccard similarity, so the
result does not depend on chance: hashing is seeded and uses CRC32, not
Python's per-process ``hash``.

Within a group of copies the earliest article (by ``published``, then by
input order) is the original; the others point to it in ``duplicate_of``.

>>> texts = [
...     "Russia and the United States will hold security talks in Geneva on Monday, officials said.",
...     "Russia and the United States will hold security talks in Geneva on Monday, officials said!",
...     "Ukraine said the ceasefire was broken overnight near Zaporizhzhia.",
... ]
>>> found = find_duplicates(texts, ["a", "b", "c"])
>>> found[found.duplicate_of.notna()]
  article_id duplicate_of   kind  similarity
1          b            a  exact         1.0
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["find_duplicates", "exact_key", "jaccard", "SHINGLE", "DEFAULT_THRESHOLD"]

#: Words per shingle.
SHINGLE = 5
#: Default Jaccard similarity for near duplicates.
DEFAULT_THRESHOLD = 0.8
_BANDS, _ROWS = 12, 4
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")
_MAX_WORDS = 3000


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())[:_MAX_WORDS]


def exact_key(text: str) -> bytes | None:
    """The key under which exact duplicates (same words, case and punctuation ignored) collide.

    >>> exact_key("Talks resume, Peskov said.") == exact_key("talks resume -- Peskov said")
    True
    """
    tokens = _tokens(text)
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).digest() if tokens else None


def _shingles(tokens: list[str], cache: dict[str, int]) -> np.ndarray:
    """Unique 64-bit hashes of the word n-grams of a token list (``cache`` memoises word hashes)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    hashes = []
    for token in tokens:
        value = cache.get(token)
        if value is None:
            value = cache[token] = zlib.crc32(token.encode("utf-8"))
        hashes.append(value)
    words = np.array(hashes, dtype=np.uint64)
    if len(words) < SHINGLE:
        return np.unique(words)
    n = len(words) - SHINGLE + 1
    combined = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        combined = combined * np.uint64(1_000_003) + words[k : k + n]
    return np.unique(combined)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted unique hash arrays.

    >>> jaccard(np.array([1, 2, 3], dtype=np.uint64), np.array([2, 3, 4], dtype=np.uint64))
    0.5
    """
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def _signatures(shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
    rng = np.random.default_rng(20240229)
    perms = _BANDS * _ROWS
    mult = rng.integers(1, 2**63, size=perms, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63, size=perms, dtype=np.uint64)
    out = np.full((len(shingle_sets), perms), np.iinfo(np.uint64).max, dtype=np.uint64)
    for i, shingles in enumerate(shingle_sets):
        if len(shingles):
            hashed = (mult[:, None] * shingles[None, :] + add[:, None]) >> np.uint64(32)
            out[i] = hashed.min(axis=1)
    return out


def find_duplicates(
    texts: Sequence[str],
    ids: Sequence[str],
    *,
    published: Sequence[object] | None = None,
    threshold: float | None = DEFAULT_THRESHOLD,
) -> pd.DataFrame:
    """Find exact and near duplicates among ``texts``.

    Parameters
    ----------
    texts, ids : sequences of str
        The article texts and their ids, in input order.
    published : sequence, optional
        Publication times; the earliest copy is the original (missing times last).
    threshold : float or None
        Jaccard similarity of word 5-gram sets for near duplicates; None finds
        exact duplicates only.

    Returns
    -------
    pandas.DataFrame
        One row per text, in input order: ``article_id``, ``duplicate_of``
        (the original's id, or None), ``kind`` (``exact``, ``near`` or None)
        and ``similarity`` (Jaccard similarity to the original, or NaN).
    """
    n = len(texts)
    if len(ids) != n:
        raise ValueError(f"{n} texts but {len(ids)} ids")
    order_key = list(range(n))
    if published is not None:
        times = pd.to_datetime(pd.Series(list(published), dtype=object), errors="coerce", utc=True)
        rank = times.rank(method="first", na_option="bottom").to_numpy()
        order_key = [(rank[i], i) for i in range(n)]

    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            keep, drop = (ri, rj) if order_key[ri] < order_key[rj] else (rj, ri)
            parent[drop] = keep

    # One pass over the texts; token lists are not kept (they would hold the corpus several times over).
    cache: dict[str, int] = {}
    exact_keys: list[bytes | None] = []
    shingle_sets: list[np.ndarray] = []
    for text in texts:
        toks = _tokens(text)
        exact_keys.append(hashlib.sha1(" ".join(toks).encode("utf-8")).digest() if toks else None)
        if threshold is not None:
            shingle_sets.append(_shingles(toks, cache))
    exact_groups: dict[bytes, list[int]] = defaultdict(list)
    for i, key in enumerate(exact_keys):
        if key is not None:
            exact_groups[key].append(i)
    exact_pairs = set()
    for members in exact_groups.values():
        for j in members[1:]:
            union(members[0], j)
            exact_pairs.add(j)

    if threshold is not None:
        signatures = _signatures(shingle_sets)
        buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
        for i in range(n):
            if len(shingle_sets[i]) == 0 or i in exact_pairs:  # exact copies are merged already
                continue
            for band in range(_BANDS):
                key = signatures[i, band * _ROWS : (band + 1) * _ROWS].tobytes()
                buckets[(band, key)].append(i)
        checked: set[tuple[int, int]] = set()
        for members in buckets.values():
            if len(members) < 2:
                continue
            for a_pos, a in enumerate(members):
                for b in members[a_pos + 1 :]:
                    if (a, b) in checked or find(a) == find(b):
                        continue
                    checked.add((a, b))
                    if jaccard(shingle_sets[a], shingle_sets[b]) >= threshold:
                        union(a, b)

    rows = []
    for i in range(n):
        root = find(i)
        if root == i:
            rows.append((ids[i], None, None, np.nan))
            continue
        if exact_keys[i] is not None and exact_keys[i] == exact_keys[root]:
            rows.append((ids[i], ids[root], "exact", 1.0))
        else:
            sim = jaccard(shingle_sets[i], shingle_sets[root]) if shingle_sets else np.nan
            rows.append((ids[i], ids[root], "near", round(float(sim), 4)))
    return pd.DataFrame(rows, columns=["article_id", "duplicate_of", "kind", "similarity"])
