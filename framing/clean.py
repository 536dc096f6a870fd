"""Conservative, auditable cleaning of scraped news text (CODEBOOK.md, section 3).

What cleaning does, in order:

1. Unicode and whitespace are normalised without changing any word: NFC,
   Arabic presentation forms to letters, zero-width and bidi controls
   removed, odd spaces to spaces, HTML entities decoded, list bullets
   dropped, one paragraph per line, paragraphs joined by a blank line.
   Arabic diacritics and tatweel are NOT removed from ``text``: the
   extractors remove them only in their own matching forms.
2. Boilerplate paragraphs (subscription prompts, comment forms, "read more"
   links, captions and photo credits, newsletter promos, share buttons,
   standards footers, copyright and cookie notices, ads) are removed by the
   rules in ``resources/boilerplate.toml``; a rule removes a whole paragraph
   only when it is short, so a news sentence is never lost.
3. "Read more" link text and promo sentences are cut from paragraph ends;
   wire story codes (``nL4N2YS0DR]``) are cut wherever they stand.
4. The byline goes to ``byline`` and the dateline to ``dateline``.
5. A first paragraph that repeats the title is removed (unless it is the only one).

Lines repeated across many articles of one outlet (templates) are found
statistically across a corpus by :func:`find_templates`, not here.

Everything removed is returned with its kind, so a researcher can audit it.

>>> raw = '''Photo: Anton Vaganov / Reuters
...
... MOSCOW (NSN) — Kremlin spokesman Dmitry Peskov said on Tuesday that the talks would go ahead. Read more
...
... Share: Facebook Twitter WhatsApp
...
... Reporting by Anna Petrova; Editing by Mark Hill'''
>>> cleaned = clean_text(raw, "en")
>>> cleaned.text
'Kremlin spokesman Dmitry Peskov said on Tuesday that the talks would go ahead.'
>>> cleaned.dateline, cleaned.byline
('MOSCOW (NSN) —', 'Reporting by Anna Petrova; Editing by Mark Hill')
>>> [r.kind for r in cleaned.removed]
['caption', 'read_more', 'share', 'byline', 'dateline']
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from framing.resources import load_resource
from framing.text.arabic import strip_marks, strip_marks_with_map

__all__ = [
    "CleanedText",
    "Removal",
    "clean_text",
    "dateline_place",
    "find_templates",
    "normalize_unicode",
    "split_paragraphs",
    "PARAGRAPH_SEPARATOR",
]

#: Paragraphs of a cleaned text are joined by a blank line.
PARAGRAPH_SEPARATOR = "\n\n"

#: Datelines are looked for at the start of the first few paragraphs only.
DATELINE_SEARCH_PARAGRAPHS = 6

# Zero-width characters, bidi controls, soft hyphen and BOM: invisible, never part of a word.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
# Every space-like character becomes a plain space.
_SPACES = dict.fromkeys([0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)], " ")
_SPACES.update({0x09: " ", 0x0B: " ", 0x0C: " "})
_TRANSLATE = {**_INVISIBLE, **_SPACES}
_NEEDS_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")
_ARABIC_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_MULTISPACE = re.compile(r" {2,}")
_BULLET = re.compile(r"^(?:[•●▪◦·►▶■□◆◇–]|\*)\s+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Removal:
    """A piece of text that cleaning took out of an article, and what kind it was."""

    kind: str
    text: str


@dataclass
class CleanedText:
    """The result of :func:`clean_text`."""

    paragraphs: list[str]
    removed: list[Removal] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None

    @property
    def text(self) -> str:
        """The cleaned body, paragraphs joined by a blank line."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def removed_chars(self) -> int:
        """Characters of boilerplate (and metadata) taken out of the body."""
        return sum(len(r.text) for r in self.removed)


@dataclass(frozen=True)
class _Rule:
    kind: str
    scope: str
    pattern: re.Pattern[str]
    max_words: int


@dataclass(frozen=True)
class _Dateline:
    pattern: re.Pattern[str]
    first_paragraph_only: bool
    exclude: frozenset[str]

    def match(self, paragraph: str, index: int) -> re.Match[str] | None:
        if self.first_paragraph_only and index > 0:
            return None
        match = self.pattern.match(paragraph)
        if match is None or match.end() >= len(paragraph):
            return None
        place = match.group("place") or ""
        if place.strip().upper() in self.exclude:
            return None
        return match


