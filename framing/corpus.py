"""Reading corpora into one clean, validated article table, with a load report.

>>> import framing as fr
>>> articles, report = fr.read_articles(fr.demo_corpus_path(), return_report=True)
>>> len(articles) == report.kept and report.rows_seen == report.kept + len(report.rejected)
True
>>> sorted(articles.language.unique())
['ar', 'en', 'ru']
"""

from __future__ import annotations

import glob as globlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from tqdm.auto import tqdm

from framing.clean import (
    CleanedText,
    Removal,
    clean_text,
    find_templates,
    normalize_unicode,
    template_key,
)
from framing.dates import parse_dates
from framing.dedupe import DEFAULT_THRESHOLD, exact_key, find_duplicates
from framing.language import detect_language, is_mixed, normalize_language_code
from framing.outlets import lookup, lookup_url
from framing.readers import FORMATS, RawRecord, Rejection, format_of, read_file
from framing.report import LoadReport
from framing.schema import ARTICLE_COLUMNS, AUDIT_COLUMNS, resolve_columns

__all__ = ["ArticleStream", "expand_sources", "iter_articles", "read_articles", "write_articles"]

Source = str | os.PathLike[str] | pd.DataFrame | Sequence["str | os.PathLike[str]"]
_METADATA_NAMES = ("_metadata.csv", "_metadata.jsonl", "_metadata.json", "_metadata.tsv")
_SINGLE_ARTICLE_FORMATS = ("txt", "html")
_PROGRESS_MIN_ROWS = 2000
#: Rows of a file looked at to decide its column mapping.
_MAPPING_SAMPLE = 1000


@dataclass
class _Row:
    """One input row on its way to becoming an article."""

    fields: dict[str, Any]
    source_file: str
    line: int
    extras: dict[str, Any]


def expand_sources(source: Source) -> list[Path]:
    """The files a source names: a file, a folder (recursively), a glob pattern, or a list of these.

    In folders, hidden files, files starting with ``_`` (such as the
    ``_metadata.csv`` sidecar) and files of unsupported types are skipped.

    Raises
    ------
    FileNotFoundError
        If a path does not exist or a glob pattern matches nothing.
    """
    if isinstance(source, (str, os.PathLike)):
        items: list[str | os.PathLike[str]] = [source]
    else:
        items = list(source)
    files: list[Path] = []
    for item in items:
        path = Path(item).expanduser()
        text = str(item)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                for name in sorted(names):
                    if name.startswith((".", "_")) or format_of(name) is None:
                        continue
                    files.append(Path(root) / name)
        elif any(ch in text for ch in "*?["):
            matches = sorted(Path(m) for m in globlib.glob(os.path.expanduser(text), recursive=True) if Path(m).is_file())
            if not matches:
                raise FileNotFoundError(f"no files match {text!r}")
            files.extend(matches)
        else:
            raise FileNotFoundError(f"no such file or folder: {text}")
    return files


def _read_metadata(path: Path, report: LoadReport) -> dict[str, dict[str, Any]]:
    """Sidecar metadata for single-article files, keyed by file name."""
    info, rows = read_file(path)
    table: dict[str, dict[str, Any]] = {}
    for item in rows:
        if isinstance(item, Rejection):
            report.notes.append(f"metadata {path}: line {item.line} unusable ({item.reason}: {item.detail})")
            continue
        fields = dict(item.fields)
        name = fields.pop("file", None) or fields.pop("filename", None)
        if not name:
            report.notes.append(f"metadata {path}: line {item.line} has no 'file' column")
            continue
        table[Path(str(name)).name] = {k: v for k, v in fields.items() if v not in (None, "")}
    return table


def _metadata_for(files: Iterable[Path], explicit: Any, report: LoadReport) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    folders = sorted({f.parent for f in files})
    for folder in folders:
        for name in _METADATA_NAMES:
            if (folder / name).is_file():
                table.update(_read_metadata(folder / name, report))
    if explicit is not None:
        if isinstance(explicit, pd.DataFrame):
            if "file" not in explicit.columns:
                raise ValueError(f"metadata needs a 'file' column; found: {', '.join(map(str, explicit.columns))}")
            for record in explicit.to_dict(orient="records"):
                name = Path(str(record.pop("file"))).name
                table[name] = {k: v for k, v in record.items() if not (v is None or v == "" or (isinstance(v, float) and v != v))}
        else:
            table.update(_read_metadata(Path(explicit), report))
    return table


