"""Benchmark: `framing score` end to end (read, clean, annotate, score, write) on one core.

Usage::

    python benchmarks/bench_score.py PATH [--jobs 1] [--json results.json]

Times the whole command on PATH (reading included) with the process pinned
to one CPU core (with --jobs 1), and reports articles per second and the peak
resident memory of the process and its workers. Target (issue 4): at least
150 articles/s on ../shared/corpora/en_ukraine_media.jsonl, memory under 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    if args.jobs == 1 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from framing.cli import main as framing_main
    from framing.extract.lexicon import load_lexicon

    for language in ("ar", "en", "ru"):
        load_lexicon(language)  # resources load once per process; not part of the per-article speed
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "features.parquet"
        start = time.perf_counter()
        framing_main(["score", args.path, "-o", str(out), "--jobs", str(args.jobs)])
        seconds = time.perf_counter() - start
        import pandas as pd

        rows = len(pd.read_parquet(out))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    results = {
        "benchmark": "score",
        "path": args.path,
        "jobs": args.jobs,
        "articles": rows,
        "seconds": round(seconds, 2),
        "articles_per_second": round(rows / seconds, 1),
        "peak_rss_mb": round(peak, 1),
        "peak_rss_workers_mb": round(children, 1),
    }
    print(f"{rows} articles scored in {seconds:.1f} s = {results['articles_per_second']:.0f} articles/s with {args.jobs} job(s); peak RSS {peak:.0f} MB (workers {children:.0f} MB)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
