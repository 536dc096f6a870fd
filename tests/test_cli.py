"""The `framing` command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli import main


def test_load_prints_the_report_and_writes_articles(tmp_path, capsys):
    source = tmp_path / "c.jsonl"
    source.write_text(
        json.dumps({"id": "1", "text": "МОСКВА, 2 марта. /ТАСС/. Песков заявил, что Кремль изучит ответ США."}, ensure_ascii=False)
        + "\n{broken\n",
        encoding="utf-8",
    )
    out = tmp_path / "articles.parquet"
    report = tmp_path / "report.json"
    assert main(["load", str(source), "-o", str(out), "--report", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "2 rows seen, 1 kept, 1 rejected" in printed and "malformed_json 1" in printed
    articles = pd.read_parquet(out)
    assert articles.loc[0, "text"] == "Песков заявил, что Кремль изучит ответ США."
    assert json.loads(report.read_text(encoding="utf-8"))["rejected_rows"][0]["line"] == 2


def test_errors_are_one_line_and_exit_2(tmp_path, capsys):
    assert main(["load", str(tmp_path / "missing.jsonl")]) == 2
    assert "framing: error: no such file or folder" in capsys.readouterr().err


def test_analyze_writes_figures_and_tables(tmp_path):
    import framing as fr

    assert main(["analyze", str(fr.demo_corpus_path()), "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    assert (out / "articles.parquet").is_file()
    assert (out / "figures" / "corpus_overview.png").stat().st_size > 10_000
    assert (out / "figures" / "corpus_overview.svg").is_file()
    assert (out / "figures" / "cue_classes_by_side.png").stat().st_size > 10_000
    profile = pd.read_csv(out / "tables" / "cue_classes_by_side.csv")
    assert set(profile["outlet_country"]) == {"RU", "US"} and profile["attributions"].sum() > 300
    counts = pd.read_csv(out / "tables" / "corpus_counts.csv")
    assert counts["articles"].sum() == 36
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["articles"] == 36 and results["rejected"] == 0
    assert results["attributions"] > 300


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "framing.cli", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("framing ")


def test_evaluate_prints_scores_and_writes_errors(tmp_path, capsys):
    import framing as fr

    errors = tmp_path / "errors.csv"
    scores = tmp_path / "scores.json"
    assert main(["evaluate", str(fr.demo_gold_path()), "--json", str(scores), "--errors", str(errors)]) == 0
    printed = capsys.readouterr().out
    assert "attribution_f1" in printed
    table = json.loads(scores.read_text(encoding="utf-8"))
    assert {row["language"] for row in table} == {"ar", "en", "ru"}
    assert all(row["attribution_f1"] > 0.8 for row in table)
    table = pd.read_csv(errors)
    assert set(table["error"]) <= {"missed", "spurious", "matched"}
    hedges = table[table["span"] == "hedge"]
    assert set(hedges["language"]) == {"ar", "en", "ru"} and (hedges["error"] == "matched").sum() > 50
    assert hedges["context"].str.contains(r"\S").all()


def test_evaluate_scheme_option(tmp_path, capsys):
    """--scheme parc codes the demo gold as PARC corpora do: more attributions than the codebook asks for."""
    import framing as fr

    scores = {}
    for scheme in ("auto", "parc"):
        out = tmp_path / f"{scheme}.json"
        assert main(["evaluate", str(fr.demo_gold_path()), "--scheme", scheme, "--json", str(out)]) == 0
        scores[scheme] = {row["language"]: row for row in json.loads(out.read_text(encoding="utf-8"))}
    capsys.readouterr()
    assert {row["scheme"] for row in scores["auto"].values()} == {"codebook"}
    assert {row["scheme"] for row in scores["parc"].values()} == {"parc"}
    assert scores["parc"]["en"]["predicted"] != scores["auto"]["en"]["predicted"]
    with pytest.raises(SystemExit):
        main(["evaluate", str(fr.demo_gold_path()), "--scheme", "polnear"])


def test_annotate_writes_traceable_spans(tmp_path):
    import framing as fr

    out = tmp_path / "spans.parquet"
    assert main(["annotate", str(fr.demo_corpus_path()), "-o", str(out)]) == 0
    spans = pd.read_parquet(out)
    articles = fr.load_demo().set_index("article_id")
    for row in spans.head(50).itertuples():
        assert articles.loc[row.article_id, "text"][row.cue_start : row.cue_end] == row.cue
