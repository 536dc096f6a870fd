"""Cleaning: boilerplate out, every news sentence kept, metadata moved to its fields."""

from __future__ import annotations

import pytest

from framing.clean import (
    clean_text,
    find_templates,
    normalize_unicode,
    split_paragraphs,
)
from framing.resources import load_resource

RULES = load_resource("boilerplate")


def _rule_id(rule):
    return f"{rule['kind']}-{rule['scope']}-{'+'.join(rule['languages'])}"


def _language_of(rule):
    return "en" if "*" in rule["languages"] else rule["languages"][0]


@pytest.mark.parametrize("rule", RULES["rule"], ids=[_rule_id(r) for r in RULES["rule"]])
def test_every_rule_removes_its_documented_example(rule):
    """Each rule in boilerplate.toml carries an example; cleaning must remove it."""
    language = _language_of(rule)
    body = {
        "en": "Russian and US officials said they would hold security talks in Geneva on Monday.",
        "ar": "قال مسؤولون أمريكيون وروس إنهم سيجرون محادثات أمنية في جنيف يوم الاثنين.",
        "ru": "Российские и американские официальные лица заявили, что проведут переговоры в Женеве в понедельник.",
    }[language]
    cleaned = clean_text(f"{body}\n\n{rule['example']}", language)
    if rule["scope"] == "inline":
        removed = [r.text for r in cleaned.removed if r.kind == rule["kind"]]
        assert removed and all(text not in cleaned.text for text in removed)
        assert len(cleaned.text) < len(body) + 2 + len(rule["example"])
        return
    assert rule["example"] not in cleaned.text
    assert cleaned.text.startswith(body.split(" ")[0])
    assert rule["kind"] in {r.kind for r in cleaned.removed}


@pytest.mark.parametrize("spec", RULES["dateline"], ids=lambda s: "+".join(s["languages"]))
def test_every_dateline_example_is_moved_to_the_dateline_field(spec):
    for example in spec["examples"]:
        cleaned = clean_text(example + " then the story goes on for a while.", spec["languages"][0])
        assert cleaned.dateline is not None, example
        assert example.startswith(cleaned.dateline)
        assert not cleaned.text.startswith(cleaned.dateline)


# Sentences that mention the words boilerplate rules look for, but are news.
NEWS_THAT_LOOKS_LIKE_BOILERPLATE = [
    ("en", "The Kremlin said on Tuesday that Western media had been given unlimited access to the talks in Geneva."),
    ("en", "“Read more carefully what we proposed,” Ryabkov told reporters, adding that Moscow had waited long enough."),
    ("en", "By the end of the day, Russian and US negotiators had agreed to meet again in Vienna."),
    ("en", "Zelenskyy said he had signed up for a newsletter of daily casualty figures to keep pressure on allies."),
    ("en", "“The clearing of Avdiivka revealed bodies of soldiers,” an adviser to the separatist leader told Russia’s TASS/TRANS news agency."),
    ("en", "NATO — the alliance Moscow wants to stop expanding — will meet in Brussels on Wednesday, officials said."),
    ("en", "The BBC said its reporters had been denied access, and CNN's correspondent was expelled. Reuters contributed."),
    ("ar", "وقال المتحدث إن النشرة الإخبارية الرسمية للوزارة ستنشر نص الاتفاق كاملا يوم الخميس."),
    ("ar", "وأضاف ريابكوف أن الجانب الأمريكي حصل على وصول كامل إلى الوثائق قبل بدء المحادثات."),
    ("ar", "تابع الرئيس الأوكراني المحادثات من كييف، وقال إن بلاده لن تقبل أي قرار يتخذ بدونها."),
    ("ru", "Захарова заявила, что западные СМИ получили неограниченный доступ к переговорам в Женеве."),
    ("ru", "«В течение прошедшей ночи пресечен ряд попыток киевского режима совершить атаки», — сообщили в Минобороны, сославшись на свой Telegram-канал."),
    ("ru", "НАТО — военный блок, расширение которого Москва считает угрозой, — соберется в Брюсселе в среду."),
    ("ru", "По словам Пескова, Кремль подпишет соглашение только после консультаций с союзниками."),
    # "picture:" in running prose is not a photo credit
    ("en", "The talks ended without a deal. The big picture: Russia wants guarantees that NATO will not expand."),
]


