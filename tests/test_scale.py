"""Streaming and Dask: the same numbers whatever the chunking or the cluster."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import framing as fr
from framing.cli import main
from framing.scale import score_stream

ARTICLES = [
    {"id": f"en-{i}", "language": "en", "outlet": "Example Wire", "text": f"Kremlin spokesman Dmitry Peskov said on day {i} that the talks in Geneva would reportedly resume. Secretary of State Marco Rubio claimed progress."}
    for i in range(12)
] + [
    {"id": f"ru-{i}", "language": "ru", "outlet": "Вестник", "text": f"Песков заявил, что переговоры, вероятно, продолжатся в день {i}. Госдепартамент якобы заявил о прогрессе."}
    for i in range(12)
]


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    lines.insert(5, "{broken")
    lines.insert(9, json.dumps(ARTICLES[0], ensure_ascii=False))  # a repeated id and an exact copy
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_iter_articles_accounts_for_every_row_like_read_articles(corpus):
    whole, report = fr.read_articles(corpus, return_report=True)
    stream = fr.iter_articles(corpus, chunksize=7)
    chunks = list(stream)
    assert [len(c) for c in chunks] == [7, 7, 7, 4]  # 25 articles: the malformed line is rejected, not kept
    streamed = pd.concat(chunks, ignore_index=True)
    assert streamed["article_id"].tolist() == whole["article_id"].tolist()
    assert streamed["text"].tolist() == whole["text"].tolist()
    assert stream.report.rows_seen == report.rows_seen == 26
    assert stream.report.kept == report.kept == 25
    assert stream.report.rejected_by_reason == report.rejected_by_reason == {"malformed_json": 1}
    # the exact copy in a later chunk is still found
    assert streamed.set_index("article_id").loc["en-0~2", "duplicate_of"] == "en-0"


def test_streamed_scores_equal_in_memory_scores(corpus, tmp_path):
    out, spans = tmp_path / "features.parquet", tmp_path / "spans.parquet"
    summary = score_stream(corpus, out, spans=spans, chunksize=5, progress=False)
    articles = fr.read_articles(corpus)
    expected = fr.score(articles)
    got = pd.read_parquet(out)
    assert summary["articles"] == len(got) == 25 and summary["chunks"] == 5
    numeric = [c for c in expected.columns if pd.api.types.is_numeric_dtype(expected[c])]
    assert got["article_id"].tolist() == expected["article_id"].tolist()
    pd.testing.assert_frame_equal(got[numeric], expected[numeric], check_dtype=False)
    assert len(pd.read_parquet(spans)) == summary["spans"] > 0


def test_score_on_a_dask_local_cluster_equals_pandas(corpus, tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    articles = fr.read_articles(corpus)
    expected = fr.score(articles).set_index("article_id").sort_index()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        got = fr.score(dd.from_pandas(articles[["article_id", "language", "text"]], npartitions=3)).compute().set_index("article_id").sort_index()
        numeric = [c for c in expected.columns if pd.api.types.is_numeric_dtype(expected[c])]
        pd.testing.assert_frame_equal(got[numeric], expected[numeric], check_dtype=False)
        assert got["language"].tolist() == expected["language"].tolist()
        # the lazy result writes straight to Parquet (Dask's placeholders for object columns could not be stored)
        fr.score(dd.from_pandas(articles, npartitions=2)).to_parquet(tmp_path / "features-parquet")
        written = pd.read_parquet(tmp_path / "features-parquet").set_index("article_id").sort_index()
        assert written["outlet"].astype(object).where(written["outlet"].notna(), None).tolist() == expected["outlet"].tolist()
        assert written["officials_RU"].tolist() == expected["officials_RU"].tolist()
        out = tmp_path / "via-dask.csv"
        summary = score_stream(corpus, out, chunksize=6, client=client, progress=False)
    via_dask = pd.read_csv(out).set_index("article_id").sort_index()
    assert summary["articles"] == 25
    pd.testing.assert_series_equal(via_dask["attributions_RU"], expected["attributions_RU"], check_dtype=False)


def test_parallel_scoring_cuts_a_chunk_so_every_worker_gets_work():
    """With --jobs 2 a corpus smaller than one chunk still goes to two processes, in order."""
    from framing.scale import _pieces

    chunk = pd.DataFrame({"article_id": [f"a{i}" for i in range(5)]})
    pieces = list(_pieces(iter([chunk, chunk.head(0)]), 2))
    assert [p["article_id"].tolist() for p in pieces] == [["a0", "a1", "a2"], ["a3", "a4"], []]


def test_cli_score_on_a_local_dask_cluster(corpus, tmp_path, capsys):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "features.parquet"
    assert main(["score", str(corpus), "-o", str(out), "--dask", "local", "--jobs", "2", "--chunksize", "6", "--no-progress"]) == 0
    got = pd.read_parquet(out).set_index("article_id").sort_index()
    expected = fr.score(fr.read_articles(corpus)).set_index("article_id").sort_index()
    assert got.index.tolist() == expected.index.tolist()
    for column in ("attributions_RU", "attributions_US", "distancing_US", "hedges_per_1k_words", "words"):
        assert got[column].tolist() == pytest.approx(expected[column].tolist()), column
    assert "26 rows seen, 25 kept, 1 rejected" in capsys.readouterr().out


def test_cli_score_streams_in_chunks(corpus, tmp_path, capsys):
    out = tmp_path / "f.jsonl"
    assert main(["score", str(corpus), "-o", str(out), "--chunksize", "10"]) == 0
    printed = capsys.readouterr().out
    assert "26 rows seen, 25 kept, 1 rejected" in printed and "in 3 chunk(s)" in printed
    assert len(pd.read_json(out, lines=True)) == 25
