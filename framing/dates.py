"""Publication dates in the forms corpora give them, in three languages.

ISO dates and timestamps, RFC 2822 e-mail dates, day-first dotted dates
(``10.01.2022``, usual in Russian), and dates with month names in English,
Russian or Arabic (``10 января 2022``, ``4 يناير 2022``, Eastern Arabic
digits included). Results are timezone-naive UTC; what cannot be parsed
becomes NaT and is counted, never guessed.

>>> parse_dates(["2022-01-04", "10 января 2022 г., 14:30", "٤ يناير ٢٠٢٢", "Tue, 04 Jan 2022 10:00:00 +0300", "04.01.2022", "soon"]).tolist()
[Timestamp('2022-01-04 00:00:00'), Timestamp('2022-01-10 14:30:00'), Timestamp('2022-01-04 00:00:00'), Timestamp('2022-01-04 07:00:00'), Timestamp('2022-01-04 00:00:00'), NaT]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime

import pandas as pd

from framing.resources import load_resource

__all__ = ["parse_dates", "parse_date"]

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_RU_YEAR_MARK = re.compile(r"(\d{4})\s*(?:г\.|года|г\b)")


@functools.cache
def _month_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    months: dict[str, int] = {}
    for names in load_resource("language")["months"].values():
        for number, variants in enumerate(names, start=1):
            for variant in variants:
                months[variant.casefold()] = number
    alternatives = sorted(months, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, alternatives)) + r")\.?(?![\w])", re.IGNORECASE)
    return pattern, months


def _to_naive_utc(value: pd.Timestamp | dt.datetime) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp


def parse_date(value: object) -> pd.Timestamp | None:
    """Parse one date; None when it cannot be parsed (or is missing).

    >>> parse_date("2022-08-09T10:15:00Z")
    Timestamp('2022-08-09 10:15:00')
    >>> parse_date("3 марта 2026") , parse_date(None)
    (Timestamp('2026-03-03 00:00:00'), None)
    """
    if value is None:
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return None if pd.isna(value) else _to_naive_utc(pd.Timestamp(value))
    if isinstance(value, float) and value != value:
        return None
    text = str(value).strip().translate(_EASTERN_DIGITS)
    if not text:
        return None
    if _ISO.match(text):
        try:
            return _to_naive_utc(pd.Timestamp(text))
        except (ValueError, OverflowError):
            pass
    return _parse_free(text)


def _parse_free(text: str) -> pd.Timestamp | None:
    dotted = _DOTTED.match(text)
    if dotted:
        day, month, year, hour, minute, second = dotted.groups()
        try:
            return pd.Timestamp(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        except ValueError:
            return None
    try:
        return _to_naive_utc(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    pattern, months = _month_pattern()
    normalised = _RU_YEAR_MARK.sub(r"\1", text)
    normalised = pattern.sub(lambda m: f" {months[m.group(1).casefold()]:02d}MONTH ", normalised)
    match = re.search(r"(\d{1,2})\s*,?\s+(\d{2})MONTH\s*,?\s+(\d{4})(?:\D+(\d{1,2}):(\d{2}))?", normalised)
    if not match:
        match_us = re.search(r"(\d{2})MONTH\s+(\d{1,2}),?\s+(\d{4})(?:\D+(\d{1,2}):(\d{2}))?", normalised)
        if not match_us:
            return None
        month, day, year, hour, minute = match_us.groups()
    else:
        day, month, year, hour, minute = match.groups()
    try:
        return pd.Timestamp(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError:
        return None


def parse_dates(values: Iterable[object]) -> pd.Series:
    """Parse many dates; a ``datetime64[ns]`` Series with NaT where parsing failed.

    ISO strings take a fast vectorised path; everything else is parsed one by one.
    """
    values = list(values)
    series = pd.Series(values, dtype=object)
    out = pd.Series(pd.NaT, index=series.index, dtype="datetime64[ns]")
    if not values:
        return out
    is_iso = series.map(lambda v: isinstance(v, str) and bool(_ISO.match(v.strip())))
    if is_iso.any():
        iso = pd.to_datetime(series[is_iso].str.strip(), format="ISO8601", errors="coerce", utc=True)
        out[is_iso] = iso.dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[ns]")
        failed = is_iso & out.isna()
        is_iso = is_iso & ~failed
    for index in series.index[~is_iso]:
        parsed = parse_date(series[index])
        if parsed is not None:
            out[index] = parsed
    return out
