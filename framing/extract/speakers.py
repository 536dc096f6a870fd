"""Where the speaker and the content of a reporting cue are, in each language.

English puts the subject before the verb ("Peskov said") and inverts it
after a quotation ("…," said Peskov). Arabic news prose is verb-first
(وقال ريابكوف إن) and drops the subject when it continues (وأضاف أن).
Russian inverts after direct speech («…», — заявил Песков) and after
"как" (Как заявил Песков), and otherwise puts the subject first. Function
words these rules need (complementizers, pronouns, listener words, words
that end a speaker phrase) are data in ``resources/cues.toml`` ([[grammar]]).

The functions here take the article state built by
:mod:`framing.extract.attributions`.
"""

from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_left
from typing import TYPE_CHECKING

from framing.extract.actors import Identity, actor_index, identify, is_place_name
from framing.extract.lexicon import CueMatch
from framing.text.segment import Quote, Token, is_abbreviation, is_site_name, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from framing.extract.attributions import Attribution, _Article

__all__ = ["attribute", "is_blocked", "colon_attributions", "dash_attributions", "bare_quote_attributions"]

_PUNCT = set(",.;:!?؟،؛…()[]")
_DASHES = {"—", "–", "-"}
_QUOTE_MARKS = set("«»„“”\"‘’‹›")
_CLOSING = set("»”\"’›“")
_MAX_SPEAKER = 14
_ARABIC_CONJ = ("و", "ف")


# -- guards ------------------------------------------------------------------


def is_blocked(article: _Article, match: CueMatch) -> bool:
    """Negated, withheld, future or hypothetical speech, or a non-speech sense: not coded."""
    tokens, grammar = article.tokens, article.grammar
    k = match.start
    for _ in range(4):
        if grammar.ends_at(grammar.negations, tokens, k) or (grammar.ends_at(grammar.non_speech_before, tokens, k) and not _name_word(article, k - 1)):
            return True
        skip = grammar.ends_at(grammar.skip_before, tokens, k)
        if not skip and article.language == "en" and k > 0 and tokens[k - 1].text.islower() and tokens[k - 1].norm.endswith("ly") and len(tokens[k - 1].norm) > 4:
            skip = 1  # "can credibly state": an adverb between the modal and the verb
        if not skip:
            break
        k -= skip
    if article.language == "en" and match.form.kind not in ("phrase", "noun") and _english_not_a_verb(article, match):
        return True
    if _in_conditional(article, match):
        return True
    if article.language == "ar" and match.start > 0 and tokens[match.start - 1].norm in ("قد", "وقد", "فقد") and tokens[match.start].norm[:1] in "يتن":
        return True  # قد + present tense: "may say", a hedge, not a report
    if grammar.not_cues and _inside_not_cue(article, match):
        return True
    if match.form.kind == "noun" and not _noun_speaker(article, match):
        return True
    if match.form.after and not _followed_by(article, match, match.form.after):
        return True
    if match.form.lemma in grammar.needs_complement and not _has_speech_context(article, match):
        return True
    return False


def _name_word(article: _Article, k: int) -> bool:
    """An English capitalised word after another: part of a name, not the modal or noun it is spelled like.

    "Theresa May said", "Will Hurd said"; and its first name: "Bill Burns said" (not "the bill").
    """
    if article.language != "en" or k <= 0 or not article.tokens[k].text[:1].isupper():
        return False
    return article.tokens[k - 1].is_word and article.tokens[k - 1].text[:1].isupper()


_EN_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_EN_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "of", "from",
     "despite", "with", "without", "for", "about", "amid", "over", "against", "such", "any", "no", "every", "new"}
)


def _english_not_a_verb(article: _Article, match: CueMatch) -> bool:
    """English word forms that are not a reporting verb here.

    "to say" (infinitive: withheld or planned), "The State Department" (a
    capitalised word inside a sentence), "the report", "repeated warnings",
    "Moscow's claims" (nouns and adjectives), "Explosions were reported" (a
    passive with no speaker given).
    """
    tokens = article.tokens
    token = tokens[match.start]
    previous = tokens[match.start - 1] if match.start > 0 else None
    if previous is not None and previous.norm == "to":
        return True
    sentence_start = article.sentence_tokens(article.sentence_of(token.start))[0]
    if token.text[:1].isupper() and match.start > sentence_start and not (previous is not None and previous.text in _QUOTE_MARKS | {"—", "–", ":"}):
        if not (token.start < article.headline_end and article.title_case_headline and match.form.agreement == "sg"):
            return True  # a title-case headline capitalises its verb: "Obama Says ...", but "Washington Post Hit Piece" has no verb "post"
    following = tokens[match.end] if match.end < len(tokens) else None
    if token.norm.endswith("ing") and following is not None and following.norm in article.grammar.noun_homographs and match.end == match.start + 1:
        return True  # "disparaging remarks", "threatening statements": an adjective before a speech noun
    if previous is None or token.norm.endswith("ing"):
        return False
    if previous.norm in _EN_NOUN_MARKERS or _possessive(previous):
        return True
    if token.norm == "called" and following is not None and following.text in _QUOTE_MARKS and previous.is_word and previous.text.islower() and previous.norm not in article.grammar.pronouns:
        if not any(t.norm in ("what", "which", "that", "whom") for t in tokens[max(0, match.start - 4) : match.start]):
            return True  # 'a piece of legislation called “On ...”' names a thing; 'what lawmakers called “fraud”' is speech
    after_cue = previous.norm not in article.grammar.noun_homographs and article.lexicon.match(tokens, match.start - 1) is not None
    if token.norm in article.grammar.noun_homographs and match.end == match.start + 1 and (after_cue or not _homograph_is_verb(article, match)):
        return True  # "member states", "Republican claims as false", "has denied claims"
    if match.form.agreement in ("sg", "pl") and match.form.kind == "verb" and not _english_present_subject(article, match):
        return True  # "state media", "his tweets", "the claims": a noun, not "he claims that"
    if previous.norm in _EN_BE or (match.start > 1 and previous.norm in ("also", "widely", "reportedly", "officially") and tokens[match.start - 2].norm in _EN_BE):
        return _passive_agent(article, match, len(tokens)) is None
    return False


def _homograph_is_verb(article: _Article, match: CueMatch) -> bool:
    """A present form that is mostly a noun ("states", "claims") reads as a verb only with clear evidence."""
    tokens, grammar = article.tokens, article.grammar
    previous = tokens[match.start - 1]
    if previous.norm in grammar.pronouns or _has(grammar.relatives, previous) or previous.norm == "that":
        return True  # "he claims", "who states", "a report that claims"
    if previous.text in _CLOSING or previous.text in (",", "—", "–"):
        return True  # '"...," states the report'
    following = tokens[match.end] if match.end < len(tokens) else None
    if following is None:
        return False
    if following.text in _QUOTE_MARKS or following.text == ":" or following.norm in ("that", "there") or following.norm in grammar.pronouns:
        return True
    if following.text in (".", "!", "?"):
        return _closes_reporting_clause(article, match)  # "..., The Wall Street Journal reports." (not "the Baltic states.")
    if following.norm in ("him", "her", "them", "us", "me"):
        return True  # "Obama and Clinton call them 'lone wolves'"
    if previous.text[:1].isupper() and (_has(grammar.determiners, following) or following.text[:1].isupper() or following.text[:1].isdigit()):
        # "Moscow claims the strike hit a depot": a name, then a clause (not "Republican claims as false",
        # "Russian state TV": a noun the homograph modifies)
        return following.norm not in grammar.homograph_modified
    return _is_listener(article, following)


def _english_present_subject(article: _Article, match: CueMatch) -> bool:
    """An English present-tense cue ("says", "claim") reads as a verb after a subject or with a content."""
    tokens = article.tokens
    previous = tokens[match.start - 1]
    if previous.norm in article.grammar.pronouns or previous.norm in ("who", "that", "which"):
        return True
    if previous.text[:1].isupper() or previous.text in _CLOSING or previous.text in (",", "—", "–"):
        return True
    if previous.is_word and (tokens[match.start].norm in article.grammar.clear_present_verbs or match.form.extended):
        return True  # "critics say resources could be better spent"; the PARC cues list no noun homographs ("diplomats believe")
    if _has_speech_context(article, match):
        return True  # "officials say that", "the company says:"
    following = tokens[match.end] if match.end < len(tokens) else None
    # "now say there was", "commanders tell us": a clause or a listener follows, not a verb ("the claims were")
    return following is not None and (following.norm in article.grammar.pronouns or following.norm in ("there", "us", "me", "him", "her", "them") or _is_listener(article, following))


def _in_conditional(article: _Article, match: CueMatch) -> bool:
    """Speech in a conditional clause ("If Moscow confirms ...") is hypothetical."""
    grammar, tokens = article.grammar, article.tokens
    if not grammar.conditionals:
        return False
    floor = article.sentence_tokens(article.sentence_of(tokens[match.start].start))[0]
    k = match.start - 1
    while k >= floor and tokens[k].text not in (",", "،", ";", "—"):
        if grammar.ends_at(grammar.conditionals, tokens, k + 1, floor):
            return True
        k -= 1
    return False


def _followed_by(article: _Article, match: CueMatch, words: tuple[str, ...], window: int = 8) -> bool:
    """Whether one of ``words`` (or a word starting with it, for Arabic proclitics) follows the cue closely."""
    tokens = article.tokens
    stop = article.sentence_tokens(article.sentence_of(tokens[match.start].start))[1]
    for k in range(match.end, min(stop, match.end + window)):
        if tokens[k].text in ("،", ","):
            return False  # "قائد نادي سكوكوزا للغولف ...، بإغلاق": the clause ended
        norm = tokens[k].norm
        if norm in words or any(len(w) <= 2 and norm.startswith(w) for w in words):
            return True
    return False


def _inside_not_cue(article: _Article, match: CueMatch) -> bool:
    """The cue is part of a phrase listed as not speech ("رفض التعليق", "declined to comment")."""
    grammar, tokens = article.grammar, article.tokens
    for start in range(max(0, match.start - 3), match.start + 1):
        n = grammar.starts_at(grammar.not_cues, tokens, start)
        if n and start + n > match.start:
            return True
    return False


def _relayed_source(article: _Article, match: CueMatch, cues: list[CueMatch], s_to: int) -> tuple[int, int] | None:
    """"نقل موقع بلومبيرغ عن مصدرين أن ...": with no second cue (قوله) the source after عن speaks (CODEBOOK.md).

    With a second cue the outlet keeps this one and the source takes the other.
    """
    grammar, tokens = article.grammar, article.tokens
    if match.form.lemma not in grammar.relay_lemmas:
        return None
    marker = next((k for k in range(match.end, min(s_to, match.end + 6)) if _has(grammar.source_markers, tokens[k])), None)
    if marker is None or any(c.start > marker and c.start < s_to and c.form.kind == "noun" for c in cues):
        return None
    span = _np_after(article, marker + 1, s_to)
    return _trim_arabic_np(article, span) if span is not None else None


def _noun_speaker(article: _Article, match: CueMatch) -> tuple[int, int] | None:
    """The speaker a noun cue is coded with, or None (a bare noun is not coded; CODEBOOK.md).

    Arabic "نقلت الوكالة عن الوزير قوله": the phrase after عن. English
    "Trump's claim that ...", "the company's demand that ...", "his claim
    that ...": the possessor, when a that-clause or a quotation gives the content.
    """
    if article.language == "en":
        return _possessor_of_noun_cue(article, match)
    tokens = article.tokens
    for k in range(match.start - 1, max(-1, match.start - 14), -1):
        if tokens[k].text in ("،", ","):
            continue  # "عن مسؤول، طلب عدم ذكر اسمه، قوله": an anonymity clause between
        if tokens[k].norm == "عن":
            end = match.start
            for j in range(k + 1, match.start):
                if _has(article.grammar.relatives, tokens[j]) or tokens[j].text in ("،", ","):
                    end = j
                    break
            return (k + 1, end) if k + 1 < end else None
        if _is_boundary(tokens[k]):
            return None
    return None


def noun_cue(article: _Article, k: int) -> CueMatch | None:
    """An English noun cue at token ``k`` with its possessor and content: "Trump's claim that", "Russia's demand that"."""
    forms = article.lexicon.nouns.get(article.tokens[k].norm) if article.language == "en" else None
    if not forms:
        return None
    match = CueMatch(k, 1, forms[0])
    return match if _possessor_of_noun_cue(article, match) is not None else None


