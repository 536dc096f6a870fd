"""Reported speech in Arabic, English and Russian: cue, speaker, side, quote type, content.

The extractor works sentence by sentence on the text as given (offsets are
Python string indices into ``text``):

1. quotations are found first (:func:`framing.text.segment.find_quotes`), and
   cues inside someone's quoted words are skipped (only the outermost
   attribution counts), except a Russian reporting clause set off by dashes
   inside the quotation marks («…, — сказал он. — …»);
2. reporting cues come from the lexicon (``resources/cues.toml``); negated,
   withheld, future and hypothetical speech is not coded;
3. the speaker is looked for where each language puts it
   (:mod:`framing.extract.speakers`); pronouns, omitted subjects (Arabic and
   Russian verb agreement tells their gender and number) and participles
   take the nearest fitting earlier speaker;
4. the speaker span is classified with the gazetteers
   (:mod:`framing.extract.actors`);
5. the content is the quotation or the reported clause; quotations that
   stand alone after a speaker's words continue that speaker.

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a1"], "language": ["en"], "text": [
...     'Kremlin spokesman Dmitry Peskov said the talks were useful. "We are ready," he told reporters.']})
>>> spans = extract_attributions(articles)
>>> spans[["cue", "speaker", "actor", "side", "quote_type"]].values.tolist()
[['said', 'Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'RU', 'indirect'], ['told', 'Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'RU', 'direct']]
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from framing.clean import dateline_place
from framing.codebook import check_scheme
from framing.extract import speakers as sp
from framing.extract.actors import Identity, find_mentions, identify
from framing.extract.lexicon import CueMatch, Lexicon, load_lexicon
from framing.resources import load_resource
from framing.schema import codable_texts
from framing.text.segment import (
    Quote,
    find_quotes,
    paragraph_spans,
    split_sentences,
    tokenize,
)

__all__ = ["ATTRIBUTION_COLUMNS", "Attribution", "extract_attributions", "extract_from_text"]

#: Columns of the attribution table (ARCHITECTURE.md, contract).
ATTRIBUTION_COLUMNS = [
    "article_id",
    "cue",
    "cue_start",
    "cue_end",
    "cue_class",
    "speaker",
    "speaker_start",
    "speaker_end",
    "actor",
    "speaker_type",
    "side",
    "quote_type",
    "content",
]



@dataclass
class Attribution:
    """One act of reported speech."""

    cue_start: int
    cue_end: int
    cue: str
    cue_class: str
    speaker_start: int = -1
    speaker_end: int = -1
    speaker: str = ""
    actor: str = ""
    side: str = "UNKNOWN"
    speaker_type: str = "other"
    quote_type: str = "none"
    content: str = ""
    gender: str = ""
    number: str = "sg"
    sentence: int = -1
    kind: str = "verb"
    resolved: bool = False  # the speaker was taken from an earlier mention
    content_span: tuple[int, int] | None = None  # offsets of the reported content (for hedge scope)
    quote: Quote | None = field(default=None, repr=False)

    def as_row(self) -> dict:
        return {
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "cue_class": self.cue_class,
            "speaker": self.speaker,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "actor": self.actor,
            "speaker_type": self.speaker_type,
            "side": self.side,
            "quote_type": self.quote_type,
            "content": self.content,
        }


class _Article:
    """Everything the extractor needs to know about one text."""

    def __init__(self, text: str, language: str, lexicon: Lexicon, year: int | None, pronouns: str = "resolve", scheme: str = "codebook"):
        self.text = text
        self.pronouns = pronouns
        self.scheme = scheme
        self.language = language
        self.lexicon = lexicon
        self.grammar = lexicon.grammar
        self.year = year
        self.tokens = tokenize(text, language)
        self.starts = [t.start for t in self.tokens]
        self.quotes = find_quotes(text)
        self.sentences = split_sentences(text, language, self.quotes)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.quote_starts = [q.start for q in self.quotes]
        self._mentions: list | None = None
        self._proper_stems: set[str] | None = None

    # -- positions ------------------------------------------------------------
    @functools.cached_property
    def headline_end(self) -> int:
        """End of the headline on the first line, coded only by the PARC-style scheme (0: none).

        CODEBOOK.md codes the body only; PARC-style corpora keep the headline as
        the first line of the text and code it ("Lindsey Graham Says.", "Poll: ...").
        A first line of at most 25 words, with more text after it, counts.
        """
        if self.scheme != "parc":
            return 0
        end = self.text.find("\n")
        if end <= 0 or len(self.text[:end].split()) > 25:
            return 0
        return end

    @functools.cached_property
    def title_case_headline(self) -> bool:
        """Whether the headline capitalises its words ("Obama Says Museum Will Tell ..."): a capital is no name there."""
        words = [w for w in self.text[: self.headline_end].split() if len(w) > 3 and w[:1].isalpha()]
        return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def sentence_tokens(self, index: int) -> tuple[int, int]:
        """Token index range [a, b) of sentence ``index``."""
        start, end = self.sentences[index]
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def quote_at(self, char: int) -> Quote | None:
        """The quotation whose marks enclose ``char`` (marks included), if any."""
        i = bisect.bisect_right(self.quote_starts, char) - 1
        if i >= 0 and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def span_text(self, a: int, b: int) -> str:
        """Text covered by tokens [a, b)."""
        if a >= b:
            return ""
        return self.text[self.tokens[a].start : self.tokens[b - 1].end]

    def is_proper_noun(self, k: int) -> bool:
        """Whether word ``k`` is written capitalised elsewhere in the text inside a sentence (a name, not a sentence start)."""
        if self._proper_stems is None:
            sentence_starts = {bisect.bisect_left(self.starts, start) for start in self.sentence_starts}
            self._proper_stems = {
                _stem(t.norm) for i, t in enumerate(self.tokens) if t.is_word and t.text[:1].isupper() and i not in sentence_starts and i - 1 not in sentence_starts
            }
        return _stem(self.tokens[k].norm) in self._proper_stems

    @property
    def mentions(self) -> list:
        """Actor, nationality and role mentions in the whole text (computed once)."""
        if self._mentions is None:
            self._mentions = find_mentions(self.tokens, self.language)
        return self._mentions

    def mentions_between(self, a: int, b: int) -> list:
        """Mentions lying within tokens [a, b)."""
        return [m for m in self.mentions if a <= m.start and m.end <= b]

    def norms_between(self, start: int, end: int) -> list[str]:
        """Matching forms of the words between two character offsets."""
        a, b = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [t.norm for t in self.tokens[a:b] if t.is_word]

    def identify(self, a: int, b: int) -> Identity:
        identity = identify(self.tokens[a:b], self.language, year=self.year)
        if self.language == "ar" and identity.number != "pl" and self._plural_head(a, b):
            identity = Identity(identity.actor, identity.side, identity.speaker_type, identity.gender, "pl")
        return identity

    def _plural_head(self, a: int, b: int) -> bool:
        """Whether an Arabic phrase starts with a broken plural ("رؤساء الحكومات اللبنانية السابقون")."""
        head = next((t.norm for t in self.tokens[a:b] if t.is_word), "")
        return bool(sp.noun_forms(head, self.language) & self.grammar.plural_heads)


def _stem(word: str) -> str:
    """A crude stem that joins the case forms of a name (Быковский, Быковского)."""
    return word[: max(4, len(word) - 2)]


def _inside_quote_reporting_clause(article: _Article, i: int, quote: Quote) -> bool:
    """A Russian-style reporting clause set off by a dash inside quotation marks: «…, — сказал он. — …»."""
    tokens = article.tokens
    k = i - 1
    while k >= 0 and tokens[k].start > quote.start and tokens[k].text in ("—", "–", "-"):
        k -= 1
        if k >= 0 and tokens[k].text in (",", ".", "!", "?", "…"):
            return True
        break
    return False


def _find_cues(article: _Article) -> list[CueMatch]:
    cues: list[CueMatch] = []
    tokens = article.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.is_word:
            i += 1
            continue
        match = article.lexicon.match(tokens, i)
        if match is None or match.length == 1:
            match = sp.noun_cue(article, i) or match  # "Trump's claim that": the noun, not the verb "claim"
        if match is None:
            i += 1
            continue
        quote = article.quote_at(token.start)
        if quote is not None and not _inside_quote_reporting_clause(article, i, quote):
            i += match.end - i
            continue
        if sp.is_blocked(article, match):
            i = match.end
            continue
        cues.append(match)
        i = match.end
    return cues


#: How pronoun speakers are written: "resolve" (CODEBOOK.md: the nearest earlier mention)
#: or "as_written" (the pronoun itself, as PolNeAR codes it; actor and side are resolved either way).
PRONOUN_MODES = ("resolve", "as_written")

#: The pronoun mode each coding scheme (:data:`framing.codebook.SCHEMES`) uses unless told otherwise.
_SCHEME_PRONOUNS = {"codebook": "resolve", "parc": "as_written"}


def extract_from_text(
    text: str,
    language: str,
    *,
    year: int | None = None,
    scheme: str = "codebook",
    pronouns: str | None = None,
    outlet_country: str | None = None,
    dateline: str | None = None,
) -> list[Attribution]:
    """All attributions in one text, in order.

    Parameters
    ----------
    text : str
        The article text; offsets refer to it.
    language : {"ar", "en", "ru"}
    year : int, optional
        Publication year: decides whether a person was in office (official) then.
    scheme : {"codebook", "parc"}
        What is coded (:data:`framing.codebook.SCHEMES`). "codebook" (default)
        follows CODEBOOK.md. "parc" follows PARC-style attribution corpora
        (PARC 3.0, PolNeAR) for comparisons with them: it adds the cues of
        ``resources/cues_parc.toml`` (beliefs, evidence, intentions), codes the
        headline (a short first line), joins a quotation that
        continues a speaker's words to that attribution (no separate row
        cued by its quotation mark) and writes pronoun speakers as written.
    pronouns : {"resolve", "as_written"}, optional
        The speaker of "he said": the earlier mention it refers to (the
        codebook's rule) or "he" itself (PolNeAR's convention). Actor, side
        and type are those of the referent either way. By default as the
        scheme does.
    outlet_country : str, optional
        The side of the outlet (RU, US, UA, WEST, OTHER), when known: a single
        expert whose affiliation the article never gives is presumed to be of
        the outlet's country (coders read a "политолог" quoted by RIA Novosti
        as Russian, a veterinarian quoted by an Arab outlet as OTHER). When it
        is not given, Russian texts are presumed RU and Arabic texts OTHER
        (:func:`presumed_outlet_country`); English texts have no default.
    dateline : str, optional
        Where the report was filed, when cleaning moved the dateline out of
        ``text`` (the ``dateline`` column); otherwise a dateline opening
        ``text`` is found with the cleaning rules. Residents and witnesses of
        unknown side take its country.
    """
    return _extract(text, language, year, pronouns, outlet_country, dateline, scheme)[0]


def _extract(
    text: str,
    language: str,
    year: int | None,
    pronouns: str | None = None,
    outlet_country: str | None = None,
    dateline: str | None = None,
    scheme: str = "codebook",
) -> tuple[list[Attribution], _Article]:
    """Attributions of a text and the tokenised article (shared with the hedge and term finders)."""
    lexicon = load_lexicon(language, scheme)  # checks the scheme
    pronouns = _SCHEME_PRONOUNS[scheme] if pronouns is None else pronouns
    if pronouns not in PRONOUN_MODES:
        raise ValueError(f"pronouns must be one of {', '.join(PRONOUN_MODES)}, not {pronouns!r}")
    article = _Article(text, language, lexicon, year, pronouns, scheme)
    found: list[Attribution] = []
    used_quotes: set[int] = set()
    cues = _find_cues(article)
    if scheme == "parc":
        cues = _outermost_beliefs(article, cues)
    for n, match in enumerate(cues):
        attribution = sp.attribute(article, match, cues, n, found)
        if attribution is None:
            continue
        if attribution.quote is not None:
            used_quotes.add(attribution.quote.start)
        found.append(attribution)
    found.extend(sp.colon_attributions(article, found))
    found.extend(sp.dash_attributions(article, found, used_quotes))
    found.sort(key=lambda a: a.cue_start)
    bare = sp.bare_quote_attributions(article, found, used_quotes)
    if bare and scheme == "parc":
        _join_continued_quotes(found, bare)
    elif bare:
        found.extend(bare)
        found.sort(key=lambda a: a.cue_start)
    _sides_from_introductions(article, found)
    _sides_from_place_possessors(article, found)
    _types_from_introductions(article, found)
    _names_of_unnamed_experts(article, found)
    _sides_from_outlet(found, outlet_country if outlet_country in _OUTLET_SIDES else presumed_outlet_country(language))
    _sides_from_context(article, found, dateline)
    _sides_of_interlocutors(article, found)
    return found, article


def _outermost_beliefs(article: _Article, cues: list[CueMatch]) -> list[CueMatch]:
    """Drop a belief, finding or intention that is part of what someone else is reported to say.

    "Stein said she plans to join her supporters": PARC-style corpora code
    "said" and leave "plans" inside its content. A cue of ``cues_parc.toml``
    is dropped when an earlier cue of the same sentence reports it, that is
    when no clause break (a semicolon, "but", "while") stands between them.
    """
    out: list[CueMatch] = []
    for match in cues:
        if match.form.extended and out and not out[-1].form.extended and _reports_clause(article, out[-1], match):
            continue
        out.append(match)
    return out


def _reports_clause(article: _Article, before: CueMatch, match: CueMatch) -> bool:
    """Whether cue ``match`` stands in the clause that ``before`` reports (same sentence, no clause break between)."""
    if article.sentence_of(article.tokens[before.start].start) != article.sentence_of(article.tokens[match.start].start):
        return False
    return not any(t.text == ";" or t.norm in article.grammar.coordinators for t in article.tokens[before.end : match.start])


def _join_continued_quotes(found: list[Attribution], continued: list[Attribution]) -> None:
    """PARC-style schemes code a quotation that goes on after its cue as one attribution.

    '"No, this is not politics," Cruz said. "I will tell the truth."': the
    second quotation joins the content of "said" instead of being a row of its
    own cued by its opening mark.
    """
    for quote in sorted(continued, key=lambda a: a.cue_start):
        owner = next((a for a in reversed(found) if a.cue_start < quote.cue_start and a.speaker), None)
        if owner is None:
            continue
        owner.content = f"{owner.content} … {quote.content}" if owner.content else quote.content  # "…" marks the gap
        owner.quote_type = {"none": "direct", "indirect": "mixed"}.get(owner.quote_type, owner.quote_type)


#: Tokens after a nationality word (before it in Arabic) that it introduces: "the Russian company Intellect Machine".
_INTRODUCTION_WINDOW = 4


def _introductions(article: _Article) -> list[tuple[int, str, frozenset[str]]]:
    """(position, side, words) of every phrase a nationality word introduces.

    "The Russian company Intellect Machine", "российская компания «Интеллект»",
    "شركة إنتليكت الروسية": a later "Intellect Machine" or "the company" is Russian.
    """
    tokens = article.tokens
    roles = {k: m.start for m in article.mentions if m.kind == "role" for k in range(m.start, m.end)}
    out = []
    for mention in article.mentions:
        if mention.kind != "nationality" or mention.value == "MIXED":
            continue
        words = set()
        if article.language == "ar":  # the noun and name come first: شركة إنتليكت الروسية
            indices = range(mention.start - 1, max(-1, mention.start - 3), -1)
        else:
            indices = range(mention.end, min(len(tokens), mention.end + _INTRODUCTION_WINDOW))
        first_role = None
        for k in indices:
            token = tokens[k]
            if not token.is_word:
                break
            if article.language != "ar" and k not in roles and not token.text[:1].isupper():
                if _role_ahead(tokens, roles, k, indices[-1]):
                    continue  # "a Lebanese economy ministry official": a modifier before the role noun
                break  # only role nouns and names: "Russian officials rejected" introduces "officials"
            if k in roles and first_role is not None and roles[k] != first_role and article.language == "ru":
                break  # "к украинскому лидеру эксперт": the adjective belongs to the first noun only (not "ministry official")
            first_role = roles.get(k, first_role)
            words.add(token.norm)
        if words:
            out.append((tokens[mention.start].start, mention.value, frozenset(words)))
    return out


def _role_ahead(tokens, roles: dict[int, int], k: int, last: int) -> bool:
    """Whether a role noun follows token ``k`` up to ``last`` with only words between."""
    for j in range(k + 1, last + 1):
        if not tokens[j].is_word:
            return False
        if j in roles:
            return True
    return False


def _introduced_words(article: _Article, attribution: Attribution) -> set[str]:
    """Words of a speaker that an introduction can name: names (capitalised) and role nouns."""
    a, b = bisect.bisect_left(article.starts, attribution.speaker_start), bisect.bisect_left(article.starts, attribution.speaker_end)
    roles = {k for m in article.mentions_between(a, b) if m.kind == "role" for k in range(m.start, m.end)}
    return {
        t.norm for k, t in enumerate(article.tokens[a:b], start=a)
        if t.is_word and len(t.norm) > 2 and (k in roles or (article.language != "ar" and t.text[:1].isupper()))
    }


def _sides_from_introductions(article: _Article, found: list[Attribution]) -> None:
    """A speaker of unknown side takes the side its name or role noun was introduced with earlier in the article."""
    pending = [a for a in found if a.side == "UNKNOWN" and a.speaker and a.speaker_type != "anonymous"]
    if not pending:
        return
    introductions = _introductions(article)
    for attribution in pending:
        words = _introduced_words(article, attribution)
        if not words:
            continue
        earlier = [(position, side) for position, side, named in introductions if position < attribution.speaker_start and words & named]
        if earlier:
            attribution.side = earlier[-1][1]


def _sides_from_place_possessors(article: _Article, found: list[Attribution]) -> None:
    """"The country's military", "власти региона", "جيش البلاد" take the side of the place named just before.

    The nearest country, place or nationality word before the speaker tells
    which country the text means: for "the country's" in the speaker's
    paragraph or the one before, for a region or city in its sentence or the
    one before.
    """
    possessors = article.grammar.place_possessors
    if not possessors:
        return
    paragraphs = paragraph_spans(article.text)
    sided = [(article.tokens[m.start].start, m) for m in article.mentions if m.kind in ("actor", "nationality")]
    for attribution in found:
        if attribution.side != "UNKNOWN" or not attribution.speaker:
            continue
        a, b = bisect.bisect_left(article.starts, attribution.speaker_start), bisect.bisect_left(article.starts, attribution.speaker_end)
        words = [t.norm for t in article.tokens[a:b] if t.norm in possessors]
        if not words:
            continue
        if words[0] in article.grammar.country_possessors:
            # "the country's": a country named in this paragraph or the one before
            here = next((i for i, (p, q) in enumerate(paragraphs) if p <= attribution.speaker_start < q), 0)
            floor = paragraphs[max(0, here - 1)][0] if paragraphs else 0
        else:
            # "the region's", "губернатора региона": regions are rarely in the gazetteer, so only a country
            # named in the same sentence or the one before may stand for it
            floor = article.sentences[max(0, attribution.sentence - 1)][0]
        for position, mention in reversed(sided):
            if floor <= position < attribution.speaker_start and _is_place(mention):
                attribution.side = mention.value if mention.kind == "nationality" else mention.value.side
                break


def _is_place(mention) -> bool:
    """A nationality word, or a country, capital or region standing for its state (not a person or ministry)."""
    if mention.kind == "nationality":
        return mention.value not in ("MIXED",)
    return not mention.value.is_person and mention.value.type == "institution" and mention.value.side != "MIXED"


def _bare_name(article: _Article, attribution: Attribution) -> bool:
    """A speaker written as a capitalised name alone ("Сипров", "Smith"), unknown to the gazetteer."""
    if attribution.actor or attribution.speaker_type != "other" or article.language == "ar":
        return False
    a, b = bisect.bisect_left(article.starts, attribution.speaker_start), bisect.bisect_left(article.starts, attribution.speaker_end)
    words = [t for t in article.tokens[a:b] if t.is_word]
    return 0 < len(words) <= 2 and all(t.text[:1].isupper() for t in words) and not article.mentions_between(a, b)


def _described_names(article: _Article) -> set[str]:
    """Words written somewhere after a role noun or a first name ("политолог Сипров", "Brandon Weichert")."""
    roles_end = {m.end for m in article.mentions if m.kind in ("role", "nationality")}
    sentence_starts = {bisect.bisect_left(article.starts, start) for start in article.sentence_starts}
    tokens = article.tokens
    return {
        t.norm for k, t in enumerate(tokens)
        if k in roles_end or (k > 0 and k - 1 not in sentence_starts and tokens[k - 1].is_word and tokens[k - 1].text[:1].isupper())
    }


def _types_from_introductions(article: _Article, found: list[Attribution]) -> None:
    """A bare name takes the role it was introduced with: "Resident Olena got a call ... Olena told us" is a citizen."""
    bare = [a for a in found if a.side == "UNKNOWN" and _bare_name(article, a)]
    if not bare:
        return
    introduced: dict[str, str] = {}  # the word after a role noun -> that role's type, first mention first
    for mention in article.mentions:
        if mention.kind == "role" and mention.value not in ("former", "anonymous") and mention.end < len(article.tokens):
            introduced.setdefault(article.tokens[mention.end].norm, mention.value)
    for attribution in bare:
        name = article.tokens[bisect.bisect_left(article.starts, attribution.speaker_start)].norm
        if name in introduced:
            attribution.speaker_type = introduced[name]


def _names_of_unnamed_experts(article: _Article, found: list[Attribution]) -> None:
    """A bare surname the article never describes names the analyst it quotes without a name.

    "..., напомнил политолог. ... — подчеркнул Сипров." The text cut before the
    analyst was introduced; he is the only unnamed expert quoted, of the same
    gender, so "Сипров" is that expert (and takes an expert's side rules).
    """
    experts = [a for a in found if a.speaker_type == "expert" and not a.actor and a.number != "pl" and _only_role_words(article, a)]
    if not experts or len({a.gender for a in experts if a.gender}) > 1:
        return
    gender = next((a.gender for a in experts if a.gender), "")
    described: set[str] | None = None
    for attribution in found:
        if attribution.side != "UNKNOWN" or not _bare_name(article, attribution) or (gender and attribution.gender not in ("", gender)):
            continue
        described = _described_names(article) if described is None else described
        a, b = bisect.bisect_left(article.starts, attribution.speaker_start), bisect.bisect_left(article.starts, attribution.speaker_end)
        if not any(t.norm in described for t in article.tokens[a:b] if t.is_word):
            attribution.speaker_type, attribution.number = "expert", "sg"  # one person ("Hollis" is no plural)


def _only_role_words(article: _Article, attribution: Attribution) -> bool:
    """A speaker described by role nouns alone ("политолог", "the analyst")."""
    a, b = bisect.bisect_left(article.starts, attribution.speaker_start), bisect.bisect_left(article.starts, attribution.speaker_end)
    return b > a and sp._only_role_words(article, (a, b))


def _sides_of_interlocutors(article: _Article, found: list[Attribution]) -> None:
    """"собеседник", "the interlocutor" are the person quoted before them, with that person's final side.

    While speakers are found, that person's side may still be unknown (it comes
    from the outlet or the context afterwards), so the link is made again here.
    """
    for i, attribution in enumerate(found):
        if attribution.side != "UNKNOWN" or not attribution.speaker:
            continue
        a, b = bisect.bisect_left(article.starts, attribution.speaker_start), bisect.bisect_left(article.starts, attribution.speaker_end)
        words = [t.norm for t in article.tokens[a:b] if t.is_word]
        if len(words) != 1 or (words[0],) not in article.grammar.continuing_nouns:
            continue
        before = next((p for p in reversed(found[:i]) if p.gender in ("m", "f") and p.number != "pl" and p.sentence < attribution.sentence and p.speaker), None)
        if before is not None and before.side != "UNKNOWN":
            attribution.side, attribution.speaker_type, attribution.actor = before.side, before.speaker_type, before.actor


#: Outlet countries that can stand for an expert's side.
_OUTLET_SIDES = frozenset({"RU", "US", "UA", "WEST", "OTHER"})


@functools.cache
def presumed_outlet_country(language: str) -> str | None:
    """The outlet country presumed for an article whose outlet is unknown (resources/language.toml).

    >>> presumed_outlet_country("ru"), presumed_outlet_country("en")
    ('RU', None)
    """
    return load_resource("language").get("presumed_outlet_country", {}).get(language)


def _sides_from_outlet(found: list[Attribution], outlet_country: str | None) -> None:
    """A single expert of unknown affiliation takes the outlet's country (outlets mostly quote their own)."""
    if outlet_country not in _OUTLET_SIDES:
        return
    for attribution in found:
        if attribution.side == "UNKNOWN" and attribution.speaker and attribution.speaker_type == "expert" and attribution.number != "pl":
            attribution.side = outlet_country


