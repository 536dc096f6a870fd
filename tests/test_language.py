"""Language identification: ar, en, ru or other, and mixed-script texts."""

from __future__ import annotations

import pytest

from framing.language import detect_language, is_mixed, normalize_language_code


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia and the United States will hold security talks in Geneva on January 10, officials said.", "en"),
        ("MOSCOW (AP) — The Kremlin said Tuesday it saw no grounds for optimism after the talks.", "en"),
        ("قال مسؤولون أمريكيون وروس إنهم سيجرون محادثات أمنية في العاشر من يناير لمناقشة التوترات في أوكرانيا.", "ar"),
        ("وأكد نائب وزير الخارجية الروسي سيرجي ريابكوف المواعيد يوم الثلاثاء.", "ar"),
        ("Официальные лица США и России заявили, что проведут переговоры по безопасности 10 января.", "ru"),
        ("Песков: Кремль не видит оснований для оптимизма после переговоров в Женеве.", "ru"),
        # neighbours written in the same scripts are not ours
        ("Les responsables américains et russes ont déclaré qu'ils tiendraient des pourparlers de sécurité à Genève.", "other"),
        ("Die russischen und amerikanischen Beamten sagten, dass sie Sicherheitsgespräche in Genf führen werden.", "other"),
        ("Українські та американські посадовці заявили, що переговори в Женеві відбудуться у понеділок, і їх підтримують союзники.", "other"),
        ("مقامات آمریکایی و روسی گفتند که گفتگوهای امنیتی در ژنو برگزار خواهد شد و کشورهای اروپایی هم شرکت می‌کنند.", "other"),
        ("2026-03-02 10:00", "other"),
        ("", "other"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text).language == expected


def test_a_russian_article_quoting_a_long_english_statement_is_flagged_mixed():
    text = (
        "Госдепартамент опубликовал в понедельник заявление на английском языке, в котором "
        "говорится о переговорах в Женеве и о гарантиях безопасности для европейских союзников. "
        "The United States remains committed to diplomacy and to our allies."
    )
    detection = detect_language(text)
    assert detection.language == "ru" and detection.mixed
    assert is_mixed(text)


def test_a_few_latin_letters_in_arabic_do_not_make_it_mixed():
    text = "اشترك الآن للحصول على وصول مجاني غير محدود إلى موقع Reuters.com وقال المتحدث إن المحادثات ستعقد في جنيف."
    assert detect_language(text) == ("ar", False)


@pytest.mark.parametrize(
    "label, code",
    [("ar", "ar"), ("Arabic", "ar"), ("ARA", "ar"), ("en-GB", "en"), ("English", "en"), ("rus", "ru"), ("русский", "ru"), ("uk", "other"), (None, None), ("  ", None), (float("nan"), None)],
)
def test_language_labels_in_corpora_are_normalised(label, code):
    assert normalize_language_code(label) == code