def _possessor_of_noun_cue(article: _Article, match: CueMatch) -> tuple[int, int] | None:
    """English "Trump's claim that", "the police's earlier claim that", "her acknowledgment that": the possessor's tokens."""
    tokens = article.tokens
    following = tokens[match.end] if match.end < len(tokens) else None
    if following is None or not (following.norm == "that" or following.text in _QUOTE_MARKS):
        return None
    k = match.start - 1
    floor = article.sentence_tokens(article.sentence_of(tokens[match.start].start))[0]
    if k > floor and tokens[k].is_word and tokens[k].text.islower() and not _possessive(tokens[k]) and tokens[k].norm not in article.grammar.possessives:
        k -= 1  # one modifier between: "the police's earlier claim"
    if k < floor or not tokens[k].is_word:
        return None
    if tokens[k].norm in article.grammar.possessives:
        return (k, k + 1)
    if not _possessive(tokens[k]):
        return None
    start = k
    while start > floor and tokens[start - 1].is_word and (tokens[start - 1].text[:1].isupper() or _has(article.grammar.determiners, tokens[start - 1])):
        start -= 1
    return (start, k + 1)


def _possessive(token: Token) -> bool:
    return token.text.endswith(("'s", "’s"))


def _has_speech_context(article: _Article, match: CueMatch) -> bool:
    """Evidence that a verb with non-speech senses ("added", "noted") reports speech here."""
    tokens = article.tokens
    sentence = article.sentence_of(tokens[match.start].start)
    _, stop = article.sentence_tokens(sentence)
    after = tokens[match.end : min(stop, match.end + 8)]
    if any(t.text in _QUOTE_MARKS or t.text == ":" for t in after[:3]):
        return True
    if article.language == "ru" and match.form.cue_class == "warning" and _addressee_follows(article, match.end, stop):
        return True  # "предупреждала Запад", "призвал Москву": a warning to someone, not "предупредили теракт"
    if match.form.lemma in article.grammar.agent_lemmas and _done_by_someone(article, match, stop):
        return True  # "министры потребовали провести расследование" (not "ремонт потребовал денег"), "Trump cited his endorsements"
    if match.form.lemma in article.grammar.naming_lemmas and any(t.text in _QUOTE_MARKS for t in after):
        return True  # 'called the senator a "nasty guy"': naming someone in quoted words
    if _complementizer_at(article, match.end, stop, within=6) is not None:
        return True
    if any(_has(article.grammar.source_markers, t) for t in after[:4]):
        return True  # "نقلت الصحيفة عن الطبيب": relaying what someone said
    before = tokens[match.start - 1] if match.start > 0 else None
    if before is not None and (before.text in _CLOSING or before.text in (",", "—", "–")):
        return True
    if article.grammar.ends_at(article.grammar.report_openers, tokens, match.start) or article.grammar.starts_at(article.grammar.report_openers, tokens, match.start, match.end):
        return True  # "Как отметил экономист ...": a reporting clause whatever follows
    return _closes_reporting_clause(article, match)


def _done_by_someone(article: _Article, match: CueMatch, stop: int) -> bool:
    """A verb (demand, cite) whose subject is a person, body or pronoun, or that is followed by an infinitive."""
    tokens = article.tokens
    following = next((t for t in tokens[match.end : stop] if t.is_word), None)
    if following is not None and following.norm.endswith(article.grammar.infinitive_endings):
        return True
    start = article.sentence_tokens(article.sentence_of(tokens[match.start].start))[0]
    subject = _np_before(article, match.start, start)
    if subject is not None and subject[1] - subject[0] == 1 and tokens[subject[0]].norm in article.grammar.pronouns:
        return True  # "He cited criticism of the moderator"
    return subject is not None and any(m.kind in ("actor", "role", "nationality") for m in _mentions_in(article, subject))


def _closes_reporting_clause(article: _Article, match: CueMatch) -> bool:
    """A reporting clause closing its sentence after a comma or a quotation: "…, the minister added."."""
    tokens = article.tokens
    start = article.sentence_tokens(article.sentence_of(tokens[match.start].start))[0]
    subject = _np_before(article, match.start, start)
    if subject is not None and subject[0] > start:
        previous = tokens[subject[0] - 1]
        return previous.text in (",", "،") or previous.text in _CLOSING
    return False


def _addressee_follows(article: _Article, k: int, stop: int) -> bool:
    """A named body, country or role noun right after the cue: the one addressed."""
    if k >= stop:
        return False
    mentions = _mentions_in(article, (k, min(stop, k + 4)))
    return bool(mentions) and mentions[0].start == k and mentions[0].kind in ("actor", "nationality", "role")


# -- token helpers -------------------------------------------------------------


def _has(phrases, token: Token) -> bool:
    """Whether a one-word phrase set holds ``token``."""
    return (token.norm,) in phrases


def _is_boundary(token: Token) -> bool:
    return token.text in _PUNCT or token.text in _DASHES or token.text in _QUOTE_MARKS


def _strip_conjunction(article: _Article, token: Token) -> int:
    """Offset of an Arabic word without its attached conjunction (وقال -> قال)."""
    if article.language == "ar" and token.norm[:1] in _ARABIC_CONJ and len(token.norm) > 3:
        lexicon = article.lexicon
        if token.norm not in lexicon.single and token.norm not in lexicon.phrases:
            return token.start + 1
    return token.start


def _complementizer_at(article: _Article, start: int, stop: int, *, within: int) -> int | None:
    """Token index of the first complementizer in tokens[start:start+within] (before ``stop``)."""
    tokens = article.tokens
    for k in range(start, min(stop, start + within)):
        for words in article.grammar.complementizers:
            n = len(words)
            if k + n <= stop and all(tokens[k + m].norm == words[m] for m in range(n)):
                return k
            if article.language == "ar" and n == 1 and tokens[k].norm.startswith(words[0]) and words[0] in ("ان", "بان") and len(tokens[k].norm) <= len(words[0]) + 3:
                return k  # أنه، إنها، بأنهم
    return None


# -- speaker phrases --------------------------------------------------------------


def _skip_back(article: _Article, k: int, floor: int) -> int:
    """Index just after the subject when adverbs, auxiliaries and time phrases stand before the cue at ``k``."""
    grammar, tokens = article.grammar, article.tokens
    while k > floor:
        n = (
            grammar.ends_at(grammar.skip_before, tokens, k, floor)
            or grammar.ends_at(grammar.distancing_modifiers, tokens, k, floor)
            or grammar.ends_at(grammar.assertive_modifiers, tokens, k, floor)
        )
        if not n and article.language == "en":
            word = tokens[k - 1]
            if word.is_word and word.norm.endswith("ly") and len(word.norm) > 4 and word.text.islower():
                n = 1  # "routinely spouts", "bluntly said"
        if not n:
            n = _parenthetical_before(article, k, floor)
            if n:
                return k - n  # the subject ends before the opening comma
        if not n:
            break
        k -= n
    return k


def _token_before_parenthetical(article: _Article, match: CueMatch, s_from: int) -> Token | None:
    """The token before the cue, or before a parenthetical right before it ("Сибига, в свою очередь, обвинил")."""
    if match.start <= s_from:
        return None
    n = _parenthetical_before(article, match.start, s_from)
    k = match.start - 1 - n
    return article.tokens[k] if k >= s_from else None


def _pronoun_subject(article: _Article, match: CueMatch, s_from: int) -> tuple[int, int] | None:
    """A personal pronoun standing right before the cue (after adverbs): "Он призвал Москву ..."."""
    end = _skip_back(article, match.start, s_from)
    if end > s_from and article.tokens[end - 1].norm in article.grammar.pronouns:
        return end - 1, end
    return None


def _parenthetical_before(article: _Article, k: int, floor: int) -> int:
    """Length of ", в свою очередь," / ", in turn," ending just before token ``k`` (0 if none)."""
    grammar, tokens = article.grammar, article.tokens
    if k - 1 <= floor or tokens[k - 1].text not in (",", "،"):
        return 0
    n = grammar.ends_at(grammar.skip_before, tokens, k - 1, floor)
    opening = k - 2 - n
    if n and opening > floor and tokens[opening].text in (",", "،"):
        return n + 2
    if _designation_start(article, k - 1, floor) is not None:
        return 1  # "Chuck Schumer, D-N.Y., said": only the closing comma; the designation stays in the speaker
    return 0


def _designation_start(article: _Article, end: int, floor: int) -> int | None:
    """Index of the comma opening AP's party designation that ends before token ``end`` ("Schumer, D-N.Y.")."""
    if article.language != "en":
        return None
    tokens = article.tokens
    for opening in range(end - 2, max(floor - 1, end - 9), -1):
        if tokens[opening].text == ",":
            between = article.text[tokens[opening].end : tokens[end - 1].end].strip()
            return opening if _PARTY_DESIGNATION.fullmatch(between) else None
    return None


#: "D-N.Y.", "R-Texas", "I-Vt.": a US legislator's party and state.
_PARTY_DESIGNATION = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")


def _np_before(article: _Article, i: int, floor: int) -> tuple[int, int] | None:
    """The speaker phrase read backwards from the token before ``i``."""
    tokens, grammar = article.tokens, article.grammar
    end = _skip_back(article, i, floor)
    k = end - 1
    designation = _designation_start(article, end, floor)
    if designation is not None:
        k = designation - 1  # read the name before ", D-N.Y."
    while k >= floor and end - k <= _MAX_SPEAKER:
        token = tokens[k]
        if token.norm in ("and", "и") and k - 1 >= floor and k < end - 1 and _coordinates_names(article, k):
            k -= 1  # "U.S. and Russian officials", "Bloomberg и Financial Times"
            continue
        if k < end - 1 or (token.text == ")" and k - 1 > floor):
            opening = _short_group_start(article, k, floor)
            if opening is not None and (k < end - 1 or tokens[opening - 1].is_word):
                # 'партии "Действие и солидарность" (ПДС)': a quoted name or an abbreviation;
                # "Rep. Stephen Lynch (D-Mass.) said", "Министерство обороны (Минобороны) заявило"
                k = opening - 1
                continue
        if token.text == "." and k - 1 >= floor and is_abbreviation(tokens[k - 1].text + ".", article.language):
            k -= 2  # "Sen. Lindsey Graham", "Apple Inc.": the period of a title or a company form
            continue
        if _is_boundary(token) or _has(grammar.stop_before, token) or _has(grammar.relatives, token):
            break
        if k < end - 1 and _is_cue_word(article, k):
            break  # another cue: "X said Y told" never makes one speaker
        k -= 1
    start = k + 1
    while start < end - 1 and grammar.starts_at(grammar.skip_before, tokens, start, end) and (start == floor or tokens[start - 1].text in _PUNCT):
        start += grammar.starts_at(grammar.skip_before, tokens, start, end)  # "Ранее Lenta.ru сообщала": not "Ранее"
    if start < end and k >= floor and _relative_subject_clause(article, k, floor):
        antecedent = _np_before_plain(article, k, floor)
        if antecedent is not None:
            return antecedent[0], end  # "A European diplomat who attended the session said"
    if start < end:
        if article.language == "en" and not any(t.text[:1].isupper() or t.norm in grammar.pronouns for t in tokens[start:end]):
            # "the officials said" is fine; a lowercase fragment after a clause boundary is not a subject
            if not any(_has(grammar.determiners, t) for t in tokens[start:end]) and end - start > 3:
                return None
        return start, end
    if k < floor:
        return None
    if _has(grammar.relatives, tokens[k]):
        # "German politicians, who questioned": the noun before the relative pronoun
        j = k - 1 if k - 1 >= floor and tokens[k - 1].text in (",", "،") else k
        return _name_before_apposition(article, _np_before_plain(article, j, floor), floor)
    if tokens[k].text == "," and k - 1 >= floor:
        return _np_before_comma(article, k, floor)
    return None


def _relative_subject_clause(article: _Article, k: int, floor: int) -> bool:
    """A relative pronoun at ``k`` that is the subject of its clause ("a diplomat who attended the session"), not "in which he"."""
    tokens, grammar = article.tokens, article.grammar
    if article.language == "ar" or not _has(grammar.relatives, tokens[k]):
        return False
    if k - 1 < floor or _is_boundary(tokens[k - 1]) or _has(grammar.stop_after, tokens[k - 1]):
        return False  # "X, who ...": an apposition; "in which": a preposition
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    if following is None or following.norm in grammar.pronouns or _has(grammar.determiners, following) or following.text[:1].isupper():
        return False  # "which Democrats said": the clause has its own subject
    return True


