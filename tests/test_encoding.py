"""Decoding files in the encodings Arabic, English and Russian corpora come in."""

from __future__ import annotations

import codecs

import pytest

from framing.encoding import UndecodableError, decode_bytes

ARABIC = (
    "قال نائب وزير الخارجية الروسي إن المحادثات مع الولايات المتحدة في جنيف ستبدأ يوم الاثنين، "
    "وأعرب عن أمله في أن تفضي إلى ضمانات أمنية جديدة من الغرب."
)
RUSSIAN = (
    "Заместитель министра иностранных дел России заявил, что переговоры с США в Женеве начнутся "
    "в понедельник, и выразил надежду, что они приведут к новым гарантиям безопасности."
)
ENGLISH = "The Kremlin’s spokesman said the talks in Geneva would start on Monday – “a useful first step,” he added."


@pytest.mark.parametrize(
    "text, encoding",
    [
        (ARABIC, "cp1256"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (ENGLISH, "cp1252"),
    ],
)
def test_legacy_code_pages_are_detected(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize("text", [ARABIC, RUSSIAN, ENGLISH])
@pytest.mark.parametrize(
    "prefix, encoding, expected",
    [
        (b"", "utf-8", "utf-8"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (b"", "utf-16", "utf-16"),  # Python writes a BOM
        (b"", "utf-16-le", "utf-16-le"),  # no BOM: found from the NUL bytes
        (b"", "utf-16-be", "utf-16-be"),
        (b"", "utf-32", "utf-32"),
    ],
)
def test_unicode_encodings_with_and_without_bom(text, prefix, encoding, expected):
    decoded = decode_bytes(prefix + text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected


def test_cp1251_and_koi8_are_not_confused_on_short_headlines():
    headline = "Песков: Кремль не видит оснований для оптимизма"
    assert decode_bytes(headline.encode("cp1251")).text == headline
    assert decode_bytes(headline.encode("koi8_r")).text == headline


def test_binary_data_is_refused_with_the_reason():
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_bytes_that_are_no_plausible_text_are_refused_not_guessed():
    noise = bytes((i * 37 + 101) % 128 + 128 for i in range(400))
    with pytest.raises(UndecodableError, match="pass encoding="):
        decode_bytes(noise)


def test_explicit_encoding_is_used_and_errors_are_reported():
    assert decode_bytes(RUSSIAN.encode("cp1251"), encoding="cp1251").text == RUSSIAN
    with pytest.raises(UndecodableError, match="cannot decode as utf-8"):
        decode_bytes(RUSSIAN.encode("cp1251"), encoding="utf-8")
