"""US states (resources/affiliations.toml, the "United States" entry): a speaker outside the
gazetteer whose phrase names a state ("Texas Gov.", "(R-Utah)", "губернатор Техаса",
"حاكم ولاية كاليفورنيا") is American; the state names that are also something else in world
news (Georgia, Maine in Arabic and Russian, "Md.", "Mass." ...) are left out."""

from __future__ import annotations

import pytest

from framing.extract.actors import find_mentions
from framing.resources import load_resource
from framing.text.segment import tokenize

# fifty states less Georgia (the country): its English name is not listed, only "Ga."
STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
    "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
    "Washington", "West Virginia", "Wisconsin", "Wyoming",
)


def _us_entry() -> dict:
    return next(n for n in load_resource("affiliations")["nationality"] if n["name"] == "United States")


@pytest.mark.parametrize(
    "language, text, cue, word",
    [
        # English: state name before the title, party designation after the name, possessive
        ("en", "Texas Gov. Greg Abbott said the buoys would stay in the river.", "said", "Texas"),
        ("en", "Sen. Mike Lee (R-Utah) said the spending bill was dead on arrival.", "said", "R-Utah"),
        ("en", "Rep. Stephen Lynch (D-Mass.) told reporters that the hearing would resume on Tuesday.", "told", "D-Mass."),
        ("en", "Sen. Jeanne Shaheen (D-N.H.) said Ukraine needed the air defence systems now.", "said", "D-N.H."),
        ("en", "A Florida sheriff told reporters that the suspect had fled across the county line.", "told", "Florida"),
        ("en", "Ohio's attorney general said the state would join the lawsuit against the company.", "said", "Ohio's"),
        ("en", "A West Virginia coal miner said the plant closure would hurt the whole town.", "said", "West Virginia"),
        # Russian: the state in the genitive, an indeclinable state, the adjective, "штат Джорджия"
        ("ru", "Губернатор Техаса заявил, что пограничные заграждения останутся на месте.", "заявил", "Техаса"),
        ("ru", "Конгрессмен от Огайо заявил, что новый пакет помощи Украине не пройдёт.", "заявил", "Огайо"),
        ("ru", "Генеральный прокурор Калифорнии заявил, что штат подаст иск против администрации.", "заявил", "Калифорнии"),
        ("ru", "Техасский сенатор заявил, что законопроект провалится в палате.", "заявил", "Техасский"),
        ("ru", "Мэр Нью-Йорка сообщил, что город больше не может принимать мигрантов.", "сообщил", "Нью-Йорка"),
        ("ru", "Губернатор штата Джорджия заявил, что штат обжалует решение суда.", "заявил", "штата Джорджия"),
        ("ru", "Сенатор от Западной Вирджинии заявил, что не поддержит законопроект.", "заявил", "Западной Вирджинии"),
        # Arabic: with and without ولاية, with the preposition ل attached, Georgia only after ولاية
        ("ar", "قال حاكم ولاية كاليفورنيا إن الولاية ستقاضي الحكومة الفيدرالية.", "قال", "كاليفورنيا"),
        ("ar", "وقال حاكم ولاية تكساس إن الأسلاك الشائكة ستبقى على الحدود.", "قال", "تكساس"),
        ("ar", "وأكد عمدة نيويورك أن المدينة لم تعد قادرة على استقبال المهاجرين.", "أكد", "نيويورك"),
        ("ar", "وقال المدعي العام لولاية فلوريدا إن التحقيق سيستمر حتى نهاية العام.", "قال", "فلوريدا"),
        ("ar", "وقالت حاكمة ولاية ميشيغان إن المصانع ستعيد فتح أبوابها الأسبوع المقبل.", "قالت", "ميشيغان"),
        ("ar", "وقال حاكم ولاية جورجيا إن الولاية ستستأنف الحكم.", "قال", "ولاية جورجيا"),
    ],
)
def test_a_speaker_named_after_a_us_state_is_american(attribution_at, language, text, cue, word):
    match = attribution_at(text, language, cue)
    assert word in match.speaker, match.speaker
    assert match.side == "US", (match.speaker, match.side)


@pytest.mark.parametrize(
    "language, text, cue",
    [
        # Georgia the country: English "Georgia", Arabic جورجيا without ولاية
        ("en", "Georgia's prime minister said the country would not change course.", "said"),
        ("ar", "وقال رئيس وزراء جورجيا إن بلاده لن تغير مسارها.", "قال"),
        # "Md." is left out: it is also the abbreviation of Muhammad in Bangladeshi names
        ("en", "Md. Rafiqul Islam, the district election officer, said turnout had been low.", "said"),
        # Russian Мэн is also the Isle of Man, Arabic ماين the Main of Frankfurt am Main
        ("ru", "Жительница острова Мэн заявила, что паромы не ходят уже неделю.", "заявила"),
        ("ar", "وقال مسؤول في مطار فرانكفورت أم ماين إن الرحلات ستستأنف مساء اليوم.", "قال"),
    ],
)
def test_left_out_state_forms_do_not_make_a_speaker_american(attribution_at, language, text, cue):
    match = attribution_at(text, language, cue)
    assert match.side != "US", (match.speaker, match.side)


@pytest.mark.parametrize(
    "language, text",
    [
        # ordinary words that are also AP state abbreviations; matching ignores case
        ("en", "He was ill. The mass was held at noon. The bishop said Mass. They went to the Del Mar."),
        ("en", "The ore. Wash. Miss. Pa. Mo."),
        # Giorgia Meloni, the Isle of Man and Frankfurt am Main
        ("ru", "Джорджия Мелони прилетела на остров Мэн."),
        ("ar", "وصلت جورجيا ميلوني إلى فرانكفورت أم ماين."),
    ],
)
def test_words_that_only_look_like_states_are_not_american(language, text):
    tokens = tokenize(text, language)
    assert [m for m in find_mentions(tokens, language) if m.kind == "nationality" and m.value == "US"] == []


def test_baja_california_is_mexican(attribution_at):
    for language, text, cue in [
        ("en", "The governor of Baja California said the border crossing would reopen.", "said"),
        ("ru", "Губернатор Нижней Калифорнии заявил, что пограничный переход откроется.", "заявил"),
        ("ar", "وقالت حاكمة باخا كاليفورنيا إن المعبر الحدودي سيعاد فتحه.", "قالت"),
    ]:
        match = attribution_at(text, language, cue)
        assert match.side == "OTHER", (match.speaker, match.side)


def test_every_state_is_listed_in_three_languages():
    entry = _us_entry()
    english = set(entry["en"])
    assert [s for s in STATES if s not in english] == []
    assert "Georgia" not in english and {"Ga.", "D-Ga.", "R-Ga."} <= english
    left_out = {"Del.", "Ill.", "Ind.", "Kan.", "La.", "Md.", "Mass.", "Miss.", "Me.", "Mo.", "Ore.", "Pa.", "Wash.", "Col."}
    assert english & left_out == set()
    # one Arabic and one Russian form per state (Russian in the nominative)
    assert len([f for f in entry["ar"] if f.startswith("ولاية ")]) >= 50
    russian = set(entry["ru"])
    for nominative in ("Техас", "Калифорния", "Флорида", "Нью-Йорк", "Огайо", "Айдахо", "Теннесси", "Миссисипи", "Миссури", "Западная Вирджиния", "штат Джорджия", "штат Мэн"):
        assert nominative in russian, nominative
    assert {"Джорджия", "Мэн"} & russian == set()
    assert {"جورجيا", "ماين", "مين"} & set(entry["ar"]) == set()
