"""read_articles: every reader, column mapping, cleaning, and an account of every row."""

from __future__ import annotations

import bz2
import csv
import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

import framing as fr
from framing.schema import ARTICLE_COLUMNS, AUDIT_COLUMNS

ARTICLES = [
    {
        "id": "tass-1",
        "outlet": "TASS",
        "language": "ru",
        "date": "2026-03-02",
        "title": "Рябков: переговоры в Женеве начнутся в понедельник",
        "text": "ЖЕНЕВА, 2 марта. /ТАСС/. Замминистра иностранных дел РФ Сергей Рябков заявил, что переговоры с США начнутся в понедельник.\n\nПо его словам, Москва ждет от Вашингтона ответа на свои предложения.",
    },
    {
        "id": "rta-1",
        "outlet": "RT Arabic",
        "language": "ar",
        "date": "2026-03-03",
        "title": "ريابكوف يؤكد موعد المحادثات مع واشنطن",
        "text": "أكد نائب وزير الخارجية الروسي سيرغي ريابكوف أن المحادثات مع الولايات المتحدة ستبدأ في جنيف يوم الاثنين.\n\nوأضاف أن موسكو تنتظر ردا أمريكيا مكتوبا على مقترحاتها الأمنية.",
    },
    {
        "id": "ap-1",
        "outlet": "Associated Press",
        "language": "en",
        "date": "2026-03-02",
        "title": "US and Russia open security talks in Geneva",
        "text": "GENEVA (AP) — U.S. and Russian officials opened security talks in Geneva on Monday, a State Department spokesperson said.\n\n“We are here to listen,” the spokesperson told reporters.",
    },
]


