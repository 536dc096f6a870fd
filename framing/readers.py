"""Format readers: turn one file into raw records, or into recorded rejections.

Each reader yields, for every row it sees, either a :class:`RawRecord` (the
row's fields as found, with its file and line) or a :class:`Rejection` (the
row's file, line and the reason it cannot be used). Nothing is dropped
without a rejection, so ``rows seen == records + rejections`` always holds.
Mapping the fields to the article schema and cleaning the text happen later
(:mod:`framing.corpus`, :mod:`framing.clean`).

Supported formats: JSON Lines, JSON, CSV, TSV, Parquet, plain-text files
(one article each) and HTML pages (article body extracted with
trafilatura), each optionally compressed with gzip, bzip2 or xz.

>>> sorted(FORMATS)
['csv', 'html', 'json', 'jsonl', 'parquet', 'tsv', 'txt']
>>> format_of("corpus/rt_2022.jsonl.gz")
'jsonl'
"""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import lzma
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.encoding import UndecodableError, decode_bytes

__all__ = [
    "FORMATS",
    "RawRecord",
    "Rejection",
    "SourceInfo",
    "format_of",
    "read_file",
]

#: File extensions of each format (before an optional compression suffix).
FORMATS: dict[str, tuple[str, ...]] = {
    "jsonl": (".jsonl", ".ndjson", ".jsonlines"),
    "json": (".json",),
    "csv": (".csv",),
    "tsv": (".tsv", ".tab"),
    "parquet": (".parquet", ".pq"),
    "txt": (".txt", ".text"),
    "html": (".html", ".htm", ".xhtml"),
}
_COMPRESSION = {".gz": gzip.decompress, ".bz2": bz2.decompress, ".xz": lzma.decompress}
_EXTENSION_FORMAT = {ext: fmt for fmt, exts in FORMATS.items() for ext in exts}


@dataclass
class RawRecord:
    """One row as read: its fields, and where it came from."""

    fields: dict[str, Any]
    source_file: str
    line: int


@dataclass
class Rejection:
    """A row (or a whole file, ``line`` None) that could not be used, and why."""

    source_file: str
    line: int | None
    reason: str
    detail: str


@dataclass
class SourceInfo:
    """What was found out about one input file while reading it."""

    path: str
    format: str
    encoding: str | None = None
    rows: int = 0
    notes: list[str] = field(default_factory=list)


def format_of(path: str | Path) -> str | None:
    """The format of ``path`` from its extension (compression suffix ignored), or None.

    >>> format_of("a/b.CSV"), format_of("page.htm"), format_of("notes.docx") is None
    ('csv', 'html', True)
    """
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] in _COMPRESSION:
        suffixes = suffixes[:-1]
    return _EXTENSION_FORMAT.get(suffixes[-1]) if suffixes else None


def _stem(path: Path) -> str:
    """The file name without its compression and format suffixes (the article id of a single-article file)."""
    name = path.name
    for suffix in (path.suffix.lower(), Path(name[: len(name) - len(path.suffix)]).suffix.lower()):
        if suffix in _COMPRESSION or suffix in _EXTENSION_FORMAT:
            name = name[: len(name) - len(suffix)]
    return name


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    decompress = _COMPRESSION.get(path.suffix.lower())
    return decompress(data) if decompress else data


def _decode_whole(data: bytes, info: SourceInfo, encoding: str | None) -> str:
    decoded = decode_bytes(data, encoding=encoding)
    info.encoding = decoded.encoding
    text = decoded.text
    if "\x00" in text:
        info.notes.append(f"removed {text.count(chr(0))} NUL characters")
        text = text.replace("\x00", "")
    return text


#: Bytes read from the start of a line-oriented file to detect its encoding.
SAMPLE_BYTES = 1 << 20
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def _open_binary(path: Path):
    opener = _OPENERS.get(path.suffix.lower(), open)
    return opener(path, "rb")


