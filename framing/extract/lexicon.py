"""The reporting-cue lexicon (``resources/cues.toml``) and per-language grammar words.

Each cue lemma has a class (CODEBOOK.md) and its forms grouped by the
agreement they show (``m``, ``f``, ``n``, ``sg``, ``pl``, ``du``, ``any``), as
finite verbs, participles (whose speaker is the main clause's subject) or
multi-word phrases. Forms are compared in matching form
(:mod:`framing.text.normalize`); Arabic forms match with the conjunctions و
and ف attached.

>>> lexicon = load_lexicon("en")
>>> match = lexicon.match(tokenize("Peskov said on Tuesday", "en"), 1)
>>> match.form.cue_class, match.form.lemma, match.length
('neutral', 'say', 1)
>>> sorted(LANGUAGES_WITH_LEXICONS())
['ar', 'en', 'ru']
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from framing.codebook import CUE_CLASSES, check_scheme
from framing.resources import load_resource
from framing.text.normalize import normalize_word
from framing.text.segment import Token, tokenize

__all__ = ["CueForm", "CueMatch", "Grammar", "Lexicon", "load_lexicon", "LANGUAGES_WITH_LEXICONS", "AGREEMENTS"]

#: Agreement keys of forms: masculine, feminine, neuter, singular (gender unmarked), plural, dual, none.
AGREEMENTS = ("m", "f", "n", "sg", "pl", "du", "any")
_KINDS = {"verbs": "verb", "participles": "participle", "phrases": "phrase", "nouns": "noun"}
_ARABIC_CONJUNCTIONS = ("و", "ف")
_ARABIC_CONJOINABLE = ("negations", "non_speech_before", "not_cues", "conditionals", "skip_before", "stop_before")


@dataclass(frozen=True)
class CueForm:
    """One form of a cue lemma."""

    lemma: str
    cue_class: str
    kind: str  # verb | participle | phrase
    agreement: str
    tokens: tuple[str, ...]  # matching forms of its words
    attach_next: bool = False  # an Arabic phrase ending in a proclitic (وفقا لـ) attached to the next word
    after: tuple[str, ...] = ()  # the cue counts only if one of these words follows it or its subject (عبر + عن)
    extended: bool = False  # from cues_parc.toml: coded only by the PARC-style scheme (beliefs, evidence, intentions)


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a token list: where, which form, and how many tokens it spans."""

    start: int  # token index
    length: int
    form: CueForm

    @property
    def end(self) -> int:
        return self.start + self.length


Phrases = frozenset[tuple[str, ...]]


