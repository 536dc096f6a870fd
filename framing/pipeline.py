"""The main job: analyse a corpus end to end and write figures and tables to a folder.

``framing demo`` runs it on the embedded demo corpus (the README's first
command). Each stage writes what it produces; later stages of the package
(attributions, features, topics, comparisons) add their own outputs here.

>>> import tempfile, framing as fr
>>> with tempfile.TemporaryDirectory() as out:
...     written = run_analysis(fr.demo_corpus_path(), out)
...     sorted(p.name for p in written)[:3]
['articles.parquet', 'boilerplate.png', 'boilerplate.svg']
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["run_analysis"]


def run_analysis(source: Any, out_dir: str | os.PathLike[str], *, log=None, **read_options: Any) -> list[Path]:
    """Read, clean and describe a corpus; write tables and figures to ``out_dir``.

    Parameters
    ----------
    source : path, folder, glob, list or DataFrame
        Anything :func:`framing.read_articles` reads.
    out_dir : path
        Folder for the outputs (created if needed).
    log : callable, optional
        Called with a line of progress text for each stage (``print`` in the CLI).
    **read_options
        Passed to :func:`framing.read_articles`.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from framing.annotate import annotate
    from framing.corpus import read_articles, write_articles
    from framing.features import score
    from framing.plots import (
        plot_boilerplate,
        plot_corpus_overview,
        plot_cue_profile,
        save_figure,
    )

    say = log or (lambda line: None)
    out = Path(out_dir)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    say("reading and cleaning the corpus")
    articles, report = read_articles(source, return_report=True, **read_options)
    say(report.summary())
    written.append(write_articles(articles, out / "articles.parquet"))
    report.to_json(out / "load_report.json")
    written.append(out / "load_report.json")
    (out / "load_report.txt").write_text(report.summary() + "\n", encoding="utf-8")
    written.append(out / "load_report.txt")

    counts = (
        articles.assign(outlet=articles["outlet"].fillna("(unknown)"), outlet_country=articles["outlet_country"].fillna("?"))
        .groupby(["outlet", "outlet_country", "language"])
        .agg(articles=("article_id", "size"), words=("text", lambda t: int(t.str.split().str.len().sum())))
        .reset_index()
    )
    counts.to_csv(out / "tables" / "corpus_counts.csv", index=False)
    written.append(out / "tables" / "corpus_counts.csv")
    report.removed.to_csv(out / "tables" / "boilerplate_removed.csv", index=False)
    written.append(out / "tables" / "boilerplate_removed.csv")

    say("coding reported speech, hedges and loaded terms")
    spans = annotate(articles, progress=len(articles) >= 500)
    written.append(write_articles(spans, out / "spans.parquet"))
    attributions = spans[spans["kind"] == "attribution"]
    features = score(articles, spans=spans)
    written.append(write_articles(features, out / "features.parquet"))
    features.to_csv(out / "tables" / "features.csv", index=False)
    written.append(out / "tables" / "features.csv")
    numeric = [c for c in features.columns if pd.api.types.is_numeric_dtype(features[c])]
    by_side = features.groupby("outlet_country")[numeric].mean().T
    by_side.to_csv(out / "tables" / "features_by_outlet_country.csv")
    written.append(out / "tables" / "features_by_outlet_country.csv")
    profile = (
        attributions.merge(articles[["article_id", "outlet_country"]], on="article_id")
        .groupby(["outlet_country", "side", "cue_class"])
        .size()
        .rename("attributions")
        .reset_index()
    )
    profile.to_csv(out / "tables" / "cue_classes_by_side.csv", index=False)
    written.append(out / "tables" / "cue_classes_by_side.csv")

    say("drawing figures")
    written += save_figure(plot_corpus_overview(articles), out / "figures" / "corpus_overview")
    written += save_figure(plot_boilerplate(report.removed), out / "figures" / "boilerplate")
    written += save_figure(plot_cue_profile(attributions, articles), out / "figures" / "cue_classes_by_side")

    summary = {
        "articles": len(articles),
        "rows_seen": report.rows_seen,
        "rejected": len(report.rejected),
        "languages": articles["language"].value_counts().to_dict(),
        "outlet_countries": articles["outlet_country"].value_counts().to_dict(),
        "boilerplate_chars": report.boilerplate_chars,
        "attributions": int(len(attributions)),
        "attributions_by_speaker_side": attributions["side"].value_counts().to_dict(),
        "hedges": int((spans["kind"] == "hedge").sum()),
        "loaded_terms": int((spans["kind"] == "term").sum()),
        "mean_features_by_outlet_country": {
            name: {str(k): round(float(v), 4) for k, v in by_side.loc[name].items()}
            for name in ("attributions_US", "attributions_RU", "distancing_US", "distancing_RU", "hedges_per_1k_words", "vocabulary_lean")
        },
    }
    (out / "results.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    written.append(out / "results.json")
    say(f"wrote {len(written)} files to {out}")
    return sorted(written)