def _stream_encoding(path: Path, info: SourceInfo, encoding: str | None) -> str | None:
    """The encoding of a line-oriented file, detected from its first bytes; None for UTF-16/32 (read whole)."""
    with _open_binary(path) as fh:
        sample = fh.read(SAMPLE_BYTES)
        longer = bool(fh.read(1))
    if encoding is not None:
        return encoding
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(sample) >= 4 and sample[1:2] == b"\x00" and sample[3:4] == b"\x00") or (len(sample) >= 4 and sample[0:1] == b"\x00" and sample[2:3] == b"\x00"):
        return None
    if longer and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]
    try:
        return decode_bytes(sample).encoding
    except UndecodableError:
        lines = sample.split(b"\n")
        bad = sum(1 for line in lines if not _is_utf8(line))
        if bad <= max(1, 0.05 * len(lines)):
            info.notes.append("some lines are not valid UTF-8; they are rejected one by one")
            return "utf-8"
        raise


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_lines(path: Path, info: SourceInfo, encoding: str | None) -> Iterator[tuple[int, str | Rejection]]:
    """A line-oriented file as (line number, text or rejection), read incrementally.

    The encoding is detected from the first megabyte; every line is then
    decoded strictly, and a line that does not decode is rejected alone.
    """
    detected = _stream_encoding(path, info, encoding)
    if detected is None:  # UTF-16/32: decoded as a whole
        text = _decode_whole(_read_bytes(path), info, encoding)
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for number, line in enumerate(lines, start=1):
            yield number, line.removesuffix("\r")
        return
    info.encoding = detected
    codec = "utf-8" if detected == "utf-8-sig" else detected
    bad = 0
    with _open_binary(path) as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and detected == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            raw = raw.rstrip(b"\n").rstrip(b"\r")
            try:
                line = raw.decode(codec)
            except UnicodeDecodeError as exc:
                bad += 1
                yield number, Rejection(info.path, number, "invalid_encoding", f"line is not valid {codec} ({exc.reason} at byte {exc.start})")
                continue
            if "\x00" in line:
                line = line.replace("\x00", "")
            yield number, line
    if bad:
        info.notes.append(f"{bad} line(s) not valid {codec}, rejected one by one")


