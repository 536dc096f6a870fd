"""Hedges: expressions that mark a proposition as uncertain or unverified (CODEBOOK.md, section 2).

Forms come from ``resources/hedges.toml`` (epistemic modals and adverbs,
evidentials, "could not be independently verified", sourceless sourcing
phrases, "I think" in quotes). A few forms need a rule to tell the hedge from
another sense, named in the data file:

- ``modal``: may/might/could, может, قد are epistemic, not ability or
  permission: "may not" (permission), "could not" + verb (past inability),
  "military might", "May" (the month), "не может" (cannot) and Arabic قد
  before a past-tense verb (perfective, not "may") are not hedges;
- ``present_verb_after``: the modal must be followed by a verb in the
  present tense (Arabic) or an infinitive (Russian);
- ``no_named_source``: "according to reports" is a hedge only when no named
  source follows.

``scope`` is ``speaker`` inside quotations and reported content, else ``writer``.

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a"], "language": ["en"], "text": [
...     'The strike was reportedly carried out by drones. "It may take weeks," Peskov said.']})
>>> find_hedges(articles)[["cue", "scope"]].values.tolist()
[['reportedly', 'writer'], ['may', 'speaker']]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from framing.extract.phrases import PhraseIndex
from framing.resources import load_resource
from framing.schema import codable_texts
from framing.text.segment import Quote, Token, find_quotes, tokenize

__all__ = ["HEDGE_COLUMNS", "Hedge", "find_hedges", "hedges_in_text", "HEDGE_RULES"]

#: Columns of the hedge table (ARCHITECTURE.md contract, plus the hedge's category).
HEDGE_COLUMNS = ["article_id", "cue", "cue_start", "cue_end", "scope", "category"]
#: Rules a hedge form may name in ``hedges.toml``.
HEDGE_RULES = ("", "modal", "present_verb_after", "no_named_source")


@dataclass(frozen=True)
class _Entry:
    category: str
    rule: str


@dataclass
class Hedge:
    cue_start: int
    cue_end: int
    cue: str
    scope: str
    category: str


@dataclass
class _HedgeLexicon:
    index: PhraseIndex
    not_hedges: PhraseIndex


@functools.cache
def _lexicon(language: str) -> _HedgeLexicon:
    data = load_resource("hedges")
    index = PhraseIndex(language)
    for spec in data["hedge"]:
        if spec["language"] != language:
            continue
        rule = spec.get("rule", "")
        if rule not in HEDGE_RULES:
            raise ValueError(f"hedges.toml: {spec['forms'][:1]} has rule {rule!r}; allowed: {', '.join(r or '(none)' for r in HEDGE_RULES)}")
        for form in spec["forms"]:
            index.add(form, _Entry(spec["category"], rule))
    not_hedges = PhraseIndex(language)
    for spec in data.get("not_hedges", []):
        if spec["language"] == language:
            for phrase in spec["phrases"]:
                not_hedges.add(phrase, True)
    if not len(index):
        raise ValueError(f"no hedges for {language!r} in hedges.toml")
    return _HedgeLexicon(index, not_hedges)


_EN_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "military", "economic", "full"})
_NEGATIONS = {"en": frozenset({"not", "n't", "never"}), "ru": frozenset({"не", "ни"}), "ar": frozenset({"لا", "لم", "لن", "ولا", "ولم", "ولن"})}
_RU_BE = frozenset({"быть"})


def _rule_allows(rule: str, tokens: Sequence[Token], start: int, end: int, language: str) -> bool:
    first = tokens[start]
    nxt = tokens[end] if end < len(tokens) else None
    previous = tokens[start - 1] if start > 0 else None
    if rule == "modal":
        if previous is not None and previous.norm in _NEGATIONS.get(language, ()):
            return False  # "не может" = cannot
        if language == "en":
            word = first.norm
            if word == "may" and first.text == "May" and start > 0 and tokens[start - 1].text not in (".", "“", '"', "«"):
                return False  # the month
            if word == "might" and previous is not None and previous.norm in _EN_DETERMINERS:
                return False  # "military might"
            if nxt is not None and nxt.norm in ("not", "n't"):
                if word in ("may", "could"):
                    return False  # "may not leave" (permission), "could not attend" (inability)
            if word in ("couldn't",):
                return False
        if language == "ar":
            return nxt is not None and nxt.norm[:1] in "يتنا" and not nxt.norm.startswith("ال")
        if language == "ru" and end - start == 1:
            if nxt is None or not (nxt.norm.endswith(("ть", "ти", "чь", "ться", "тись")) or nxt.norm in _RU_BE):
                return False
            # "Россия может выставить условия": a named state or person can (ability); "это может затянуться" may
            return nxt.norm in _RU_BE or not _actor_subject(tokens, start, language)
        return True
    if rule == "present_verb_after":
        if nxt is None:
            return False
        if language == "ar":
            return nxt.norm[:1] in "يتنا" and not nxt.norm.startswith("ال")
        return nxt.norm.endswith(("ть", "ти", "чь", "ться", "тись")) or nxt.norm in _RU_BE
    return True


def _actor_subject(tokens: Sequence[Token], modal: int, language: str) -> bool:
    """Whether a named actor stands in the clause right before a modal (its subject)."""
    from framing.extract.actors import find_mentions

    start = modal
    while start > 0 and modal - start < 6 and tokens[start - 1].text not in (",", ".", ";", ":", "—", "«", "»", "\"", "،"):
        start -= 1
    return any(m.kind == "actor" and not m.oblique for m in find_mentions(tokens, language, start, modal))


def _named_source_follows(tokens: Sequence[Token], end: int, language: str) -> bool:
    from framing.extract.actors import find_mentions

    stop = end
    while stop < len(tokens) and stop - end < 6 and tokens[stop].text not in (",", "،", ".", ":", ";"):
        stop += 1
    return any(m.kind == "actor" for m in find_mentions(tokens, language, end, stop))


def hedges_in_text(text: str, language: str, *, speech_spans: Sequence[tuple[int, int]] = (), tokens: list[Token] | None = None, quotes: list[Quote] | None = None) -> list[Hedge]:
    """The hedges of one text.

    Parameters
    ----------
    speech_spans : sequence of (start, end)
        Offsets of reported content; hedges inside them (or inside quotations)
        have scope ``speaker``.
    """
    lexicon = _lexicon(language)
    tokens = tokenize(text, language) if tokens is None else tokens
    quotes = find_quotes(text) if quotes is None else quotes
    not_hedges = lexicon.not_hedges.find(tokens)
    inside = [(q.start, q.end) for q in quotes] + list(speech_spans)
    found = []
    for match in lexicon.index.find(tokens):
        length = match.end - match.start
        if any(n.start < match.end and match.start < n.end and n.end - n.start >= length for n in not_hedges):
            continue  # "не может" blocks "может", but "не может независимо проверить" stays a hedge
        entry: _Entry = match.value
        if not _rule_allows(entry.rule, tokens, match.start, match.end, language):
            continue
        if entry.rule == "no_named_source" and _named_source_follows(tokens, match.end, language):
            continue
        start = tokens[match.start].start + match.prefix
        end = tokens[match.end - 1].end
        scope = "speaker" if any(a <= start < b for a, b in inside) else "writer"
        found.append(Hedge(start, end, text[start:end], scope, entry.category))
    return found


def find_hedges(articles: pd.DataFrame, *, progress: bool | None = None, with_speech: bool = True) -> pd.DataFrame:
    """Hedge rows (ARCHITECTURE.md contract: ``article_id, cue, cue_start, cue_end, scope``, plus ``category``).

    Parameters
    ----------
    articles : pandas.DataFrame
        At least ``article_id``, ``language`` and ``text``.
    with_speech : bool
        Find reported content too (slower), so that hedges inside indirect
        speech get scope ``speaker``; otherwise only quotations count.
    """
    from framing.extract.attributions import extract_from_text

    rows = []
    for item in codable_texts(articles, desc="hedges", progress=progress):
        text, language = item.text, item.language
        spans = [a.content_span for a in extract_from_text(text, language) if a.content_span] if with_speech else []
        for hedge in hedges_in_text(text, language, speech_spans=spans):
            rows.append({"article_id": item.article_id, "cue": hedge.cue, "cue_start": hedge.cue_start, "cue_end": hedge.cue_end, "scope": hedge.scope, "category": hedge.category})
    return pd.DataFrame(rows, columns=HEDGE_COLUMNS)