def _write_jsonl(path: Path, rows) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_gives_the_article_schema_with_fields_mapped(tmp_path):
    articles, report = fr.read_articles(_write_jsonl(tmp_path / "c.jsonl", ARTICLES), return_report=True)
    assert list(articles.columns[: len(ARTICLE_COLUMNS) + len(AUDIT_COLUMNS)]) == [*ARTICLE_COLUMNS, *AUDIT_COLUMNS]
    assert articles["article_id"].tolist() == ["tass-1", "rta-1", "ap-1"]
    assert articles["language"].tolist() == ["ru", "ar", "en"]
    assert articles["published"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-02", "2026-03-03", "2026-03-02"]
    assert articles["outlet_country"].tolist() == ["RU", "RU", "US"]  # filled from the outlet registry
    assert articles.loc[0, "dateline"] == "ЖЕНЕВА, 2 марта. /ТАСС/."
    assert articles.loc[0, "text"].startswith("Замминистра иностранных дел РФ Сергей Рябков заявил")
    assert articles.loc[2, "dateline"] == "GENEVA (AP) —"
    assert report.rows_seen == report.kept == 3 and report.rejected.empty


@pytest.mark.parametrize("fmt", ["csv", "tsv", "parquet", "json", "jsonl.gz", "csv.bz2"])
def test_every_tabular_format_reads_the_same_articles(tmp_path, fmt):
    frame = pd.DataFrame(ARTICLES).rename(columns={"text": "body", "title": "headline", "date": "pubdate"})
    path = tmp_path / f"corpus.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif fmt == "parquet":
        frame.to_parquet(path)
    elif fmt == "json":
        path.write_text(json.dumps({"articles": frame.to_dict(orient="records")}, ensure_ascii=False), encoding="utf-8")
    elif fmt == "jsonl.gz":
        path.write_bytes(gzip.compress(frame.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8")))
    elif fmt == "csv.bz2":
        path.write_bytes(bz2.compress(frame.to_csv(index=False).encode("utf-8")))
    articles = fr.read_articles(path)
    assert articles["article_id"].tolist() == ["tass-1", "rta-1", "ap-1"]
    assert articles["title"].tolist() == [a["title"] for a in ARTICLES]
    assert articles["published"].notna().all()
    assert articles.loc[1, "text"].startswith("أكد نائب وزير الخارجية الروسي")


def test_folder_of_text_files_with_sidecar_metadata_and_legacy_encodings(tmp_path):
    folder = tmp_path / "scrape"
    folder.mkdir()
    (folder / "ar-001.txt").write_bytes(
        "موسكو (رويترز) – قالت وزارة الخارجية الروسية إن المحادثات ستستأنف في فيينا.\n\nاقرأ أيضا: الكرملين يرحب بالحوار".encode("cp1256")
    )
    (folder / "ru-001.txt").write_bytes("Песков заявил, что Кремль внимательно изучит ответ Вашингтона.".encode("koi8_r"))
    (folder / "en-001.txt").write_text("\ufeffWASHINGTON (AP) — The State Department said it had sent its written response.", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    with open(folder / "_metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "outlet", "date"])
        writer.writerow(["ar-001.txt", "Reuters", "4 يناير 2022"])
        writer.writerow(["ru-001.txt", "Meduza", "10 января 2022"])
    articles, report = fr.read_articles(folder, return_report=True)
    by_id = articles.set_index("article_id")
    assert sorted(by_id.index) == ["ar-001", "en-001", "ru-001"]
    assert by_id.loc["ar-001", "text"] == "قالت وزارة الخارجية الروسية إن المحادثات ستستأنف في فيينا."
    assert by_id.loc["ar-001", "language"] == "ar" and by_id.loc["ar-001", "outlet"] == "Reuters"
    assert by_id.loc["ru-001", "published"] == pd.Timestamp("2022-01-10")
    assert by_id.loc["ru-001", "outlet_country"] == "LV"
    assert by_id.loc["en-001", "dateline"] == "WASHINGTON (AP) —"
    assert {s.encoding for s in report.sources} == {"cp1256", "koi8_r", "utf-8-sig"}


def test_html_page_body_and_metadata_come_from_trafilatura(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        """<!doctype html><html lang="en"><head><title>Talks open in Geneva | Example Wire</title>
<meta property="og:title" content="Talks open in Geneva">
<meta property="article:published_time" content="2026-03-02T09:00:00Z">
<link rel="canonical" href="https://apnews.com/article/geneva-talks-1"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks open in Geneva</h1>
<p>GENEVA (AP) — Russian and U.S. diplomats opened strategic security talks in Geneva on Monday, officials from both sides said.</p>
<p>Deputy Foreign Minister Sergei Ryabkov said Moscow expected a written answer on security guarantees within weeks.</p>
<p>“We will listen carefully,” a senior State Department official told reporters on condition of anonymity.</p>
</article><footer>© 2026 Example Wire. All rights reserved.</footer></body></html>""",
        encoding="utf-8",
    )
    article = fr.read_articles(page).iloc[0]
    assert article["title"] == "Talks open in Geneva"
    assert article["published"] == pd.Timestamp("2026-03-02")
    assert article["outlet"] == "Associated Press"  # from the canonical URL
    assert article["dateline"] == "GENEVA (AP) —"
    assert article["text"].startswith("Russian and U.S. diplomats opened")
    assert "All rights reserved" not in article["text"] and "Home" not in article["text"]


def test_globs_and_lists_of_paths(tmp_path):
    _write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])
    _write_jsonl(tmp_path / "b.jsonl", ARTICLES[1:])
    assert len(fr.read_articles(str(tmp_path / "*.jsonl"))) == 3
    assert len(fr.read_articles([tmp_path / "b.jsonl", tmp_path / "a.jsonl"])) == 3


def test_explicit_column_mappings(tmp_path):
    rows = [{"story_body": a["text"], "story_key": a["id"], "when": a["date"], "lang_code": a["language"]} for a in ARTICLES]
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    articles = fr.read_articles(path, text_col="story_body", id_col="story_key", date_col="when", language_col="lang_code")
    assert articles["article_id"].tolist() == ["tass-1", "rta-1", "ap-1"]
    assert articles["published"].notna().all()


def test_missing_text_column_is_a_clear_error(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", [{"headline": "Talks open", "summary": "Russia and the US met."}])
    with pytest.raises(ValueError, match=r"column 'text' is missing; found: headline, summary; pass text_col="):
        fr.read_articles(path)
    with pytest.raises(ValueError, match="text column 'story' is not in the input"):
        fr.read_articles(path, text_col="story")


def test_missing_paths_raise_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        fr.read_articles(tmp_path / "nowhere.jsonl")
    with pytest.raises(FileNotFoundError, match="no files match"):
        fr.read_articles(str(tmp_path / "*.jsonl"))


def test_unknown_format_is_a_clear_error(tmp_path):
    path = tmp_path / "corpus.docx"
    path.write_bytes(b"PK")
    with pytest.raises(ValueError, match="supported: jsonl"):
        fr.read_articles(path)


def test_a_battery_of_broken_input_accounts_for_every_row(tmp_path):
    good = ARTICLES[0]
    lines = [
        json.dumps(good, ensure_ascii=False),  # 1 kept
        '{"id": "broken", "text": "Песков заявил',  # 2 malformed JSON
        "",  # 3 blank line
        json.dumps(["not", "an", "object"]),  # 4 not an object
        json.dumps({"id": "empty", "text": "   "}),  # 5 empty text
        json.dumps({"id": "none", "text": None}),  # 6 missing text
        json.dumps({"id": "list", "text": ["a", "b"]}),  # 7 text not a string
        json.dumps(good, ensure_ascii=False),  # 8 same id: renamed, and an exact duplicate
        json.dumps({"id": "junk", "text": "LEAVE A REPLY\n\nPlease enter your comment!"}),  # 9 only boilerplate
        json.dumps({"text": "Захарова заявила, что Москва ответит на новые санкции.", "language": "ru"}),  # 10 no id: generated
    ]
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    raw += b'{"id": "badbytes", "text": "\xff\xfe broken bytes"}\n'  # 11 invalid UTF-8 in one line
    path = tmp_path / "broken.jsonl"
    path.write_bytes(raw)
    articles, report = fr.read_articles(path, return_report=True)
    assert report.rows_seen == 11
    assert report.kept == len(articles) == 3
    assert report.rows_seen == report.kept + len(report.rejected)
    reasons = dict(zip(report.rejected["line"], report.rejected["reason"]))
    assert reasons == {
        2: "malformed_json",
        3: "blank_line",
        4: "not_an_object",
        5: "empty_text",
        6: "missing_text",
        7: "text_not_string",
        9: "empty_after_cleaning",
        11: "invalid_encoding",
    }
    assert articles["article_id"].tolist() == ["tass-1", "tass-1~2", "broken:10"]
    # an article that was all boilerplate keeps its words in the report
    junk = report.rejected.set_index("line").loc[9, "detail"]
    assert "LEAVE A REPLY" in junk and "comment_form" in junk
    assert report.renamed_ids["original_id"].tolist() == ["tass-1"]
    assert articles.loc[1, "duplicate_of"] == "tass-1"


def test_broken_csv_quoting_is_rejected_row_by_row_never_swallowed(tmp_path):
    """A quote left open would make the rest of the file one field; a stray quote breaks one row only."""
    opened = tmp_path / "open.csv"
    opened.write_text('id,text\nru-1,"Песков заявил, что переговоры продолжатся.\nru-2,Захарова сообщила о новых санкциях.\nru-3,Лавров ответил коротко.\n', encoding="utf-8")
    articles, report = fr.read_articles(opened, return_report=True)
    assert articles.empty
    assert report.rejected[["line", "reason"]].values.tolist() == [[2, "malformed_csv"]]
    assert "never closes: lines 2-4 rejected" in report.rejected["detail"].iloc[0]

    stray = tmp_path / "stray.csv"
    stray.write_text('id,text\nar-1,قال بيسكوف إن المحادثات مفيدة.\nar-2,"لافروف" قال إن موسكو مستعدة.\nar-3,وأضاف أن الجولة المقبلة في جنيف.\n', encoding="utf-8")
    articles, report = fr.read_articles(stray, return_report=True)
    assert articles["article_id"].tolist() == ["ar-1", "ar-3"]
    assert report.rejected[["line", "reason"]].values.tolist() == [[3, "malformed_csv"]]
    assert report.rows_seen == report.kept + len(report.rejected)

    quoted = tmp_path / "quoted.csv"
    quoted.write_text('id,text\nen-1,"Peskov said, ""we are ready"",\nand left."\nen-2,Lavrov said nothing new.\n', encoding="utf-8")
    articles = fr.read_articles(quoted, clean=False)
    assert articles["text"].tolist() == ['Peskov said, "we are ready",\nand left.', "Lavrov said nothing new."]


def test_undecodable_and_corrupt_files_are_rejected_not_crashed(tmp_path):
    folder = tmp_path / "mess"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (folder / "corrupt.parquet").write_bytes(b"PAR1 this is not parquet")
    (folder / "truncated.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "y"}\n')[:15])
    (folder / "ok.jsonl").write_text(json.dumps(ARTICLES[2]), encoding="utf-8")
    articles, report = fr.read_articles(folder, return_report=True)
    assert articles["article_id"].tolist() == ["ap-1"]
    assert sorted(report.rejected["reason"]) == ["undecodable_file", "unreadable_file", "unreadable_file"]
    assert report.rows_seen == report.kept + len(report.rejected)


def test_near_duplicates_are_marked_and_can_be_dropped(tmp_path):
    wire = dict(
        ARTICLES[2],
        text=ARTICLES[2]["text"]
        + "\n\nThe talks are the first of three rounds this month. Russia wants legally binding guarantees that NATO"
        " will not expand further east, while Washington says it is ready to discuss missile deployments and the scale"
        " of military exercises. Deputy Secretary of State Wendy Sherman leads the U.S. delegation.",
    )
    republished = dict(wire, id="ap-1-copy", outlet="ABC News", date="2026-03-03", text=wire["text"] + " ABC News contributed.")
    other = dict(ARTICLES[0], id="tass-2")
    path = _write_jsonl(tmp_path / "c.jsonl", [republished, wire, other])
    articles, report = fr.read_articles(path, return_report=True)
    assert articles.set_index("article_id").loc["ap-1-copy", "duplicate_of"] == "ap-1"  # the earlier one is the original
    assert report.duplicates["kind"].tolist() == ["near"]
    kept, report = fr.read_articles(path, drop_duplicates=True, return_report=True)
    assert kept["article_id"].tolist() == ["ap-1", "tass-2"]
    assert report.rejected["reason"].tolist() == ["duplicate"]
    assert report.rows_seen == report.kept + len(report.rejected)


def test_outlet_is_filled_from_the_url_and_domains_become_names(tmp_path):
    rows = [
        {"id": "1", "text": "Песков заявил журналистам, что Кремль изучает ответ.", "url": "https://ria.ru/20260302/peskov-123.html"},
        {"id": "2", "text": "The Kremlin said it was studying the answer.", "site": "apnews.com"},
    ]
    articles, report = fr.read_articles(_write_jsonl(tmp_path / "c.jsonl", rows), return_report=True)
    assert articles["outlet"].tolist() == ["RIA Novosti", "Associated Press"]
    assert articles["outlet_country"].tolist() == ["RU", "US"]
    assert report.filled["outlet from url"] == 1


def test_clean_false_keeps_text_exactly(tmp_path):
    raw = "MOSCOW (AP) — The Kremlin said talks would go on. Read more\n\nLEAVE A REPLY"
    path = _write_jsonl(tmp_path / "c.jsonl", [{"id": "1", "text": raw}])
    assert fr.read_articles(path, clean=False).loc[0, "text"] == raw
    assert fr.read_articles(path).loc[0, "text"] == "The Kremlin said talks would go on."


def test_a_dataframe_is_validated_and_cleaned_like_a_file():
    frame = pd.DataFrame({"body": ["MOSCOW (AP) — Peskov said the talks were useful. Read more"], "lang": ["en"]})
    articles = fr.read_articles(frame)
    assert articles.loc[0, "text"] == "Peskov said the talks were useful."
    assert articles.loc[0, "article_id"] == "row:1"


def test_round_trip_through_every_writer(tmp_path):
    articles = fr.read_articles(_write_jsonl(tmp_path / "c.jsonl", ARTICLES))
    for suffix in ("parquet", "csv", "jsonl"):
        out = fr.write_articles(articles, tmp_path / f"out.{suffix}")
        again = fr.read_articles(out, clean=False, near_duplicates=None)
        assert again["article_id"].tolist() == articles["article_id"].tolist()
        assert again["text"].tolist() == articles["text"].tolist()
        assert again["published"].tolist() == articles["published"].tolist()


def test_load_report_is_serialisable_and_readable(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", ARTICLES + [{"id": "x", "text": ""}])
    _, report = fr.read_articles(path, return_report=True)
    data = report.to_dict()
    assert json.loads(json.dumps(data))["rejected_by_reason"] == {"empty_text": 1}
    assert "4 rows seen, 3 kept, 1 rejected" in report.summary()
    assert "<pre>" in report._repr_html_()
