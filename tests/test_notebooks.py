"""The analysis notebooks and `framing report`: every notebook runs with papermill and writes what it says.

The demo report is run once per session through the command line (``framing
demo``), as the README's first command does; a second report runs on a corpus
without outlets or dates, grouped by another column, as real corpora often are.
"""

from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest

import framing as fr
from framing.cli import main
from framing.notebooks import notebook_parameters, notebook_paths, run_report

NOTEBOOKS = ["01_corpus", "02_attribution", "03_hedging_terms", "04_topics", "05_russia_vs_us"]
SHARED_PARAMETERS = {"corpus", "languages", "start", "end", "side_column", "group_a", "group_b", "label_a", "label_b", "out_dir", "seed", "sample_size"}


@pytest.fixture(scope="module")
def embedding_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRAMING_CACHE_DIR", str(tmp_path_factory.mktemp("embeddings")))
        yield


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory, embedding_cache):
    out = tmp_path_factory.mktemp("report") / "framing-demo"
    assert main(["demo", "-o", str(out), "-p", "n_boot", "300"]) == 0
    return out


def results(out, name):
    return json.loads((out / name / "results.json").read_text(encoding="utf-8"))


# -- the notebooks as stored -----------------------------------------------------------


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_stored_notebooks_have_no_outputs_and_one_parameters_cell(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    tagged = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    parameters = notebook_parameters(path)
    assert SHARED_PARAMETERS <= set(parameters)
    assert parameters["corpus"] == "demo" and parameters["out_dir"] == f"framing-report/{path.stem}"


def test_every_notebook_is_listed():
    assert [p.stem for p in notebook_paths()] == NOTEBOOKS


# -- the demo report ---------------------------------------------------------------------


def test_report_writes_executed_notebooks_pages_and_index(demo_report):
    index = (demo_report / "index.html").read_text(encoding="utf-8")
    for name in NOTEBOOKS:
        executed = nbformat.read(demo_report / name / f"{name}.ipynb", as_version=4)
        assert any("injected-parameters" in cell.metadata.get("tags", []) for cell in executed.cells)
        assert not [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert (demo_report / name / f"{name}.html").stat().st_size > 50_000
        assert f'href="{name}/{name}.html"' in index
        for figure in results(demo_report, name)["figures"]:
            png = demo_report / name / figure
            assert png.read_bytes()[:4] == b"\x89PNG" and png.stat().st_size > 10_000, figure
            assert f'src="{name}/{figure}"' in index
    assert "<h2>Summary</h2>" in index and "36 articles: 18 in RU, 18 in US." in index


def test_corpus_notebook_accounts_for_every_row(demo_report):
    found = results(demo_report, "01_corpus")
    assert found["selection"]["articles"] == 36 and found["selection"]["by_group"] == {"RU": 18, "US": 18}
    assert found["selection"]["by_language"] == {"ar": 12, "en": 12, "ru": 12}
    assert found["selection"]["rows_seen"] == 36 and found["rejected_by_reason"] == {}
    assert found["dated_articles"] == 36 and found["first_date"].startswith("2026-03")
    # the demo's raw forms carry subscription prompts, comment forms and "read more" links
    assert {"subscription", "comment_form", "read_more", "byline", "dateline"} <= set(found["removed_by_kind"])
    assert found["boilerplate_chars"] > 1000
    counts = pd.read_csv(demo_report / "01_corpus" / "tables" / "articles_by_outlet.csv")
    assert counts["articles"].sum() == 36


def test_attribution_notebook_finds_who_each_side_quotes(demo_report):
    found = results(demo_report, "02_attribution")
    assert found["attributions"] > 300
    by_side = found["attributions_by_speaker_side"]
    # Russian-side outlets quote Russian speakers most; US-side outlets quote Ukraine and the West more
    assert by_side["RU"]["RU"] > by_side["US"]["RU"] and by_side["US"]["UA"] > by_side["RU"]["UA"]
    assert "Dmitry Peskov" in found["top_speakers"]["RU"] and "" not in found["top_speakers"]["RU"]
    assert all(0 <= share <= 1 for share in found["distancing_share"].values())
    assert {row["feature"] for row in found["differences"]} >= {"officials_US", "officials_RU", "distancing_UA"}
    assert all(row["diff_low"] <= row["diff"] <= row["diff_high"] for row in found["differences"])
    # one article per group and language, highlighted; the Arabic ones right to left, with escaped text
    assert len(found["articles_shown"]) == 6
    arabic = [a for a in found["articles_shown"] if "-ar-" in a]
    page = (demo_report / "02_attribution" / "articles" / f"{arabic[0]}.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in page and "<script" not in page.lower()


def test_hedging_and_terms_notebook(demo_report):
    found = results(demo_report, "03_hedging_terms")
    assert found["hedges"] > 50 and found["loaded_terms"] > 50
    assert found["vocabulary_lean"]["RU"] > 0 > found["vocabulary_lean"]["US"]
    assert found["terms_by_vocabulary"]["RU"]["RU"] > found["terms_by_vocabulary"]["US"]["RU"]
    assert found["terms_by_vocabulary"]["US"]["US/WEST"] > found["terms_by_vocabulary"]["RU"]["US/WEST"]
    assert all(0 < value < 100 for value in found["hedges_per_1k_words"].values())


def test_topics_notebook(demo_report):
    found = results(demo_report, "04_topics")
    assert found["topics"] >= 2 and 0 <= found["outlier_share"] <= 1 and found["skipped"] == 0
    labels = " ".join(found["topic_labels"].values())
    assert re.search("[\u0600-\u06ff]", labels) and re.search("[\u0400-\u04ff]", labels) and re.search("[a-z]", labels)
    assert {row["topic"] for row in found["topic_differences"]} == {int(t) for t in found["topic_labels"] if int(t) >= 0}
    assert found["over_time"] is True
    assert fr.TopicModel.load(demo_report / "04_topics" / "topic_model").articles["article_id"].nunique() == 36


def test_headline_notebook_summary_comes_from_the_numbers(demo_report):
    found = results(demo_report, "05_russia_vs_us")
    assert found["summary"][0] == "36 articles: 18 in RU, 18 in US."
    assert found["features_compared"] > 50 and 0 <= found["significant_features"] <= found["features_compared"]
    assert set(found["top_terms"]) == {"ar", "en", "ru"}
    assert "kiev" in found["top_terms"]["en"]["a"] or "kiev" in found["top_terms"]["en"]["b"]
    table = pd.read_csv(demo_report / "05_russia_vs_us" / "tables" / "feature_differences.csv")
    lean = table.set_index("feature").loc["vocabulary_lean"]
    assert lean["diff_low"] > 0  # RU outlets use the Russian vocabulary: the interval excludes 0
    # every number the summary states is in the tables
    for line in found["summary"]:
        match = re.match(r"(\w+): RU ([-\d.e+]+) vs US ([-\d.e+]+) per article", line)
        if match:
            row = table.set_index("feature").loc[match[1]]
            assert f"{row['mean_a']:.3g}" == match[2] and f"{row['mean_b']:.3g}" == match[3]


# -- other corpora and bad parameters ------------------------------------------------


def test_report_on_a_corpus_without_outlets_or_dates(tmp_path, embedding_cache):
    """Grouped by a column of the input, not by outlet (as in SemEval's narrative labels)."""
    articles = fr.load_demo()
    stance = articles["outlet_country"].map({"RU": "pro-Kremlin narrative", "US": None})
    rows = pd.DataFrame({"id": articles["article_id"], "text": articles["text"], "language": articles["language"], "narrative": stance})
    corpus = tmp_path / "narratives.jsonl"
    rows.to_json(corpus, orient="records", lines=True, force_ascii=False)
    report = run_report(corpus, tmp_path / "out", {"side_column": "narrative", "group_a": "pro-Kremlin*", "group_b": "(missing)",
                                                   "label_a": "narrative", "label_b": "none", "n_boot": 200})
    assert not report.failed, report.summary()
    assert results(tmp_path / "out", "01_corpus")["dated_articles"] == 0
    assert results(tmp_path / "out", "04_topics")["over_time"] is False
    headline = results(tmp_path / "out", "05_russia_vs_us")
    assert headline["summary"][0] == "36 articles: 18 in narrative, 18 in none."
    assert headline["caveat"] == ""  # no outlets: articles are the unit, and nothing claims otherwise


def test_corpus_notebook_lists_republished_copies(tmp_path):
    """A wire story republished under a new id is a duplicate: listed with its original, and rejected."""
    articles = fr.load_demo()
    original = articles[articles["language"] == "ru"].head(1)
    copy = original.assign(article_id="republished-copy")
    corpus = tmp_path / "with_copy.jsonl"
    pd.concat([articles, copy]).to_json(corpus, orient="records", lines=True, force_ascii=False, date_format="iso")
    report = run_report(corpus, tmp_path / "out", notebooks=["01"])
    assert not report.failed, report.summary()
    found = results(tmp_path / "out", "01_corpus")
    assert found["duplicates_by_kind"] == {"exact": 1} and found["rejected_by_reason"] == {"duplicate": 1}
    table = pd.read_csv(tmp_path / "out" / "01_corpus" / "tables" / "duplicates.csv")
    assert table[["article_id", "duplicate_of"]].values.tolist() == [["republished-copy", original["article_id"].iloc[0]]]


def test_a_failing_notebook_is_reported_and_the_command_fails(tmp_path, capsys):
    assert main(["report", str(fr.demo_corpus_path()), "-o", str(tmp_path / "out"), "--only", "01", "-p", "group_b", "CN"]) == 1
    printed = capsys.readouterr().out
    assert "01_corpus: FAILED" in printed and "no articles in group 'CN'" in printed
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'class="failed"' in index and "no articles in group" in index


@pytest.mark.parametrize(
    "argv, message",
    [
        (["report", "missing.jsonl", "-o", "x"], "no such file or folder"),
        (["demo", "-o", "x", "-p", "group", "RU"], "unknown parameter(s) group; the notebooks take:"),
        (["demo", "-o", "x", "--only", "07"], "no notebook '07'"),
        (["demo", "-o", "x", "-p", "corpus", "other.jsonl"], "'corpus' is set by run_report itself"),
    ],
)
def test_bad_report_arguments_are_one_line_errors(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()  # nothing was run


def test_notebooks_run_in_this_python_whatever_python3_kernel_is_registered(tmp_path, monkeypatch, embedding_cache):
    """Another environment's `python3` kernel (without framing) must not be picked up."""
    kernel = tmp_path / "jupyter" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    broken = {"argv": [str(tmp_path / "no-such-python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "Python 3", "language": "python"}
    (kernel / "kernel.json").write_text(json.dumps(broken), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    report = run_report("demo", tmp_path / "out", notebooks=["01"])
    assert not report.failed, report.summary()