@functools.cache
def _rules(language: str) -> tuple[tuple[_Rule, ...], tuple[_Rule, ...], tuple[_Rule, ...], tuple[_Dateline, ...], int]:
    """The line, tail and inline rules and dateline patterns for one language."""
    data = load_resource("boilerplate")
    lines, tails, inlines = [], [], []
    for spec in data["rule"]:
        if "*" not in spec["languages"] and language not in spec["languages"]:
            continue
        flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
        rule = _Rule(spec["kind"], spec["scope"], re.compile(spec["pattern"], flags), spec.get("max_words", 40))
        {"line": lines, "tail": tails, "inline": inlines}[spec["scope"]].append(rule)
    datelines = tuple(
        _Dateline(re.compile(spec["pattern"]), spec.get("first_paragraph_only", False), frozenset(spec.get("exclude", ())))
        for spec in data["dateline"]
        if language in spec["languages"] or "*" in spec["languages"]
    )
    return tuple(lines), tuple(tails), tuple(inlines), datelines, int(data["tail_chars"])


def normalize_unicode(text: str) -> str:
    """Normalise characters and spaces without changing any word.

    NFC; Arabic presentation forms (from PDFs and old sites) to plain
    letters; invisible characters removed; every kind of space to a space;
    ``\\r\\n`` and ``\\r`` to ``\\n``; HTML entities decoded. Arabic diacritics
    and tatweel are kept.

    >>> normalize_unicode("Kyiv\\u00a0said\\u200b &amp; Moscow\\r\\nagreed")
    'Kyiv said & Moscow\\nagreed'
    >>> normalize_unicode("\\ufefb") == "\\u0644\\u0627"   # the lam-alef ligature becomes lam + alef
    True
    >>> normalize_unicode("قائلاً") == "قائلاً"        # tanween is kept
    True
    """
    if _ENTITY.search(text):
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    if _ARABIC_PRESENTATION.search(text):
        text = _ARABIC_PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return unicodedata.normalize("NFC", text)


def split_paragraphs(text: str) -> list[str]:
    """Split normalised text into stripped, non-empty paragraphs (one per line), bullets dropped.

    >>> split_paragraphs("  • First point\\n\\n\\nSecond   paragraph.  ")
    ['First point', 'Second paragraph.']
    """
    paragraphs = []
    for line in text.split("\n"):
        line = line.strip()
        if "  " in line:
            line = _MULTISPACE.sub(" ", line)
        if line and not line[0].isalnum():
            line = _BULLET.sub("", line)
        if line:
            paragraphs.append(line)
    return paragraphs


def _word_count_at_most(paragraph: str, limit: int) -> bool:
    if len(paragraph) > limit * 25:
        return False
    return len(_WORD.findall(paragraph)) <= limit


def _line_kind(paragraph: str, rules: Sequence[_Rule], arabic: bool) -> str | None:
    form = strip_marks(paragraph) if arabic else paragraph
    for rule in rules:
        if _word_count_at_most(paragraph, rule.max_words) and rule.pattern.search(form):
            return rule.kind
    return None


def _cut_tails(paragraph: str, rules: Sequence[_Rule], tail_chars: int, arabic: bool) -> tuple[str, list[Removal]]:
    """Cut tail-rule matches from the end of ``paragraph``, repeatedly.

    Arabic is matched in its matching form (no diacritics or tatweel) and the
    match is mapped back, so the cut is exact in the original text.
    """
    removed: list[Removal] = []
    changed = True
    while changed and paragraph:
        changed = False
        form, positions = strip_marks_with_map(paragraph) if arabic else (paragraph, None)
        for rule in rules:
            match = rule.pattern.search(form, max(0, len(form) - tail_chars))
            if match and match.end() == len(form):
                start = positions[match.start()] if positions is not None else match.start()
                removed.append(Removal(rule.kind, paragraph[start:].strip()))
                paragraph = paragraph[:start].rstrip()
                changed = True
                break
    return paragraph, removed


def _match_dateline(paragraphs: list[str], datelines: tuple[_Dateline, ...]) -> tuple[int, re.Match[str]] | None:
    """The first dateline opening one of the first paragraphs: (paragraph index, match)."""
    for index, paragraph in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        for rule in datelines:
            match = rule.match(paragraph, index)
            if match:
                return index, match
    return None


def dateline_place(text: str, language: str) -> str | None:
    """Where the dateline that opens ``text`` (uncleaned) puts the reporter, without agency or date line.

    The same rules as :func:`clean_text` find the dateline.

    >>> dateline_place("KYIV, Ukraine (AP) — Russian missiles hit the city.", "en")
    'KYIV, Ukraine'
    >>> dateline_place("КИЕВ, 3 мая – РИА Новости. Ракеты ударили по городу.", "ru")
    'КИЕВ, 3 мая'
    >>> dateline_place("Russian missiles hit Kyiv overnight.", "en") is None
    True
    """
    found = _match_dateline(split_paragraphs(text), _rules(language)[3])
    if found is None:
        return None
    return _DATELINE_TAIL.split(found[1].group("dateline"), maxsplit=1)[0].strip()