def _records_from_frame(frame: pd.DataFrame) -> Iterator[RawRecord]:
    for number, record in enumerate(frame.to_dict(orient="records"), start=1):
        yield RawRecord(record, "<DataFrame>", number)


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    if value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, str) and not value.strip()


def _as_text(value: Any) -> str | None:
    if _missing(value):
        return None
    return value.strip() if isinstance(value, str) else str(value)


def _rows(
    source: Source,
    explicit: dict[str, str | None],
    *,
    format: str | None,
    encoding: str | None,
    metadata: Any,
    report: LoadReport,
    progress: bool | None,
) -> Iterator[_Row]:
    """Read every source lazily into rows with schema field names, recording what cannot be used.

    The column mapping of a file is decided from its first rows
    (:data:`_MAPPING_SAMPLE`); keys first seen later are kept as extra columns.
    """
    if isinstance(source, pd.DataFrame):
        batches: list[tuple[str, Iterator[RawRecord | Rejection]]] = [("dataframe", _records_from_frame(source))]
        side_meta: dict[str, dict[str, Any]] = {}
    else:
        files = expand_sources(source)
        side_meta = _metadata_for(files, metadata, report)
        batches = []
        for path in files:
            info, items = read_file(path, format=format, encoding=encoding)
            report.sources.append(info)
            batches.append((info.format, items))
    show = progress if progress is not None else len(batches) > 200
    for fmt, items in tqdm(batches, desc="reading files", unit="file", disable=not show or len(batches) < 2):
        single = fmt in _SINGLE_ARTICLE_FORMATS
        pending: list[RawRecord] = []
        mapping: dict[str, str] | None = None
        mapped_columns: set[str] = set()

        def decide(records: list[RawRecord]) -> None:
            nonlocal mapping, mapped_columns
            keys: dict[str, None] = {}
            for record in records:
                keys.update(dict.fromkeys(record.fields))
            try:
                mapping = resolve_columns(keys, None if single else explicit)
            except ValueError as exc:
                raise ValueError(f"{records[0].source_file}: {exc}") from None
            mapped_columns = set(mapping.values())

        def convert(record: RawRecord) -> _Row:
            report.rows_seen += 1
            fields = {name: record.fields.get(column) for name, column in mapping.items()}
            extras = {}
            for key, value in record.fields.items():
                if key not in mapped_columns:
                    name = f"input_{key}" if key in ARTICLE_COLUMNS or key in AUDIT_COLUMNS else str(key)
                    extras[name] = value
            return _Row(fields, record.source_file, record.line, extras)

        for item in items:
            if isinstance(item, Rejection):
                report.rows_seen += 1
                report.add_rejection(item)
                continue
            if single:
                extra = side_meta.get(Path(item.source_file).name)
                if extra:
                    item.fields.update(extra)
            if mapping is None:
                pending.append(item)
                if len(pending) < _MAPPING_SAMPLE:
                    continue
                decide(pending)
                yield from (convert(r) for r in pending)
                pending = []
                continue
            yield convert(item)
        if mapping is None and pending:
            decide(pending)
            yield from (convert(r) for r in pending)


def _validate_text(row: _Row, report: LoadReport) -> str | None:
    value = row.fields.get("text")
    if value is None or (isinstance(value, float) and value != value):
        report.reject(row.source_file, row.line, "missing_text", "no text in this row")
        return None
    if not isinstance(value, str):
        if isinstance(value, (int, float)):
            value = str(value)
        else:
            report.reject(row.source_file, row.line, "text_not_string", f"text is a {type(value).__name__}")
            return None
    if not value.strip():
        report.reject(row.source_file, row.line, "empty_text", "text is empty or only whitespace")
        return None
    return value


def _unique_ids(rows: list[_Row], ids: list[str], report: LoadReport, seen: Counter) -> list[str]:
    """Make ids unique (a repeated id gets ``~2``, ``~3`` ...), across all chunks of a stream."""
    renamed = []
    out = []
    for row, article_id in zip(rows, ids, strict=True):
        seen[article_id] += 1
        if seen[article_id] == 1:
            out.append(article_id)
            continue
        n = seen[article_id]
        candidate = f"{article_id}~{n}"
        while candidate in seen:
            n += 1
            candidate = f"{article_id}~{n}"
        seen[candidate] += 1
        renamed.append((row.source_file, row.line, article_id, candidate))
        out.append(candidate)
    if renamed:
        frame = pd.DataFrame(renamed, columns=["source_file", "line", "original_id", "article_id"])
        report.renamed_ids = pd.concat([report.renamed_ids, frame], ignore_index=True) if len(report.renamed_ids) else frame
    return out


