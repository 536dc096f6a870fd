"""Benchmark: reported-speech extraction speed and memory.

Usage::

    python benchmarks/bench_extract.py PATH [--limit N] [--json results.json]

Reads PATH with framing.read_articles (not timed), then times
framing.extract_attributions over the articles on one pinned CPU core and
reports articles per second and attributions found, and the process's peak
resident memory. Target (issue 3): at least 200 articles/s on
../shared/corpora/en_ukraine_media.jsonl with peak memory under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--scheme", choices=["codebook", "parc"], default="codebook", help="coding scheme (default: codebook)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import framing as fr
    from framing.extract.lexicon import load_lexicon

    articles = fr.read_articles(args.path, progress=False)
    if args.limit:
        articles = articles.head(args.limit)
    for language in ("ar", "en", "ru"):
        load_lexicon(language)  # one-time loading is not part of the per-article speed
    fr.extract_attributions(articles.head(5), progress=False, scheme=args.scheme)
    start = time.perf_counter()
    spans = fr.extract_attributions(articles, progress=False, scheme=args.scheme)
    seconds = time.perf_counter() - start
    results = {
        "benchmark": "extract",
        "path": args.path,
        "articles": len(articles),
        "attributions": len(spans),
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(articles) / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "by_language": articles["language"].value_counts().to_dict(),
    }
    print(
        f"{results['articles']} articles, {results['attributions']} attributions in {seconds:.1f} s = "
        f"{results['articles_per_second']:.0f} articles/s on one core; peak RSS {results['peak_rss_mb']:.0f} MB"
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