@dataclass
class Grammar:
    """Function words and phrases the extractor needs for one language (matching forms, as token tuples)."""

    complementizers: tuple[tuple[str, ...], ...] = ()
    negations: Phrases = frozenset()
    non_speech_before: Phrases = frozenset()  # declined to, will, would, отказался, سوف
    listener_words: Phrases = frozenset()  # reporters, журналистам, للصحفيين: never the speaker
    pronouns: dict[str, str] = field(default_factory=dict)  # form -> agreement
    possessives: dict[str, str] = field(default_factory=dict)
    skip_before: Phrases = frozenset()  # adverbs and auxiliaries between a subject and its cue
    stop_before: Phrases = frozenset()  # words that end a speaker phrase read backwards from a cue
    stop_after: Phrases = frozenset()  # words that end a speaker phrase read forwards from a cue
    relatives: Phrases = frozenset()  # who, which, который, الذي: the speaker is the noun before
    determiners: Phrases = frozenset()  # words that may start a speaker phrase after a cue (en "the")
    distancing_modifiers: Phrases = frozenset()  # якобы заявил: the cue becomes distancing
    assertive_modifiers: Phrases = frozenset()
    needs_complement: frozenset[str] = frozenset()  # lemmas that are speech only with a content or quote
    not_cues: Phrases = frozenset()  # phrases containing a cue form that are not speech (رفض التعليق)
    conditionals: Phrases = frozenset()  # if, если, إذا: speech in a conditional clause is hypothetical
    non_speakers: Phrases = frozenset()  # law, закон, القانون: legal provisions are not speech
    sourceless: Phrases = frozenset()  # "according to reports": a hedge, not an attribution
    withheld: Phrases = frozenset()  # "refused to comment", "رفض التعليق": withheld speech
    gerund_suffixes: tuple[str, ...] = ()  # endings of gerunds opening a clause ("speaking", "комментируя")
    impersonal_endings: tuple[str, ...] = ()  # ru "говорится", "отмечено": the speaker is a document (в заявлении)
    oblique_endings: tuple[str, ...] = ()  # ru case endings that mark a noun as not the subject (экспертом)
    former_prefixes: tuple[str, ...] = ()  # "ex-", "экс-": stripped when a title is compared with an earlier one
    continuing_nouns: Phrases = frozenset()  # "собеседник", "the interlocutor": always the person quoted before
    coordinators: frozenset[str] = frozenset()  # "and", "и": a verb after them shares the subject before
    affiliation_prepositions: Phrases = frozenset()  # "at", "в", "في": a role noun's body follows ("источник в МИД")
    quoted_words: Phrases = frozenset()  # ru "слова": "цитирует агентство слова Захаровой" -> Захаровой speaks
    quoting_lemmas: frozenset[str] = frozenset()  # cue lemmas ("цитировать") whose quoted words name the speaker
    report_openers: Phrases = frozenset()  # ru "как": "Как отметил X, ..." is a report whatever follows
    noun_homographs: frozenset[str] = frozenset()  # en "states", "claims", "remarks": present forms that are mostly nouns
    homograph_modified: frozenset[str] = frozenset()  # en nouns after a homograph that show it is a noun: "state TV"
    clear_present_verbs: frozenset[str] = frozenset()  # en "says", "warns": verbs after any noun subject
    source_markers: Phrases = frozenset()  # ar "عن": "نقلت الصحيفة عن الطبيب" relays someone's words
    relay_lemmas: frozenset[str] = frozenset()  # ar "نقل": with a source marker and no second cue, the source speaks
    plural_heads: frozenset[str] = frozenset()  # ar broken plurals ("رؤساء"): a speaker phrase they head is plural
    agent_lemmas: frozenset[str] = frozenset()  # "потребовать", "cite": speech when a person or body does it
    naming_lemmas: frozenset[str] = frozenset()  # en "call": 'called him a "genius"' is speech
    place_possessors: frozenset[str] = frozenset()  # "the country's", "страны", "البلاد": the place just named
    country_possessors: frozenset[str] = frozenset()  # the part of place_possessors that names a country
    document_heads: Phrases = frozenset()  # ar "تقرير": "تقرير لصحيفة X" is a report by X, not told to X
    colon_not_speakers: Phrases = frozenset()  # "Читайте также", "Read more": a link before a colon
    infinitive_endings: tuple[str, ...] = ()  # ru "-ть", "-ти": "потребовал провести" is a demand

    @staticmethod
    def ends_at(phrases: Phrases, tokens: Sequence[Token], end: int, floor: int = 0) -> int:
        """Length of the longest phrase of ``phrases`` ending just before token ``end`` (0 if none)."""
        if not phrases or end - 1 < floor:
            return 0
        best = 0
        words: tuple[str, ...] = ()
        for n in range(1, 5):
            start = end - n
            if start < floor:
                break
            words = (tokens[start].norm, *words)
            if words in phrases:
                best = n
        return best

    @staticmethod
    def starts_at(phrases: Phrases, tokens: Sequence[Token], start: int, stop: int | None = None) -> int:
        """Length of the longest phrase of ``phrases`` starting at token ``start`` (0 if none)."""
        stop = len(tokens) if stop is None else stop
        if not phrases or start >= stop:
            return 0
        best = 0
        words: tuple[str, ...] = ()
        for n in range(1, 5):
            if start + n > stop:
                break
            words = (*words, tokens[start + n - 1].norm)
            if words in phrases:
                best = n
        return best