def read_articles(
    source: Source,
    *,
    format: str | None = None,
    encoding: str | None = None,
    text_col: str | None = None,
    id_col: str | None = None,
    title_col: str | None = None,
    date_col: str | None = None,
    outlet_col: str | None = None,
    country_col: str | None = None,
    language_col: str | None = None,
    url_col: str | None = None,
    language: str | None = None,
    metadata: str | os.PathLike[str] | pd.DataFrame | None = None,
    clean: bool = True,
    templates: Literal["short", "all"] | None = "short",
    near_duplicates: float | None = DEFAULT_THRESHOLD,
    drop_duplicates: bool = False,
    return_report: bool = False,
    progress: bool | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, LoadReport]:
    """Read news articles from files into one cleaned, validated DataFrame.

    Parameters
    ----------
    source : path, glob, folder, list of these, or DataFrame
        JSON Lines, JSON, CSV, TSV or Parquet files (one article per row),
        ``.txt`` files and ``.html`` pages (one article each; the body of a page
        is extracted with trafilatura), optionally gzip/bz2/xz compressed; a
        folder is read recursively. A DataFrame is validated and cleaned the same way.
    format, encoding : str, optional
        Force the format (one of :data:`framing.readers.FORMATS`) or the text
        encoding; by default both are detected (UTF-8/16/32, cp1256, cp1251,
        KOI8-R, cp1252).
    text_col, id_col, title_col, date_col, outlet_col, country_col, language_col, url_col : str, optional
        The input's column for each field, when its name is not one of the
        common names (``body``, ``content``, ``article`` -> text; ``headline``
        -> title; ``date``, ``pubdate`` -> published; ``domain``, ``site`` ->
        outlet; see :data:`framing.schema.COLUMN_ALIASES`).
    language : {"ar", "en", "ru"}, optional
        Force the language of every article; by default the input's language
        column is used and, where it is missing, the language is detected.
    metadata : path or DataFrame, optional
        Metadata for single-article files (``.txt``/``.html``), one row per
        file with a ``file`` column (the file name). A ``_metadata.csv`` (or
        ``.jsonl``) next to the files is used automatically.
    clean : bool
        Remove boilerplate and move datelines and bylines to their fields
        (:mod:`framing.clean`); False keeps every text exactly as read.
    templates : {"short", "all"} or None
        Remove lines repeated across many articles of one outlet: "short" (the
        default) only lines of at most 15 words, "all" any repeated line, None none.
    near_duplicates : float or None
        Jaccard similarity for near duplicates (None: exact duplicates only).
    drop_duplicates : bool
        Drop exact and near duplicates (they are listed in the report); by
        default they are kept and marked in ``duplicate_of``.
    return_report : bool
        Also return the :class:`~framing.report.LoadReport`.
    progress : bool, optional
        Show progress bars; by default only for large inputs.

    Returns
    -------
    pandas.DataFrame or (pandas.DataFrame, LoadReport)
        One row per article with the columns of :data:`framing.schema.ARTICLE_COLUMNS`,
        then :data:`framing.schema.AUDIT_COLUMNS`, then the input's other columns.

    Raises
    ------
    FileNotFoundError
        A path does not exist, or a glob matches nothing.
    ValueError
        No text column can be found (the message lists the columns found and the
        option to pass), or an option is invalid.
    """
    if language is not None and language not in ("ar", "en", "ru"):
        raise ValueError(f"language must be 'ar', 'en' or 'ru' (or None to use the input's), not {language!r}")
    if templates not in ("short", "all", None):
        raise ValueError(f"templates must be 'short', 'all' or None, not {templates!r}")
    explicit = _explicit_columns(
        text_col=text_col, id_col=id_col, title_col=title_col, date_col=date_col,
        outlet_col=outlet_col, country_col=country_col, language_col=language_col, url_col=url_col,
    )
    report = LoadReport()
    rows = list(_rows(source, explicit, format=format, encoding=encoding, metadata=metadata, report=report, progress=progress))
    options = _Options(clean, templates, near_duplicates, drop_duplicates, language, progress)
    frame = _build(rows, options, report, _StreamState())
    report.kept = len(frame)
    report.check()
    return (frame, report) if return_report else frame