#: Where the place part of a dateline ends: the agency in parentheses or slashes, or the dash.
_DATELINE_TAIL = re.compile(r"\s*(?:\(|/|--|—|–|\s-\s)")


def clean_text(text: str, language: str, *, title: str | None = None) -> CleanedText:
    """Clean one article's text.

    Parameters
    ----------
    text : str
        The raw text as scraped.
    language : str
        ``ar``, ``en`` or ``ru`` selects the language's rules (other values get
        the language-independent rules only).
    title : str, optional
        The article's title; a first paragraph repeating it is removed.

    Returns
    -------
    CleanedText
        Paragraphs kept, what was removed (kind and text), byline and dateline.

    Examples
    --------
    >>> cleaned = clean_text("МОСКВА, 10 января. /ТАСС/. Замминистра иностранных дел Сергей Рябков заявил, что переговоры начнутся в понедельник.\\n\\nАвтор: Ирина Соколова", "ru")
    >>> cleaned.dateline, cleaned.byline
    ('МОСКВА, 10 января. /ТАСС/.', 'Автор: Ирина Соколова')
    >>> cleaned.text
    'Замминистра иностранных дел Сергей Рябков заявил, что переговоры начнутся в понедельник.'
    """
    line_rules, tail_rules, inline_rules, datelines, tail_chars = _rules(language)
    arabic = language == "ar"
    removed: list[Removal] = []
    bylines: list[str] = []
    kept: list[str] = []
    for paragraph in split_paragraphs(normalize_unicode(text)):
        for rule in inline_rules:
            matches = list(rule.pattern.finditer(paragraph))
            if matches:
                removed.extend(Removal(rule.kind, m.group().strip()) for m in matches)
                paragraph = _MULTISPACE.sub(" ", rule.pattern.sub("", paragraph)).strip()
        kind = _line_kind(paragraph, line_rules, arabic)
        if kind is not None:
            removed.append(Removal(kind, paragraph))
            if kind == "byline":
                bylines.append(paragraph)
            continue
        paragraph, cut = _cut_tails(paragraph, tail_rules, tail_chars, arabic)
        for removal in cut:
            removed.append(removal)
            if removal.kind == "byline":
                bylines.append(removal.text)
        if paragraph:
            kept.append(paragraph)

    dateline = None
    found = _match_dateline(kept, datelines)
    if found is not None:
        index, match = found
        dateline = match.group("dateline").strip()
        removed.append(Removal("dateline", dateline))
        kept[index] = kept[index][match.end() :]

    if title and len(kept) > 1 and _comparable(kept[0]) == _comparable(title):
        removed.append(Removal("title_repeat", kept.pop(0)))
    byline = " | ".join(b.strip("() ") for b in bylines) or None
    return CleanedText(kept, removed, byline, dateline)


def _comparable(text: str) -> str:
    return " ".join(normalize_unicode(text).casefold().split()).strip(" .:")


def find_templates(
    articles: Iterable[tuple[str, Sequence[str]]],
    *,
    min_articles: int = 5,
    min_share: float = 0.02,
    max_words: int | None = 15,
) -> dict[str, set[str]]:
    """Find paragraphs that repeat across many articles of one group (an outlet's template lines).

    Parameters
    ----------
    articles : iterable of (group, paragraphs)
        One entry per article: its group (the outlet) and its cleaned paragraphs.
    min_articles : int
        A paragraph must occur in at least this many articles of the group ...
    min_share : float
        ... and in at least this share of the group's articles.
    max_words : int or None
        Only paragraphs of at most this many words count as templates; longer
        repeated paragraphs (an outlet's stock background paragraph) are the
        newsroom's own writing and stay. None removes repeated lines of any length.

    Returns
    -------
    dict
        group -> set of template paragraphs (compared after case folding and
        whitespace normalisation; see :func:`template_key`).

    Examples
    --------
    >>> docs = [("RT", [f"Story number {i} about the talks.", "Follow us on Telegram"]) for i in range(8)]
    >>> find_templates(docs)
    {'RT': {'follow us on telegram'}}
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    sizes: Counter[str] = Counter()
    for group, paragraphs in articles:
        sizes[group] += 1
        keys = {template_key(p) for p in paragraphs if max_words is None or _word_count_at_most(p, max_words)}
        counts[group].update(keys)
    templates = {}
    for group, counter in counts.items():
        threshold = max(min_articles, min_share * sizes[group])
        found = {key for key, n in counter.items() if n >= threshold}
        if found:
            templates[group] = found
    return templates


def template_key(paragraph: str) -> str:
    """How paragraphs are compared when looking for templates.

    >>> template_key("  Follow  us on TELEGRAM ")
    'follow us on telegram'
    """
    return " ".join(paragraph.casefold().split())
