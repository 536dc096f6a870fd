"""The outlet registry: who publishes an article, and which state owns or funds it.

The registry is data (``resources/outlets.toml``): each outlet's canonical
name, owner country (ISO 3166 alpha-2), kind (state, state-funded, public,
commercial, independent), languages, domains and URL path prefixes, and its
name variants in Arabic, English and Russian. Reading uses it to fill
``outlet`` and ``outlet_country`` from a URL or a name when a corpus lacks them.

>>> outlet = lookup_url("https://arabic.rt.com/world/1234-story/")
>>> outlet.name, outlet.country, outlet.kind
('RT Arabic', 'RU', 'state-funded')
>>> lookup_url("https://www.bbc.com/arabic/articles/c0000").name
'BBC Arabic'
>>> lookup_name("Associated Press").name
'Associated Press'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from framing.resources import load_resource

__all__ = ["Outlet", "lookup_url", "lookup_name", "lookup", "outlets_table", "OUTLET_KINDS"]

#: Allowed values of an outlet's ``kind``.
OUTLET_KINDS = ("state", "state-funded", "public", "commercial", "independent")
_REQUIRED = ("name", "country", "kind", "languages", "domains", "url_prefixes", "parent", "note", "names")
_DOMAINISH = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/.*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Outlet:
    """One registry entry."""

    name: str
    country: str
    kind: str
    languages: tuple[str, ...]
    domains: tuple[str, ...]
    url_prefixes: tuple[str, ...]
    parent: str
    note: str
    names: dict[str, tuple[str, ...]]


@functools.cache
def _registry() -> tuple[tuple[Outlet, ...], dict[str, Outlet], dict[str, Outlet], dict[str, Outlet]]:
    entries = []
    for number, spec in enumerate(load_resource("outlets")["outlet"], start=1):
        missing = [key for key in _REQUIRED if key not in spec]
        if missing:
            raise ValueError(f"outlets.toml entry {number} ({spec.get('name', '?')}) lacks {', '.join(missing)}")
        if spec["kind"] not in OUTLET_KINDS:
            raise ValueError(f"outlets.toml: {spec['name']} has kind {spec['kind']!r}; allowed: {', '.join(OUTLET_KINDS)}")
        entries.append(
            Outlet(
                name=spec["name"],
                country=spec["country"],
                kind=spec["kind"],
                languages=tuple(spec["languages"]),
                domains=tuple(spec["domains"]),
                url_prefixes=tuple(spec["url_prefixes"]),
                parent=spec["parent"],
                note=spec["note"],
                names={lang: tuple(v) for lang, v in spec["names"].items()},
            )
        )
    by_domain = {domain: o for o in entries for domain in o.domains}
    by_prefix = {prefix: o for o in entries for prefix in o.url_prefixes}
    by_name: dict[str, Outlet] = {}
    for o in entries:
        by_name.setdefault(o.name.casefold(), o)
    for o in entries:
        for variants in o.names.values():
            for variant in variants:
                by_name.setdefault(variant.casefold(), o)
    return tuple(entries), by_domain, by_prefix, by_name


def lookup_url(url: str | None) -> Outlet | None:
    """The outlet a URL belongs to: longest path prefix first, then longest domain suffix.

    >>> lookup_url("https://tass.ru/politika/123").name
    'TASS'
    >>> lookup_url("not a url") is None
    True
    """
    if not url or not isinstance(url, str):
        return None
    parts = urlsplit(url.strip() if "//" in url else "//" + url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host or "." not in host:
        return None
    _, by_domain, by_prefix, _ = _registry()
    segments = [s for s in parts.path.lower().split("/") if s]
    for n in range(len(segments), 0, -1):
        outlet = by_prefix.get("/".join([host, *segments[:n]]))
        if outlet is not None:
            return outlet
    labels = host.split(".")
    for start in range(len(labels) - 1):
        outlet = by_domain.get(".".join(labels[start:]))
        if outlet is not None:
            return outlet
    return None


def lookup_name(name: str | None) -> Outlet | None:
    """The outlet with this canonical name or name variant (any language, case-insensitive).

    >>> lookup_name("ТАСС").name, lookup_name("رويترز").name
    ('TASS', 'Reuters')
    """
    if not name or not isinstance(name, str):
        return None
    return _registry()[3].get(name.strip().casefold())


def lookup(value: str | None) -> Outlet | None:
    """Look an outlet up by name, or by domain or URL when the value looks like one.

    >>> lookup("rt.com").name, lookup("RT").name
    ('RT', 'RT')
    """
    outlet = lookup_name(value)
    if outlet is None and isinstance(value, str) and _DOMAINISH.match(value.strip()):
        outlet = lookup_url(value)
    return outlet


def outlets_table() -> pd.DataFrame:
    """The registry as a DataFrame, one row per outlet.

    >>> table = outlets_table()
    >>> len(table) >= 50 and {"name", "country", "kind", "domains"} <= set(table.columns)
    True
    """
    rows = []
    for o in _registry()[0]:
        rows.append(
            {
                "name": o.name,
                "country": o.country,
                "kind": o.kind,
                "languages": ",".join(o.languages),
                "domains": ",".join(o.domains),
                "url_prefixes": ",".join(o.url_prefixes),
                "parent": o.parent,
                "names_en": "; ".join(o.names.get("en", ())),
                "names_ar": "; ".join(o.names.get("ar", ())),
                "names_ru": "; ".join(o.names.get("ru", ())),
                "note": o.note,
            }
        )
    return pd.DataFrame(rows)
