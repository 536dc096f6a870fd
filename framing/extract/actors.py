"""Who a speaker is: canonical actor, side and speaker type, from the gazetteers.

``resources/actors.toml`` names over 600 people and bodies (2014-2025) with
their side and type and their names in three languages;
``resources/affiliations.toml`` gives nationality words (sides) and role
nouns (speaker types) for speakers the gazetteer does not know. A speaker
span is classified by looking inside it (CODEBOOK.md, section 1).

>>> from framing.text.segment import tokenize
>>> tokens = tokenize("نائب وزير الخارجية الروسي سيرجي ريابكوف", "ar")
>>> identity = identify(tokens, "ar")
>>> identity.actor, identity.side, identity.speaker_type, identity.gender
('Sergei Ryabkov', 'RU', 'official', 'm')
>>> identify(tokenize("US and Russian officials", "en"), "en")[1:3]
('MIXED', 'official')
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from framing.resources import load_resource
from framing.text.normalize import normalize_word
from framing.text.segment import Token, tokenize

__all__ = ["Actor", "Identity", "Mention", "identify", "find_mentions", "actor_index", "actors_table"]

_ARABIC_PROCLITICS = ("وب", "ول", "وال", "فال", "بال", "لل", "و", "ف", "ب", "ل", "ك")
_YEARS = re.compile(r"\((?:c\. )?(\d{4})-(\d{4})?\)")
_YEAR_RANGE = re.compile(r"(\d{4})-(\d{4})?")


@dataclass(frozen=True)
class Actor:
    """A gazetteer entry."""

    name: str
    side: str
    type: str
    gender: str  # m, f or "" (bodies)
    number: str  # sg or pl for bodies, "" for people
    offices: tuple[tuple[int, int | None], ...]  # years of public office

    @property
    def is_person(self) -> bool:
        return self.type != "institution" and self.gender in ("m", "f")

    def type_on(self, year: int | None) -> str:
        """Speaker type at a date: a person in office that year is an official."""
        if year is None or not self.offices or not self.is_person:
            return self.type
        for start, end in self.offices:
            if start <= year and (end is None or year <= end):
                return "official"
        return "other" if self.type == "official" else self.type


@dataclass(frozen=True)
class Mention:
    """An actor, nationality or role word found in a token list."""

    start: int  # token index
    end: int
    kind: str  # actor | nationality | role | mixed
    value: object  # Actor, side string, or role type
    conjoined: bool = False  # Arabic: attached to the conjunction و ("وروس")
    oblique: bool = False  # Russian: a case form other than the nominative ("Путина", "Зеленскому")


class Identity(tuple):
    """(actor, side, speaker_type, gender, number) of a speaker span."""

    __slots__ = ()

    def __new__(cls, actor: str, side: str, speaker_type: str, gender: str = "", number: str = "sg"):
        return super().__new__(cls, (actor, side, speaker_type, gender, number))

    actor = property(lambda self: self[0])
    side = property(lambda self: self[1])
    speaker_type = property(lambda self: self[2])
    gender = property(lambda self: self[3])
    number = property(lambda self: self[4])


def _offices(role: str) -> tuple[tuple[int, int | None], ...]:
    found = []
    for group in re.findall(r"\(([^()]*)\)", role):
        for start, end in _YEAR_RANGE.findall(group):
            found.append((int(start), int(end) if end else None))
    return tuple(found)


def _russian_case_forms(name: str, gender: str) -> list[str]:
    """Case forms of a Russian surname (or one-word name), from its nominative."""
    lower = name
    forms = [lower]
    if re.search(r"(ий|ый|ой)$", lower):
        stem = lower[:-2]
        forms += [stem + e for e in ("ого", "ому", "им", "ым", "ом")]
    elif lower.endswith("ая"):
        forms += [lower[:-2] + e for e in ("ой", "ую")]
    elif re.search(r"(ова|ева|ёва|ина|ына)$", lower):
        forms += [lower[:-1] + e for e in ("ой", "у")]
    elif re.search(r"(ов|ев|ёв|ин|ын)$", lower) and gender != "f":
        forms += [lower + e for e in ("а", "у", "ым", "е")]
    elif re.search(r"[бвгджзклмнпрстфхцчшщ]$", lower) and gender != "f":
        forms += [lower + e for e in ("а", "у", "ом", "ем", "е")]
    elif lower.endswith("ь") and gender != "f":
        forms += [lower[:-1] + e for e in ("я", "ю", "ем", "е")]
    elif lower.endswith("й") and gender != "f":
        forms += [lower[:-1] + e for e in ("я", "ю", "ем", "е")]
    elif lower.endswith("а"):
        forms += [lower[:-1] + e for e in ("ы", "и", "е", "у", "ой", "ей")]
    elif lower.endswith("я"):
        forms += [lower[:-1] + e for e in ("и", "е", "ю", "ей")]
    return forms


@functools.cache
def _index(language: str) -> dict[str, list[tuple[tuple[str, ...], str, object]]]:
    """First token -> (token tuple, kind, value), longest first, for actors, nationalities, roles."""
    index: dict[str, list[tuple[tuple[str, ...], str, object]]] = defaultdict(list)
    seen: set[tuple[tuple[str, ...], str]] = set()

    def add(written: str, kind: str, value: object, *, case_sensitive: bool = False) -> None:
        tokens = tuple(t.norm for t in tokenize(written, language))
        if not tokens:
            return
        if case_sensitive and language in ("en", "ru") and len(tokens) == 1 and written[:1].isupper():
            tokens = (_case_key(written),)  # "Price", "Рада": matched only as written, capitalised
        key = (tokens, kind)
        if key in seen:
            return
        seen.add(key)
        index[tokens[0]].append((tokens, kind, value))

    for spec in load_resource("actors")["actor"]:
        actor = Actor(spec["name"], spec["side"], spec["type"], spec.get("gender", ""), spec.get("number", ""), _offices(spec.get("role", "")))
        for written in spec["names"].get(language, []):
            add(written, "actor", actor, case_sensitive=True)
            if language == "ru" and actor.is_person and " " not in written.strip():
                for form in _russian_case_forms(written, actor.gender)[1:]:
                    add(form, "actor_oblique", actor, case_sensitive=True)
            elif language == "ru" and actor.is_person:
                parts = written.split()
                for form in _russian_case_forms(parts[-1], actor.gender)[1:]:
                    add(" ".join([*parts[:-1], form]), "actor_oblique", actor)
    affiliations = load_resource("affiliations")
    for spec in affiliations["nationality"]:
        for written in spec.get(language, []):
            add(written, "nationality", spec["side"])
    for spec in affiliations["role"]:
        for written in spec.get(language, []):
            add(written, "role", spec["type"] if spec.get("lemma") != "former" else "former")
    for written in affiliations.get("mixed", {}).get(language, []):
        add(written, "mixed", True)
    for entries in index.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return dict(index)


def actor_index(language: str) -> dict[str, list[tuple[tuple[str, ...], str, object]]]:
    """The matching index of one language (see :func:`find_mentions`)."""
    return _index(language)


def _case_key(word: str) -> str:
    return "\x00" + word.replace("ё", "е").replace("Ё", "Е").replace("’", "'")


def _keys(token: Token, language: str) -> list[str]:
    """Index keys a token may match: case-sensitive form, matching form, and forms without clitics."""
    norm = token.norm
    keys = [norm]
    if language in ("en", "ru"):
        keys.insert(0, _case_key(token.text))
    if language == "en":
        for suffix in ("'s", "’s"):
            if token.text.endswith(suffix):
                keys.insert(0, _case_key(token.text[: -len(suffix)]))
                keys.append(norm[: -len(suffix)])
    elif language == "ar":
        for clitic in _ARABIC_PROCLITICS:
            if norm.startswith(clitic) and len(norm) - len(clitic) >= 2:
                rest = norm[len(clitic) :]
                keys.append("ال" + rest if clitic in ("لل", "وال", "فال", "بال") else rest)
    return keys


@functools.cache
def _by_second(language: str) -> dict[str, dict[str, list]]:
    """Multi-word entries indexed by first and second word (longest first), so common first words stay cheap."""
    out: dict[str, dict[str, list]] = {}
    for key, entries in _index(language).items():
        for entry in entries:
            if len(entry[0]) > 1:
                out.setdefault(key, {}).setdefault(entry[0][1], []).append(entry)
    for table in out.values():
        for entries in table.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
    return out


@functools.cache
def _quick_keys(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Index keys as written (case-sensitive entries) and in matching form, for a fast first check."""
    index = _index(language)
    cased = frozenset(key[1:] for key in index if key.startswith("\x00"))
    folded = frozenset(key for key in index if not key.startswith("\x00"))
    return cased, folded