def _read_jsonl(path: Path, info: SourceInfo, encoding: str | None) -> Iterator[RawRecord | Rejection]:
    for number, line in _decode_lines(path, info, encoding):
        info.rows += 1
        if isinstance(line, Rejection):
            yield line
            continue
        if not line.strip():
            yield Rejection(info.path, number, "blank_line", "empty line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(info.path, number, "malformed_json", f"{exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield Rejection(info.path, number, "not_an_object", f"a JSON {type(obj).__name__}, not an object")
            continue
        yield RawRecord(obj, info.path, number)


def _json_items(obj: Any) -> list[Any]:
    """The article objects in a parsed JSON document of any common shape."""
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        for key in ("articles", "data", "items", "records", "documents", "docs", "results"):
            if isinstance(obj.get(key), list):
                return obj[key]
        if obj and all(isinstance(v, dict) for v in obj.values()):
            # {"id1": {...}, "id2": {...}}: records keyed by their id
            return [{"id": key, **value} if "id" not in value else value for key, value in obj.items()]
        return [obj]
    return [obj]


def _read_json(path: Path, info: SourceInfo, encoding: str | None) -> Iterator[RawRecord | Rejection]:
    text = _decode_whole(_read_bytes(path), info, encoding)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and "\n{" in text:
            info.notes.append("not one JSON document; read as JSON Lines")
            info.format = "jsonl"
            yield from _read_jsonl(path, info, info.encoding)
            return
        info.rows += 1
        yield Rejection(info.path, None, "malformed_json", f"{exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    for number, item in enumerate(_json_items(obj), start=1):
        info.rows += 1
        if isinstance(item, dict):
            yield RawRecord(item, info.path, number)
        else:
            yield Rejection(info.path, number, "not_an_object", f"item {number} is a JSON {type(item).__name__}")


def _read_delimited(path: Path, info: SourceInfo, encoding: str | None, delimiter: str) -> Iterator[RawRecord | Rejection]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    bad_lines: set[int] = set()

    def lines() -> Iterator[str]:
        for number, line in _decode_lines(path, info, encoding):
            if isinstance(line, Rejection):
                bad_lines.add(number)
                yield "\n"
            else:
                yield line + "\n"

    # strict: a quoted field still open at the end of the file is an error, not a field that silently
    # swallows every row after it; a stray quote inside a field rejects that row only.
    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            info.rows += 1
            where = f"line {start}" if reader.line_num <= start else f"lines {start}-{reader.line_num}"
            if "unexpected end of data" in str(exc):
                yield Rejection(info.path, start, "malformed_csv", f"a quoted field opened on line {start} never closes: {where} rejected")
                break
            yield Rejection(info.path, start, "malformed_csv", f"{exc} ({where})")
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        if header is None:
            header = _unique_names([h.strip() for h in row])
            continue
        info.rows += 1
        if any(line <= bad <= reader.line_num for bad in bad_lines):
            yield Rejection(info.path, line, "invalid_encoding", "row holds a line that is not valid text in the file's encoding")
            continue
        if not any(cell.strip() for cell in row):
            yield Rejection(info.path, line, "blank_line", "empty row")
            continue
        if len(row) != len(header):
            yield Rejection(
                info.path, line, "wrong_field_count", f"expected {len(header)} fields, found {len(row)}"
            )
            continue
        yield RawRecord(dict(zip(header, row, strict=True)), info.path, line)
    if header is None:
        info.notes.append("empty file: no header row")


def _unique_names(names: list[str]) -> list[str]:
    """Column names made unique the way pandas does it: a repeated ``x`` becomes ``x.1``."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        if name in seen:
            seen[name] += 1
            unique.append(f"{name}.{seen[name]}")
        else:
            seen[name] = 0
            unique.append(name)
    return unique


def _read_parquet(path: Path, info: SourceInfo, encoding: str | None) -> Iterator[RawRecord | Rejection]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for corrupt files
        info.rows += 1
        yield Rejection(info.path, None, "unreadable_file", f"not a readable Parquet file: {exc}")
        return
    number = 0
    for batch in parquet.iter_batches(batch_size=5000):
        for row in batch.to_pylist():
            number += 1
            info.rows += 1
            yield RawRecord(row, info.path, number)


def _read_text(path: Path, info: SourceInfo, encoding: str | None) -> Iterator[RawRecord | Rejection]:
    info.rows += 1
    text = _decode_whole(_read_bytes(path), info, encoding)
    yield RawRecord({"id": _stem(path), "text": text}, info.path, 1)


def _read_html(path: Path, info: SourceInfo, encoding: str | None) -> Iterator[RawRecord | Rejection]:
    import trafilatura

    info.rows += 1
    html = _decode_whole(_read_bytes(path), info, encoding)
    with warnings.catch_warnings():
        # trafilatura and lxml emit FutureWarnings on ordinary pages
        warnings.simplefilter("ignore")
        body = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False)
        meta = trafilatura.extract_metadata(html, extensive=False)
    if not body or not body.strip():
        yield Rejection(info.path, 1, "no_article_in_html", "trafilatura found no article body in the page")
        return
    fields: dict[str, Any] = {"id": _stem(path), "text": body}
    if meta is not None:
        for key, name in (("title", "title"), ("date", "published"), ("url", "url"), ("author", "byline"), ("sitename", "outlet")):
            value = getattr(meta, key, None)
            if value:
                fields[name] = value
    yield RawRecord(fields, info.path, 1)


_READERS = {
    "jsonl": _read_jsonl,
    "json": _read_json,
    "csv": lambda p, i, e: _read_delimited(p, i, e, ","),
    "tsv": lambda p, i, e: _read_delimited(p, i, e, "\t"),
    "parquet": _read_parquet,
    "txt": _read_text,
    "html": _read_html,
}


def read_file(path: str | Path, *, format: str | None = None, encoding: str | None = None) -> tuple[SourceInfo, Iterator[RawRecord | Rejection]]:
    """Open one file and return its :class:`SourceInfo` and an iterator of rows.

    The iterator fills in ``SourceInfo`` (encoding, row count, notes) as it
    goes. A file that cannot be decoded at all yields a single file-level
    :class:`Rejection` (``line`` None) instead of raising.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    ValueError
        If the format is unknown; the message lists the supported ones.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    fmt = format or format_of(path)
    if fmt not in _READERS:
        known = ", ".join(f"{name} ({' '.join(exts)})" for name, exts in FORMATS.items())
        raise ValueError(f"cannot tell the format of {path}; supported: {known}; or pass format=")
    info = SourceInfo(str(path), fmt)

    def rows() -> Iterator[RawRecord | Rejection]:
        try:
            yield from _READERS[fmt](path, info, encoding)
        except UndecodableError as exc:
            info.rows += 1
            yield Rejection(info.path, None, "undecodable_file", str(exc))
        except (OSError, EOFError, lzma.LZMAError) as exc:
            info.rows += 1
            yield Rejection(info.path, None, "unreadable_file", f"{type(exc).__name__}: {exc}")

    return info, rows()