def _np_before_comma(article: _Article, comma: int, floor: int) -> tuple[int, int] | None:
    """The subject of a cue right after a comma: a name with its apposition, or the noun a clause describes.

    "Dmitry Peskov, the Kremlin spokesman, said" keeps the apposition;
    "Borrell, who ..., said" and "Горбачев, комментируя ..., сказал" skip the
    relative or gerund clause and keep the noun before it.
    """
    tokens = article.tokens
    relative = _relative_clause_start(article, comma, floor)
    if relative is not None:
        j = relative - 1 if relative - 1 >= floor and tokens[relative - 1].text in (",", "،") else relative
        antecedent = _np_before_plain(article, j, floor)
        return _name_before_apposition(article, antecedent, floor)
    j = comma - 1
    while j >= floor and not _is_boundary(tokens[j]) and comma - j <= _MAX_SPEAKER:
        j -= 1
    inner = (j + 1, comma)
    if inner[0] < inner[1] and _is_gerund(article, inner[0]):
        # "Peskov, speaking to reporters, said": the gerund clause is not part of the speaker
        return _np_before_plain(article, j, floor) if j >= floor and tokens[j].text == "," else None
    if j >= floor and tokens[j].text == ",":
        head = _np_before_plain(article, j, floor)
        if head is not None and _looks_like_name(tokens[head[0] : head[1]]):
            return head[0], comma
    return inner if inner[0] < inner[1] else None


_MAX_RELATIVE_CLAUSE = 30


def _relative_clause_start(article: _Article, comma: int, floor: int) -> int | None:
    """Index of the relative pronoun opening a clause that ends at ``comma`` ("Borrell, whom ..., said"), if any."""
    tokens, grammar = article.tokens, article.grammar
    k = comma - 1
    while k >= floor and comma - k <= _MAX_RELATIVE_CLAUSE:
        token = tokens[k]
        if _has(grammar.relatives, token) and (k == floor or tokens[k - 1].text in (",", "،") or k - 1 >= floor and _looks_like_name(tokens[k - 1 : k])):
            return k
        if _has(grammar.relatives, token) and k - 2 >= floor and _has(grammar.stop_after, tokens[k - 1]) and tokens[k - 2].text in (",", "،"):
            return k - 1  # "Часова Яра, за который ведутся бои,": the clause opens with its preposition
        if token.text in (".", ";", ":", "!", "?", "—", "–") or token.text in _QUOTE_MARKS:
            return None
        k -= 1
    return None