@pytest.mark.parametrize(
    "language, news, credit",
    [
        ("en", "Lavrov met Blinken in Geneva. The talks lasted two hours.", "Photo: Denis Balibouse / Reuters"),
        ("en", "Lavrov met Blinken in Geneva. The talks lasted two hours.", "REUTERS/Denis Balibouse"),
        ("ru", "Лавров встретился с Блинкеном в Женеве. Переговоры длились два часа.", "Фото: Денис Балибуз / Reuters"),
        ("ar", "التقى لافروف بنظيره الأمريكي في جنيف. واستمرت المحادثات ساعتين.", "تصوير: دنيس باليبوز - رويترز"),
    ],
)
def test_a_credit_ending_a_news_paragraph_goes_alone(language, news, credit):
    """Two news sentences before a photo credit are not a caption: only the credit is removed."""
    cleaned = clean_text(f"{news} {credit}", language)
    assert cleaned.text == news
    assert [(r.kind, r.text) for r in cleaned.removed] == [("caption", credit)]


@pytest.mark.parametrize("language, sentence", NEWS_THAT_LOOKS_LIKE_BOILERPLATE)
def test_news_sentences_are_never_removed(language, sentence):
    cleaned = clean_text(sentence, language)
    assert cleaned.text == sentence
    assert cleaned.dateline is None
    assert not cleaned.removed


SCRAPED_EN = """Russian and U.S. flags at the Geneva talks venue, March 2, 2026. REUTERS/Denis Balibouse

Register now for FREE unlimited access to Reuters.com

GENEVA, March 2 (Reuters) - Russia and the United States opened security talks in Geneva on Monday, Deputy Foreign Minister Sergei Ryabkov said. Read more

"We are not naive," Ryabkov told reporters. nL8N2TQ3KM]

ADVERTISEMENT

Share this article: Facebook | Twitter | Email

Reporting by Anna Petrova in Geneva; Editing by Mark Hill

Our Standards: The Thomson Reuters Trust Principles."""

SCRAPED_AR = """الوفدان الروسي والأمريكي قبل بدء المحادثات في جنيف، 2 مارس 2026. تصوير: دينيس باليبوس – رويترز

اشترك الآن للحصول على وصول مجاني غير محدود إلى موقع Reuters.com

جنيف (رويترز) – بدأت روسيا والولايات المتحدة محادثات أمنية في جنيف يوم الاثنين، وفقا لما قاله نائب وزير الخارجية الروسي سيرجي ريابكوف. اقرأ أكثر

وقال ريابكوف للصحفيين: «لسنا سذجًا». اقرأ المزيد

شارك الخبر: فيسبوك | تويتر | واتساب

تقرير آنا بتروفا ؛ تحرير مارك هيل

معاييرنا: مبادئ الثقة في Thomson Reuters.

LEAVE A REPLY

يرجى إدخال تعليقك!"""

SCRAPED_RU = """Российская и американская делегации перед началом переговоров в Женеве. Фото: Денис Балибуз / Reuters

Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости

ЖЕНЕВА, 2 марта. /ТАСС/. Россия и США начали в понедельник переговоры по безопасности в Женеве, сообщил замглавы МИД РФ Сергей Рябков. Читайте также

«Мы не наивны», — сказал Рябков журналистам.

Читайте также: В Кремле оценили перспективы переговоров в Женеве

Поделиться: ВКонтакте | Одноклассники | Telegram

Автор: Анна Петрова

© 2026 ТАСС. Все права защищены.

Оставить комментарий"""


