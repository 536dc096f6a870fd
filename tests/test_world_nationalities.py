"""Nationalities of the whole world (resources/affiliations.toml): a speaker outside the
gazetteer takes the side of the country named in the speaker phrase or in its paragraph."""

from __future__ import annotations

from collections import defaultdict

import pytest

from framing.codebook import SIDES
from framing.extract.actors import find_mentions
from framing.extract.attributions import extract_from_text
from framing.resources import load_resource
from framing.text.normalize import normalize_word
from framing.text.segment import tokenize

LANGUAGES = ("ar", "en", "ru")
_RUSSIAN_ADJECTIVE_ENDINGS = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими")


@pytest.mark.parametrize(
    "language, text, cue, word, side",
    [
        # English: adjective, possessive country name and genitive "of" phrase in the speaker
        ("en", "A Slovenian diplomat said the talks had stalled.", "said", "Slovenian", "WEST"),
        ("en", "Chilean lawyer Juan Perez told reporters that the court would reject the request.", "told", "Chilean", "OTHER"),
        ("en", "The Mexican foreign ministry said it would send a note of protest to the embassy.", "said", "Mexican", "OTHER"),
        ("en", "An Australian defence analyst said the drones had been assembled from imported parts.", "said", "Australian", "OTHER"),
        ("en", "Kenya's foreign minister said the police mission would go ahead in spring.", "said", "Kenya's", "OTHER"),
        ("en", "Maltese Prime Minister Robert Abela said the ship would not be allowed to dock.", "said", "Maltese", "WEST"),
        ("en", "The Swiss foreign ministry said the conference would take place in June.", "said", "Swiss", "OTHER"),
        # a US state is not Mexico
        ("en", "New Mexico's attorney general said the lawsuit would be filed next week.", "said", "New Mexico's", "US"),
        # Arabic: nisba after the noun, definite and indefinite, masculine and feminine
        ("ar", "قال وزير الخارجية الأرجنتيني إن بلاده لن تعترف بنتائج الاستفتاء.", "قال", "الأرجنتيني", "OTHER"),
        ("ar", "وقال محام تشيلي إن المحكمة سترفض الطلب.", "قال", "تشيلي", "OTHER"),
        ("ar", "وأكد دبلوماسي سلوفيني أن المحادثات متعثرة منذ أسابيع.", "أكد", "سلوفيني", "WEST"),
        ("ar", "وقالت وزارة الخارجية العمانية إن السلطنة مستعدة لاستضافة جولة جديدة من المحادثات.", "قالت", "العمانية", "OTHER"),
        ("ar", "وأعلن المتحدث باسم الحكومة المالطية أن السفينة لن ترسو في الميناء.", "أعلن", "المالطية", "WEST"),
        ("ar", "وقال رئيس وزراء ألبانيا إن بلاده ستستضيف القمة المقبلة.", "قال", "ألبانيا", "WEST"),
        ("ar", "وقال مسؤول نيجيري إن الهجوم أسفر عن مقتل عشرة أشخاص.", "قال", "نيجيري", "OTHER"),
        # Russian: adjective in the nominative and oblique cases, country name in the genitive
        ("ru", "Чилийский адвокат Хуан Перес заявил, что суд отклонит запрос.", "заявил", "Чилийский", "OTHER"),
        ("ru", "Австралийский эксперт заявил, что беспилотники собраны из импортных деталей.", "заявил", "Австралийский", "OTHER"),
        ("ru", "Премьер-министр Словении заявил, что страна поддержит новые санкции.", "заявил", "Словении", "WEST"),
        ("ru", "Министр иностранных дел Мексики сообщил, что посольство продолжит работу.", "сообщил", "Мексики", "OTHER"),
        ("ru", "Представитель кубинского МИД заявил, что остров не примет иностранных военных.", "заявил", "кубинского", "OTHER"),
        ("ru", "Глава правительства Черногории заявила, что Подгорица выполнит решение союзников.", "заявила", "Черногории", "WEST"),
        # Columbia University is American, not Colombian
        ("ru", "Профессор Колумбийского университета заявил, что санкции не сработали.", "заявил", "Колумбийского университета", "US"),
    ],
)
def test_a_speaker_takes_the_side_of_a_new_nationality(attribution_at, language, text, cue, word, side):
    match = attribution_at(text, language, cue)
    assert word in match.speaker, match.speaker
    assert match.side == side, (match.speaker, match.side)


