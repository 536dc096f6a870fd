"""Words for topic models in Arabic, English and Russian, from one vectoriser.

Topic words (BERTopic's c-TF-IDF, LDA, NMF) are counted on the tokens of
:class:`MultilingualAnalyzer`. Each token is put in its vectoriser form by
its script, so one analyzer serves a corpus that mixes the three languages:

- every text: Unicode NFC; combining accents (Russian stress marks) removed;
  dotted acronyms joined (``U.S.`` -> ``US``); a token is a run of letters,
  with inner hyphens (``из-за``, ``pro-Russian``); digits never make tokens.
- Arabic script: diacritics and tatweel removed *before* tokenising (so a
  vocalised word stays one word: scikit-learn's default ``token_pattern``
  cuts ``المُفَاوَضَات`` into letters and drops them); أ إ آ ٱ -> ا,
  ى -> ي, ة -> ه (as :mod:`framing.text.normalize`), and Persian yeh and
  kaf -> ي ك; a stop word with و or ف joined to it is a stop word.
- Cyrillic: lower case, ё -> е; optionally the pymorphy3 lemma
  (``lemmatize=True``).
- Latin: lower case, except that a word in capitals (``US``, ``UN``) is an
  acronym and never a stop word.
- Stop words, and by default common news words (reporting verbs, weekdays,
  months), come from ``framing/resources/stopwords.toml``.

>>> analyze = MultilingualAnalyzer()
>>> analyze("The U.S. and Russia said talks in Geneva will go on.")
['US', 'russia', 'talks', 'geneva']
>>> analyze("وقالَ إنّ المُفَاوَضَاتِ في جنيفَ ستستمر")
['المفاوضات', 'جنيف', 'ستستمر']
>>> analyze("Переговоры в Женеве ещё ПРОДОЛЖАТСЯ, заявил Рябков")
['переговоры', 'женеве', 'продолжатся', 'рябков']

:func:`make_vectorizer` wraps the analyzer in a scikit-learn
``CountVectorizer``, the vectoriser BERTopic expects.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from framing.text.arabic import ARABIC_MARKS

__all__ = ["MultilingualAnalyzer", "make_vectorizer", "script_of", "stop_words", "terms_of"]

_LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(rf"{_LETTERS}+(?:-{_LETTERS}+)*")
_COMBINING = re.compile("[\u0300-\u036f]")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_BASE_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ё": "е", "Ё": "Е"}


def script_of(word: str) -> str:
    """The language a word's script stands for: ``ar``, ``ru`` or ``en`` (anything else).

    >>> script_of("جنيف"), script_of("Женева"), script_of("Geneva")
    ('ar', 'ru', 'en')
    """
    if _ARABIC.match(word):
        return "ar"
    if _CYRILLIC.match(word):
        return "ru"
    return "en"


@functools.cache
def _resource() -> tuple[dict[int, str], dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]:
    """Letter folding, stop words and news words of ``stopwords.toml``, validated and normalised."""
    from framing.resources import load_resource

    data = load_resource("stopwords")
    fold = dict(_BASE_FOLD)
    fold.update(data.get("letters", {}).get("fold", {}))
    table = str.maketrans(fold)
    stops: dict[str, frozenset[str]] = {}
    news: dict[str, frozenset[str]] = {}
    for language in ("ar", "en", "ru"):
        section = data.get(language)
        if not section or not section.get("stop_words") or not section.get("news_words"):
            raise ValueError(f"framing/resources/stopwords.toml: [{language}] needs non-empty stop_words and news_words lists")
        stops[language] = frozenset(_fold_word(w, table) for w in section["stop_words"])
        news[language] = frozenset(_fold_word(w, table) for w in section["news_words"])
    proclitics = frozenset(data["ar"].get("proclitics", ()))
    return table, stops, news, proclitics


def _fold_word(word: str, table: dict[int, str]) -> str:
    word = ARABIC_MARKS.sub("", unicodedata.normalize("NFC", word))
    return _COMBINING.sub("", word).translate(table).lower()


def stop_words(language: str, *, news_words: bool = True) -> frozenset[str]:
    """The stop words of ``language`` in vectoriser form (with its news words unless ``news_words=False``).

    >>> "ان" in stop_words("ar") and "said" in stop_words("en") and "said" not in stop_words("en", news_words=False)
    True
    """
    if language not in ("ar", "en", "ru"):
        raise ValueError(f"no stop words for language {language!r}; the supported languages are 'ar', 'en', 'ru'")
    _, stops, news, _ = _resource()
    return stops[language] | news[language] if news_words else stops[language]


class MultilingualAnalyzer:
    """Turn a text into topic-model tokens, whatever mix of Arabic, English and Russian it holds.

    A callable, for scikit-learn's ``CountVectorizer(analyzer=...)``. Its
    options are plain values, so :meth:`get_config` / ``MultilingualAnalyzer(**config)``
    save and restore it without pickle.

    Parameters
    ----------
    news_words : bool
        Drop common news words as well as stop words (default True).
    drop_stop_words : bool
        Drop the stop words at all (default True); False keeps every word.
    lemmatize : bool
        Reduce Russian words to their lemma with pymorphy3 (``pip install
        'framing[lemmas]'``); Arabic and English words are not lemmatised.
    extra_stop_words : iterable of str
        More words to drop (any language, put in vectoriser form first).
    min_length : int
        Shortest token kept, in letters.

    Examples
    --------
    >>> MultilingualAnalyzer()("Санкции против российских банков")
    ['санкции', 'российских', 'банков']
    >>> MultilingualAnalyzer(lemmatize=True)("Санкции против российских банков")  # needs pymorphy3  # doctest: +SKIP
    ['санкция', 'российский', 'банк']
    """

    def __init__(self, *, news_words: bool = True, drop_stop_words: bool = True, lemmatize: bool = False, extra_stop_words: Iterable[str] = (), min_length: int = 2) -> None:
        self.news_words = news_words
        self.drop_stop_words = drop_stop_words
        self.lemmatize = lemmatize
        self.extra_stop_words = tuple(extra_stop_words)
        self.min_length = min_length
        table, stops, news, proclitics = _resource()
        self._table = table
        self._proclitics = proclitics
        words = set().union(*stops.values()) if drop_stop_words else set()
        if news_words and drop_stop_words:
            words |= set().union(*news.values())
        words |= {_fold_word(w, table) for w in self.extra_stop_words}
        self._stops = frozenset(words)
        self._lemmas: dict[str, str] = {}
        self._morph: Any = None
        if lemmatize:
            try:
                import pymorphy3
            except ImportError:
                raise ImportError("lemmatize=True needs pymorphy3 for Russian lemmas: pip install 'framing[lemmas]' (or pass lemmatize=False)") from None
            self._morph = pymorphy3.MorphAnalyzer()

    def get_config(self) -> dict[str, Any]:
        """The options, as JSON-ready values: ``MultilingualAnalyzer(**config)`` rebuilds it."""
        return {"news_words": self.news_words, "drop_stop_words": self.drop_stop_words, "lemmatize": self.lemmatize, "extra_stop_words": list(self.extra_stop_words), "min_length": self.min_length}

    def __repr__(self) -> str:
        return f"MultilingualAnalyzer({', '.join(f'{k}={v!r}' for k, v in self.get_config().items())})"

    def _is_stop(self, word: str) -> bool:
        if word in self._stops:
            return True
        return len(word) > 2 and word[0] in self._proclitics and word[1:] in self._stops

    def _lemma(self, word: str) -> str:
        lemma = self._lemmas.get(word)
        if lemma is None:
            lemma = self._morph.parse(word)[0].normal_form.translate(self._table)
            self._lemmas[word] = lemma
        return lemma

    def __call__(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFC", text)
        text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
        text = _COMBINING.sub("", ARABIC_MARKS.sub("", text)).translate(self._table)
        tokens = []
        for raw in _TOKEN.findall(text):
            if len(raw) < self.min_length:
                continue
            if raw.isupper() and raw.isascii():
                tokens.append(raw)  # an acronym: US, UN, EU, NATO
                continue
            word = raw.lower()
            if self._is_stop(word):
                continue
            if self._morph is not None and _CYRILLIC.match(word):
                word = self._lemma(word)
                if self._is_stop(word) or len(word) < self.min_length:
                    continue
            tokens.append(word)
        return tokens


@functools.cache
def _term_analyzer(drop_stop_words: bool) -> MultilingualAnalyzer:
    return MultilingualAnalyzer(news_words=False, drop_stop_words=drop_stop_words)


def terms_of(text: str, language: str, *, stopwords: bool = True) -> list[str]:
    """The words of ``text`` that term statistics count (:func:`framing.compare.compare_terms`).

    The tokens of :class:`MultilingualAnalyzer`, with the news words kept:
    reporting verbs ("claimed", "said") are what framing comparisons look
    for. ``language`` is checked, so that a text in another language is an
    error rather than a silent mis-count.

    >>> terms_of("The U.S. envoy claimed the talks had failed", "en")
    ['US', 'envoy', 'claimed', 'talks', 'failed']
    >>> terms_of("وقالَ المتحدثُ إنّ الهدنةَ صامدة", "ar", stopwords=False)
    ['وقال', 'المتحدث', 'ان', 'الهدنه', 'صامده']
    >>> terms_of("Text", "de")
    Traceback (most recent call last):
    ...
    ValueError: unsupported language 'de'; terms are counted for: ar, en, ru
    """
    if language not in ("ar", "en", "ru"):
        raise ValueError(f"unsupported language {language!r}; terms are counted for: ar, en, ru")
    return _term_analyzer(stopwords)(text)


def make_vectorizer(*, news_words: bool = True, lemmatize: bool = False, extra_stop_words: Iterable[str] = (), min_df: int | float = 1, max_df: int | float = 1.0, max_features: int | None = None):
    """A scikit-learn ``CountVectorizer`` on :class:`MultilingualAnalyzer` tokens.

    Parameters
    ----------
    news_words, lemmatize, extra_stop_words
        Passed to :class:`MultilingualAnalyzer`.
    min_df, max_df, max_features
        As in ``CountVectorizer``: words in fewer than ``min_df`` documents
        (or more than ``max_df``) are left out of the vocabulary.

    Examples
    --------
    >>> vectorizer = make_vectorizer()
    >>> counts = vectorizer.fit_transform(["Ceasefire talks in Geneva", "Переговоры о перемирии", "محادثات الهُدْنَة"])
    >>> list(vectorizer.get_feature_names_out())
    ['ceasefire', 'geneva', 'talks', 'переговоры', 'перемирии', 'الهدنه', 'محادثات']
    """
    from sklearn.feature_extraction.text import CountVectorizer

    analyzer = MultilingualAnalyzer(news_words=news_words, lemmatize=lemmatize, extra_stop_words=extra_stop_words)
    return CountVectorizer(analyzer=analyzer, token_pattern=None, lowercase=False, min_df=min_df, max_df=max_df, max_features=max_features)
