"""The outlet registry: complete, valid, and usable to attribute URLs and names."""

from __future__ import annotations

import pytest

from framing.outlets import OUTLET_KINDS, lookup, lookup_name, lookup_url, outlets_table


def test_registry_is_large_and_valid():
    table = outlets_table()
    assert len(table) >= 50
    assert table["name"].is_unique
    assert set(table["kind"]) <= set(OUTLET_KINDS)
    assert table["country"].str.fullmatch(r"[A-Z]{2}").all()
    for language in ("en", "ar", "ru"):
        assert (table[f"names_{language}"].str.len() > 0).all(), f"an outlet lacks {language} names"
    domains = [d for cell in table["domains"] for d in cell.split(",") if d]
    assert len(domains) == len(set(domains)), "a domain belongs to two outlets"
    assert all(d == d.lower() and not d.startswith(("www.", "http")) for d in domains)


@pytest.mark.parametrize(
    "name",
    [
        "RT", "RT Arabic", "Sputnik", "TASS", "RIA Novosti", "Izvestia", "Rossiyskaya Gazeta", "Channel One",
        "Voice of America", "RFE/RL", "Radio Svoboda", "Current Time", "Alhurra", "Radio Sawa",
        "Associated Press", "CNN", "CNN Arabic", "NBC News", "The New York Times", "The Washington Post",
        "Fox News", "HuffPost", "Reuters", "BBC News", "BBC Arabic", "BBC Russian", "The Guardian",
        "Al Jazeera", "France 24", "Deutsche Welle", "Euronews", "Meduza", "Kyiv Independent",
    ],
)
def test_outlets_the_field_needs_are_registered(name):
    outlet = lookup_name(name)
    assert outlet is not None, f"{name} is not in the registry"


@pytest.mark.parametrize(
    "url, name, country",
    [
        ("https://www.rt.com/russia/123456-peskov-talks/", "RT", "RU"),
        ("https://arabic.rt.com/world/1132222-story/", "RT Arabic", "RU"),
        ("https://russian.rt.com/world/news/1000-peskov", "RT Russian", "RU"),
        ("http://tass.ru/politika/13391823", "TASS", "RU"),
        ("https://ria.ru/20220110/peregovory-1767262.html", "RIA Novosti", "RU"),
        ("https://apnews.com/article/russia-ukraine-geneva-0a1b2c", "Associated Press", "US"),
        ("https://edition.cnn.com/2022/01/10/politics/russia-us-talks/index.html", "CNN", "US"),
        ("https://arabic.cnn.com/world/article/2022/01/10/russia-us-talks", "CNN Arabic", "US"),
        ("https://www.alhurra.com/russia/2022/01/10/story", "Alhurra", "US"),
        ("https://www.svoboda.org/a/31645123.html", "Radio Svoboda", "US"),
        ("https://www.bbc.com/arabic/world-59936123", "BBC Arabic", "GB"),
        ("https://www.bbc.com/russian/news-59936123", "BBC Russian", "GB"),
        ("https://www.bbc.com/news/world-europe-59936123", "BBC News", "GB"),
        ("https://www.aljazeera.net/news/2022/1/10/story", "Al Jazeera", "QA"),
    ],
)
def test_urls_are_attributed_to_their_outlet(url, name, country):
    outlet = lookup_url(url)
    assert outlet is not None and outlet.name == name, outlet
    assert outlet.country == country


@pytest.mark.parametrize("value", [None, "", "not a url", "https://example.invalid/story", "file:///tmp/x.html"])
def test_unknown_urls_give_none(value):
    assert lookup_url(value) is None


@pytest.mark.parametrize("value, name", [("ТАСС", "TASS"), ("رويترز", "Reuters"), ("apnews.com", "Associated Press"), ("the associated press", "Associated Press")])
def test_names_and_domains_in_any_language(value, name):
    assert lookup(value).name == name
