"""The article table: its columns, the names corpora give them, and validation.

The article schema is the contract between reading and everything after it
(ARCHITECTURE.md): every function that takes articles needs at least
``article_id``, ``language`` and ``text``, and uses ``text`` as given.

>>> ARTICLE_COLUMNS[:4]
('article_id', 'outlet', 'outlet_country', 'language')
>>> resolve_columns(["headline", "body", "pubdate", "site"]) == {
...     "title": "headline", "text": "body", "published": "pubdate", "outlet": "site"}
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "ARTICLE_COLUMNS",
    "AUDIT_COLUMNS",
    "CODED_LANGUAGES",
    "COLUMN_ALIASES",
    "PROGRESS_MIN_ARTICLES",
    "REQUIRED_COLUMNS",
    "CodableText",
    "codable_texts",
    "require_columns",
    "resolve_columns",
]

#: Languages the extractors code (reported speech, hedges, loaded terms).
CODED_LANGUAGES = ("ar", "en", "ru")
#: From this many articles on, the extractors show a progress bar unless told otherwise.
PROGRESS_MIN_ARTICLES = 500

#: Columns of every article table, in order (ARCHITECTURE.md, contract).
ARTICLE_COLUMNS = (
    "article_id",
    "outlet",
    "outlet_country",
    "language",
    "published",
    "title",
    "text",
    "url",
    "byline",
    "dateline",
    "source_file",
)

#: Columns added by reading so that a researcher can audit what happened to each row.
AUDIT_COLUMNS = (
    "source_line",  # line (or item) number of the row in source_file
    "language_mixed",  # a second script holds >= 20% of the letters
    "duplicate_of",  # article_id of the earlier copy, when this is an exact or near duplicate
    "removed_chars",  # characters of boilerplate removed from the text by cleaning
)

#: What every function that takes articles needs.
REQUIRED_COLUMNS = ("article_id", "language", "text")

#: Names that corpora, scrapers and exports use for each schema field, tried in order.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id", "id", "doc_id", "document_id", "uid", "guid", "_id", "item_id"),
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "story", "maintext"),
    "title": ("title", "headline", "heading", "head", "header"),
    "published": ("published", "date", "pubdate", "pub_date", "published_at", "publish_date", "date_publish", "datetime", "timestamp", "time"),
    "outlet": ("outlet", "source_name", "publisher", "media", "site", "domain", "sitename", "site_name", "newspaper", "source"),
    "outlet_country": ("outlet_country", "country", "source_country"),
    "language": ("language", "lang", "lng", "locale"),
    "url": ("url", "link", "href", "uri", "source_url", "article_url"),
    "byline": ("byline", "author", "authors", "by"),
    "dateline": ("dateline",),
}


def resolve_columns(found: Iterable[str], explicit: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """Map schema fields to the input's column names.

    Explicit mappings win; then the first alias present (case-insensitive).
    An input column is used for at most one field.

    Parameters
    ----------
    found : iterable of str
        The input's column names.
    explicit : mapping, optional
        ``{schema field: input column}`` given by the user (``text_col=`` ...).

    Raises
    ------
    ValueError
        If an explicit column is not in the input, or no text column can be
        found; the message lists the columns found and how to map them.

    Examples
    --------
    >>> resolve_columns(["Body", "ID"], {"title": None})
    {'article_id': 'ID', 'text': 'Body'}
    >>> resolve_columns(["headline", "summary"])
    Traceback (most recent call last):
    ...
    ValueError: column 'text' is missing; found: headline, summary; pass text_col='...' to name the column that holds the article text
    """
    found = list(dict.fromkeys(found))
    by_fold = {}
    for name in found:
        by_fold.setdefault(str(name).casefold(), name)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for schema_field, column in (explicit or {}).items():
        if column is None:
            continue
        if column not in found:
            raise ValueError(
                f"{schema_field} column {column!r} is not in the input; found: {', '.join(map(str, found)) or 'no columns'}"
            )
        mapping[schema_field] = column
        used.add(column)
    for schema_field, aliases in COLUMN_ALIASES.items():
        if schema_field in mapping:
            continue
        for alias in aliases:
            column = by_fold.get(alias)
            if column is not None and column not in used:
                mapping[schema_field] = column
                used.add(column)
                break
    if "text" not in mapping:
        raise ValueError(
            f"column 'text' is missing; found: {', '.join(map(str, found)) or 'no columns'}; "
            "pass text_col='...' to name the column that holds the article text"
        )
    return mapping


def require_columns(articles: pd.DataFrame, columns: Iterable[str] = REQUIRED_COLUMNS) -> None:
    """Raise a clear error if ``articles`` lacks any of ``columns``.

    >>> require_columns(pd.DataFrame({"article_id": ["a"], "text": ["x"]}))
    Traceback (most recent call last):
    ...
    ValueError: articles lack column(s) language; found: article_id, text; read them with framing.read_articles() or add the column(s)
    """
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a pandas DataFrame, not {type(articles).__name__}")
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise ValueError(
            f"articles lack column(s) {', '.join(missing)}; found: {', '.join(map(str, articles.columns))}; "
            "read them with framing.read_articles() or add the column(s)"
        )


@dataclass(frozen=True)
class CodableText:
    """One article an extractor codes: its row position, id, language, text, publication year, outlet country
    and dateline (the place the cleaning moved out of the text, if any)."""

    position: int
    article_id: object
    language: str
    text: str
    year: int | None
    outlet_country: str | None
    dateline: str | None = None


def codable_texts(articles: pd.DataFrame, *, desc: str = "articles", progress: bool | None = None) -> Iterator[CodableText]:
    """The articles in a language the extractors code and with a text, after checking the columns.

    Other languages and empty texts are passed over (their rows simply have no
    spans). A progress bar named ``desc`` is shown by default from
    500 articles on.

    >>> table = pd.DataFrame({"article_id": ["a", "b", "c"], "language": ["ru", "fr", "en"],
    ...                       "text": ["Песков заявил.", "Il a dit.", ""], "published": ["2023-05-01", None, None]})
    >>> [(t.article_id, t.year) for t in codable_texts(table)]
    [('a', 2023)]
    """
    from tqdm.auto import tqdm

    require_columns(articles)
    published = pd.to_datetime(articles["published"], errors="coerce") if "published" in articles.columns else None
    countries = articles["outlet_country"].tolist() if "outlet_country" in articles.columns else [None] * len(articles)
    datelines = articles["dateline"].tolist() if "dateline" in articles.columns else [None] * len(articles)
    show = progress if progress is not None else len(articles) >= PROGRESS_MIN_ARTICLES
    rows = zip(articles["article_id"], articles["language"], articles["text"], strict=True)
    for position, (article_id, language, text) in enumerate(tqdm(rows, total=len(articles), desc=desc, unit="article", disable=not show)):
        if language not in CODED_LANGUAGES or not isinstance(text, str) or not text:
            continue
        year = None
        if published is not None and pd.notna(published.iloc[position]):
            year = int(published.iloc[position].year)
        country = countries[position] if isinstance(countries[position], str) else None
        dateline = datelines[position] if isinstance(datelines[position], str) and datelines[position] else None
        yield CodableText(position, article_id, language, text, year, country, dateline)
