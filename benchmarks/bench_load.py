"""Benchmark: reading and cleaning a corpus with framing.read_articles.

Usage::

    python benchmarks/bench_load.py PATH [--repeat 3] [--json results.json]

Runs on one CPU core (the process is pinned to it and BLAS threads are set
to 1), reads PATH ``--repeat`` times and reports the best time as articles
per second, and the peak resident memory of the process (ru_maxrss) above
what it held after importing the package. Target (issue 2): at least 1,000
articles/s on ../shared/corpora/en_ukraine_media.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a corpus file, folder or glob")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)

    pinning = _pin_to_one_core()
    import framing as fr

    base_rss = _rss_mb()
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        articles, report = fr.read_articles(args.path, return_report=True, progress=False)
        times.append(time.perf_counter() - start)
    best = min(times)
    results = {
        "benchmark": "load",
        "path": args.path,
        "rows_seen": report.rows_seen,
        "articles": len(articles),
        "rejected": len(report.rejected),
        "seconds_best": round(best, 3),
        "seconds_all": [round(t, 3) for t in times],
        "articles_per_second": round(len(articles) / best, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "peak_rss_above_import_mb": round(_rss_mb() - base_rss, 1),
        "cpu": pinning,
        "python": platform.python_version(),
        "framing": fr.__version__,
    }
    print(
        f"{results['articles']} articles ({results['rejected']} rejected) in {best:.2f} s "
        f"= {results['articles_per_second']:.0f} articles/s on one core; "
        f"peak RSS {results['peak_rss_mb']:.0f} MB ({results['peak_rss_above_import_mb']:.0f} MB above import)"
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
