"""Benchmark: side-by-side comparison of two groups of outlets in one date window.

Usage::

    python benchmarks/bench_compare.py ../shared/corpora/en_ukraine_media.jsonl \\
        [--start 2022-08-09 --end 2022-09-08] [--a RT] [--b "Associated Press" "NBC News"] \\
        [--n-boot 2000] [--top 12] [--figures DIR] [--json results.json]

Reads the corpus, keeps the articles published in the window (both ends
included) by outlets whose name starts with one of ``--a`` (group a) or
``--b`` (group b), scores them, and runs :func:`framing.compare.compare_features`
(clusters: outlets) and :func:`framing.compare.compare_terms`. Prints the
features that differ most (q-value, then size) with 95% intervals, the most
distinctive terms each way with z-scores, a per-outlet check of the main
differences (does each outlet of group b differ from group a the same way?),
and the time of each step. No article text is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

#: Features every study reports (ARCHITECTURE.md), printed whatever their q-value.
FOCUS = [
    "distancing_US", "distancing_RU", "distancing_UA", "distancing_WEST",
    "officials_US", "officials_RU", "officials_UA", "officials_WEST",
    "share_distancing_US", "share_distancing_UA",
    "hedges_per_1k_words", "hedges_writer_per_1k_words", "anonymous_share", "vocabulary_lean",
]


def _select(articles, names: list[str]):
    return articles["outlet"].fillna("").str.startswith(tuple(names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--start", default="2022-08-09")
    parser.add_argument("--end", default="2022-09-08")
    parser.add_argument("--a", nargs="+", default=["RT"], help="outlet name prefixes of group a")
    parser.add_argument("--b", nargs="+", default=["Associated Press", "NBC News"], help="outlet name prefixes of group b")
    parser.add_argument("--n-boot", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--figures", help="write the forest plot and the fightin' words plot here")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)

    import pandas as pd

    import framing as fr
    from framing.compare import (
        OutletConfoundingWarning,
        compare_features,
        compare_terms,
        describe_differences,
    )

    timings: dict[str, float] = {}
    start = time.perf_counter()
    articles = fr.read_articles(args.path, progress=False)
    timings["read"] = time.perf_counter() - start
    published = pd.to_datetime(articles["published"], errors="coerce", utc=True).dt.tz_localize(None)
    window = (published >= pd.Timestamp(args.start)) & (published < pd.Timestamp(args.end) + pd.Timedelta(days=1))
    in_a, in_b = _select(articles, args.a), _select(articles, args.b)
    chosen = articles[window & (in_a | in_b)].reset_index(drop=True)
    short_a, short_b = " + ".join(args.a), " + ".join(args.b)
    group = pd.Series([short_a if x else short_b for x in _select(chosen, args.a)], index=chosen.index)
    chosen = chosen.assign(group=group)
    label_a = " + ".join(sorted(chosen.loc[group == short_a, "outlet"].unique()))
    label_b = " + ".join(sorted(chosen.loc[group == short_b, "outlet"].unique()))
    print(f"window {args.start}..{args.end}: {len(chosen)} articles")
    for outlet, n in chosen.groupby("outlet").size().items():
        print(f"  {outlet}: {n}")

    start = time.perf_counter()
    spans = fr.annotate(chosen, progress=False)
    features = fr.score(chosen, spans=spans).assign(group=group.to_numpy())
    timings["annotate_and_score"] = time.perf_counter() - start

    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OutletConfoundingWarning)
        comparison = compare_features(features, "group", short_a, short_b, cluster="outlet", n_boot=args.n_boot, seed=args.seed)
    timings["compare_features"] = time.perf_counter() - start
    start = time.perf_counter()
    terms = compare_terms(chosen, "group", short_a, short_b)
    timings["compare_terms"] = time.perf_counter() - start

    print(f"\ngroup a = {label_a}; group b = {label_b}")
    for warning in caught:
        print(f"warning: {warning.message}")
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    ranked = comparison.assign(size=(comparison["diff"] / comparison["sd"]).abs()).sort_values(["q", "size"], ascending=[True, False], kind="mergesort")
    shown = ranked.head(args.top)
    print(f"\nfeatures that differ most (of {len(comparison)}; {int((comparison['q'] < 0.05).sum())} with q < 0.05), a minus b, 95% intervals:")
    print(
        shown[["feature", "mean_a", "mean_b", "diff", "diff_low", "diff_high", "ratio", "ratio_low", "ratio_high", "q"]]
        .round(4)
        .to_string(index=False)
    )
    print()
    for line in describe_differences(comparison, top=args.top):
        print(" ", line)

    focus = [f for f in dict.fromkeys(shown["feature"].tolist()[:6] + FOCUS) if f in set(comparison["feature"])]
    print("\nthe contract features (ARCHITECTURE.md), a minus b, 95% intervals:")
    print(
        comparison.set_index("feature").loc[[f for f in FOCUS if f in set(comparison["feature"])], ["mean_a", "mean_b", "diff", "diff_low", "diff_high", "ratio", "ratio_low", "ratio_high", "q"]]
        .round(4)
        .to_string()
    )

    print("\nper outlet of group b (does each differ from group a the same way?):")
    per_outlet = []
    for outlet in sorted(chosen.loc[group == short_b, "outlet"].unique()):
        part = features[(features["group"] == short_a) | (features["outlet"] == outlet)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OutletConfoundingWarning)
            single = compare_features(part, "group", short_a, short_b, columns=focus, n_boot=args.n_boot, seed=args.seed)
        per_outlet.append(single.assign(outlet_b=outlet))
        cells = ", ".join(f"{r.feature} {r.diff:+.3g} [{r.diff_low:.3g}, {r.diff_high:.3g}]" for r in single.itertuples())
        print(f"  vs {outlet}: {cells}")

    print("\nmost distinctive terms (log-odds ratio, informative Dirichlet prior):")
    for language, part in terms.groupby("language", sort=True):
        top_a = part.head(args.top)
        top_b = part.tail(args.top).iloc[::-1]
        print(f"  [{language}] typical of a: " + ", ".join(f"{r.term} (z={r.z:.1f}, {r.count_a}/{r.count_b})" for r in top_a.itertuples()))
        print(f"  [{language}] typical of b: " + ", ".join(f"{r.term} (z={r.z:.1f}, {r.count_a}/{r.count_b})" for r in top_b.itertuples()))

    total = sum(timings.values())
    print("\ntime: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()) + f"; total {total:.2f} s")

    if args.figures:
        import matplotlib

        matplotlib.use("Agg")
        from framing.plots import plot_differences, plot_fightin_words, save_figure

        out = Path(args.figures)
        save_figure(plot_differences(comparison, top=20), out / "feature_differences")
        save_figure(plot_fightin_words(terms), out / "fightin_words")
        print(f"figures written to {out}")
    if args.json:
        results = {
            "benchmark": "compare",
            "path": args.path,
            "window": [args.start, args.end],
            "group_a": label_a,
            "group_b": label_b,
            "articles": len(chosen),
            "seconds": {k: round(v, 3) for k, v in timings.items()},
            "features": json.loads(shown.drop(columns=["size"]).to_json(orient="records")),
            "terms_a": json.loads(terms.head(args.top)[["language", "term", "count_a", "count_b", "z"]].to_json(orient="records")),
            "terms_b": json.loads(terms.tail(args.top)[["language", "term", "count_a", "count_b", "z"]].to_json(orient="records")),
        }
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
