"""Publication dates in the forms Arabic, English and Russian corpora write them."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.dates import parse_date, parse_dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-01-04", "2022-01-04 00:00"),
        ("2022-01-04T10:15:00+03:00", "2022-01-04 07:15"),
        ("Tue, 04 Jan 2022 10:00:00 GMT", "2022-01-04 10:00"),
        ("January 4, 2022", "2022-01-04 00:00"),
        ("4 January 2022", "2022-01-04 00:00"),
        ("04.01.2022", "2022-01-04 00:00"),
        ("04.01.2022 14:30", "2022-01-04 14:30"),
        ("10 января 2022 г., 14:30", "2022-01-10 14:30"),
        ("3 марта 2026", "2026-03-03 00:00"),
        ("4 يناير 2022", "2022-01-04 00:00"),
        ("٤ كانون الثاني ٢٠٢٢", "2022-01-04 00:00"),
        ("الثلاثاء 25 مارس 2026", "2026-03-25 00:00"),
    ],
)
def test_dates_in_three_languages(value, expected):
    assert parse_date(value) == pd.Timestamp(expected)


@pytest.mark.parametrize("value", ["soon", "31.02.2022", "", None, "yesterday at noon"])
def test_unparseable_dates_are_missing_not_guessed(value):
    assert parse_date(value) is None


def test_parse_dates_mixes_fast_iso_and_other_forms():
    parsed = parse_dates(["2022-08-09", "9 августа 2022", None, "2022-13-40"])
    assert parsed.dtype == "datetime64[ns]"
    assert parsed.iloc[0] == parsed.iloc[1] == pd.Timestamp("2022-08-09")
    assert parsed.iloc[2:].isna().all()