def _may_match(token: Token, language: str, cased: frozenset[str], folded: frozenset[str]) -> bool:
    if token.norm in folded:
        return True
    if language == "ar":
        return token.norm[:1] in "وفبلك"
    text = token.text.replace("ё", "е").replace("Ё", "Е").replace("’", "'")
    return text in cased or (text.endswith("'s") and text[:-2] in cased) or (token.norm.endswith("'s") and token.norm[:-2] in folded)


def find_mentions(tokens: Sequence[Token], language: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Actors, nationality words, role nouns and conjunctions in ``tokens[start:end]``, longest match first."""
    index = _index(language)
    cased, folded = _quick_keys(language)
    end = len(tokens) if end is None else end
    mentions: list[Mention] = []
    i = start
    while i < end:
        found = None
        if not _may_match(tokens[i], language, cased, folded):
            i += 1
            continue
        second = tokens[i + 1].norm if i + 1 < end else None
        for key in _keys(tokens[i], language):
            entries = index.get(key)
            if not entries:
                continue
            by_second = _by_second(language).get(key, {})
            candidates = by_second.get(second, ()) if second is not None else ()
            for words, kind, value in (*candidates, *(e for e in entries if len(e[0]) == 1)):
                n = len(words)
                if i + n > end:
                    continue
                if n <= 2 or all(tokens[i + k].norm == words[k] for k in range(2, n)):
                    if found is None or n > found.end - found.start:
                        conjoined = language == "ar" and tokens[i].norm.startswith("و") and not key.startswith("و")
                        oblique = kind == "actor_oblique"
                        found = Mention(i, i + n, "actor" if oblique else kind, value, conjoined, oblique)
                    break
        if found is not None:
            mentions.append(found)
            i = found.end
        else:
            i += 1
    return mentions


def identify(tokens: Sequence[Token], language: str, *, year: int | None = None) -> Identity:
    """Classify a speaker span: its canonical actor (or ""), side, speaker type, gender and number.

    A named person wins over the body or country attached to them; a body
    wins over nationality words; nationalities of two sides joined by a
    conjunction make the span MIXED; anonymous-source words make it anonymous
    whatever else it holds; "former" makes an official "other".
    """
    mentions = find_mentions(tokens, language)
    actors = [m.value for m in mentions if m.kind == "actor"]
    sides = [m.value for m in mentions if m.kind == "nationality"]
    roles = [m.value for m in mentions if m.kind == "role"]
    has_mixed = any(m.kind == "mixed" or m.conjoined for m in mentions)
    people = [a for a in actors if a.is_person]
    bodies = [a for a in actors if not a.is_person]
    anonymous = "anonymous" in roles
    former = "former" in roles
    if people:
        person = people[-1]
        speaker_type = "other" if former else person.type_on(year)
        return Identity(person.name, person.side, "anonymous" if anonymous else speaker_type, person.gender, "sg")
    all_sides = [a.side for a in bodies] + sides
    distinct = list(dict.fromkeys(all_sides))
    side = "UNKNOWN"
    if len(distinct) == 1:
        side = distinct[0]
    elif len(distinct) > 1:
        side = "MIXED" if has_mixed else distinct[0]
    role_types = [r for r in roles if r != "former"]
    if anonymous:
        speaker_type = "anonymous"
    elif role_types:
        speaker_type = role_types[0] if language != "en" else role_types[-1]
        if former and speaker_type == "official":
            speaker_type = "other"
    elif bodies:
        speaker_type = bodies[0].type
    elif sides:
        speaker_type = "institution"
    else:
        speaker_type = "other"
    plural = _looks_plural(tokens, language)
    if side == "MIXED":
        return Identity("", "MIXED", speaker_type, "", "pl")
    if bodies and not anonymous:
        body = bodies[0] if language != "en" else bodies[-1]
        if body.type == "media" and not role_types:
            speaker_type = "media"
        gender = "f" if language == "ar" and body.type == "institution" else ""
        return Identity(body.name, side, speaker_type, gender, body.number or ("pl" if plural else "sg"))
    return Identity("", side, speaker_type, "", "pl" if plural else "sg")


def _looks_plural(tokens: Sequence[Token], language: str) -> bool:
    words = [t.norm for t in tokens if t.is_word]
    if not words:
        return False
    if language == "en":
        return any(w.endswith("s") and not w.endswith("ss") for w in words[-1:]) or "and" in words
    if language == "ru":
        return words[0].endswith(("ы", "и")) and len(words[0]) > 3
    return any(w.endswith(("ون", "ين")) for w in words[:2])


def actors_table() -> pd.DataFrame:
    """The gazetteer as a DataFrame: name, side, type, gender and the English forms."""
    rows = []
    for spec in load_resource("actors")["actor"]:
        rows.append(
            {
                "name": spec["name"],
                "side": spec["side"],
                "type": spec["type"],
                "gender": spec.get("gender", ""),
                "role": spec.get("role", ""),
                "names_en": "; ".join(spec["names"].get("en", [])),
                "names_ar": "; ".join(spec["names"].get("ar", [])),
                "names_ru": "; ".join(spec["names"].get("ru", [])),
            }
        )
    return pd.DataFrame(rows)


def normalize_name(name: str, language: str) -> str:
    """A name in matching form (for comparing speaker strings)."""
    return normalize_word(name, language)
