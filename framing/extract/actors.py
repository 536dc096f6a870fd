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
from framing.text.segment import Token, is_site_name, tokenize

__all__ = ["Actor", "Identity", "Mention", "identify", "find_mentions", "actor_index", "actors_table", "is_place_name"]

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
            add(written, "nationality", spec["side"], case_sensitive=True)  # "US", not "tell us"
    for spec in affiliations["role"]:
        for written in spec.get(language, []):
            add(written, "role", spec["type"] if spec.get("lemma") != "former" else "former")
    for written in affiliations.get("mixed", {}).get(language, []):
        add(written, "mixed", True)
    for entries in index.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return dict(index)


@functools.cache
def _place_names(language: str) -> frozenset[str]:
    """Matching forms of one-word country and capital names (listed as nationality forms)."""
    out = set()
    for spec in load_resource("affiliations")["nationality"]:
        for written in spec.get(language, []):
            tokens = tokenize(written, language)
            if len(tokens) == 1 and (language == "ar" or written[:1].isupper()):
                out.add(tokens[0].norm)
    return frozenset(out)


def is_place_name(token: Token, language: str) -> bool:
    """Whether a word is a country or capital name ("Brussels", "بروكسل"): where someone is, not whom they serve."""
    return token.norm in _place_names(language)


def actor_index(language: str) -> dict[str, list[tuple[tuple[str, ...], str, object]]]:
    """The matching index of one language (see :func:`find_mentions`)."""
    return _index(language)


def _case_key(word: str) -> str:
    return "\x00" + word.replace("ё", "е").replace("Ё", "Е").replace("’", "'")


def _capitals_key(token: Token, language: str) -> str | None:
    """The case-sensitive key of a word written in capitals, as a name is written ("KYIV" -> "Kyiv")."""
    if language in ("en", "ru") and len(token.text) > 2 and token.text.isupper():
        return _case_key(token.text.title())
    return None


def _keys(token: Token, language: str) -> list[str]:
    """Index keys a token may match: case-sensitive form, matching form, and forms without clitics."""
    norm = token.norm
    keys = [norm]
    if language in ("en", "ru"):
        keys.insert(0, _case_key(token.text))
        capitals = _capitals_key(token, language)
        if capitals is not None:
            keys.insert(1, capitals)  # a dateline in capitals: "КИШИНЕВ", "KYIV"
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
    if len(text) > 2 and text.isupper() and text.title() in cased:
        return True  # a dateline in capitals
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
        seconds = (second, _without_possessive(second)) if second is not None and language == "en" else (second,)
        capitals = _capitals_key(tokens[i], language)
        for key in _keys(tokens[i], language):
            entries = index.get(key)
            if not entries:
                continue
            if key == capitals:  # "КИШИНЕВ", "KYIV": places in capitals, not people ("MILLER:" is no Matthew Miller)
                entries = [e for e in entries if not (e[1] in ("actor", "actor_oblique") and e[2].is_person)]
            by_second = _by_second(language).get(key, {})
            candidates = [e for s in dict.fromkeys(seconds) if s is not None for e in by_second.get(s, ())]
            candidates.sort(key=lambda e: len(e[0]), reverse=True)
            for words, kind, value in (*candidates, *(e for e in entries if len(e[0]) == 1)):
                n = len(words)
                if i + n > end:
                    continue
                if n <= 2 or all(_same_word(tokens[i + k].norm, words[k], last=k == n - 1, language=language) for k in range(2, n)):
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


def _without_possessive(norm: str) -> str:
    for suffix in ("'s", "’s"):
        if norm.endswith(suffix):
            return norm[: -len(suffix)]
    return norm


def _same_word(norm: str, word: str, *, last: bool, language: str) -> bool:
    """A token matches an entry's word; the last may carry the English possessive ("Foreign Ministry's")."""
    return norm == word or (last and language == "en" and _without_possessive(norm) == word)