@pytest.mark.parametrize(
    "language, raw, body, dateline, byline",
    [
        (
            "en",
            SCRAPED_EN,
            'Russia and the United States opened security talks in Geneva on Monday, Deputy Foreign Minister Sergei Ryabkov said.\n\n"We are not naive," Ryabkov told reporters.',
            "GENEVA, March 2 (Reuters) -",
            "Reporting by Anna Petrova in Geneva; Editing by Mark Hill",
        ),
        (
            "ar",
            SCRAPED_AR,
            "بدأت روسيا والولايات المتحدة محادثات أمنية في جنيف يوم الاثنين، وفقا لما قاله نائب وزير الخارجية الروسي سيرجي ريابكوف.\n\nوقال ريابكوف للصحفيين: «لسنا سذجًا».",
            "جنيف (رويترز) –",
            "تقرير آنا بتروفا ؛ تحرير مارك هيل",
        ),
        (
            "ru",
            SCRAPED_RU,
            "Россия и США начали в понедельник переговоры по безопасности в Женеве, сообщил замглавы МИД РФ Сергей Рябков.\n\n«Мы не наивны», — сказал Рябков журналистам.",
            "ЖЕНЕВА, 2 марта. /ТАСС/.",
            "Автор: Анна Петрова",
        ),
    ],
    ids=["en", "ar", "ru"],
)
def test_a_scraped_page_is_reduced_to_its_news_body(language, raw, body, dateline, byline):
    cleaned = clean_text(raw, language)
    assert cleaned.text == body
    assert cleaned.dateline == dateline
    assert cleaned.byline == byline
    kinds = {r.kind for r in cleaned.removed}
    assert {"caption", "read_more", "share", "byline", "dateline"} <= kinds
    # what was removed plus what was kept is everything that was there
    for removal in cleaned.removed:
        assert removal.text in normalize_unicode(raw)


def test_arabic_diacritics_and_tatweel_stay_in_the_text_but_do_not_hide_boilerplate():
    raw = "وقال المتحدث إن الاجتماع سيعقد قريبًا فـي جنيف. اقْرأ أيضًا\n\nاقرأ أيضًا: موسكو ترحب بالمحادثات"
    cleaned = clean_text(raw, "ar")
    assert cleaned.text == "وقال المتحدث إن الاجتماع سيعقد قريبًا فـي جنيف."
    assert [r.kind for r in cleaned.removed] == ["read_more", "read_more"]


def test_first_paragraph_repeating_the_title_is_removed_unless_it_is_all_there_is():
    title = "Kremlin says talks with Washington were useful"
    text = f"{title}\n\nPeskov told reporters the talks in Geneva were useful but difficult."
    assert clean_text(text, "en", title=title).text.startswith("Peskov")
    assert clean_text(title, "en", title=title).text == title


def test_unicode_is_normalised_without_changing_words():
    raw = "Kyiv\u00a0and\u200b Moscow\r\n\r\n\ufeffПесков  заявил\u00ad,\tчто &quot;переговоры&quot; продолжатся"
    assert split_paragraphs(normalize_unicode(raw)) == ["Kyiv and Moscow", 'Песков заявил, что "переговоры" продолжатся']


def test_arabic_presentation_forms_become_letters():
    # "سلام" typed with presentation forms, as PDF exports do
    assert normalize_unicode("\ufeb3\ufefc\ufee1") == "سلام"


def test_templates_are_found_per_outlet_and_only_short_lines():
    stock = "Russia launched its military operation in Ukraine on February 24, citing the failure of the Minsk agreements and the need to protect Donbass."
    docs = [("RT", [f"Story {i} about the talks in Geneva.", "Follow RT on Telegram", stock]) for i in range(30)]
    docs += [("AP", [f"Another story {i}.", "Follow RT on Telegram"]) for i in range(3)]
    found = find_templates(docs)
    assert found == {"RT": {"follow rt on telegram"}}
    assert find_templates(docs, max_words=None)["RT"] == {"follow rt on telegram", " ".join(stock.casefold().split())}