def _name_before_apposition(article: _Article, span: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """"McFaul, now a professor at Stanford who ...": the name with the apposition that describes it."""
    tokens = article.tokens
    if span is None or span[0] - 1 < floor or tokens[span[0] - 1].text != ",":
        return span
    if _looks_like_name(tokens[span[0] : span[1]]) and tokens[span[0]].text[:1].isupper():
        return span
    head = _np_before_plain(article, span[0] - 1, floor)
    if head is not None and _looks_like_name(tokens[head[0] : head[1]]):
        return head[0], span[1]
    return span


def _is_gerund(article: _Article, k: int) -> bool:
    """A gerund or adverbial participle opening a clause ("speaking to", "комментируя", "отвечая на")."""
    token = article.tokens[k]
    if not token.is_word or token.text[:1].isupper():
        return False
    match = article.lexicon.match(article.tokens, k)
    if match is not None and match.form.kind == "participle":
        return True
    if not token.norm.endswith(article.grammar.gerund_suffixes):
        return False
    if article.language != "en":
        return True
    following = article.tokens[k + 1] if k + 1 < len(article.tokens) else None
    # "speaking to reporters" is a clause; "acting director" is a title
    return following is not None and (_has(article.grammar.stop_after, following) or _has(article.grammar.determiners, following))


def _short_group_start(article: _Article, k: int, floor: int, max_words: int = 4) -> int | None:
    """Token index of the opening mark when token ``k`` closes a short quotation or parenthesis ("Победа", (ПДС))."""
    tokens = article.tokens
    token = tokens[k]
    if token.text == ")":
        for j in range(k - 1, max(floor - 1, k - max_words - 3), -1):
            if tokens[j].text == "(":
                return j if j < k - 1 else None
            if not (tokens[j].is_word or tokens[j].text in ".-"):
                return None
        return None
    if token.text in _CLOSING:
        quote = article.quote_at(token.start)
        if quote is None or quote.end != token.end:
            return None
        inner = article.text[quote.start + 1 : quote.end - 1].strip()
        if not inner or len(inner.split()) > max_words or inner[-1] in ",.!?…":
            return None  # '"No way," said Peskov': a quotation, not a name
        j = bisect_left(article.starts, quote.start)
        if j - 1 < floor or not tokens[j - 1].is_word:
            return None  # a name in quotation marks follows the noun it names: 'партии "Победа"'
        return j
    return None


def _is_cue_word(article: _Article, k: int) -> bool:
    """A reporting cue at token ``k`` (capitalised words inside a name, "Secretary of State", are not)."""
    token = article.tokens[k]
    if article.language in ("en", "ru") and token.text[:1].isupper():
        return False
    return article.lexicon.match(article.tokens, k) is not None


def _coordinates_names(article: _Article, k: int) -> bool:
    """Whether the conjunction at ``k`` joins two names or nationalities (not two clauses)."""
    tokens = article.tokens
    before, after = tokens[k - 1], tokens[k + 1]
    if article.language not in ("en", "ru"):
        return False
    if before.text[:1].isupper() and after.text[:1].isupper():
        return True
    # "Российские и американские дипломаты": two nationality words
    kinds = {m.start: m.kind for m in _mentions_in(article, (max(0, k - 3), min(len(tokens), k + 3)))}
    ends = {m.end - 1: m.kind for m in _mentions_in(article, (max(0, k - 3), min(len(tokens), k + 3)))}
    return ends.get(k - 1) == "nationality" and kinds.get(k + 1) == "nationality"


def _np_before_plain(article: _Article, i: int, floor: int) -> tuple[int, int] | None:
    """A noun phrase ending just before token ``i``, with no apposition handling."""
    tokens, grammar = article.tokens, article.grammar
    k = i - 1
    while k >= floor and i - k <= _MAX_SPEAKER:
        token = tokens[k]
        opening = _short_group_start(article, k, floor)
        if opening is not None:
            k = opening - 1
            continue
        if _is_boundary(token) or _has(grammar.stop_before, token) or _has(grammar.relatives, token):
            break
        if _is_cue_word(article, k):
            break
        k -= 1
    return (k + 1, i) if k + 1 < i else None


def _looks_like_name(tokens: list[Token]) -> bool:
    """A short phrase that names someone (capitalised words), as the head of an apposition."""
    words = [t for t in tokens if t.is_word]
    return 0 < len(words) <= 6 and any(t.text[:1].isupper() for t in words)


def _apposition_after(article: _Article, end: int, stop: int) -> int:
    """Extend "said Svetlana Radionova, head of Russia’s agency Rosprirodnadzor" over the apposition."""
    tokens = article.tokens
    if end < stop and tokens[end].text == "," and end + 1 < stop:
        first = tokens[end + 1]
        if first.is_word and (first.text[:1].islower() or _has(article.grammar.determiners, first)):
            k = end + 1
            while k < stop and not _is_boundary(tokens[k]) and k - end <= _MAX_SPEAKER:
                k += 1
            if k >= stop or tokens[k].text in (",", ".", ";", ":"):
                return k
    return end


def _np_after(article: _Article, j: int, stop: int, *, require_capital: bool = False) -> tuple[int, int] | None:
    """The speaker phrase read forwards from token ``j``."""
    tokens, grammar = article.tokens, article.grammar
    k = _skip_listener(article, j, stop)
    if k > j and (k >= stop or _is_boundary(tokens[k])):
        k = j  # "Об этом сообщает РИА Новости": the would-be listener is the speaker
    start = k
    if require_capital and start < stop:
        first = tokens[start]
        if not (first.text[:1].isupper() or _has(grammar.determiners, first) or first.norm in grammar.pronouns or _opens_with_role(article, start, stop)):
            return None
    if article.language == "ru" and start < stop:
        named = _russian_np_to_name(article, start, stop)
        if named is not None:
            return named
    while k < stop and k - start < _MAX_SPEAKER:
        token = tokens[k]
        if k > start and token.text in _QUOTE_MARKS:
            skip = _short_quote_end(article, k)
            if skip is not None:
                k = skip  # 'the newspaper «Izvestia»', 'مجلة «CEOWORLD» الأمريكية'
                continue
        if article.language == "ar" and token.norm == "من" and k > start and tokens[k - 1].norm in ("كل", "وكل"):
            k += 1  # "كل من إسبانيا وألمانيا": both Spain and Germany
            continue
        if k > start and _affiliation_follows(article, start, k, stop):
            k += 1  # "مسؤول في وزارة الخزانة", "источник в МИД": the body the role belongs to
            continue
        if _is_boundary(token) or grammar.starts_at(grammar.stop_after, tokens, k, stop) or _has(grammar.relatives, token):
            break
        if _complementizer_at(article, k, k + 1, within=1) is not None:
            break
        if k > start and (_is_listener(article, token) or grammar.starts_at(grammar.listener_words, tokens, k, stop)) and not _genitive_after_title(article, start, k):
            if not (k == start + 1 and _has(grammar.document_heads, tokens[start])):
                break  # "قال لصحيفة": told the paper; but "قال تقرير لصحيفة": a report by the paper
        if k > start and (_is_cue_word(article, k) or (article.language == "en" and _has(grammar.stop_before, token))):
            break  # "said Russia was running out of steam": a clause, not a speaker
        k += 1
    return (start, k) if start < k else None


def _opens_with_role(article: _Article, start: int, stop: int) -> bool:
    """A title without a determiner opening a name ("spokesman John Kirby", "senior economist Jane Doe"), not "both sides"."""
    window = (start, min(stop, start + 4))
    if not any(t.text[:1].isupper() for t in article.tokens[window[0] : window[1]]):
        return False
    return any(m.kind == "role" and m.start <= start + 1 for m in _mentions_in(article, window))


def _affiliation_follows(article: _Article, start: int, k: int, stop: int) -> bool:
    """A preposition at ``k`` joining a role noun to the body it serves ("official at the Treasury", "مصدر في وزارة الدفاع")."""
    tokens = article.tokens
    if not _has(article.grammar.affiliation_prepositions, tokens[k]) or k + 1 >= stop:
        return False
    if not any(m.kind == "role" for m in _mentions_in(article, (start, k))):
        return False
    following = _mentions_in(article, (k + 1, min(stop, k + 8)))
    if not following or following[0].start > k + 2:
        return False
    body = following[0]
    if body.kind == "actor" and body.end - body.start == 1 and is_place_name(tokens[body.start], article.language):
        return False  # a place, not an employer: "مصادر دبلوماسية في بروكسل"
    return body.kind == "role" or (body.kind == "actor" and not body.value.is_person)


def _short_quote_end(article: _Article, k: int, max_words: int = 4) -> int | None:
    """Token index after a short quoted name starting at token ``k`` («Известий», "Победа"), or None."""
    quote = article.quote_at(article.tokens[k].start)
    if quote is None or quote.start != article.tokens[k].start:
        return None
    if len(article.text[quote.start + 1 : quote.end - 1].split()) > max_words:
        return None
    return bisect_left(article.starts, quote.end)


def _russian_np_to_name(article: _Article, start: int, stop: int) -> tuple[int, int] | None:
    """Russian titles run up to the person's name: "депутат от блока «Победа» Василий Боля", "посол РФ в США Анатолий Антонов"."""
    tokens, grammar = article.tokens, article.grammar
    k = start
    run = 0
    while k < stop and k - start < _MAX_SPEAKER + 4:
        token = tokens[k]
        if token.text in _QUOTE_MARKS:
            skip = _short_quote_end(article, k)
            if skip is None:
                break
            k, run = skip, 0
            continue
        if token.text == "," and run == 0 and k > start and _title_follows(article, k + 1, stop) and any(
            tokens[x].is_word and tokens[x].text[:1].isupper() and x + 1 < stop and tokens[x + 1].text[:1].isupper() for x in range(k + 1, min(stop - 1, k + 7))
        ):
            k += 1  # "военный эксперт, полковник в отставке Виктор Литовкин" (not "адвоката, в ближайшее время ...")
            continue
        if _is_boundary(token) or _complementizer_at(article, k, k + 1, within=1) is not None:
            break
        if k > start and (_is_listener(article, token) or grammar.starts_at(grammar.listener_words, tokens, k, stop) or _is_cue_word(article, k)):
            break
        if token.is_word and token.text[:1].isupper():
            run += 1
        else:
            if run >= 2:
                return start, k
            run = 0
        k += 1
    if run >= 2:
        return start, k
    return None


def _title_follows(article: _Article, k: int, stop: int) -> bool:
    """A role noun or a capitalised word right at token ``k``: an apposition naming the speaker goes on."""
    if k >= stop or not article.tokens[k].is_word:
        return False
    return article.tokens[k].text[:1].isupper() or any(m.kind == "role" and m.start == k for m in _mentions_in(article, (k, min(stop, k + 3))))


def _is_listener(article: _Article, token: Token) -> bool:
    words = article.grammar.listener_words
    if (token.norm,) in words:
        return True
    if article.language == "ar" and token.norm[:1] == "ل" and ((token.norm[1:],) in words or ("ال" + token.norm[2:],) in words):
        return True
    return False


def _genitive_after_title(article: _Article, start: int, k: int) -> bool:
    """Arabic "المدير العام للوكالة الدولية": لـ after a title is "of", not a listener ("قال للصحفيين")."""
    tokens = article.tokens
    if article.language != "ar" or (tokens[k].norm,) in article.grammar.listener_words:
        return False
    return any(m.kind == "role" and m.end >= k - 2 for m in _mentions_in(article, (start, k)))


def _skip_listener(article: _Article, k: int, stop: int) -> int:
    """Token index after a listener phrase or adverb starting at ``k`` ("told reporters", "журналистам")."""
    grammar = article.grammar
    while k < stop:
        n = grammar.starts_at(grammar.listener_words, article.tokens, k, stop) or grammar.starts_at(grammar.skip_before, article.tokens, k, stop)
        if not n and article.tokens[k].is_word and _is_listener(article, article.tokens[k]):
            n = 1
        if not n:
            break
        k += n
    return k


# -- agreement ---------------------------------------------------------------------


def _compatible(agreement: str, gender: str, number: str) -> bool:
    """Whether a speaker of this gender and number can be the subject of a verb form with ``agreement``."""
    if agreement in ("any", "", "sg"):
        return agreement != "sg" or number != "pl"
    if agreement == "pl":
        return number == "pl" or gender == ""
    if agreement == "du":
        return number in ("pl", "du")
    if agreement in ("m", "f", "n"):
        # an omitted or pronoun subject agrees fully: a singular form never resumes a plural speaker
        if number == "pl":
            return False
        return gender in ("", agreement)
    return True


def _arabic_np_is_object(article: _Article, span: tuple[int, int], identity: Identity, agreement: str) -> bool:
    """A feminine verb followed by a known masculine entity: it is the object (وحذرت الغرب); the subject is omitted."""
    if agreement != "f":
        return False
    if identity.actor:
        return identity.gender == "m"
    head = article.tokens[span[0]].norm
    if head.endswith("ه") or head.endswith("ات") or identity.side == "UNKNOWN":
        return False
    return identity.speaker_type == "institution" and len([t for t in article.tokens[span[0] : span[1]] if t.is_word]) == 1


def _identity_agreement(identity: Identity, form_agreement: str, language: str = "") -> tuple[str, str]:
    """Gender and number of a speaker: what the verb form shows wins over what the phrase suggests."""
    gender = identity.gender
    number = identity.number
    if form_agreement in ("m", "f", "n"):
        gender = form_agreement  # "نفى البيت الأبيض": the verb shows the noun's grammatical gender
        if language != "ar":  # Arabic verb-first forms stay singular before plural subjects
            number = "sg"
    if form_agreement in ("pl", "du"):
        number = "pl"
    return gender, number


def _resolve_to_mention(article: _Article, agreement: str, before_token: int) -> tuple[int, int] | None:
    """The nearest named actor or nationality-marked body before ``before_token`` (within three sentences) whose gender fits."""

    sentence = article.sentence_of(article.tokens[before_token].start) if before_token < len(article.tokens) else len(article.sentences) - 1
    floor = article.sentence_tokens(max(0, sentence - 2))[0]
    mentions = article.mentions_between(floor, before_token)
    candidates = [(m.start, m.end, _actor_agreement(article, m.value)) for m in mentions if m.kind == "actor" and not _indirect_object(article, m)]
    candidates += _described_bodies(article, mentions)
    for start, end, (gender, number, person) in sorted(candidates, reverse=True):
        if agreement in ("m", "f") and not person and article.language != "ar":
            continue  # "он", "she": a person
        if _compatible(agreement, gender, number):
            return start, end
    return None


#: Russian endings of a masculine surname in the dative or instrumental ("Зеленскому", "с Зеленским", "Путину").
_RU_DATIVE_INSTRUMENTAL = ("ым", "им", "ому", "ему", "ову", "еву", "ину")


def _indirect_object(article: _Article, mention) -> bool:
    """A Russian name in the dative or instrumental: someone spoken to or with, never the one who speaks next."""
    return article.language == "ru" and mention.oblique and article.tokens[mention.end - 1].norm.endswith(_RU_DATIVE_INSTRUMENTAL)


def _newer_named_person(article: _Article, previous: Attribution, agreement: str, before_token: int) -> tuple[int, int] | None:
    """A named person of fitting gender in the sentence before a pronoun, later than the last speaker's sentence."""
    tokens = article.tokens
    sentence = article.sentence_of(tokens[before_token].start)
    if sentence == 0 or previous.sentence >= sentence - 1:
        return None
    start, end = article.sentence_tokens(sentence - 1)
    people = [m for m in article.mentions_between(start, end) if m.kind == "actor" and m.value.is_person and not m.oblique]
    if not people or article.quote_at(tokens[people[-1].start].start) is not None:
        return None
    person = people[-1]
    return (person.start, person.end) if _compatible(agreement, person.value.gender, "sg") else None


def _actor_agreement(article: _Article, actor) -> tuple[str, str, bool]:
    """Gender, number and personhood of a gazetteer actor (Arabic treats states and bodies as feminine)."""
    if actor.is_person:
        return actor.gender, "sg", True
    return ("f" if article.language == "ar" else ""), (actor.number or "sg"), False


def _described_bodies(article: _Article, mentions: list) -> list[tuple[int, int, tuple[str, str, bool]]]:
    """Bodies named by a role noun and a nationality word: "هيئة الدفاع المدني الكرواتية", "the Croatian civil protection agency"."""
    tokens = article.tokens
    nationalities = [m for m in mentions if m.kind == "nationality"]
    out = []
    for role in (m for m in mentions if m.kind == "role" and m.value in ("institution", "media", "other")):
        for nationality in nationalities:
            if article.language == "ar":
                start, end, gap = role.start, nationality.end, range(role.end, nationality.start)
            else:
                start, end, gap = nationality.start, role.end, range(nationality.end, role.start)
            if gap.start <= gap.stop and len(gap) <= 3 and not any(_is_boundary(tokens[k]) for k in gap):  # in this order only
                gender = ("f" if tokens[role.start].norm.endswith(("ه", "ة")) else "m") if article.language == "ar" else ""
                out.append((start, end, (gender, "sg", False)))
    return out


def _resolve(found: list[Attribution], agreement: str, before: int, *, same_sentence: int | None = None, person: bool = False) -> Attribution | None:
    """The nearest earlier attribution whose speaker fits a pronoun, an omitted subject or a participle.

    A speaker reported inside someone else's words ("Ritter stressed that Orbán
    had hinted ...") is taken only when the speaker reporting them does not fit,
    and a personal pronoun ("he", "по его словам") skips news agencies that only
    relay the story ("Об этом сообщает РИА Новости").
    """
    candidates = [a for a in found if a.cue_start < before and a.speaker]
    if same_sentence is not None:
        local = [a for a in candidates if a.sentence == same_sentence]
        # an outlet relaying someone ("نقلت الوكالة عن مسؤول قوله ...، مشيرا") lets the one it relays continue
        relays = [a for a in local if a.speaker_type == "media" and any(_container(b, [a]) is a for b in local if b is not a)]
        local = [a for a in local if a not in relays] or local
        outer = [a for a in local if _container(a, local) is None]
        if outer or local:
            # "قال X إن Y أعلن ...، مضيفا": the participle continues the nearest speaker not reported by another
            return (outer or local)[-1]
    fitting = [a for a in reversed(candidates) if _compatible(agreement, a.gender, a.number)]
    if person:
        fitting = [a for a in fitting if not _names_an_outlet(a)] or fitting
    for index, previous in enumerate(fitting):
        container = _container(previous, candidates)
        if container is None:
            return previous
        outer = next((a for a in fitting[index + 1 :] if a.sentence == previous.sentence and _container(a, candidates) is None), None)
        return outer or previous
    return None


def _names_an_outlet(attribution: Attribution) -> bool:
    """A news outlet relaying the story ("Об этом сообщает РИА Новости."): never what "he" or "she" refers to."""
    return attribution.speaker_type == "media" and attribution.quote_type == "none" and not attribution.resolved


def _container(attribution: Attribution, candidates: list[Attribution]) -> Attribution | None:
    """The attribution whose reported content holds this one's cue or speaker ("stressed that Orbán hinted"), if any."""
    for other in candidates:
        span = other.content_span
        if other is attribution or span is None:
            continue
        if span[0] <= attribution.cue_start < span[1]:
            return other
        if other.sentence == attribution.sentence and other.cue_start < attribution.cue_start and span[0] <= attribution.speaker_start < span[1]:
            return other
    return None


# -- the attribution of one cue --------------------------------------------------------


def attribute(article: _Article, match: CueMatch, cues: list[CueMatch], n: int, found: list[Attribution]) -> Attribution | None:
    """Build the attribution of one cue: speaker, side, content, quote type."""
    from framing.extract.attributions import Attribution

    tokens = article.tokens
    first, last = tokens[match.start], tokens[match.end - 1]
    cue_start = _strip_conjunction(article, first)
    cue_end = last.end
    if match.form.attach_next and match.end < len(tokens):
        cue_end = last.end
    sentence = article.sentence_of(first.start)
    s_from, s_to = article.sentence_tokens(sentence)
    form = match.form
    attribution = Attribution(cue_start, cue_end, article.text[cue_start:cue_end], form.cue_class, sentence=sentence, kind=form.kind)
    agreement = form.agreement
    grammar = article.grammar
    for k in range(match.start, max(s_from, match.start - 2) - 1, -1):
        if grammar.ends_at(grammar.distancing_modifiers, tokens, k, s_from):
            attribution.cue_class = "distancing"  # "якобы заявил": the writer casts doubt
            break

    span: tuple[int, int] | None = None
    pronoun_agreement: str | None = None
    language = article.language
    if form.kind == "participle" and language == "en" and match.start > s_from and tokens[match.start - 1].norm in _EN_BE:
        span = _speaker_en(article, match, s_from, s_to)  # "Trump was citing a theory": a progressive verb
    elif form.cue_class == "sourcing" or (form.kind == "phrase" and _speaker_follows_phrase(article, match)):
        span = _np_after(article, match.end, s_to)
    elif form.kind == "participle":
        span = (_quoted_as_saying(article, match, s_from) or _absolute_subject(article, match, s_from)) if language == "en" else None
    elif form.kind == "noun":
        span = _noun_speaker(article, match)
    elif language == "en":
        span = _speaker_en(article, match, s_from, s_to)
    elif language == "ru":
        span = _speaker_ru(article, match, s_from, s_to)
    else:
        found_ar = _relayed_source(article, match, cues, s_to) or _speaker_ar(article, match, s_from, s_to)
        if isinstance(found_ar, str):
            pronoun_agreement, span = found_ar, None
        else:
            span = found_ar

    if span is not None and _not_a_speaker(article, span, form):
        return None
    if form.cue_class == "sourcing" and _sourceless_follows(article, match):
        return None  # "according to media reports": a hedge, not an attribution
    if _withheld(article, match, span, s_to):
        return None
    identity: Identity | None = None
    pronoun_span = None
    if span is not None:
        words = [t for t in tokens[span[0] : span[1]] if t.is_word]
        if len(words) == 1 and (words[0].norm in article.grammar.pronouns or words[0].norm in article.grammar.possessives):
            pronoun_agreement = article.grammar.pronouns.get(words[0].norm) or article.grammar.possessives.get(words[0].norm)
            pronoun_span = span if article.pronouns == "as_written" and words[0].norm in article.grammar.pronouns else None
            span = None
        else:
            identity = article.identify(*span)
            if language == "ar" and _arabic_np_is_object(article, span, identity, agreement):
                span, identity = None, None

    if span is None and form.kind == "participle" and not any(a.sentence == sentence for a in found):
        # the participle's speaker is the main clause's subject: the phrase opening the sentence
        # ("Западные партнеры ПДС, обвиняя Россию, ..."), else the first named body or person of the sentence
        span = _sentence_subject_before_comma(article, match, s_from) or _first_mention(article, s_from, match.start)
        if span is not None:
            identity = article.identify(*span)
    if span is None and pronoun_agreement is None and form.kind == "verb" and language in ("en", "ru"):
        span = _coordinated_subject(article, match, s_from, agreement)
    if span is None and pronoun_agreement is None and form.kind == "verb" and language == "ar":
        span = _relative_clause_subject(article, match, s_from, agreement)
    if span is None:
        # pronoun, omitted subject or participle: the nearest fitting earlier speaker
        wanted = pronoun_agreement or agreement
        person = wanted in ("m", "f") and language != "ar"
        previous = _resolve(found, wanted, cue_start, same_sentence=sentence if form.kind == "participle" else None, person=person)
        if previous is not None and pronoun_agreement in ("m", "f") and language != "ar":
            newer = _newer_named_person(article, previous, wanted, match.start)
            if newer is not None:
                previous, span = None, newer  # "Делегацию возглавлял Грушко. Он заявил": the person named since
                identity = article.identify(*span)
                attribution.resolved = True
        if previous is None and span is None:
            mention = _resolve_to_mention(article, wanted, match.start)
            if mention is not None:
                span = mention
                identity = article.identify(*span)
                attribution.resolved = True
        if previous is None and span is None:
            if language == "ru" and first.norm.endswith(("ся", "сь")):
                return None  # "Сообщается о пострадавших": no source, not an attribution
            if form.kind == "participle" or pronoun_agreement or language in ("ar", "ru"):
                return None if not _worth_keeping_unresolved(form) else _unresolved(attribution, agreement)
            return None
        if previous is not None:
            _copy_speaker(attribution, previous)
            attribution.resolved = True
    if span is not None:
        if identity is None:
            identity = article.identify(*span)
        identity = _continue_identity(article, identity, span, found)
        attribution.speaker_start = tokens[span[0]].start
        attribution.speaker_end = tokens[span[1] - 1].end
        if language == "ar" and form.attach_next and tokens[span[0]].norm[:1] in ("ل", "ب") and span[0] == match.end:
            attribution.speaker_start += 1
        elif language == "ar":
            attribution.speaker_start += _arabic_clitic_length(tokens[span[0]])
        if form.kind == "noun" and _possessive(tokens[span[1] - 1]):
            attribution.speaker_end -= 2  # "Trump's claim": the speaker is "Trump"
        attribution.speaker = article.text[attribution.speaker_start : attribution.speaker_end]
        attribution.actor, attribution.side, attribution.speaker_type = identity.actor, identity.side, identity.speaker_type
        attribution.gender, attribution.number = _identity_agreement(identity, agreement, language)

    if pronoun_span is not None and attribution.resolved:
        attribution.speaker_start, attribution.speaker_end = tokens[pronoun_span[0]].start, tokens[pronoun_span[1] - 1].end
        attribution.speaker = article.text[attribution.speaker_start : attribution.speaker_end]
    _content(article, attribution, match, span, s_from, s_to, cues, n)
    return attribution


def _withheld(article: _Article, match: CueMatch, span: tuple[int, int] | None, s_to: int) -> bool:
    """"ورفض متحدث ... التعليق", "refused to comment": the speaker withholds speech."""
    grammar = article.grammar
    if not grammar.withheld:
        return False
    start = max(match.end, span[1] if span is not None and span[0] >= match.end else match.end)
    return any(grammar.starts_at(grammar.withheld, article.tokens, k, s_to) for k in range(start, min(s_to, start + 2)))


def _sourceless_follows(article: _Article, match: CueMatch) -> bool:
    grammar, tokens = article.grammar, article.tokens
    for k in range(match.end, min(len(tokens), match.end + 3)):
        n = grammar.starts_at(grammar.sourceless, tokens, k)
        if n:
            return not any(m.kind == "actor" for m in _mentions_in(article, (match.end, k + n + 3 if k + n + 3 <= len(tokens) else len(tokens))))
    return False


def _not_a_speaker(article: _Article, span: tuple[int, int], form) -> bool:
    """Laws do not speak (CODEBOOK.md: legal provisions); "according to reports" names no source (a hedge)."""
    grammar, tokens = article.grammar, article.tokens
    words = [k for k in range(span[0], span[1]) if tokens[k].is_word]
    if not words:
        return False
    for k in words[:4]:
        if grammar.starts_at(grammar.non_speakers, tokens, k, span[1]) and not (k + 1 < span[1] and _name_word(article, k + 1)):
            return True
    if form.cue_class == "sourcing":
        for k in words[:3]:
            n = grammar.starts_at(grammar.sourceless, tokens, k, span[1])
            if n and not any(m.kind == "actor" for m in _mentions_in(article, span)):
                return True
    elif grammar.starts_at(grammar.sourceless, tokens, words[0], span[1]) == span[1] - words[0]:
        return True  # "وتشير تقارير إلى", "Media reports say": reports with no source are a hedge, not a speaker
    return False


def _mentions_in(article: _Article, span: tuple[int, int]):
    from framing.extract.actors import find_mentions

    return find_mentions(article.tokens, article.language, span[0], span[1])


def _sentence_subject_before_comma(article: _Article, match: CueMatch, s_from: int) -> tuple[int, int] | None:
    """"Western partners of the party, accusing Russia, ...": the phrase from the sentence start to the participle's comma."""
    tokens = article.tokens
    comma = match.start - 1
    if comma <= s_from or tokens[comma].text not in (",", "،"):
        return None
    span = _np_before_plain(article, comma, s_from)
    if span is None or span[0] != s_from:
        return None
    if article.language == "ru" and _russian_speakerness(article, span, s_from) <= 0:
        return None
    if article.language == "en" and not _looks_like_name(tokens[span[0] : span[1]]):
        return None
    return span


def _coordinated_subject(article: _Article, match: CueMatch, s_from: int, agreement: str) -> tuple[int, int] | None:
    """"Зеленский только кивал и обещал подумать": the named person subject of the coordinated verb before."""
    tokens, grammar = article.tokens, article.grammar
    end = _skip_back(article, match.start, s_from)
    if end <= s_from or tokens[end - 1].norm not in grammar.coordinators:
        return None
    if any(_is_reporting_cue(article, k) for k in range(s_from, end - 1)):
        return None  # "Russia denied it and accused Ukraine": the earlier cue's speaker continues
    for mention in article.mentions_between(s_from, end):
        if mention.kind != "actor" or not mention.value.is_person or mention.oblique:
            continue
        if mention.start > s_from and _has(grammar.stop_after, tokens[mention.start - 1]):
            continue  # "with Zelensky", "с Зеленским": not the subject
        if _compatible(agreement, mention.value.gender, "sg"):
            return mention.start, mention.end
        return None
    return None


_ARABIC_RELATIVE_AGREEMENT = {"الذي": "m", "التي": "f", "الذين": "pl", "اللواتي": "pl", "اللاتي": "pl"}


def _relative_clause_subject(article: _Article, match: CueMatch, s_from: int, agreement: str) -> tuple[int, int] | None:
    """"لموسكو، التي نشرت ... وحذرت الغرب": a verb joined by و inside a relative clause has its antecedent as subject."""
    tokens = article.tokens
    if tokens[match.start].norm[:1] not in _ARABIC_CONJ or agreement not in ("m", "f", "pl"):
        return None
    for k in range(match.start - 1, max(s_from - 1, match.start - 20), -1):
        if tokens[k].text in (".", "؛", ":", "؟") or tokens[k].text in _QUOTE_MARKS or _is_reporting_cue(article, k):
            return None
        relative = _ARABIC_RELATIVE_AGREEMENT.get(tokens[k].norm)
        if relative is not None:
            if relative != agreement:
                return None
            j = k - 1 if k - 1 >= s_from and tokens[k - 1].text in ("،", ",") else k
            named = [m for m in article.mentions_between(max(s_from, j - 6), j) if m.end == j and m.kind in ("actor", "role", "nationality")]
            return (named[-1].start, named[-1].end) if named else None
    return None


def _arabic_clitic_length(token: Token) -> int:
    """Length of a preposition ل/ب attached to a name ("لموسكو" -> 1) or a conjunction و/ف before ال, so the speaker is written without it."""
    norm = token.norm
    if len(norm) > 3 and norm[0] in ("ل", "ب") and norm[1:] in actor_index("ar"):
        return 1
    if len(norm) > 4 and norm[0] in ("و", "ف") and norm[1:3] == "ال":
        return 1  # "فالاحتلال يتهم": the conjunction is not part of the speaker
    return 0


def _is_reporting_cue(article: _Article, k: int) -> bool:
    """A cue at token ``k`` that is coded (not negated: "Зеленский не упоминал формулу, и говорил")."""
    if not _is_cue_word(article, k):
        return False
    return not is_blocked(article, article.lexicon.match(article.tokens, k))


def _first_mention(article: _Article, start: int, end: int) -> tuple[int, int] | None:
    """The first actor (or nationality-marked body) named between two token indices."""

    actors = [m for m in article.mentions_between(start, end) if m.kind == "actor"]
    people = [m for m in actors if m.value.is_person]
    for mention in people or actors:
        return mention.start, mention.end
    return None


def _worth_keeping_unresolved(form) -> bool:
    return form.kind != "participle"


def _unresolved(attribution: Attribution, agreement: str) -> Attribution:
    attribution.gender = agreement if agreement in ("m", "f") else ""
    attribution.number = "pl" if agreement in ("pl", "du") else "sg"
    return attribution


def _copy_speaker(target: Attribution, source: Attribution) -> None:
    for name in ("speaker_start", "speaker_end", "speaker", "actor", "side", "speaker_type", "gender", "number"):
        setattr(target, name, getattr(source, name))


def _continue_identity(article: _Article, identity: Identity, span: tuple[int, int], found: list[Attribution]) -> Identity:
    """A bare surname or role noun takes the identity of the earlier speaker it refers to.

    "Быковский" continues "корреспондент «Известий» Евгений Быковский"; "the
    expert", "политолог", "متحدث" continue the last speaker of that type (an
    unnamed spokesman takes the side of the body named before: CODEBOOK.md);
    "эксперт", "собеседник" continue the last person quoted if that person was
    not speaking for a state.
    """
    if identity.actor or identity.side not in ("UNKNOWN",):
        return identity
    words = [t.norm for t in article.tokens[span[0] : span[1]] if t.is_word]
    if any(w in article.grammar.place_possessors for w in words):
        return identity  # "the country's military": the place named before, found after all speakers
    if not words or (len(words) > 3 and not _only_role_words(article, span)):
        return identity
    head = _without_prefix(words[-1] if article.language == "en" else words[0], article.grammar.former_prefixes)
    continuing = (head,) in article.grammar.continuing_nouns
    if identity.speaker_type == "anonymous" and not continuing:
        return identity
    known = [p for p in reversed(found) if p.speaker and p.side != "UNKNOWN"]
    for previous in known:
        norms = {_without_prefix(w, article.grammar.former_prefixes) for w in article.norms_between(previous.speaker_start, previous.speaker_end)}
        if head in norms:
            return _inherit(identity, previous)
    if identity.speaker_type == "media" and _only_role_words(article, span):
        outlet = _outlet_named_before(article, span[0])
        if outlet is not None:
            return Identity(outlet.name, outlet.side, "media", "", identity.number)  # "موقع بلومبيرغ ... وأوضح الموقع"
    if identity.speaker_type != "other" and not continuing:
        for previous in known:
            if identity.speaker_type == "citizen" and previous.number != identity.number:
                continue  # "пожилая женщина" does not continue "беженцы"
            if previous.speaker_type == identity.speaker_type or (identity.speaker_type == "official" and previous.speaker_type == "institution"):
                if _noun_named_since(article, head, previous.speaker_end, span[0]):
                    break  # "مسؤول بوزارة الاقتصاد اللبنانية: ... وأكد المسؤول": the nearer unquoted mention, not the last speaker
                return _inherit(identity, previous)
    if continuing or identity.speaker_type == "expert":
        # the person quoted in an earlier sentence: in "Кива говорил ..., напомнил политолог" the analyst reports Kiva
        sentence = article.sentence_of(article.tokens[span[0]].start)
        last_person = next((p for p in reversed(found) if p.speaker and p.gender in ("m", "f") and p.number != "pl" and p.sentence < sentence), None)
        if last_person is not None and last_person.side != "UNKNOWN" and last_person.speaker_type in ("expert", "other", "anonymous"):
            return _inherit(identity, last_person)
    return identity


#: Arabic proclitics (with the article) to take off before comparing two mentions of a noun.
_ARABIC_NOUN_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")


def noun_forms(norm: str, language: str) -> set[str]:
    """A noun without article and conjunction ("ومسؤول", "المسؤول" -> "مسؤول"), to compare mentions."""
    forms = {norm}
    if language == "ar":
        for prefix in _ARABIC_NOUN_PREFIXES:
            if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
                forms.add(norm[len(prefix) :])
                break
        else:
            if norm[:1] in ("و", "ف") and len(norm) > 4:
                forms.add(norm[1:])
    return forms


def _noun_named_since(article: _Article, head: str, after_char: int, before_token: int) -> bool:
    """Whether the noun ``head`` is written between an earlier speaker (ending at ``after_char``) and ``before_token``."""
    wanted = noun_forms(head, article.language)
    start = bisect_left(article.starts, after_char)
    return any(
        token.is_word and wanted & noun_forms(token.norm, article.language)
        for token in article.tokens[start:before_token]
    )


def _outlet_named_before(article: _Article, k: int):
    """The news outlet named last before token ``k`` in this sentence or the two before ("the paper", "الموقع", "издание")."""
    sentence = article.sentence_of(article.tokens[k].start)
    floor = article.sentence_tokens(max(0, sentence - 2))[0]
    outlets = [m for m in article.mentions_between(floor, k) if m.kind == "actor" and m.value.type == "media" and not m.value.is_person]
    return outlets[-1].value if outlets else None


def _only_role_words(article: _Article, span: tuple[int, int]) -> bool:
    """A description made only of role nouns ("مسؤول في وزارة الخزانة", "a spokesman for the ministry")."""
    tokens, grammar = article.tokens, article.grammar
    covered = {k for m in _mentions_in(article, span) if m.kind == "role" for k in range(m.start, m.end)}
    return all(
        k in covered or _has(grammar.affiliation_prepositions, tokens[k]) or _has(grammar.determiners, tokens[k])
        for k in range(span[0], span[1]) if tokens[k].is_word
    )


def _without_prefix(word: str, prefixes: tuple[str, ...]) -> str:
    """"экс-разведчик" -> "разведчик", "ex-minister" -> "minister"."""
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


def _inherit(identity: Identity, previous: Attribution) -> Identity:
    speaker_type = previous.speaker_type if identity.speaker_type in ("other",) else identity.speaker_type
    return Identity(previous.actor, previous.side, speaker_type, previous.gender or identity.gender, previous.number)


def _speaker_follows_phrase(article: _Article, match: CueMatch) -> bool:
    """Phrases like "по словам", "according to", "بحسب" put the speaker after them."""
    return match.form.cue_class == "sourcing"


def _speaker_en(article: _Article, match: CueMatch, s_from: int, s_to: int) -> tuple[int, int] | None:
    agent = _passive_agent(article, match, s_to)
    if agent is not None:
        return agent
    quoted = _quoted_as_saying(article, match, s_from)
    if quoted is not None:
        return quoted
    prev = _token_before_parenthetical(article, match, s_from)
    if _after_coordinator(article, match, s_from):
        return None  # "Russia denied it and has instead accused Ukraine": the subject before "and" continues
    inverted = prev is None or prev.text in (",", "—", "–") or prev.text in _CLOSING
    if inverted and prev is not None and prev.text == ",":
        before = _np_before(article, match.start, s_from)
        if before is not None and before[0] == s_from and any(t.text == "," for t in article.tokens[before[0] : before[1]]):
            return before  # "Taras Chmut, head of the Come Back Alive foundation, said the army needed ..."
    if inverted:
        after = _np_after(article, match.end, s_to, require_capital=True)
        if after is not None and _ends_a_reporting_clause(article, after[1], s_to):
            return after[0], _apposition_after(article, after[1], s_to)
    before = _np_before(article, match.start, s_from)
    if before is not None:
        return before
    after = _np_after(article, match.end, s_to, require_capital=True)
    if after is not None and _ends_a_reporting_clause(article, after[1], s_to):
        return after
    return None


def _after_coordinator(article: _Article, match: CueMatch, s_from: int) -> bool:
    """Whether the cue (after its adverbs and auxiliaries) follows "and"/"but": a second verb of the same subject."""
    end = _skip_back(article, match.start, s_from)
    return end > s_from and article.tokens[end - 1].norm in article.grammar.coordinators


def _ends_a_reporting_clause(article: _Article, end: int, s_to: int) -> bool:
    """After "said Peskov" comes the end, a comma, or an adjunct ("on Tuesday"), not a verb ("said Russia was")."""
    if end >= s_to:
        return True
    token = article.tokens[end]
    return _is_boundary(token) or article.grammar.starts_at(article.grammar.stop_after, article.tokens, end, s_to) > 0


def _passive_agent(article: _Article, match: CueMatch, s_to: int) -> tuple[int, int] | None:
    """"voiced bluntly on Thursday by President Biden": the agent after "by" is the speaker."""
    tokens, grammar = article.tokens, article.grammar
    k = match.end
    for _ in range(6):
        if k >= s_to:
            return None
        if tokens[k].norm == "by":
            agent = _np_after(article, k + 1, s_to)
            if agent is None or _is_gerund(article, agent[0]) or not _names_someone(article, agent):
                return None  # "retaliate by seizing assets": a means, not an agent
            return agent
        skip = grammar.starts_at(grammar.skip_before, tokens, k, s_to)
        if skip:
            k += skip  # "on Thursday"
            continue
        if not (tokens[k].is_word and tokens[k].norm.endswith("ly") and tokens[k].text.islower()):
            return None  # only adverbs stand between a participle and its agent: "voiced bluntly by"
        k += 1
    return None


def _names_someone(article: _Article, span: tuple[int, int]) -> bool:
    """A capitalised or determined phrase, or one holding a known actor, nationality or role ("outgoing Ukrainian ambassador")."""
    first = article.tokens[span[0]]
    if first.text[:1].isupper() or _has(article.grammar.determiners, first) or first.norm in article.grammar.pronouns:
        return True
    return any(m.kind in ("actor", "nationality", "role") for m in _mentions_in(article, span))


def _absolute_subject(article: _Article, match: CueMatch, s_from: int) -> tuple[int, int] | None:
    """"with the Financial Times describing panicked calls": the phrase after "with" speaks."""
    tokens = article.tokens
    for k in range(match.start - 1, max(s_from - 1, match.start - 8), -1):
        if tokens[k].norm == "with":
            span = (k + 1, match.start)
            return span if span[0] < span[1] and _names_someone(article, span) else None
        if _is_boundary(tokens[k]) or _is_cue_word(article, k):
            return None
    return None


def _quoted_as_saying(article: _Article, match: CueMatch, s_from: int) -> tuple[int, int] | None:
    """"RIA Novosti quoted a source as saying": the one quoted speaks."""
    tokens = article.tokens
    if match.form.kind != "participle" or match.start - 1 < s_from or tokens[match.start - 1].norm != "as":
        return None
    k = match.start - 2
    while k >= s_from and k > match.start - 12:
        if tokens[k].norm in ("quoted", "cited", "quotes", "cites", "quoting", "citing"):
            return (k + 1, match.start - 1) if k + 1 < match.start - 1 else None
        k -= 1
    return None


def _speaker_ru(article: _Article, match: CueMatch, s_from: int, s_to: int) -> tuple[int, int] | None:
    prev = _token_before_parenthetical(article, match, s_from)
    if prev is not None and _has(article.grammar.relatives, prev):
        return _np_before(article, match.start, s_from)  # "оппозицией, которая требует": the antecedent
    if _after_coordinator(article, match, s_from):
        return None  # "Песков признал ..., однако назвал их преодолимыми": the subject before continues
    pronoun = _pronoun_subject(article, match, s_from)
    if pronoun is not None:
        return pronoun  # "Самого премьера Венгрии она назвала": the pronoun before the verb is its subject
    document = _document_speaker_ru(article, match, s_from, s_to)
    if document is not None:
        return document
    quoted = _quoted_words_owner(article, match, s_to)
    if quoted is not None:
        return quoted
    inverted = (
        prev is None
        or prev.text in (",", "—", "–", "-")
        or prev.text in _CLOSING
        or prev.norm in ("как", "этом", "том")
    )
    after = _np_after(article, match.end, s_to)
    if after is not None and _names_only_objects(article, after):
        after = None  # "предложил Зеленскому остановить огонь": the named person is the object
    if inverted and after is None:
        after = _clause_final_subject_ru(article, match, s_to)
    if inverted and after is not None and (prev is None or prev.text != "," or _russian_speakerness(article, after, s_from) > 0):
        return after  # "..., потребовали снять ограничения": after a comma the words after the verb may be its object
    before = _subject_before_adjuncts(article, _np_before(article, match.start, s_from), s_from)
    if before is None:
        return after if after is not None and _russian_speakerness(article, after, s_from) > 0 else None
    if after is not None and _russian_speakerness(article, after, s_from) > _russian_speakerness(article, before, s_from):
        return after  # "Подробнее рассказывает корреспондент «Известий» Игорь Балдин"
    if _russian_speakerness(article, before, s_from) <= 0 and (after is None or _russian_speakerness(article, after, s_from) <= 0):
        return None  # "Зеленский только кивал и обещал подумать": resolve the omitted subject
    return before


def _subject_before_adjuncts(article: _Article, span: tuple[int, int] | None, s_from: int) -> tuple[int, int] | None:
    """"Рютте после заседания в Брюсселе утверждал", "СМИ со ссылкой на Минэнерго сообщают": the subject stands
    before an adverbial phrase or a sourcing phrase that separates it from the verb."""
    if span is None or span[0] - 1 <= s_from:
        return span
    opener = _adjunct_start(article, span[0], s_from)
    if opener is None:
        return span
    subject = _np_before_plain(article, opener, s_from)
    if subject is not None and _russian_speakerness(article, subject, s_from) > max(0, _russian_speakerness(article, span, s_from)):
        return subject
    return span


def _adjunct_start(article: _Article, start: int, s_from: int) -> int | None:
    """Token index where an adverbial preposition or a sourcing phrase opens just before ``start``, if any."""
    tokens, grammar = article.tokens, article.grammar
    k = start - 1
    if _has(grammar.stop_before, tokens[k]) and _has(grammar.stop_after, tokens[k]):
        return k  # "после заседания": a preposition that also ends a speaker phrase
    for j in range(k, max(s_from - 1, k - 4), -1):
        match = article.lexicon.match(tokens, j)
        if match is not None and match.form.cue_class == "sourcing" and match.end == start:
            return j  # "со ссылкой на Минэнерго"
    return None


def _quoted_words_owner(article: _Article, match: CueMatch, s_to: int) -> tuple[int, int] | None:
    """"цитирует агентство РИА Новости слова Захаровой": the one whose words are quoted speaks."""
    tokens, grammar = article.tokens, article.grammar
    if match.form.lemma not in grammar.quoting_lemmas:
        return None
    for k in range(match.end, min(s_to, match.end + 6)):
        if _is_boundary(tokens[k]):
            return None
        if _has(grammar.quoted_words, tokens[k]) and k + 1 < s_to:
            return _np_after(article, k + 1, s_to)
    return None


def _names_only_objects(article: _Article, span: tuple[int, int]) -> bool:
    """A phrase whose only named people or bodies are in an oblique case and that holds no role noun."""
    mentions = _mentions_in(article, span)
    actors = [m for m in mentions if m.kind == "actor"]
    return bool(actors) and all(m.oblique for m in actors) and not any(m.kind == "role" for m in mentions)


def _document_speaker_ru(article: _Article, match: CueMatch, s_from: int, s_to: int) -> tuple[int, int] | None:
    """"говорится в заявлении ведомства", "в резолюции отмечается": the document named after в is the speaker."""
    tokens, grammar = article.tokens, article.grammar
    if not tokens[match.start].norm.endswith(grammar.impersonal_endings):
        return None
    k = match.end
    if k < s_to and tokens[k].norm in ("в", "во") and not grammar.starts_at(grammar.skip_before, tokens, k, s_to):
        end = k + 1
        while end < s_to and end - k <= 5 and tokens[end].is_word and _complementizer_at(article, end, end + 1, within=1) is None:
            end += 1
        return (k + 1, end) if end > k + 1 else None
    start = _skip_back(article, match.start, s_from)
    j = start - 1
    while j >= s_from and start - j <= 5 and tokens[j].is_word and tokens[j].norm not in ("в", "во"):
        j -= 1
    if j >= s_from and tokens[j].norm in ("в", "во") and j + 1 < start and not grammar.starts_at(grammar.skip_before, tokens, j, start):
        return j + 1, start
    return None


def _clause_final_subject_ru(article: _Article, match: CueMatch, s_to: int) -> tuple[int, int] | None:
    """"— обратился к украинскому лидеру эксперт": after a closing quotation the subject may end the clause."""
    tokens, grammar = article.tokens, article.grammar
    end = match.end
    while end < s_to and end - match.end <= _MAX_SPEAKER and not _is_boundary(tokens[end]):
        end += 1
    if end == match.end or (end < s_to and not _is_boundary(tokens[end])):
        return None
    mentions = [m for m in _mentions_in(article, (match.end, end)) if m.end == end]
    if not mentions:
        return None
    last = mentions[-1]
    person = last.kind == "actor" and last.value.is_person and not last.oblique
    role = last.kind == "role" and not tokens[last.end - 1].norm.endswith(grammar.oblique_endings)
    if not (person or role) or last.start == match.end or _has(grammar.stop_after, tokens[last.start - 1]):
        return None
    return last.start, end


def _russian_speakerness(article: _Article, span: tuple[int, int], s_from: int) -> int:
    """How much a Russian phrase looks like a speaker: named people and bodies, roles, names; not prepositional phrases."""
    tokens = article.tokens
    words = [k for k in range(span[0], span[1]) if tokens[k].is_word]
    if not words:
        return -1
    score = 0
    mentions = _mentions_in(article, span)
    if any(m.kind == "actor" and m.value.is_person for m in mentions):
        score += 3
    if mentions and all(m.oblique for m in mentions if m.kind == "actor") and any(m.kind == "actor" for m in mentions):
        score -= 4  # "намекнул Зеленскому", "поблагодарил Путина": an object, not the subject
    if any(m.kind in ("actor", "role") for m in mentions):
        score += 2
    if any(m.kind == "nationality" for m in mentions):
        score += 1
    if any(is_site_name(tokens[k].text) for k in words):
        score += 2  # "5-tv.ru сообщал": a news site
    capitals = [k for k in words if tokens[k].text[:1].isupper() and (k != s_from or mentions or article.is_proper_noun(k))]
    if len(capitals) >= 2:
        score += 2
    elif capitals:
        score += 1
    if tokens[words[0]].norm in ("в", "во", "на", "по", "между", "о", "об", "для", "с", "со", "из", "от", "к") and not any(m.kind in ("actor", "role") for m in mentions):
        score -= 2
    if len(words) > 8:
        score -= 1
    if tokens[span[0]].norm in article.grammar.pronouns:
        score += 2
    return score


_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا"})


def _speaker_ar(article: _Article, match: CueMatch, s_from: int, s_to: int) -> tuple[int, int] | str | None:
    """Arabic: verb-first by default; the noun before when it clearly is the subject.

    Returns a token span, None for an omitted subject, or "m"/"f"/"pl" when the
    subject is a pronoun suffix on a complementizer just before the cue (قالت إنها رفضت).
    """
    tokens, grammar = article.tokens, article.grammar
    k = match.start - 1
    first = tokens[match.start]
    has_conjunction = first.norm[:1] in _ARABIC_CONJ and first.norm not in article.lexicon.single
    if k >= s_from and _has(grammar.relatives, tokens[k]):
        # "السد، الذي تخشى مصر": the subject follows; "يوسفي، الذي قال وقتها:": it is the antecedent
        after = _np_after(article, match.end, s_to)
        if after is not None and _arabic_identity_known(article, _trim_arabic_np(article, after)):
            return _trim_arabic_np(article, after)
        j = k - 1 if k - 1 >= s_from and tokens[k - 1].text in ("،", ",") else k
        return _np_before_plain(article, j, s_from)
    if k >= s_from and _complementizer_at(article, k, k + 1, within=1) is not None and tokens[k].norm not in ("ان", "بان"):
        suffix = tokens[k].norm
        return "pl" if suffix.endswith(("هم", "هن")) else "f" if suffix.endswith("ها") else "m"
    if not has_conjunction:
        kana = next((j for j in range(k, max(s_from - 1, k - 7), -1) if tokens[j].norm in _KANA), None)
        if kana is not None:
            between = [j for j in range(kana + 1, match.start) if not _has(grammar.skip_before, tokens[j])]
            if between:
                return between[0], between[-1] + 1  # "وكانت الصحة الفلسطينية أعلنت"
            before_kana = _np_before_plain(article, kana, s_from)
            if before_kana is not None:
                return before_kana  # "إن روسيا كانت دائما تدعو"
        end = match.start - 1 if k >= s_from and tokens[k].text in ("،", ",") else match.start
        before = _np_before_plain(article, end, s_from)
        opens = before is not None and (_starts_clause(article, before[0], s_from) or (end == match.start and _after_complementizer(article, before[0], s_from)))
        named_after = end < match.start and _names_someone(article, (match.end, min(s_to, match.end + 2)))
        if opens and before[1] - before[0] <= 10 and _arabic_identity_known(article, before) and not named_after:
            return before  # "مجلس الدفاع الأعلى اللبناني يعلن", "المصدر الخاص، أكد" (not "..., قال جيش البلاد")
        if before is not None and _definite_topic(article, before, match, s_from):
            return before  # "فالاحتلال يتهم": a definite noun opening the clause before a present-tense verb
    if match.form.kind == "verb" and match.form.agreement in ("pl", "du"):
        return None  # "كما طالبوا الأجهزة": a verb before its subject stays singular, so the suffix is the subject
    j = match.end
    while j < s_to and tokens[j].text in ("،", ","):
        j += 1
    if j < s_to and _complementizer_at(article, j, s_to, within=1) is not None:
        return None
    skipped = _skip_listener(article, j, s_to)
    if skipped < s_to and article.lexicon.match(tokens, skipped) is not None:
        return None  # "كما طالبوا، بحسب بيان": another cue, not a speaker
    after = _np_after(article, j, s_to)
    if after is None:
        return None
    if tokens[after[0]].norm.startswith(("بال", "لل")):
        return None  # "ما يصفه بالصعوبات": a prepositional phrase, the subject is omitted
    after = _trim_arabic_np(article, after)
    if skipped > j and not _arabic_identity_known(article, after):
        return None  # "وقال في كلمة حادة النبرة": the words after the channel are not a speaker
    if all(len(t.norm) <= 2 for t in tokens[after[0] : after[1]]):
        return None  # "بما وصفته بـ«...»": a bare preposition, the subject is omitted
    return after


def _after_complementizer(article: _Article, start: int, s_from: int) -> bool:
    """"غير أن الأمين العام للحلف مارك روته ادعى": after أن/إن the noun right before the verb is its subject."""
    return start > s_from and _complementizer_at(article, start - 1, start, within=1) is not None


def _definite_topic(article: _Article, span: tuple[int, int], match: CueMatch, s_from: int) -> bool:
    """A short definite noun phrase opening its clause before a present-tense cue is its subject (الاحتلال يتهم)."""
    tokens = article.tokens
    head = tokens[span[0]].norm
    if head[:1] in _ARABIC_CONJ and head[1:3] == "ال":
        head = head[1:]
    cue = tokens[match.start].norm
    return (
        span[1] == match.start and span[1] - span[0] <= 3 and head.startswith("ال")
        and cue[:1] in "يت" and _starts_clause(article, span[0], s_from)
    )


def _starts_clause(article: _Article, start: int, s_from: int) -> bool:
    """Whether a phrase starts its sentence or clause (after punctuation, a time stamp, or with فـ/وـ attached)."""
    tokens = article.tokens
    if start == s_from or _is_boundary(tokens[start - 1]) or tokens[start - 1].text[:1].isdigit():
        return True
    if _has(article.grammar.stop_before, tokens[start - 1]) and _complementizer_at(article, start - 1, start, within=1) is None:
        return True  # "ولكن وزير الخزانة الأمريكي قال": after a clause-opening conjunction (not after أن)
    return tokens[start].norm[:1] in _ARABIC_CONJ and tokens[start].norm[1:3] == "ال"


def _arabic_identity_known(article: _Article, span: tuple[int, int]) -> bool:
    identity = article.identify(*span)
    return bool(identity.actor) or identity.side != "UNKNOWN" or identity.speaker_type != "other"


def _trim_arabic_np(article: _Article, span: tuple[int, int]) -> tuple[int, int]:
    """End a verb-first subject where its name ends: after the last gazetteer or role word, else after 3 words.

    Arabic puts the object right after the subject with nothing between (أدان الفريق الأعمال العدائية).
    """
    from framing.extract.actors import find_mentions

    cut = _before_suffixed_object(article, span)
    if cut != span and cut[1] - cut[0] <= 5:
        return cut  # the phrase ends at its definite word: "وزراء خارجية دول الخليج | دعمهم"
    mentions = find_mentions(article.tokens, "ar", span[0], span[1])
    person = next((m for m in mentions if m.kind == "actor" and m.value.is_person), None)
    if person is not None:
        return span[0], person.end  # the name ends the phrase: "كايا كالاس الدول الأعضاء" has an object after it
    if mentions:
        last = max(m.end for m in mentions)
        # keep adjectives agreeing with the mention (a following word with ال), up to two
        end = last
        while end < span[1] and end - last < 2 and article.tokens[end].norm.startswith("ال") and article.tokens[end].norm not in ("الذي", "التي"):
            if any(m.start == end for m in mentions):
                break
            end += 1
        end = max(end, last)
        if any(m.kind == "role" and m.end <= end for m in mentions):
            end = _name_after_title(article, end, span[1])  # "الخبير الاقتصادي محمد أحمد"
        return span[0], end
    return span[0], min(span[1], span[0] + 3)


#: Arabic plural pronoun suffixes: a noun carrying one is never part of a name.
_ARABIC_PLURAL_SUFFIXES = ("هم", "هما", "هن", "كم")


def _before_suffixed_object(article: _Article, span: tuple[int, int]) -> tuple[int, int]:
    """Cut a subject before a suffixed noun after a definite word: "وزراء خارجية دول الخليج | دعمهم للحل"."""
    tokens = article.tokens
    for k in range(span[0] + 1, span[1]):
        if len(tokens[k].norm) >= 4 and tokens[k].norm.endswith(_ARABIC_PLURAL_SUFFIXES) and tokens[k - 1].norm.startswith("ال"):
            return span[0], k
    return span


#: Arabic name parts after which a word with ال still belongs to the name (عبد الرحمن، أبو الغيط).
_ARABIC_NAME_JOINERS = frozenset({"عبد", "ابو", "أبو", "بن", "ابن", "ام", "أم"})


def _name_after_title(article: _Article, k: int, stop: int, max_words: int = 4) -> int:
    """End of a personal name right after an Arabic title, if the phrase ends with it.

    Name words have no ال (except after عبد، أبو ...) and name no place, body or
    time. The name must run to the end of the phrase the cue found: in "مصدر
    دبلوماسي حضر الاجتماع" the word after the title is a verb with its object.
    """
    tokens, grammar = article.tokens, article.grammar
    end = k
    while end < stop and end - k < max_words:
        token = tokens[end]
        joined = end > k and tokens[end - 1].norm in _ARABIC_NAME_JOINERS
        if not token.is_word or (token.norm.startswith("ال") and not joined) or token.text[:1].isdigit() or grammar.starts_at(grammar.skip_before, tokens, end, stop):
            break
        mentions = _mentions_in(article, (end, min(stop, end + 3)))
        if mentions and mentions[0].start == end:
            break  # "حذر الرئيس روسيا": a country or body after the title is its object
        end += 1
    return end if end == stop else k


# -- content and quote type ----------------------------------------------------------


def _adjacent_quote(article: _Article, match: CueMatch, span: tuple[int, int] | None, s_from: int, s_to: int) -> Quote | None:
    """A quotation the cue introduces or closes: “…,” he said / He said: “…” / «…», — сказал он."""
    tokens = article.tokens
    # before: quote, then only punctuation, dashes and the speaker phrase up to the cue
    k = match.start - 1
    while k >= s_from:
        token = tokens[k]
        if token.text in _CLOSING:
            quote = article.quote_at(token.start)
            if quote is not None and quote.end == token.end:
                return quote
            break
        if token.text in (",", "—", "–", "-", "."):
            k -= 1
            continue
        if span is not None and span[0] <= k < span[1]:
            k -= 1
            continue
        if _has(article.grammar.skip_before, token) or token.norm in article.grammar.pronouns:
            k -= 1
            continue
        break
    # after: speaker phrase, listener, a colon or comma, then the quote
    k = match.end
    limit = min(s_to, match.end + _MAX_SPEAKER + 6)
    while k < limit:
        token = tokens[k]
        quote = article.quote_at(token.start)
        if quote is not None and quote.start == token.start:
            return quote
        if token.text in (":", ",", "—", "–") or token.is_word and (span is not None and span[0] <= k < span[1] or _is_listener(article, token) or _has(article.grammar.skip_before, token)):
            k += 1
            continue
        break
    return None


def _content(article: _Article, attribution: Attribution, match: CueMatch, span, s_from: int, s_to: int, cues: list[CueMatch], n: int) -> None:
    tokens, text = article.tokens, article.text
    quote = _adjacent_quote(article, match, span, s_from, s_to)
    if quote is not None and not (attribution.cue_start > quote.start and attribution.cue_end < quote.end):
        inner_start, inner_end = quote.inner
        attribution.content = text[inner_start:inner_end].strip().rstrip(",")
        attribution.content_span = (inner_start, inner_end)
        attribution.quote_type = "direct"
        attribution.quote = quote
        return
    if quote is not None:  # Russian reporting clause inside the quotation marks
        attribution.content = text[quote.start + 1 : attribution.cue_start].strip(" ,—–-")
        attribution.content_span = (quote.start + 1, quote.end - 1)
        attribution.quote_type = "direct"
        attribution.quote = quote
        return
    # indirect content: after the complementizer, or the clause before a closing reporting clause
    next_cue = cues[n + 1].start if n + 1 < len(cues) and cues[n + 1].start < s_to else s_to
    after_from = max(match.end, span[1] if span is not None and span[0] >= match.end else match.end)
    first_after = _skip_listener(article, after_from, s_to)
    comp = _complementizer_at(article, first_after, s_to, within=2)
    start_char = end_char = None
    if attribution.cue_class == "sourcing" and comp is None:
        # "According to X, CONTENT." / "CONTENT, according to X."
        if first_after < s_to and tokens[first_after].text in (",", "،"):
            end_token = _clause_end(article, first_after + 1, next_cue, s_to)
            if end_token > first_after + 1:
                start_char, end_char = tokens[first_after + 1].start, tokens[end_token - 1].end
        elif match.start > s_from and tokens[match.start - 1].text in (",", "،"):
            end_token = match.start - 1
            while end_token > s_from and tokens[end_token - 1].text in (",", "،"):
                end_token -= 1
            if end_token > s_from:
                start_char, end_char = tokens[s_from].start, tokens[end_token - 1].end
    elif comp is not None:
        skip = 0 if article.language == "ar" else 1
        first = comp + skip
        if first < s_to:
            end_token = _clause_end(article, first, next_cue, s_to)
            start_char, end_char = tokens[first].start, tokens[end_token - 1].end if end_token > first else tokens[first].end
    elif match.start > s_from and tokens[match.start - 1].text in (",", "—", "–") or (span is not None and span[1] == match.start and span[0] > s_from and tokens[span[0] - 1].text in (",", "—", "–")):
        # "The talks will resume, Ryabkov said."
        end_token = (span[0] if span is not None and span[1] <= match.start else match.start) - 1
        if end_token > s_from:
            start_char, end_char = tokens[s_from].start, tokens[end_token - 1].end
    else:
        first = first_after
        if first < s_to and tokens[first].is_word:
            end_token = _clause_end(article, first, next_cue, s_to)
            if end_token > first:
                start_char, end_char = tokens[first].start, tokens[end_token - 1].end
    if start_char is None:
        attribution.quote_type = "none"
        attribution.content = ""
        return
    content = text[start_char:end_char].strip().rstrip(",.;:")
    if attribution.cue_class == "warning" and comp is None and len(content.split()) <= 3:
        attribution.quote_type, attribution.content = "none", ""
        return
    attribution.content = content
    attribution.content_span = (start_char, end_char)
    attribution.quote_type = "mixed" if any(ch in content for ch in "«»“”\"„") else "indirect"


def _clause_end(article: _Article, first: int, next_cue: int, s_to: int) -> int:
    """End of reported content: the sentence end, or a following reporting cue joined by a comma or و."""
    tokens = article.tokens
    end = min(s_to, next_cue)
    if end < s_to:
        k = end - 1
        while k > first and (tokens[k].text in (",", "،", "—", "–") or tokens[k].norm in ("and", "и", "و")):
            k -= 1
        end = k + 1
    while end > first and tokens[end - 1].text in (".", ",", ";", ":", "،", "!", "?", "؟"):
        end -= 1
    return end


# -- cues without a verb ------------------------------------------------------------


def colon_attributions(article: _Article, found: list[Attribution]) -> list[Attribution]:
    """A speaker followed by a colon introducing their words (live blogs, "Захарова: …", transcripts)."""
    out = []
    tokens = article.tokens
    taken = {a.cue_start for a in found}
    labels = _transcript_labels(article)
    for index, (start, _) in enumerate(article.sentences):
        a, b = article.sentence_tokens(index)
        if b - a > 3 and tokens[a].text.isdigit() and tokens[a + 1].text == ":" and tokens[a + 2].text.isdigit():
            a += 3  # a live blog's time stamp: "22:49 وسائل إعلام محلية: ..."
        if a < b and tokens[a].text in _QUOTE_MARKS:
            a += 1  # a transcript quoted paragraph by paragraph: '"PENCE: Well, ...'
        colon = next((k for k in range(a, min(b, a + 9)) if tokens[k].text == ":"), None)
        if colon is None or colon == a or colon + 1 >= b:
            continue
        if any(article.lexicon.match(tokens, k) for k in range(a, colon)):
            continue
        if article.grammar.starts_at(article.grammar.colon_not_speakers, tokens, a, colon):
            continue  # "Читайте также на РИА Новости Крым:", "Read more:"
        if tokens[colon].start in taken or not all(t.is_word or t.text in "-’'.«»\"" for t in tokens[a:colon]):
            continue
        identity = article.identify(a, colon)
        unknown = not identity.actor and identity.side == "UNKNOWN" and identity.speaker_type == "other"
        if unknown and article.text[tokens[a].start : tokens[colon - 1].end] not in labels and not _headline_label(article, a, colon):
            continue
        if unknown:
            identity = _label_identity(article, a, colon)
        line_end = article.text.find("\n", tokens[colon].end)
        end = article.sentences[index][1] if line_end < 0 else min(line_end, article.sentences[index][1])
        out.append(_colon_attribution(article, index, a, colon, identity, end))
        taken.add(tokens[colon].start)
    # transcript turns inside a quotation that runs over several paragraphs are one "sentence": find them by line
    for match in _TRANSCRIPT_LABEL.finditer(article.text):
        if match.group(1) not in labels or match.end() - 1 in taken:
            continue
        a, colon = bisect_left(article.starts, match.start(1)), bisect_left(article.starts, match.end() - 1)
        if colon >= len(tokens) or tokens[colon].text != ":" or colon + 1 >= len(tokens):
            continue
        line_end = article.text.find("\n", match.end())
        line_end = len(article.text) if line_end < 0 else line_end
        index = article.sentence_of(match.start())
        out.append(_colon_attribution(article, index, a, colon, _label_identity(article, a, colon), line_end))
        taken.add(tokens[colon].start)
    return out


def _headline_label(article: _Article, a: int, colon: int) -> bool:
    """A name opening a headline before a colon ("Pat Caddell: ...", "Poll: ..."): up to four capitalised words."""
    from framing.text.vectorize import stop_words

    if article.tokens[colon].start >= article.headline_end:
        return False
    words = [t for t in article.tokens[a:colon] if t.is_word]
    function_words = stop_words(article.language, news_words=False)  # "The Latest:", "Stealth Over Health:" name nobody
    return len(words) <= 4 and all(t.text[:1].isupper() and t.norm not in function_words for t in words)


def _label_identity(article: _Article, a: int, colon: int) -> Identity:
    """Who a capitalised transcript label names: "LAVROV" is read as "Lavrov" ("ЛАВРОВ" as "Лавров")."""
    label = article.text[article.tokens[a].start : article.tokens[colon - 1].end]
    named = identify(tokenize(label.title(), article.language), article.language, year=article.year)
    mentioned = {m.value.name for m in article.mentions if m.kind == "actor"}
    return named if named.actor in mentioned else article.identify(a, colon)  # "WALLACE" alone is no Ben Wallace


def _colon_attribution(article: _Article, index: int, a: int, colon: int, identity: Identity, end: int) -> Attribution:
    """The attribution of "Speaker: words" with the speaker in tokens ``a``..``colon`` and the words up to ``end``."""
    from framing.extract.attributions import Attribution

    tokens = article.tokens
    quote = article.quote_at(tokens[colon + 1].start)
    attribution = Attribution(tokens[colon].start, tokens[colon].end, ":", "neutral", sentence=index, kind="colon")
    attribution.speaker_start, attribution.speaker_end = tokens[a].start, tokens[colon - 1].end
    attribution.speaker = article.text[attribution.speaker_start : attribution.speaker_end]
    attribution.actor, attribution.side, attribution.speaker_type = identity.actor, identity.side, identity.speaker_type
    attribution.gender, attribution.number = identity.gender, identity.number
    if quote is not None and quote.start == tokens[colon + 1].start:
        attribution.content = article.text[quote.start + 1 : quote.end - 1]
        attribution.content_span = (quote.start + 1, quote.end - 1)
        attribution.quote_type = "direct"
        attribution.quote = quote
    else:
        content = article.text[tokens[colon + 1].start : end]
        if article.quote_at(tokens[colon].start) is not None:
            # a transcript turn inside a quotation: '"PENCE: Well, look, ...', '«ЛАВРОВ: ...»'
            content = content.rstrip().rstrip("\"”»")
            attribution.quote_type = "direct"
        else:
            content = content.rstrip(".")
            if content.endswith(("»", "”")) and content.count(content[-1]) > content.count({"»": "«", "”": "“"}[content[-1]]):
                content = content[:-1]  # the closing mark of a quotation opened lines before
            attribution.quote_type = "mixed" if any(ch in content for ch in "«»“”\"") else "indirect"
        attribution.content = content
        attribution.content_span = (tokens[colon + 1].start, tokens[colon + 1].start + len(content))
    return attribution


#: A speaker label in a transcript: a name in capitals opening a line, then a colon ("WALLACE:", "MR. LAVROV:").
_TRANSCRIPT_LABEL = re.compile(r"^[\"“«]?((?:[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+ ){0,2}[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+):", re.MULTILINE)


def _transcript_labels(article: _Article) -> frozenset[str]:
    """Capitalised labels that open at least two lines of the text: the speakers of a transcript.

    One "UPDATE:" or "WATCH:" is a heading; "WALLACE:" and "PENCE:" taking
    turns are speakers.
    """
    counts = Counter(m.group(1) for m in _TRANSCRIPT_LABEL.finditer(article.text))
    return frozenset(label for label, n in counts.items() if n >= 2)


#: A dash after a quotation, then a name that ends its line: '“...” ― Sonya Herridge', '«...» — Захарова'.
_SIGNED_QUOTE = re.compile(r"[ \t\u00a0]*([―—–-])[ \t\u00a0]*([^\n]{2,60}?)[ \t\u00a0.]*(?=\n|$)")


def dash_attributions(article: _Article, found: list[Attribution], used: set[int]) -> list[Attribution]:
    """A quotation signed with a dash and a name ending the line (collected voices, epigraphs): the dash is the cue.

    Like a colon after a speaker (:func:`colon_attributions`), the punctuation does the
    reporting. The name must read as one (no word in lower case, Arabic has no case; no
    reporting verb).
    """
    from framing.extract.attributions import Attribution

    out = []
    tokens = article.tokens
    taken = {a.quote.start for a in found if a.quote is not None} | used
    for quote in article.quotes:
        if quote.start in taken:
            continue
        match = _SIGNED_QUOTE.match(article.text, quote.end)
        if match is None:
            continue
        words = match.group(2).split()
        if not 1 <= len(words) <= 6 or not all(not w[:1].islower() or w in ("de", "da", "van", "von", "bin", "ibn", "al") for w in words):
            continue
        a, b = bisect_left(article.starts, match.start(2)), bisect_left(article.starts, match.end(2))
        if a >= b or any(article.lexicon.match(tokens, k) for k in range(a, b)):
            continue
        identity = article.identify(a, b)
        attribution = Attribution(match.start(1), match.end(1), match.group(1), "neutral", sentence=article.sentence_of(match.start(1)), kind="dash")
        attribution.speaker_start, attribution.speaker_end = tokens[a].start, tokens[b - 1].end
        attribution.speaker = article.text[attribution.speaker_start : attribution.speaker_end]
        attribution.actor, attribution.side, attribution.speaker_type = identity.actor, identity.side, identity.speaker_type
        attribution.gender, attribution.number = identity.gender, identity.number
        attribution.content = article.text[quote.start + 1 : quote.end - 1]
        attribution.content_span = (quote.start + 1, quote.end - 1)
        attribution.quote_type = "direct"
        attribution.quote = quote
        used.add(quote.start)
        out.append(attribution)
    return out


def bare_quote_attributions(article: _Article, found: list[Attribution], used: set[int]) -> list[Attribution]:
    """A quotation standing alone as a sentence continues the previous speaker; its opening mark is the cue."""
    from framing.extract.attributions import Attribution

    out = []
    for quote in article.quotes:
        if quote.start in used:
            continue
        if any(a.quote is not None and a.quote.start == quote.start for a in found):
            continue
        inner = article.text[quote.start + 1 : quote.end - 1].strip()
        if len(inner.split()) < 4:
            continue
        sentence = article.sentence_of(quote.start)
        s_start, s_end = article.sentences[sentence]
        if article.text[s_start:quote.start].strip():
            continue  # not at the start of its sentence
        if any(a.sentence == sentence for a in found):
            continue
        after = article.text[quote.end : s_end].strip(" .,!?…")
        if len(after.split()) > 2:
            continue
        previous = [a for a in found + out if a.cue_start < quote.start and a.speaker]
        if not previous:
            continue
        attribution = Attribution(quote.start, quote.start + 1, article.text[quote.start], "neutral", sentence=sentence, kind="bare_quote")
        _copy_speaker(attribution, previous[-1])
        attribution.resolved = True
        attribution.content = inner.rstrip(",")
        attribution.content_span = (quote.start + 1, quote.end - 1)
        attribution.quote_type = "direct"
        attribution.quote = quote
        out.append(attribution)
    return out
