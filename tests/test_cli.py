"""The `framing` command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

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


def test_demo_writes_figures_and_tables(tmp_path):
    assert main(["demo", "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    assert (out / "articles.parquet").is_file()
    assert (out / "figures" / "corpus_overview.png").stat().st_size > 10_000
    assert (out / "figures" / "corpus_overview.svg").is_file()
    counts = pd.read_csv(out / "tables" / "corpus_counts.csv")
    assert counts["articles"].sum() == 36
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["articles"] == 36 and results["rejected"] == 0


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "framing.cli", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("framing ")