#: Speaker types (of persons) whose unknown side comes first from the places and bodies named in their paragraph.
_PLACED_BY_PARAGRAPH = ("official", "other")

#: Speaker types whose unknown side is taken from the article around them.
_CONTEXT_SIDE_TYPES = ("official", "institution", "other", "citizen", "media")


def _sides_from_context(article: _Article, found: list[Attribution], dateline: str | None = None) -> None:
    """A named speaker of unknown side takes the side the article around them is about.

    Residents and witnesses take the country of the ``dateline`` (found in the text when not given).

    Coders read "Olena told us" in a report from Kharkiv as Ukrainian. The side is
    that of the other speakers in the same sentence ("HALO Trust said ...,
    according to its director"), else of the speakers in the paragraph and the
    article, else the most frequent side of the actors and nationality words in
    the speaker's paragraph, else in the whole article. For a person who is an
    official or "other" (politicians, lawyers), the paragraph's actors and
    nationality words come before the other speakers. Unnamed sources and experts stay UNKNOWN
    (CODEBOOK.md), except a single expert when the outlet's country is known (:func:`_sides_from_outlet`).
    """
    pending = [a for a in found if a.side == "UNKNOWN" and a.speaker and a.speaker_type in _CONTEXT_SIDE_TYPES]
    if not pending:
        return
    mentions = [(article.tokens[m.start].start, m) for m in article.mentions if m.kind in ("actor", "nationality")]
    paragraphs = paragraph_spans(article.text)

    def side_of(m) -> str:
        return m.value.side if m.kind == "actor" else m.value

    overall = Counter(side_of(m) for _, m in mentions)
    placed = Counter()
    if any(a.speaker_type == "citizen" for a in pending):
        place = dateline if dateline is not None else dateline_place(article.text, article.language)
        if place:
            placed.update(side_of(m) for m in find_mentions(tokenize(place, article.language), article.language) if m.kind in ("actor", "nationality"))
    speakers = Counter(a.side for a in found if a.side not in ("UNKNOWN", "MIXED"))
    for attribution in pending:
        start, end = next(((a, b) for a, b in paragraphs if a <= attribution.speaker_start < b), (0, len(article.text)))
        local = Counter(side_of(m) for position, m in mentions if start <= position < end)
        local_speakers = Counter(a.side for a in found if start <= a.cue_start < end and a.side not in ("UNKNOWN", "MIXED"))
        same_sentence = Counter(b.side for b in found if b.sentence == attribution.sentence and b.side not in ("UNKNOWN", "MIXED") and not _reported_by(b, attribution))
        order = (same_sentence, local_speakers, speakers, local, overall)
        if attribution.speaker_type in _PLACED_BY_PARAGRAPH and attribution.gender in ("m", "f"):
            # a person (the verb shows their gender: Arabic and Russian) in office or politics belongs to the
            # country the paragraph is about more often than to the side of whoever else is quoted there
            order = (same_sentence, local, local_speakers, speakers, overall)
        elif attribution.speaker_type == "citizen":
            # residents and witnesses are where the reporter is: "Zaporizhzhia, Ukraine — ... Resident Olena told us"
            order = (same_sentence, placed, local_speakers, speakers, local, overall)
        for counts in order:
            counts.pop("MIXED", None)
            if counts:
                attribution.side = counts.most_common(1)[0][0]
                break


