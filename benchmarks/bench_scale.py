"""Benchmark: streaming and Dask scoring of a large corpus.

Usage::

    python benchmarks/bench_scale.py CORPUS.jsonl [--sizes 10000 30000 100000] [--dask-size 10000]
        [--parquet-size 20000] [--json out.json]

Builds inputs of the given sizes by repeating CORPUS with fresh ids (in a
temporary folder, never committed), then measures, each in a fresh process:

- streaming ``framing score`` (one process, one core) for every size: seconds,
  articles/s and peak memory (max RSS of the process), to see how time grows;
- ``framing score --dask local`` with 1 and with 2 workers on ``--dask-size``
  articles: throughput and the speed-up. Here the client reads and cleans
  while the workers score, all on this machine's cores;
- ``fr.score`` on a ``dask.dataframe.read_parquet`` of the same articles,
  cleaned beforehand into Parquet partitions (the path docs/scaling.md
  recommends for clusters), with 1 and with 2 workers: steady throughput
  once the cluster is up, and the start-up time apart.

Targets (issue 8): peak memory under 2 GB at 100,000 articles; 2 workers at
least 1.7 times as fast as 1; time linear in the number of articles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(source: Path, size: int, target: Path) -> Path:
    """Write ``size`` articles by cycling through ``source`` with fresh ids."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with target.open("w", encoding="utf-8") as fh:
        for n in range(size):
            record = json.loads(lines[n % len(lines)])
            record["id"] = f"{record.get('id', 'a')}-copy{n // len(lines)}"
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


def run(args: list[str]) -> tuple[float, float]:
    """Run ``framing`` in a fresh process; (seconds, peak RSS in MB of that process)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    code = "import resource, sys; from framing.cli import main; rc = main(sys.argv[1:]); print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)"
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    seconds = time.perf_counter() - start
    peak = next(int(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("PEAK")) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, max(peak, 0.0) if peak else children


PARQUET_RUN = """
import sys, time
import dask.dataframe as dd
from dask.distributed import Client, LocalCluster
import framing as fr
from framing.scale import score_chunk

if __name__ == "__main__":
    source, target, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        warm = fr.load_demo().head(2)
        client.gather([client.submit(score_chunk, warm, pure=False, workers=[w]) for w in client.scheduler_info()["workers"]])
        ready = time.perf_counter()
        fr.score(dd.read_parquet(source)).to_parquet(target)
        done = time.perf_counter()
    print("TIMES", ready - start, done - ready)
"""


def run_parquet(source: Path, target: Path, workers: int) -> tuple[float, float]:
    """``fr.score`` of a Parquet folder on a LocalCluster in a fresh process; (start-up seconds, scoring seconds)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    script = target.parent / "parquet_run.py"
    script.write_text(PARQUET_RUN, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(source), str(target), str(workers)], capture_output=True, text=True, env=env, check=True)
    startup, seconds = next(map(float, line.split()[1:]) for line in done.stdout.splitlines() if line.startswith("TIMES"))
    return startup, seconds


def clean_to_parquet(source: Path, folder: Path, partitions: int) -> int:
    """Read and clean ``source`` once, and write it as ``partitions`` Parquet files (what ``framing load`` would give, split)."""
    import framing as fr

    articles = fr.read_articles(source, progress=False)
    folder.mkdir(parents=True, exist_ok=True)
    step = -(-len(articles) // partitions)
    for i in range(partitions):
        part = articles.iloc[i * step : (i + 1) * step]
        if len(part):
            fr.write_articles(part, folder / f"part-{i:03d}.parquet")
    return len(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--dask-size", type=int, default=10_000)
    parser.add_argument("--parquet-size", type=int, default=20_000, help="articles for the Parquet path (0: skip it)")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    results: dict = {"streaming": [], "dask": [], "dask_parquet": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in args.sizes:
            data = build(args.corpus, size, tmp / f"corpus-{size}.jsonl")
            seconds, peak = run(["score", str(data), "-o", str(tmp / f"features-{size}.parquet"), "--chunksize", "5000", "--no-progress"])
            row = {"articles": size, "seconds": round(seconds, 1), "articles_per_second": round(size / seconds, 1), "peak_rss_mb": round(peak, 1)}
            results["streaming"].append(row)
            print(f"streaming {size:>7} articles: {seconds:7.1f} s, {size / seconds:6.1f} articles/s, peak {peak:6.0f} MB", flush=True)
        data = build(args.corpus, args.dask_size, tmp / "dask.jsonl")
        for workers in (1, 2):
            seconds, _ = run(["score", str(data), "-o", str(tmp / f"dask-{workers}.parquet"), "--dask", "local", "--jobs", str(workers), "--chunksize", "500", "--no-progress"])
            results["dask"].append({"workers": workers, "articles": args.dask_size, "seconds": round(seconds, 1), "articles_per_second": round(args.dask_size / seconds, 1)})
            print(f"dask {workers} worker(s): {seconds:7.1f} s, {args.dask_size / seconds:6.1f} articles/s", flush=True)
        if args.parquet_size:
            cleaned = clean_to_parquet(build(args.corpus, args.parquet_size, tmp / "parquet.jsonl"), tmp / "cleaned", partitions=40)
            for workers in (1, 2):
                startup, seconds = run_parquet(tmp / "cleaned", tmp / f"parquet-features-{workers}", workers)
                results["dask_parquet"].append({"workers": workers, "articles": cleaned, "startup_seconds": round(startup, 1), "seconds": round(seconds, 1), "articles_per_second": round(cleaned / seconds, 1)})
                print(f"dask on Parquet, {workers} worker(s): {seconds:7.1f} s, {cleaned / seconds:6.1f} articles/s (cluster start-up {startup:.1f} s)", flush=True)
    one, two = results["dask"]
    results["dask_speedup"] = round(two["articles_per_second"] / one["articles_per_second"], 2)
    if results["dask_parquet"]:
        one, two = results["dask_parquet"]
        results["dask_parquet_speedup"] = round(two["articles_per_second"] / one["articles_per_second"], 2)
        print(f"speed-up with 2 Dask workers on Parquet: {results['dask_parquet_speedup']}x")
    first, last = results["streaming"][0], results["streaming"][-1]
    results["time_ratio"] = round(last["seconds"] / first["seconds"], 2)
    results["size_ratio"] = round(last["articles"] / first["articles"], 2)
    print(f"speed-up with 2 Dask workers: {results['dask_speedup']}x; time grows {results['time_ratio']}x for {results['size_ratio']}x the articles")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
