"""The load report: what reading a corpus kept, changed and rejected.

Every input row ends up either in the articles or in ``rejected`` with its
file, line and reason; :meth:`LoadReport.check` asserts that
``rows_seen == kept + len(rejected)``.

>>> report = LoadReport()
>>> report.rows_seen, report.kept = 3, 2
>>> report.reject("corpus.jsonl", 2, "malformed_json", "Expecting value at column 1")
>>> report.check()
>>> print(report.summary())  # doctest: +NORMALIZE_WHITESPACE
Load report: 3 rows seen, 2 kept, 1 rejected
  rejected by reason: malformed_json 1
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing.readers import Rejection, SourceInfo

__all__ = ["LoadReport"]

_REJECTED_COLUMNS = ["source_file", "line", "reason", "detail"]
_REMOVED_COLUMNS = ["article_id", "kind", "text"]
_DUPLICATE_COLUMNS = ["article_id", "duplicate_of", "kind", "similarity", "dropped"]
_RENAMED_COLUMNS = ["source_file", "line", "original_id", "article_id"]


@dataclass
class LoadReport:
    """What :func:`framing.read_articles` did with every input row.

    Attributes
    ----------
    rows_seen, kept : int
        Rows read from all sources, and rows kept as articles.
    sources : list of SourceInfo
        Each file read: format, encoding, rows, notes.
    rejected : pandas.DataFrame
        ``source_file, line, reason, detail`` for every row not kept
        (``line`` is empty for a whole file that could not be read).
    duplicates : pandas.DataFrame
        ``article_id, duplicate_of, kind, similarity, dropped``.
    removed : pandas.DataFrame
        Boilerplate removed by cleaning: ``article_id, kind, text``.
    renamed_ids : pandas.DataFrame
        Ids made unique: ``source_file, line, original_id, article_id``.
    filled : Counter
        How many values were filled in, by field (``outlet from url``, ``language detected`` ...).
    notes : list of str
        Anything else worth knowing (unparseable dates, skipped files ...).
    """

    rows_seen: int = 0
    kept: int = 0
    sources: list[SourceInfo] = field(default_factory=list)
    rejected: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_REJECTED_COLUMNS))
    duplicates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_DUPLICATE_COLUMNS))
    removed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_REMOVED_COLUMNS))
    renamed_ids: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_RENAMED_COLUMNS))
    filled: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    _pending_rejections: list[tuple[Any, ...]] = field(default_factory=list, repr=False)

    # -- building ----------------------------------------------------------
    def reject(self, source_file: str, line: int | None, reason: str, detail: str) -> None:
        """Record one rejected row."""
        self._pending_rejections.append((source_file, line, reason, detail))

    def add_rejection(self, rejection: Rejection) -> None:
        """Record a reader's :class:`~framing.readers.Rejection`."""
        self.reject(rejection.source_file, rejection.line, rejection.reason, rejection.detail)

    def finish(self) -> None:
        """Turn pending rejections into the ``rejected`` table (called once by the reader)."""
        if self._pending_rejections:
            new = pd.DataFrame(self._pending_rejections, columns=_REJECTED_COLUMNS)
            new["line"] = new["line"].astype("Int64")
            frames = [f for f in (self.rejected, new) if len(f)]
            self.rejected = pd.concat(frames, ignore_index=True) if len(frames) > 1 else new
            self._pending_rejections = []

    def check(self) -> None:
        """Assert that every row is accounted for."""
        self.finish()
        if self.rows_seen != self.kept + len(self.rejected):
            raise AssertionError(
                f"load report does not add up: {self.rows_seen} rows seen, {self.kept} kept, {len(self.rejected)} rejected"
            )

    # -- reading -----------------------------------------------------------
    @property
    def rejected_by_reason(self) -> dict[str, int]:
        """Number of rejected rows per reason."""
        self.finish()
        return dict(Counter(self.rejected["reason"]).most_common())

    @property
    def boilerplate_chars(self) -> int:
        """Characters removed from article texts by cleaning (metadata moved to fields included)."""
        return int(self.removed["text"].str.len().sum()) if len(self.removed) else 0

    @property
    def removed_by_kind(self) -> dict[str, int]:
        """Pieces of text removed by cleaning, per kind."""
        return dict(Counter(self.removed["kind"]).most_common()) if len(self.removed) else {}

    def summary(self) -> str:
        """A readable multi-line summary."""
        self.finish()
        lines = [f"Load report: {self.rows_seen} rows seen, {self.kept} kept, {len(self.rejected)} rejected"]
        if self.sources:
            formats = Counter(s.format for s in self.sources)
            encodings = Counter(s.encoding or "?" for s in self.sources)
            lines.append(
                f"  files: {len(self.sources)} ({', '.join(f'{k} {v}' for k, v in formats.items())}); "
                f"encodings: {', '.join(f'{k} {v}' for k, v in encodings.items())}"
            )
        if len(self.rejected):
            lines.append("  rejected by reason: " + ", ".join(f"{k} {v}" for k, v in self.rejected_by_reason.items()))
        if len(self.duplicates):
            kinds = Counter(self.duplicates["kind"])
            dropped = int(self.duplicates["dropped"].sum())
            lines.append(
                f"  duplicates: {len(self.duplicates)} ({', '.join(f'{k} {v}' for k, v in kinds.items())}); dropped {dropped}"
            )
        if len(self.removed):
            lines.append(
                f"  cleaning removed {self.boilerplate_chars} characters: "
                + ", ".join(f"{k} {v}" for k, v in self.removed_by_kind.items())
            )
        if len(self.renamed_ids):
            lines.append(f"  duplicate ids made unique: {len(self.renamed_ids)}")
        if self.filled:
            lines.append("  filled in: " + ", ".join(f"{k} {v}" for k, v in sorted(self.filled.items())))
        for source in self.sources:
            for note in source.notes:
                lines.append(f"  note: {source.path}: {note}")
        lines.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(self.summary())}</pre>"

    def to_dict(self, *, max_rows: int | None = 1000) -> dict[str, Any]:
        """A JSON-serialisable form (tables truncated to ``max_rows`` rows each)."""
        self.finish()

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            part = frame if max_rows is None else frame.head(max_rows)
            return json.loads(part.to_json(orient="records", force_ascii=False))

        return {
            "rows_seen": self.rows_seen,
            "kept": self.kept,
            "rejected": len(self.rejected),
            "rejected_by_reason": self.rejected_by_reason,
            "duplicates": len(self.duplicates),
            "duplicates_dropped": int(self.duplicates["dropped"].sum()) if len(self.duplicates) else 0,
            "boilerplate_chars": self.boilerplate_chars,
            "removed_by_kind": self.removed_by_kind,
            "renamed_ids": len(self.renamed_ids),
            "filled": dict(self.filled),
            "sources": [
                {"path": s.path, "format": s.format, "encoding": s.encoding, "rows": s.rows, "notes": s.notes}
                for s in self.sources
            ],
            "notes": self.notes,
            "rejected_rows": records(self.rejected),
            "duplicate_rows": records(self.duplicates),
            "renamed_id_rows": records(self.renamed_ids),
        }

    def to_json(self, path: str | Path, *, max_rows: int | None = None) -> None:
        """Write :meth:`to_dict` to ``path`` as indented UTF-8 JSON."""
        Path(path).write_text(json.dumps(self.to_dict(max_rows=max_rows), ensure_ascii=False, indent=2), encoding="utf-8")
