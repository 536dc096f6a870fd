"""The ``framing`` command line.

``framing load SRC... -o OUT``   read and clean a corpus, write it, print the load report
``framing demo [-o OUT]``        the report (every analysis notebook) on the embedded demo corpus
``framing report CORPUS -o OUT [-p NAME VALUE]...``   the same report on any corpus
``framing analyze SRC -o OUT``   a quick pass without notebooks: articles, spans, features, three figures
``framing annotate SRC -o spans.parquet``   every span, traceable to its words
``framing evaluate GOLD.jsonl``  score the extractor against gold coding
``framing score SRC -o features.parquet [--spans spans.parquet] [--jobs N]``   per-article features
``framing features --describe``   the data dictionary of the features
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _add_read_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("reading")
    group.add_argument("--format", choices=["jsonl", "json", "csv", "tsv", "parquet", "txt", "html"], help="force the input format")
    group.add_argument("--encoding", help="force the text encoding (default: detected)")
    for field in ("text", "id", "title", "date", "outlet", "country", "language", "url"):
        group.add_argument(f"--{field}-col", help=f"input column holding the {field}")
    group.add_argument("--language", choices=["ar", "en", "ru"], help="force the language of every article")
    group.add_argument("--no-clean", action="store_true", help="keep texts exactly as read")
    group.add_argument("--templates", choices=["short", "all", "none"], default="short", help="repeated-line removal (default: short)")
    group.add_argument("--drop-duplicates", action="store_true", help="drop exact and near duplicates (listed in the report)")


def _read_options(args: argparse.Namespace) -> dict:
    options = {
        "format": args.format,
        "encoding": args.encoding,
        "language": args.language,
        "clean": not args.no_clean,
        "templates": None if args.templates == "none" else args.templates,
        "drop_duplicates": args.drop_duplicates,
    }
    for field, name in (("text", "text_col"), ("id", "id_col"), ("title", "title_col"), ("date", "date_col"),
                        ("outlet", "outlet_col"), ("country", "country_col"), ("language", "language_col"), ("url", "url_col")):
        value = getattr(args, f"{field}_col")
        if value:
            options[name] = value
    return options


def _cmd_load(args: argparse.Namespace) -> int:
    from framing.corpus import read_articles, write_articles

    articles, report = read_articles(args.sources if len(args.sources) > 1 else args.sources[0], return_report=True, progress=True, **_read_options(args))
    print(report.summary())
    if args.output:
        path = write_articles(articles, args.output)
        print(f"wrote {len(articles)} articles to {path}")
    if args.report:
        report.to_json(args.report)
        print(f"wrote the load report to {args.report}")
    return 0


def _cmd_report(args: argparse.Namespace, corpus: str) -> int:
    from framing.notebooks import parse_value, run_report

    parameters = {name: parse_value(value) for name, value in (args.parameter or [])}
    report = run_report(corpus, args.output, parameters, notebooks=args.only, kernel_name=args.kernel, log=print)
    print(report.summary())
    print(f"open {report.index}")
    return 1 if report.failed else 0


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                        help="a notebook parameter, e.g. -p start 2022-08-09 -p group_a 'RT*' (repeatable; see notebooks/)")
    parser.add_argument("--only", nargs="+", metavar="NOTEBOOK", help="run only these notebooks, by name or number (e.g. 01 05)")
    parser.add_argument("--kernel", help="Jupyter kernel to run the notebooks in (default: python3, this Python)")


def _cmd_analyze(args: argparse.Namespace, source) -> int:
    from framing.pipeline import run_analysis

    run_analysis(source, args.output, log=print, **_read_options(args))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from framing.evaluate import evaluate_gold

    result = evaluate_gold(args.gold, scheme=args.scheme)
    print(result.summary())
    if args.json:
        result.table.reset_index().to_json(args.json, orient="records", indent=2, force_ascii=False)
        print(f"wrote the scores to {args.json}")
    if args.errors:
        import pandas as pd

        attributions = [result.missed.assign(error="missed"), result.spurious.assign(error="spurious"), result.pairs.assign(error="matched")]
        errors = pd.concat([frame.assign(span="attribution") for frame in attributions] + [result.hedges.assign(span="hedge")], ignore_index=True)
        errors.to_csv(args.errors, index=False)
        print(f"wrote matched, missed and spurious attributions and hedges to {args.errors}")
    return 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    from framing.annotate import annotate
    from framing.corpus import read_articles, write_articles

    articles = read_articles(args.sources if len(args.sources) > 1 else args.sources[0], progress=True, **_read_options(args))
    spans = annotate(articles, progress=True)
    write_articles(spans, args.output)
    print(f"wrote {len(spans)} spans of {len(articles)} articles to {args.output}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from framing.scale import connect, score_stream

    client = connect(args.dask, workers=args.jobs) if args.dask else None
    try:
        summary = score_stream(
            args.sources if len(args.sources) > 1 else args.sources[0],
            args.output,
            spans=args.spans,
            chunksize=args.chunksize or (1000 if args.dask else 5000),
            jobs=args.jobs,
            client=client,
            progress=not args.no_progress,
            **_read_options(args),
        )
    finally:
        if client is not None:
            cluster = client.cluster if args.dask == "local" else None  # the LocalCluster connect() started
            client.close()
            if cluster is not None:
                cluster.close()
    print(summary["report"].summary())
    print(f"wrote {summary['articles']} rows of features to {args.output} in {summary['chunks']} chunk(s)")
    if args.spans:
        print(f"wrote {summary['spans']} spans to {args.spans}")
    return 0


def _cmd_features(args: argparse.Namespace) -> int:
    from framing.features import data_dictionary, describe_features

    if args.csv:
        data_dictionary().to_csv(args.csv, index=False)
        print(f"wrote the data dictionary to {args.csv}")
    else:
        print(describe_features())
    return 0


def _parser() -> argparse.ArgumentParser:
    from framing import __version__

    parser = argparse.ArgumentParser(prog="framing", description="Media-framing analysis of Arabic, English and Russian news.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    load = sub.add_parser("load", help="read and clean a corpus; print the load report")
    load.add_argument("sources", nargs="+", help="files, folders or glob patterns")
    load.add_argument("-o", "--output", help="write the articles here (.parquet, .csv, .tsv or .jsonl)")
    load.add_argument("--report", help="write the full load report here as JSON")
    _add_read_options(load)

    demo = sub.add_parser("demo", help="run the report (every analysis notebook) on the embedded demo corpus")
    demo.add_argument("-o", "--output", default="framing-demo", help="output folder (default: framing-demo)")
    _add_report_options(demo)

    report = sub.add_parser("report", help="run every analysis notebook on a corpus with papermill; write figures, tables and index.html")
    report.add_argument("corpus", help="a file, folder or glob that framing.read_articles reads (prepare odd inputs with `framing load ... -o corpus.parquet`)")
    report.add_argument("-o", "--output", required=True, help="output folder")
    _add_report_options(report)

    evaluate = sub.add_parser("evaluate", help="score the extractor against gold files in the codebook's format")
    evaluate.add_argument("gold", nargs="+", help="gold JSON Lines files")
    evaluate.add_argument("--json", help="write the score table here")
    evaluate.add_argument("--errors", help="write matched, missed and spurious spans here (CSV) for inspection")
    evaluate.add_argument(
        "--scheme",
        choices=["auto", "codebook", "parc"],
        default="auto",
        help="what the extractor codes: CODEBOOK.md, or the PARC/PolNeAR conventions (beliefs and evidence too, pronoun speakers as written); auto: as the gold file shows (default)",
    )

    annotate = sub.add_parser("annotate", help="write every span (attributions, hedges, terms) of a corpus")
    annotate.add_argument("sources", nargs="+", help="files, folders or glob patterns")
    annotate.add_argument("-o", "--output", required=True, help="spans file (.parquet, .csv or .jsonl)")
    _add_read_options(annotate)

    score = sub.add_parser("score", help="per-article framing features of a corpus")
    score.add_argument("sources", nargs="+", help="files, folders or glob patterns")
    score.add_argument("-o", "--output", required=True, help="features file (.parquet, .csv, .tsv or .jsonl)")
    score.add_argument("--spans", help="also write every span behind the features here")
    score.add_argument("--jobs", type=int, default=1, help="worker processes, local or in a local Dask cluster (default 1)")
    score.add_argument(
        "--chunksize", type=int, default=None,
        help="articles per chunk; memory grows with it, not with the corpus (default 5000; 1000 with --dask, so workers start sooner)",
    )
    score.add_argument("--no-progress", action="store_true", help="no progress bar")
    score.add_argument("--dask", metavar="local|ADDRESS", help="score the chunks on Dask: 'local' starts a LocalCluster with --jobs workers, an address joins a running scheduler")
    _add_read_options(score)

    features = sub.add_parser("features", help="the data dictionary of the feature table")
    features.add_argument("--describe", action="store_true", help="print every column with its type, unit and definition (the default)")
    features.add_argument("--csv", help="write the dictionary as CSV instead")

    analyze = sub.add_parser("analyze", help="a quick pass without notebooks: articles, spans, features and three figures")
    analyze.add_argument("sources", nargs="+", help="files, folders or glob patterns")
    analyze.add_argument("-o", "--output", required=True, help="output folder")
    _add_read_options(analyze)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "load":
            return _cmd_load(args)
        if args.command == "demo":
            return _cmd_report(args, "demo")
        if args.command == "report":
            return _cmd_report(args, args.corpus)
        if args.command == "score":
            return _cmd_score(args)
        if args.command == "features":
            return _cmd_features(args)
        if args.command == "evaluate":
            return _cmd_evaluate(args)
        if args.command == "annotate":
            return _cmd_annotate(args)
        if args.command == "analyze":
            return _cmd_analyze(args, args.sources if len(args.sources) > 1 else args.sources[0])
    except (FileNotFoundError, ValueError) as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