@dataclass
class Lexicon:
    """All cue forms of one language, indexed for matching."""

    language: str
    single: dict[str, list[CueForm]]
    phrases: dict[str, list[CueForm]]  # first token -> phrases starting with it, longest first
    grammar: Grammar
    lemmas: int
    nouns: dict[str, list[CueForm]] = field(default_factory=dict)  # English noun cues, matched only with a possessor ("Trump's claim that")

    def __post_init__(self) -> None:
        # phrases by first and second word: common first words ("the", "в") stay cheap to test
        self._phrase_index: dict[str, dict[str, list[CueForm]]] = {}
        for first, forms in self.phrases.items():
            table = self._phrase_index.setdefault(first, {})
            for form in forms:
                table.setdefault(form.tokens[1], []).append(form)
        for table in self._phrase_index.values():
            for forms in table.values():
                forms.sort(key=lambda f: len(f.tokens), reverse=True)

    def _candidates(self, norm: str) -> list[tuple[str, int]]:
        """The token's matching form, and for Arabic the form without an attached conjunction."""
        out = [(norm, 0)]
        if self.language == "ar" and len(norm) > 3 and norm[0] in _ARABIC_CONJUNCTIONS:
            out.append((norm[1:], 1))
            if len(norm) > 4 and norm[1] in _ARABIC_CONJUNCTIONS:
                out.append((norm[2:], 2))
        return out

    def match(self, tokens: Sequence[Token], i: int) -> CueMatch | None:
        """The longest cue starting at token ``i``, or None."""
        norm0 = tokens[i].norm
        if norm0 not in self.single and norm0 not in self.phrases and not (self.language == "ar" and norm0[:1] in _ARABIC_CONJUNCTIONS):
            return None
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        for norm, _ in self._candidates(norm0):
            by_second = self._phrase_index.get(norm)
            if not by_second:
                continue
            for form in (*by_second.get(nxt, ()), *by_second.get(nxt[:1], ())):
                if _phrase_matches(form, tokens, i, self.language):
                    return CueMatch(i, len(form.tokens) - (1 if form.attach_next else 0) or 1, form)
        for norm, _ in self._candidates(tokens[i].norm):
            forms = self.single.get(norm)
            if forms:
                return CueMatch(i, 1, forms[0])
        return None


def _phrase_matches(form: CueForm, tokens: Sequence[Token], i: int, language: str) -> bool:
    words = form.tokens
    for k, word in enumerate(words):
        if i + k >= len(tokens):
            return False
        norm = tokens[i + k].norm
        if k == 0 and language == "ar" and norm != word and norm[1:] != word and norm[2:] != word:
            return False
        if k == 0:
            continue
        if form.attach_next and k == len(words) - 1:
            # "وفقا ل" matches "وفقا لوزارة" and "وفقا لـ «...»"
            if not (norm == word or (norm.startswith(word) and len(norm) > len(word))):
                return False
            continue
        if norm != word:
            return False
    return True