def identify(tokens: Sequence[Token], language: str, *, year: int | None = None) -> Identity:
    """Classify a speaker span: its canonical actor (or ""), side, speaker type, gender and number.

    A named person wins over the body or country attached to them; otherwise
    the first body or nationality word gives the side (the one nearest the
    head: "the U.S. ambassador to Russia" is US); parts of two sides joined by
    a conjunction make the span MIXED; anonymous-source words make it anonymous
    whatever else it holds; "former" makes an official "other".
    """
    mentions = find_mentions(tokens, language)
    actors = [m.value for m in mentions if m.kind == "actor"]
    sides = [m.value for m in mentions if m.kind == "nationality"]
    roles = [m.value for m in mentions if m.kind == "role"]
    has_mixed = _joins_sides(mentions)
    people = [a for a in actors if a.is_person]
    bodies = [a for a in actors if not a.is_person]
    anonymous = "anonymous" in roles
    former = "former" in roles
    if people:
        person = people[-1]
        speaker_type = person.type_on(year)
        if former and speaker_type == "official":
            speaker_type = "other"  # "former minister X" (an analyst who once served stays an expert)
        return Identity(person.name, person.side, "anonymous" if anonymous else speaker_type, person.gender, "sg")
    # the first side-bearing word is the one closest to the head: "the U.S. ambassador to Russia",
    # "Западные партнеры правящей в Молдавии партии", "سفير روسيا لدى الولايات المتحدة"
    all_sides = [side for _, _, side in sorted(_sided(mentions, tokens, language))]
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
        # "Moscow", "the Russian side" speak as a state; "Minnesota Democrat Ilhan Omar" is a person
        speaker_type = "other" if _names_a_person(tokens, mentions, language) else "institution"
    elif any(is_site_name(t.text) for t in tokens):
        speaker_type = "media"  # "5-tv.ru", "Axios.com": a news site named by its domain
    else:
        speaker_type = "other"
    plural = _looks_plural(tokens, language)
    if side == "MIXED":
        return Identity("", "MIXED", speaker_type, "", "pl")
    if bodies and not anonymous and not role_types and _names_a_person(tokens, mentions, language):
        return Identity("", side, "other", "", "sg")  # "переехавшая в Россию певица Таисия Повалий": a person, not Russia
    if bodies and not anonymous:
        body = bodies[0] if language != "en" else bodies[-1]
        body = body if body.side == side else next((b for b in bodies if b.side == side), body)
        if body.type == "media" and not role_types:
            speaker_type = "media"
        gender = "f" if language == "ar" and body.type == "institution" else ""
        return Identity(body.name, side, speaker_type, gender, body.number or ("pl" if plural else "sg"))
    return Identity("", side, speaker_type, "", "pl" if plural else "sg")


def _mention_side(mention: Mention) -> str | None:
    if mention.kind == "actor":
        return mention.value.side
    return mention.value if mention.kind == "nationality" else None


def _sided(mentions: list[Mention], tokens: Sequence[Token], language: str) -> list[tuple[int, int, str]]:
    """(rank, position, side) of the side-bearing mentions; a nationality word inside a capitalised
    name ("the European Affairs department at Taiwan's foreign ministry") ranks after the others."""
    starts = {m.start for m in mentions}
    out = []
    for mention in mentions:
        side = _mention_side(mention)
        if side is None:
            continue
        out.append((int(mention.kind == "nationality" and _names_no_side(mention, tokens, language, starts)), mention.start, side))
    return out


def _names_no_side(mention: Mention, tokens: Sequence[Token], language: str, starts: set[int]) -> bool:
    """A nationality word that names a topic ("European affairs", "الشؤون الأوروبية") or sits inside a
    capitalised name ("the European Affairs department"), not the speaker's affiliation."""
    topics = _topics(language)
    neighbour = mention.start - 1 if language == "ar" else mention.end
    if 0 <= neighbour < len(tokens) and tokens[neighbour].norm in topics:
        return True
    if language == "ar" or mention.end >= len(tokens) or mention.end in starts:
        return False
    following = tokens[mention.end]
    return following.is_word and following.text[:1].isupper()


@functools.cache
def _topics(language: str) -> frozenset[str]:
    return frozenset(normalize_word(w, language) for w in load_resource("affiliations").get("topics", {}).get(language, []))


def _joins_sides(mentions: list[Mention]) -> bool:
    """Whether a conjunction joins parts of different sides ("US and Russian officials", "روسيا وتركيا").

    The conjunction must stand between them: the "и" inside a party's name
    ("партнеры партии «Действие и солидарность» в Молдавии") does not.
    """
    sided = [(m.start, side) for m in mentions if (side := _mention_side(m)) is not None]
    for mention in mentions:
        if mention.kind == "mixed":
            before = {side for start, side in sided if start < mention.start}
            after = {side for start, side in sided if start >= mention.end}
            if before and after and before != after:
                return True
        elif mention.conjoined:
            side = _mention_side(mention)
            if any(start < mention.start and other != side for start, other in sided):
                return True
    return False


def _names_a_person(tokens: Sequence[Token], mentions: list[Mention], language: str) -> bool:
    """A phrase ending in two or more capitalised words after its last gazetteer match: a personal name (en, ru).

    "Minnesota Democrat Ilhan Omar", "украинская певица Таисия Повалий"; not "the Russian side".
    """
    if language == "ar" or not mentions:
        return False
    last = max(m.end for m in mentions)
    rest = [t for t in tokens[last:] if t.is_word]
    name = 0
    for token in reversed(rest):
        if not (token.text[:1].isupper() and not token.text.isupper()):
            break
        name += 1
    return name >= 2


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