def _reported_by(inner: Attribution, outer: Attribution) -> bool:
    """Whether ``inner`` stands inside the words ``outer`` reports ("Bolea said Western partners, accusing Russia, ...")."""
    span = outer.content_span
    if span is None or outer.cue_class == "sourcing":
        return False  # "X said ..., according to its director": the source, not what it said
    return span[0] <= inner.cue_start < span[1]


def extract_attributions(articles: pd.DataFrame, *, progress: bool | None = None, scheme: str = "codebook", pronouns: str | None = None) -> pd.DataFrame:
    """Attribution rows (ARCHITECTURE.md contract) for every article.

    Parameters
    ----------
    articles : pandas.DataFrame
        At least ``article_id``, ``language`` and ``text``; ``published`` (if
        present) decides whether people were in office, ``outlet_country`` (if
        present) is presumed for a single expert of unknown affiliation (when
        missing: :func:`presumed_outlet_country`). Articles in languages other than ar, en, ru are skipped.
    progress : bool, optional
        Show a progress bar (by default for 500 articles or more).
    scheme : {"codebook", "parc"}
        What is coded: CODEBOOK.md (default) or the conventions of PARC-style
        corpora such as PolNeAR; see :func:`extract_from_text`.
    pronouns : {"resolve", "as_written"}, optional
        See :func:`extract_from_text`; by default as the scheme does.

    Returns
    -------
    pandas.DataFrame
        One row per attribution with :data:`ATTRIBUTION_COLUMNS`.
    """
    check_scheme(scheme)  # before the loop: an empty table still gets the error
    rows = []
    for item in codable_texts(articles, desc="attributions", progress=progress):
        for attribution in extract_from_text(item.text, item.language, year=item.year, scheme=scheme, pronouns=pronouns, outlet_country=item.outlet_country, dateline=item.dateline):
            rows.append({"article_id": item.article_id, **attribution.as_row()})
    return pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)