def _explicit_columns(**columns: str | None) -> dict[str, str | None]:
    return {
        "text": columns.get("text_col"),
        "article_id": columns.get("id_col"),
        "title": columns.get("title_col"),
        "published": columns.get("date_col"),
        "outlet": columns.get("outlet_col"),
        "outlet_country": columns.get("country_col"),
        "language": columns.get("language_col"),
        "url": columns.get("url_col"),
    }


@dataclass
class _Options:
    clean: bool = True
    templates: str | None = "short"
    near_duplicates: float | None = DEFAULT_THRESHOLD
    drop_duplicates: bool = False
    language: str | None = None
    progress: bool | None = None


@dataclass
class _StreamState:
    """What must be remembered across the chunks of a stream: ids and exact copies seen so far."""

    seen_ids: Counter = field(default_factory=Counter)
    exact: dict = field(default_factory=dict)  # exact-duplicate key -> article_id of the first copy


def _build(rows: list[_Row], options: _Options, report: LoadReport, state: _StreamState) -> pd.DataFrame:
    """Validate, clean, assemble and mark duplicates for a batch of rows."""
    show = options.progress if options.progress is not None else len(rows) >= _PROGRESS_MIN_ROWS
    kept_rows: list[_Row] = []
    texts: list[str] = []
    cleaned: list[CleanedText | None] = []
    languages: list[str] = []
    for row in tqdm(rows, desc="cleaning", unit="article", disable=not show):
        text = _validate_text(row, report)
        if text is None:
            continue
        given = options.language or normalize_language_code(row.fields.get("language"))
        lang = given or detect_language(text).language
        if given is None:
            report.filled["language detected"] += 1
        if options.clean:
            result = clean_text(text, lang, title=_as_text(row.fields.get("title")))
            cleaned.append(result)
            texts.append("")
        else:
            cleaned.append(None)
            texts.append(text)
        kept_rows.append(row)
        languages.append(lang)

    groups = [_as_text(r.fields.get("outlet")) or f"file:{r.source_file}" for r in kept_rows]
    if options.clean and options.templates is not None:
        found = find_templates(
            ((g, c.paragraphs) for g, c in zip(groups, cleaned, strict=True) if c is not None),
            max_words=15 if options.templates == "short" else None,
        )
        for group, result in zip(groups, cleaned, strict=True):
            if result is not None and group in found:
                keep = []
                for paragraph in result.paragraphs:
                    if template_key(paragraph) in found[group]:
                        result.removed.append(Removal("template", paragraph))
                    else:
                        keep.append(paragraph)
                result.paragraphs = keep

    final_rows: list[_Row] = []
    final_texts: list[str] = []
    final_clean: list[CleanedText | None] = []
    final_langs: list[str] = []
    for row, text, result, lang in zip(kept_rows, texts, cleaned, languages, strict=True):
        if result is not None:
            text = result.text
            if not text:
                kinds = ", ".join(sorted({r.kind for r in result.removed})) or "nothing"
                removed = " | ".join(r.text for r in result.removed)
                excerpt = removed if len(removed) <= 300 else removed[:299] + "…"
                report.reject(row.source_file, row.line, "empty_after_cleaning", f"only boilerplate ({kinds}): {excerpt}")
                continue
        final_rows.append(row)
        final_texts.append(text)
        final_clean.append(result)
        final_langs.append(lang)

    frame = _assemble(final_rows, final_texts, final_clean, final_langs, report, state)
    return _mark_duplicates(frame, options.near_duplicates, options.drop_duplicates, report, state)


class ArticleStream:
    """Cleaned articles in chunks, with one load report for the whole stream (:func:`iter_articles`)."""

    def __init__(self, rows: Iterator[_Row], chunksize: int, options: _Options, report: LoadReport):
        self._rows = rows
        self.chunksize = chunksize
        self._options = options
        #: The load report, complete once the stream is exhausted.
        self.report = report
        self._state = _StreamState()

    def __iter__(self) -> Iterator[pd.DataFrame]:
        batch: list[_Row] = []
        for row in self._rows:
            batch.append(row)
            if len(batch) >= self.chunksize:
                yield self._chunk(batch)
                batch = []
        if batch:
            yield self._chunk(batch)
        self.report.check()

    def _chunk(self, batch: list[_Row]) -> pd.DataFrame:
        frame = _build(batch, self._options, self.report, self._state)
        self.report.kept += len(frame)
        return frame