@pytest.mark.parametrize(
    "language, text",
    [
        ("ru", "Евросоюз заявил о поддержке властей Перу. Оппозиционный политик Хосе Гарсия заявил, что в Перу растут цены, а Лима игнорирует оппозицию."),
        ("ar", "وقال الاتحاد الأوروبي إنه يدعم حكومة بوليفيا. وقال السياسي المعارض خوسيه غارسيا إن الأسعار في بوليفيا ترتفع وإن لاباز تتجاهل المعارضة."),
    ],
)
def test_a_politician_takes_the_side_of_the_new_country_his_paragraph_is_about(language, text):
    """The named politician is in no gazetteer: the country his paragraph names gives his side."""
    assert [a.side for a in extract_from_text(text, language)] == ["WEST", "OTHER"]


@pytest.mark.parametrize(
    "language, text",
    [
        # the Arabic indefinite Albanian nisba, hamza folded, is الباني 'the builder'
        ("ar", "ويتم تجاهل البقوليات في الأنظمة الغذائية البانية للعضلات."),
        # مالي is also 'financial'; عمان alone is Amman (Jordan), not Oman
        ("ar", "وتحسن الوضع المالي للشركة."),
        # English Chad is also a first name; Santiago too
        ("en", "Chad and Santiago went to the match together."),
        # Russian того 'of that', тирана 'of the tyrant', бутан 'butane', the battalion «Сомали»
        ("ru", "После того как портрет тирана сняли, баллон с бутаном увезли бойцы батальона «Сомали»."),
    ],
)
def test_words_that_only_look_like_nationalities_give_no_side(language, text):
    tokens = tokenize(text, language)
    assert [m for m in find_mentions(tokens, language) if m.kind == "nationality"] == []


def test_amman_stays_jordanian_and_the_sultanate_is_oman():
    sides = {}
    for text in ("وقال مسؤول في عمان إن الحدود مفتوحة.", "وقال مسؤول في سلطنة عمان إن الحدود مفتوحة."):
        tokens = tokenize(text, "ar")
        sides[text] = [(" ".join(t.text for t in tokens[m.start : m.end]), m.value) for m in find_mentions(tokens, "ar") if m.kind == "nationality"]
    assert list(sides.values()) == [[("عمان", "OTHER")], [("سلطنة عمان", "OTHER")]]
    jordan = next(n for n in load_resource("affiliations")["nationality"] if n["name"] == "Jordan")
    oman = next(n for n in load_resource("affiliations")["nationality"] if n["name"] == "Oman")
    assert "عمان" in jordan["ar"] and "عمان" not in oman["ar"]


def test_no_nationality_form_belongs_to_two_entries():
    """A form (in matching form) names one country or bloc only; the extractor could not tell them apart."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in load_resource("affiliations")["nationality"]:
        for language in LANGUAGES:
            for form in entry.get(language, []):
                owners[(language, " ".join(normalize_word(word, language) for word in form.split()))].add(entry["name"])
    clashes = sorted((key, sorted(names)) for key, names in owners.items() if len(names) > 1)
    assert not clashes, clashes


def test_nationality_entries_are_well_formed():
    entries = load_resource("affiliations")["nationality"]
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    assert len(entries) >= 170
    for entry in entries:
        assert entry["side"] in SIDES and entry["side"] not in ("MIXED", "UNKNOWN"), entry["name"]
        country = entry["country"]
        assert (len(country) == 2 and country.isupper()) or country in ("NATO", "EU", "UN", "WEST"), entry["name"]
    # CODEBOOK: NATO and EU members are WEST, everyone else OTHER (except the three principal sides)
    by_name = {e["name"]: e["side"] for e in entries}
    for name in ("Slovenia", "Luxembourg", "Iceland", "Albania", "Montenegro", "North Macedonia", "Cyprus", "Malta"):
        assert by_name[name] == "WEST", name
    for name in ("Australia", "New Zealand", "Switzerland", "Japan", "Argentina", "Kosovo", "Vatican (Holy See)", "Oman", "Nigeria"):
        assert by_name[name] == "OTHER", name


def test_russian_nationality_adjectives_are_listed_in_every_case():
    """The header rule: a Russian adjective comes with all twelve case, gender and number forms."""
    missing = []
    for entry in load_resource("affiliations")["nationality"]:
        forms = set(entry.get("ru", []))
        for form in forms:
            if form.endswith(("ский", "цкий")) and " " not in form:
                stem = form[:-2]
                missing += [(entry["name"], stem + ending) for ending in _RUSSIAN_ADJECTIVE_ENDINGS if stem + ending not in forms]
    assert not missing, missing