def _grammar(specs: list[dict], language: str) -> Grammar:
    """Merge the [[grammar]] tables of one language (lists are joined)."""
    merged: dict[str, list[str]] = defaultdict(list)
    by_agreement: dict[str, dict[str, list[str]]] = {"pronouns": defaultdict(list), "possessives": defaultdict(list)}
    for spec in specs:
        for key, value in spec.items():
            if key in by_agreement and isinstance(value, dict):
                for agreement, forms in value.items():
                    by_agreement[key][agreement].extend(forms)
            elif isinstance(value, list):
                merged[key].extend(value)

    def phrases(key: str) -> Phrases:
        found = {tuple(t.norm for t in tokenize(w, language)) for w in merged.get(key, []) if w.strip()}
        if language == "ar" and key in _ARABIC_CONJOINABLE:
            # "ولم يعلق", "ومن المقرر أن": the same words with و or ف attached
            found |= {(c + words[0], *words[1:]) for words in found for c in _ARABIC_CONJUNCTIONS if words}
        return frozenset(w for w in found if w)

    def agreement_map(key: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for agreement, forms in by_agreement[key].items():
            for form in forms:
                out.setdefault(normalize_word(form, language), agreement)
        return out

    complementizers = tuple(
        sorted({tuple(t.norm for t in tokenize(c, language)) for c in merged.get("complementizers", []) if c.strip(" ,:")}, key=len, reverse=True)
    )
    return Grammar(
        complementizers=complementizers,
        negations=phrases("negations"),
        non_speech_before=phrases("non_speech_before"),
        listener_words=phrases("listener_words"),
        pronouns=agreement_map("pronouns"),
        possessives=agreement_map("possessives"),
        skip_before=phrases("skip_before"),
        stop_before=phrases("stop_before"),
        stop_after=phrases("stop_after"),
        relatives=phrases("relatives"),
        determiners=phrases("determiners"),
        distancing_modifiers=phrases("distancing_modifiers"),
        assertive_modifiers=phrases("assertive_modifiers"),
        needs_complement=frozenset(merged.get("needs_complement", [])),
        not_cues=phrases("not_cues"),
        conditionals=phrases("conditionals"),
        non_speakers=phrases("non_speakers"),
        sourceless=phrases("sourceless"),
        withheld=phrases("withheld"),
        gerund_suffixes=tuple(normalize_word(w, language) for w in merged.get("gerund_suffixes", [])),
        impersonal_endings=tuple(normalize_word(w, language) for w in merged.get("impersonal_endings", [])),
        oblique_endings=tuple(normalize_word(w, language) for w in merged.get("oblique_endings", [])),
        former_prefixes=tuple(normalize_word(w, language) for w in merged.get("former_prefixes", [])),
        continuing_nouns=phrases("continuing_nouns"),
        coordinators=frozenset(normalize_word(w, language) for w in merged.get("coordinators", [])),
        affiliation_prepositions=phrases("affiliation_prepositions"),
        quoted_words=phrases("quoted_words"),
        quoting_lemmas=frozenset(merged.get("quoting_lemmas", [])),
        report_openers=phrases("report_openers"),
        noun_homographs=frozenset(normalize_word(w, language) for w in merged.get("noun_homographs", [])),
        homograph_modified=frozenset(normalize_word(w, language) for w in merged.get("homograph_modified", [])),
        clear_present_verbs=frozenset(normalize_word(w, language) for w in merged.get("clear_present_verbs", [])),
        source_markers=phrases("source_markers"),
        relay_lemmas=frozenset(merged.get("relay_lemmas", [])),
        plural_heads=frozenset(normalize_word(w, language) for w in merged.get("plural_heads", [])),
        agent_lemmas=frozenset(merged.get("agent_lemmas", [])),
        naming_lemmas=frozenset(merged.get("naming_lemmas", [])),
        place_possessors=frozenset(normalize_word(w, language) for w in merged.get("place_possessors", [])),
        country_possessors=frozenset(normalize_word(w, language) for w in merged.get("country_possessors", [])),
        document_heads=phrases("document_heads"),
        colon_not_speakers=phrases("colon_not_speakers"),
        infinitive_endings=tuple(normalize_word(w, language) for w in merged.get("infinitive_endings", [])),
    )


def _parc_grammar(grammar: Grammar, language: str) -> Grammar:
    """The codebook's grammar words with the changes of ``cues_parc.toml`` for the PARC-style scheme.

    Only the verbs whose other senses dominate still need a that-clause or a
    quotation ("called him a genius" is coded), and intentions and refusals
    the codebook leaves out ("hopes to", "refused to") are coded.
    """
    data = load_resource("cues_parc")
    changes: dict = {}
    if language in data.get("needs_complement", {}):
        changes["needs_complement"] = frozenset(data["needs_complement"][language])
    coded = {tuple(t.norm for t in tokenize(w, language)) for w in data.get("coded_not_cues", {}).get(language, ())}
    if coded:
        changes["not_cues"] = grammar.not_cues - coded
    return replace(grammar, **changes)


@functools.cache
def LANGUAGES_WITH_LEXICONS() -> frozenset[str]:  # noqa: N802 - reads like a constant
    """Languages that have cue entries in ``resources/cues.toml``."""
    return frozenset(spec["language"] for spec in load_resource("cues")["cue"])


@functools.cache
def load_lexicon(language: str, scheme: str = "codebook") -> Lexicon:
    """Load and index the cues of ``language``.

    With ``scheme="parc"`` the cues of ``resources/cues_parc.toml`` (beliefs,
    evidence, intentions: what PARC-style schemes code beyond CODEBOOK.md) are
    added to those of ``resources/cues.toml``.

    >>> "believes" in load_lexicon("en").single, "believes" in load_lexicon("en", "parc").single
    (False, True)

    Raises
    ------
    ValueError
        For a language with no cues (the message lists the supported ones), an
        unknown scheme, or an entry with a class outside the codebook.
    """
    check_scheme(scheme)
    data = load_resource("cues")
    if language not in LANGUAGES_WITH_LEXICONS():
        raise ValueError(f"no reporting-cue lexicon for {language!r}; supported: {', '.join(sorted(LANGUAGES_WITH_LEXICONS()))}")
    specs = [(spec, False) for spec in data["cue"]]
    if scheme == "parc":
        specs += [(spec, True) for spec in load_resource("cues_parc")["cue"]]
    single: dict[str, list[CueForm]] = defaultdict(list)
    phrases: dict[str, list[CueForm]] = defaultdict(list)
    nouns: dict[str, list[CueForm]] = defaultdict(list)
    lemmas = 0
    for spec, extended in specs:
        if spec["language"] != language:
            continue
        lemmas += 1
        if spec["class"] not in CUE_CLASSES:
            raise ValueError(f"cues.toml: {language} {spec['lemma']!r} has class {spec['class']!r}; allowed: {', '.join(CUE_CLASSES)}")
        for group, kind in _KINDS.items():
            for agreement, forms in spec.get(group, {}).items():
                if agreement not in AGREEMENTS:
                    raise ValueError(f"cues.toml: {spec['lemma']!r} has agreement {agreement!r}; allowed: {', '.join(AGREEMENTS)}")
                for written in forms:
                    words = tuple(t.norm for t in tokenize(written, language))
                    if not words:
                        continue
                    attach = language == "ar" and len(words) > 1 and words[-1] in ("ل", "ب")
                    if kind == "noun" and language == "ru":
                        continue  # noun cues are used where a fixed pattern gives their speaker (Arabic عن X قوله, English "Trump's claim that")
                    after = tuple(normalize_word(w, language) for w in spec.get("after", []))
                    form = CueForm(spec["lemma"], spec["class"], kind if kind == "noun" or len(words) == 1 else "phrase", agreement, words, attach, after, extended)
                    if kind == "noun" and language == "en":
                        nouns[words[0]].append(form)  # not in ``single``: "according to an announcement" must not stop at a noun
                    elif len(words) == 1:
                        single[words[0]].append(form)
                    else:
                        phrases[words[0]].append(form)
    for forms in phrases.values():
        forms.sort(key=lambda f: len(f.tokens), reverse=True)
    grammar_specs = [g for g in data.get("grammar", []) if g["language"] == language]
    grammar = _grammar(grammar_specs, language)
    if scheme == "parc":
        grammar = _parc_grammar(grammar, language)
    return Lexicon(language, dict(single), dict(phrases), grammar, lemmas, dict(nouns))