def iter_articles(source: Source, *, chunksize: int = 10_000, **options: Any) -> ArticleStream:
    """Read a corpus in chunks of cleaned articles, with bounded memory.

    Takes the same options as :func:`read_articles` (except ``return_report``).
    JSON Lines, CSV/TSV and Parquet files are read incrementally, so memory
    depends on ``chunksize``, not on the corpus. Accounting is the same: after
    the last chunk, ``stream.report`` holds every row, kept or rejected.
    Templates (repeated lines) are found within each chunk; exact duplicates
    across the whole stream, near duplicates within each chunk.

    Examples
    --------
    >>> import framing as fr
    >>> stream = iter_articles(fr.demo_corpus_path(), chunksize=10)
    >>> [len(chunk) for chunk in stream]
    [10, 10, 10, 6]
    >>> stream.report.kept, stream.report.rows_seen
    (36, 36)
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if options.get("language") is not None and options["language"] not in ("ar", "en", "ru"):
        raise ValueError(f"language must be 'ar', 'en' or 'ru' (or None to use the input's), not {options['language']!r}")
    if options.get("templates", "short") not in ("short", "all", None):
        raise ValueError(f"templates must be 'short', 'all' or None, not {options['templates']!r}")
    known = {"format", "encoding", "text_col", "id_col", "title_col", "date_col", "outlet_col", "country_col", "language_col", "url_col", "language", "metadata", "clean", "templates", "near_duplicates", "drop_duplicates", "progress"}
    unknown = set(options) - known
    if unknown:
        raise TypeError(f"iter_articles() got unexpected option(s) {', '.join(sorted(unknown))}")
    explicit = _explicit_columns(**options)
    report = LoadReport()
    rows = _rows(source, explicit, format=options.get("format"), encoding=options.get("encoding"), metadata=options.get("metadata"), report=report, progress=options.get("progress"))
    parsed = _Options(
        options.get("clean", True),
        options.get("templates", "short"),
        options.get("near_duplicates", DEFAULT_THRESHOLD),
        options.get("drop_duplicates", False),
        options.get("language"),
        options.get("progress", False),
    )
    return ArticleStream(rows, chunksize, parsed, report)


def _assemble(
    rows: list[_Row], texts: list[str], cleaned: list[CleanedText | None], languages: list[str], report: LoadReport, state: _StreamState
) -> pd.DataFrame:
    """Build the article table: ids, metadata filled from the registry, dates, audit columns."""
    raw_ids = []
    for row in rows:
        value = _as_text(row.fields.get("article_id"))
        if value is None:
            stem = Path(row.source_file).name.split(".")[0] if row.source_file != "<DataFrame>" else "row"
            value = f"{stem}:{row.line}"
            report.filled["article_id generated"] += 1
        raw_ids.append(value)
    ids = _unique_ids(rows, raw_ids, report, state.seen_ids)

    records = []
    removed_rows = []
    for row, article_id, text, result, lang in zip(rows, ids, texts, cleaned, languages, strict=True):
        outlet = _as_text(row.fields.get("outlet"))
        country = _as_text(row.fields.get("outlet_country"))
        url = _as_text(row.fields.get("url"))
        entry = lookup(outlet) if outlet else None
        if outlet is None and url:
            entry = lookup_url(url)
            if entry is not None:
                outlet = entry.name
                report.filled["outlet from url"] += 1
        elif entry is not None and outlet != entry.name and "." in outlet:
            outlet = entry.name
            report.filled["outlet name from domain"] += 1
        if country is None and entry is not None:
            country = entry.country
            report.filled["outlet_country from registry"] += 1
        byline = _as_text(row.fields.get("byline"))
        dateline = _as_text(row.fields.get("dateline"))
        title = _as_text(row.fields.get("title"))
        if result is not None:
            byline = byline or result.byline
            dateline = dateline or result.dateline
            title = normalize_unicode(title).strip() if title else title
            removed_rows.extend((article_id, r.kind, r.text) for r in result.removed)
        records.append(
            {
                "article_id": article_id,
                "outlet": outlet,
                "outlet_country": country,
                "language": lang,
                "published": row.fields.get("published"),
                "title": title,
                "text": text,
                "url": url,
                "byline": byline,
                "dateline": dateline,
                "source_file": row.source_file,
                "source_line": row.line,
                "language_mixed": is_mixed(text),
                "duplicate_of": None,
                "removed_chars": result.removed_chars if result is not None else 0,
                **row.extras,
            }
        )
    columns = list(ARTICLE_COLUMNS) + list(AUDIT_COLUMNS)
    frame = pd.DataFrame.from_records(records, columns=None) if records else pd.DataFrame(columns=columns)
    for column in columns:
        if column not in frame.columns:
            frame[column] = None
    extras = [c for c in frame.columns if c not in columns]
    frame = frame[columns + extras]
    given_dates = frame["published"]
    frame["published"] = parse_dates(given_dates.tolist()) if len(frame) else pd.Series(dtype="datetime64[ns]")
    unparsed = int((given_dates.map(lambda v: not _missing(v)) & frame["published"].isna()).sum()) if len(frame) else 0
    if unparsed:
        examples = given_dates[given_dates.map(lambda v: not _missing(v)) & frame["published"].isna()].astype(str).head(3).tolist()
        report.notes.append(f"{unparsed} publication date(s) could not be parsed and are missing (e.g. {examples})")
    frame["source_line"] = frame["source_line"].astype("Int64")
    frame["removed_chars"] = frame["removed_chars"].astype("int64")
    frame["language_mixed"] = frame["language_mixed"].astype(bool)
    if removed_rows:
        removed = pd.DataFrame(removed_rows, columns=["article_id", "kind", "text"])
        report.removed = pd.concat([report.removed, removed], ignore_index=True) if len(report.removed) else removed
    return frame.reset_index(drop=True)


def _mark_duplicates(frame: pd.DataFrame, threshold: float | None, drop: bool, report: LoadReport, state: _StreamState) -> pd.DataFrame:
    """Mark exact and near duplicates (exact ones across the whole stream, near ones within the batch)."""
    if len(frame) == 0:
        return frame
    found = find_duplicates(frame["text"].tolist(), frame["article_id"].tolist(), published=frame["published"].tolist(), threshold=threshold)
    keys = [exact_key(text) for text in frame["text"]]
    for position, key in enumerate(keys):
        earlier = state.exact.get(key)
        if earlier is not None and pd.isna(found.at[position, "duplicate_of"]):
            found.loc[position, ["duplicate_of", "kind", "similarity"]] = [earlier, "exact", 1.0]
        elif key is not None and earlier is None and pd.isna(found.at[position, "duplicate_of"]):
            state.exact[key] = found.at[position, "article_id"]
    frame["duplicate_of"] = found["duplicate_of"].to_numpy()
    dups = found[found["duplicate_of"].notna()].copy()
    dups["dropped"] = drop
    if len(dups):
        report.duplicates = pd.concat([report.duplicates, dups], ignore_index=True) if len(report.duplicates) else dups.reset_index(drop=True)
    if drop and len(dups):
        positions = frame.index[frame["duplicate_of"].notna()]
        for position in positions:
            original = frame.at[position, "duplicate_of"]
            report.reject(
                frame.at[position, "source_file"],
                frame.at[position, "source_line"],
                "duplicate",
                f"{frame.at[position, 'article_id']} duplicates {original}",
            )
        frame = frame.drop(index=positions).reset_index(drop=True)
    return frame


def write_articles(articles: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write articles to Parquet, CSV, TSV or JSON Lines, chosen by the file extension.

    Round trip: ``read_articles(path, clean=False)`` reads the same articles back.
    """
    path = Path(path)
    fmt = format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        articles.to_parquet(path, index=False)
    elif fmt in ("csv", "tsv"):
        articles.to_csv(path, index=False, sep="," if fmt == "csv" else "\t")
    elif fmt == "jsonl":
        articles.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        supported = ", ".join(ext for name in ("parquet", "csv", "tsv", "jsonl") for ext in FORMATS[name])
        raise ValueError(f"cannot write {path}: use one of {supported}")
    return path

