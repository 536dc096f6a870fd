"""Writing tables chunk by chunk (Parquet, CSV/TSV, JSON Lines), so output never has to fit in memory.

>>> import tempfile, pandas as pd, pyarrow as pa
>>> from pathlib import Path
>>> schema = pa.schema([("article_id", pa.string()), ("words", pa.int64())])
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = Path(tmp) / "out.parquet"
...     with ChunkWriter(path, schema) as sink:
...         sink.write(pd.DataFrame({"article_id": ["a"], "words": [3]}))
...         sink.write(pd.DataFrame({"article_id": ["b", "c"], "words": [4, 5]}))
...     pd.read_parquet(path)["words"].tolist()
[3, 4, 5]
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.readers import format_of

__all__ = ["ChunkWriter", "arrow_schema"]

_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "datetime": pa.timestamp("ns"), "bool": pa.bool_()}


def arrow_schema(columns: list[tuple[str, str]]) -> pa.Schema:
    """An Arrow schema from (name, type) pairs with types str, int, float, datetime, bool."""
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns])


class ChunkWriter:
    """Append DataFrame chunks with a fixed schema to a Parquet, CSV, TSV or JSON Lines file."""

    def __init__(self, path: str | os.PathLike[str], schema: pa.Schema):
        self.path = Path(path)
        self.schema = schema
        self.format = format_of(self.path)
        if self.format not in ("parquet", "csv", "tsv", "jsonl"):
            raise ValueError(f"cannot write {self.path}: use .parquet, .csv, .tsv or .jsonl")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None
        self._started = False

    def write(self, frame: pd.DataFrame) -> None:
        """Append one chunk (its columns are put in schema order and cast to the schema's types)."""
        frame = frame.reindex(columns=self.schema.names)
        if self.format == "parquet":
            table = pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False, safe=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.path, self.schema)
            self._parquet.write_table(table)
        elif self.format in ("csv", "tsv"):
            frame.to_csv(self.path, mode="a" if self._started else "w", header=not self._started, index=False, sep="," if self.format == "csv" else "\t")
        else:
            with open(self.path, "a" if self._started else "w", encoding="utf-8") as fh:
                text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
                fh.write(text if text.endswith("\n") or not text else text + "\n")
        self._started = True
        self.rows += len(frame)

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        elif not self._started:
            self.write(pd.DataFrame(columns=self.schema.names))

    def __enter__(self) -> ChunkWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
