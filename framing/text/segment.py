"""Tokens, quotations and sentences, with character offsets into the original text.

>>> text = 'Peskov said: «We will not wait. We want answers». Talks resume Monday.'
>>> [text[q.start:q.end] for q in find_quotes(text)]
['«We will not wait. We want answers»']
>>> [text[s:e] for s, e in split_sentences(text, "en")]
['Peskov said: «We will not wait. We want answers».', 'Talks resume Monday.']
>>> [t.norm for t in tokenize("Вице-премьер ЗАЯВИЛ: «Всё»", "ru")][:3]
['вице-премьер', 'заявил', ':']
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from framing.resources import load_resource
from framing.text.normalize import matching_form

__all__ = ["Token", "Quote", "tokenize", "find_quotes", "split_sentences", "paragraph_spans", "is_abbreviation", "is_site_name"]

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
#: A site named by its domain is one word: "Lenta.ru", "5-tv.ru", "Axios.com".
_DOMAIN = r"\w[\w-]*(?:\.[\w-]+)*\.(?:ru|com|net|org|ua|by|kz|info|tv|io|uk|de|fr|su|news|рф)(?![\w.])"
_SITE = re.compile(_DOMAIN)
_TOKEN = re.compile(rf"{_DOMAIN}|(?:[A-Za-z]\.){{2,}}(?:['’]s\b)?|[\w{_MARKS}]+(?:[-'’][\w{_MARKS}]+)*|[^\s\w{_MARKS}]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: its offsets in the text, the text, and its matching form."""

    index: int
    start: int
    end: int
    text: str
    norm: str
    is_word: bool


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` is its opening mark, ``end`` the index after its closing mark."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, without the marks."""
        return self.start + 1, self.end - 1


def tokenize(text: str, language: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens with matching forms (see :mod:`framing.text.normalize`)."""
    form, positions = matching_form(text, language)
    tokens = []
    if positions is None:
        for i, match in enumerate(_TOKEN.finditer(text)):
            start, end = match.span()
            word = match.group()
            tokens.append(Token(i, start, end, word, form[start:end], word[0].isalnum() or word[0] == "_"))
        return tokens
    # Arabic with marks: the form is shorter; map each token's span into the form.
    for i, match in enumerate(_TOKEN.finditer(text)):
        start, end = match.span()
        f_start = bisect.bisect_left(positions, start)
        f_end = bisect.bisect_left(positions, end)
        word = match.group()
        tokens.append(Token(i, start, end, word, form[f_start:f_end], word[0].isalnum() or word[0] == "_"))
    return tokens


# -- quotations -------------------------------------------------------------

_DOUBLE = "double"
_GUILLEMET = "guillemet"
_SINGLE = "single"
_FAMILY = {"“": _DOUBLE, "”": _DOUBLE, "„": _DOUBLE, '"': _DOUBLE, "«": _GUILLEMET, "»": _GUILLEMET, "‘": _SINGLE, "’": _SINGLE, "‹": _SINGLE, "›": _SINGLE}
_OPEN_BEFORE = set(" \t\n([{—–-:/")


def _role(text: str, i: int) -> str | None:
    """Whether the mark at ``i`` opens or closes a quotation (or is neither, e.g. an apostrophe)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    space_before = before in _OPEN_BEFORE or before.isspace()
    space_after = after.isspace() or after in ".,;:!?؟،)»”…-—–"
    if ch in "«„‹":
        return "open"
    if ch in "»›":
        return "close"
    if ch == "“":
        # English opener; closer of „…“ (Russian, German); Arabic web text also writes ”…“
        if space_before and not after.isspace():
            return "open"
        return "close" if not space_before else None
    if ch == "”":
        if not space_before or space_after:
            return "close"
        return "open"  # reversed usage: ” opening a quotation
    if ch == '"':
        if space_before and not after.isspace():
            return "open"
        if not space_before:
            return "close"
        return None
    if ch == "‘":
        return "open" if space_before and after.isalnum() else None
    if ch == "’":
        return "close" if not space_before and (space_after or after in "'\"") else None
    return None


_QUOTE_CHARS = re.compile("[«»„‹›“”\"‘’]")


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations of ``text``, in order.

    Marks are paired within a paragraph; a quotation left open at the end of a
    paragraph continues only when the next paragraph opens with a mark of the
    same kind (the convention for quotations running over paragraphs). Marks
    that cannot be paired are ignored, never paired across unrelated text.

    >>> text = '“First paragraph of the quote.\\n\\n“Second paragraph,” he said.'
    >>> [text[q.start:q.end] for q in find_quotes(text)]
    ['“First paragraph of the quote.\\n\\n“Second paragraph,”']
    >>> find_quotes("Russia’s foreign minister said it was “useful")  # unbalanced: no quotation
    []
    """
    quotes: list[Quote] = []
    carry: tuple[int, str] | None = None  # an outermost quotation left open by the previous paragraph
    for p_start, p_end in paragraph_spans(text):
        marks = [(m.start(), m.group()) for m in _QUOTE_CHARS.finditer(text, p_start, p_end)]
        stack: list[tuple[int, str]] = []
        skip_first = False
        if carry is not None:
            first = marks[0] if marks else None
            if first and first[0] == p_start and _FAMILY[first[1]] == carry[1] and _role(text, first[0]) == "open":
                stack, skip_first = [carry], True
        for n, (position, ch) in enumerate(marks):
            if skip_first and n == 0:
                continue
            role = _role(text, position)
            family = _FAMILY[ch]
            if role == "open" and ch == "”" and stack and stack[-1][1] == family:
                role = "close"  # ”…” used as a pair
            if role == "open":
                stack.append((position, family))
            elif role == "close":
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][1] == family:
                        start = stack[depth][0]
                        del stack[depth:]
                        if not stack:
                            quotes.append(Quote(start, position + 1))
                        break
        carry = stack[0] if stack else None
    return quotes


# -- sentences ----------------------------------------------------------------


@functools.cache
def _abbreviations(language: str) -> frozenset[str]:
    data = load_resource("language").get("abbreviations", {})
    return frozenset(a.casefold() for a in data.get(language, []))


def is_site_name(word: str) -> bool:
    """Whether a token is a website named by its domain.

    >>> is_site_name("Lenta.ru"), is_site_name("Moscow")
    (True, False)
    """
    return _SITE.fullmatch(word) is not None


def is_abbreviation(word: str, language: str) -> bool:
    """Whether ``word`` (with its period) is a listed abbreviation of ``language``.

    >>> is_abbreviation("Sen.", "en"), is_abbreviation("said.", "en")
    (True, False)
    """
    return word.casefold() in _abbreviations(language)


_END = re.compile(r"[.!?؟…]+[\"'”»’)]*(?=\s)|\n+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines (paragraphs) of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def split_sentences(text: str, language: str, quotes: list[Quote] | None = None) -> list[tuple[int, int]]:
    """Sentence offsets. Quotations are kept whole, so a quote and its reporting clause share a sentence.

    >>> text = 'Gen. Valery Gerasimov spoke. He said the U.S. plan failed. Then he left.'
    >>> [text[s:e] for s, e in split_sentences(text, "en")]
    ['Gen. Valery Gerasimov spoke.', 'He said the U.S. plan failed.', 'Then he left.']
    """
    if quotes is None:
        quotes = find_quotes(text)
    inside = [(q.start, q.end) for q in quotes]
    abbreviations = _abbreviations(language)
    sentences = []
    start = 0
    q = 0
    for match in _END.finditer(text):
        cut = match.end()
        while q < len(inside) and inside[q][1] <= match.start():
            q += 1
        if q < len(inside) and inside[q][0] <= match.start() and match.end() < inside[q][1]:
            continue  # inside a quotation (a stop right before the closing mark ends the sentence)
        if match.group()[0] == ".":
            word = re.search(r"(\S+)$", text[start : match.start()])
            last = word.group(1).casefold() if word else ""
            last = last.lstrip("(«“\"'")
            if last + "." in abbreviations or (len(last) == 1 and last.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", last):
                continue
            following = text[cut:].lstrip()[:1]
            if following and following.islower():
                continue
        segment = (start, match.start() + len(match.group().rstrip("\n")))
        if text[segment[0] : segment[1]].strip():
            sentences.append(_trim(text, segment))
        start = cut
    if text[start:].strip():
        sentences.append(_trim(text, (start, len(text))))
    return sentences


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
