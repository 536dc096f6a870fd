"""Decoding corpus files: UTF-8/16/32 and the legacy Arabic and Russian code pages.

News scraped or exported on Windows machines comes in cp1256 (Arabic),
cp1251 or KOI8-R (Russian) and cp1252 (Western) as often as in UTF-8.
Decoding such a file as UTF-8 with ``errors="replace"`` silently destroys
it; decoding it with the wrong code page gives mojibake that still looks
like text. This module decodes strictly and, when a file is not UTF, tries
each legacy code page and keeps the one whose words look like words of the
matching language. When no candidate is convincing the file is refused
with the reason, never guessed.

>>> text = "قال المتحدث باسم الكرملين إن المحادثات في جنيف ستبدأ يوم الاثنين."
>>> decode_bytes(text.encode("cp1256"))
Decoded(text='قال المتحدث باسم الكرملين إن المحادثات في جنيف ستبدأ يوم الاثنين.', encoding='cp1256')
>>> decode_bytes("Рябков заявил, что переговоры пройдут в Женеве.".encode("koi8_r")).encoding
'koi8_r'
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from framing.language import function_words

__all__ = ["Decoded", "UndecodableError", "decode_bytes", "LEGACY_ENCODINGS"]

#: Single-byte code pages tried when a file is not UTF-8/16/32; on a tie (files whose
#: only non-ASCII characters are curly quotes and dashes decode the same in all of
#: them) the first wins.
LEGACY_ENCODINGS = ("cp1252", "cp1256", "cp1251", "koi8_r")

_SCRIPT_OF = {"cp1256": "ar", "cp1251": "ru", "koi8_r": "ru", "cp1252": "en"}
_NONASCII_WORD = re.compile(r"[^\W\d_]*[^\W\d_\x00-\x7f][^\W\d_]*")
_ARABIC_LETTER = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0640]+$")
_CYRILLIC_WORD = re.compile(r"^(?:[а-яё]+|[А-ЯЁ][а-яё]*|[А-ЯЁ]{1,8})$")
_LATIN_WORD = re.compile(r"^(?=.*[A-Za-z])(?:[a-zß-öø-ÿ]+|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]*|[A-ZÀ-ÖØ-Þ]{1,8})$")
_TYPOGRAPHIC = set("’‘“”„«»–—…•·€£©®°№§¶×÷\u00a0")


class Decoded(NamedTuple):
    """A decoded file: its text and the encoding that was used."""

    text: str
    encoding: str


class UndecodableError(ValueError):
    """The bytes are not text in any encoding the package recognises."""


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Detect UTF-16 without a byte-order mark.

    In UTF-16 text of our three languages every other byte is the high byte
    of a code point: 0x00 for ASCII, 0x04 for Cyrillic, 0x06 for Arabic,
    0x20 for typographic punctuation. Text in any 8-bit encoding almost never
    holds bytes below 0x08.
    """
    sample = data[:4000]
    if len(sample) < 4 or len(data) % 2:
        return None
    high_like = frozenset(range(0x08))

    def share(part: bytes) -> float:
        return sum(b in high_like for b in part) / len(part)

    even, odd = share(sample[0::2]), share(sample[1::2])
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


def _word_is_wellformed(word: str, script: str) -> bool:
    if script == "ar":
        return bool(_ARABIC_LETTER.match(word))
    if script == "ru":
        return bool(_CYRILLIC_WORD.match(word))
    return bool(_LATIN_WORD.match(word))


def _plausibility(text: str, encoding: str) -> float:
    """How much ``text`` looks like real text of the encoding's language (0..1+)."""
    script = _SCRIPT_OF[encoding]
    words = _NONASCII_WORD.findall(text[:200_000])
    if not words:
        # Only non-ASCII punctuation (curly quotes, dashes): plausible if typographic.
        nonascii = [ch for ch in text if ord(ch) > 127]
        return 1.0 if nonascii and sum(ch in _TYPOGRAPHIC for ch in nonascii) / len(nonascii) > 0.9 else 0.0
    wellformed = sum(_word_is_wellformed(w, script) for w in words) / len(words)
    if script == "en":
        return wellformed
    vocab = function_words(script)
    lowered = [w.casefold() for w in words]
    hits = sum(w in vocab for w in lowered) / len(words)
    # A right decoding has well-formed words AND the language's common words.
    return wellformed * min(1.0, 0.5 + 4 * hits)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _refuse_control_characters(text: str) -> None:
    """Text files hold almost no control characters; binary data decoded as text does."""
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(3, 0.01 * len(sample)):
        raise UndecodableError("binary data (control characters); not a text file")


def decode_bytes(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode a file's bytes strictly, detecting the encoding when not given.

    Parameters
    ----------
    data : bytes
        The raw file content.
    encoding : str, optional
        Force this encoding (any name Python knows). Decoding errors then raise.

    Returns
    -------
    Decoded
        The text (a leading BOM removed) and the encoding used.

    Raises
    ------
    UndecodableError
        When the bytes are binary, or not UTF-8/16/32 and no legacy code page
        (cp1256, cp1251, KOI8-R, cp1252) decodes them into plausible text.

    Examples
    --------
    >>> decode_bytes("\\ufeffМосква".encode("utf-8"))
    Decoded(text='Москва', encoding='utf-8-sig')
    >>> decode_bytes("Kyiv".encode("utf-16"))
    Decoded(text='Kyiv', encoding='utf-16')
    >>> decode_bytes(bytes(range(256)) * 4)
    Traceback (most recent call last):
    ...
    framing.encoding.UndecodableError: binary data (NUL bytes); not a text file
    """
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UndecodableError(f"cannot decode as {encoding}: {exc}") from exc
    bom = _bom_encoding(data)
    if bom is not None:
        try:
            return Decoded(data.decode(bom).lstrip("\ufeff"), bom)
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"starts with a {bom} byte-order mark but is not valid {bom}: {exc}") from exc
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise UndecodableError("binary data (NUL bytes); not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        _refuse_control_characters(text)
        return Decoded(text, "utf-8")
    scored = []
    for candidate in LEGACY_ENCODINGS:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text, candidate), candidate, text))
    scored.sort(key=lambda item: item[0], reverse=True)
    if scored and scored[0][0] >= 0.75:
        _, best, text = scored[0]
        _refuse_control_characters(text)
        return Decoded(text, best)
    tried = ", ".join(f"{enc}={score:.2f}" for score, enc, _ in scored) or "none decodes"
    raise UndecodableError(
        f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no legacy "
        f"code page gives plausible text (plausibility {tried}); pass encoding= if you know it"
    )
