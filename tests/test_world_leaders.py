"""Heads of state and government and foreign ministers of the Arab League states, Iran, Israel,
Turkey and the big OTHER states (resources/actors.toml): a named leader is the gazetteer actor,
with the side of the state and a speaker type that depends on the article's year."""

from __future__ import annotations

import pytest

from framing.extract.attributions import extract_from_text
from framing.gold import cue_span
from framing.resources import load_resource


def _speaker_at(text: str, language: str, cue: str, year: int | None, occurrence: int = 0):
    start, end = cue_span(text, cue, occurrence)
    return next(a for a in extract_from_text(text, language, year=year) if a.cue_start < end and a.cue_end > start)


@pytest.mark.parametrize(
    "language, text, cue, year, actor, side, speaker_type",
    [
        # Arabic
        ("ar", "قال الرئيس الجزائري عبد العزيز بوتفليقة إن بلاده لن ترسل قوات إلى خارج حدودها.", "قال", None, "Abdelaziz Bouteflika", "OTHER", "other"),
        ("ar", "قال الرئيس الجزائري عبد العزيز بوتفليقة إن بلاده لن ترسل قوات إلى خارج حدودها.", "قال", 2016, "Abdelaziz Bouteflika", "OTHER", "official"),
        ("ar", "وأكد رئيس الوزراء الجزائري عبد العزيز جراد أن الحكومة ستواصل دعم أسعار الوقود.", "أكد", 2020, "Abdelaziz Djerad", "OTHER", "official"),
        ("ar", "وقال وزير الطاقة الجزائري محمد عرقاب إن صادرات الغاز نحو أوروبا ستزيد هذا العام.", "قال", 2022, "Mohamed Arkab", "OTHER", "official"),
        ("ar", "وأضاف وزير الطاقة الأسبق يوسف يوسفي أن الأسعار الحالية لا تغطي كلفة الإنتاج.", "أضاف", 2022, "Youcef Yousfi", "OTHER", "other"),
        ("ar", "وأعلن رئيس مجلس القيادة الرئاسي اليمني رشاد العليمي أن الحكومة مستعدة لتجديد الهدنة.", "أعلن", 2023, "Rashad al-Alimi", "OTHER", "official"),
        ("ar", "وقال زعيم جماعة الحوثي عبد الملك الحوثي في خطاب متلفز إن الهجمات في البحر الأحمر ستستمر.", "قال", 2024, "Abdul-Malik al-Houthi", "OTHER", "other"),
        ("ar", "وقال العاهل الأردني الملك عبد الله الثاني إن وقف إطلاق النار ضرورة عاجلة.", "قال", 2024, "Abdullah II", "OTHER", "official"),
        ("ar", "وقال قائد الجيش الوطني الليبي خليفة حفتر إن قواته لن تنسحب من المدينة.", "قال", 2019, "Khalifa Haftar", "OTHER", "official"),
        ("ar", "وصرح رئيس الوزراء التركي أحمد داود أوغلو بأن أنقرة لن تغلق حدودها أمام اللاجئين.", "صرح", 2015, "Ahmet Davutoğlu", "WEST", "official"),
        ("ar", "وقال رئيس المكتب السياسي لحركة حماس إسماعيل هنية إن الحركة قبلت المقترح المصري.", "قال", 2024, "Ismail Haniyeh", "OTHER", "other"),
        # English
        ("en", "Erdogan told reporters that Ankara would keep the grain corridor open.", "told", 2022, "Recep Tayyip Erdogan", "WEST", "official"),
        ("en", "Algerian Energy Minister Mohamed Arkab said gas deliveries to Italy would rise next year.", "said", 2022, "Mohamed Arkab", "OTHER", "official"),
        ("en", "Iran's former foreign minister Mohammad Javad Zarif said the sanctions had failed.", "said", None, "Mohammad Javad Zarif", "OTHER", "other"),
        ("en", "Iranian Foreign Minister Mohammad Javad Zarif said the nuclear deal was not up for renegotiation.", "said", 2016, "Mohammad Javad Zarif", "OTHER", "official"),
        ("en", "Bouteflika said in a message read on state television that the vote would go ahead.", "said", 2016, "Abdelaziz Bouteflika", "OTHER", "official"),
        ("en", "Libyan Prime Minister Abdul Hamid Dbeibah said the elections would take place next year.", "said", 2022, "Abdul Hamid Dbeibah", "OTHER", "official"),
        ("en", "Sudan's army chief Abdel Fattah al-Burhan said the army would not negotiate with the paramilitaries.", "said", 2023, "Abdel Fattah al-Burhan", "OTHER", "official"),
        ("en", "Pakistani Foreign Minister Bilawal Bhutto Zardari told a news conference that Islamabad wanted talks.", "told", 2022, "Bilawal Bhutto Zardari", "OTHER", "official"),
        ("en", "Hamas leader Ismail Haniyeh arrived in Cairo on Monday. Haniyeh said the group had accepted the proposal.", "said", 2024, "Ismail Haniyeh", "OTHER", "other"),
        # "former" makes a speaker "other" even when he sits in parliament now
        ("en", "Former Turkish Prime Minister Ahmet Davutoglu said Ankara had miscalculated.", "said", 2024, "Ahmet Davutoğlu", "WEST", "other"),
        ("en", "Former Israeli President Reuven Rivlin warned that the coalition would not survive the vote.", "warned", 2023, "Reuven Rivlin", "OTHER", "other"),
        # Russian
        ("ru", "Нетаньяху заявил, что операция будет продолжена до полной победы.", "заявил", 2024, "Benjamin Netanyahu", "OTHER", "official"),
        ("ru", "Президент Алжира Абдельазиз Бутефлика заявил, что страна выполнит все обязательства по газу.", "заявил", 2016, "Abdelaziz Bouteflika", "OTHER", "official"),
        ("ru", "Министр энергетики Алжира Мохамед Аркаб сообщил, что поставки газа в Европу вырастут.", "сообщил", 2022, "Mohamed Arkab", "OTHER", "official"),
        ("ru", "Премьер-министр Ливии Абдель Хамид Дбейба заявил, что выборы пройдут в следующем году.", "заявил", 2022, "Abdul Hamid Dbeibah", "OTHER", "official"),
        ("ru", "Премьер-министр Турции Ахмет Давутоглу заявил, что Анкара не закроет границу для беженцев.", "заявил", 2015, "Ahmet Davutoğlu", "WEST", "official"),
        ("ru", "Глава МИД Армении Арарат Мирзоян заявил, что Ереван готов подписать мирный договор.", "заявил", 2024, "Ararat Mirzoyan", "OTHER", "official"),
        ("ru", "Бывший президент Ирана Хасан Рухани заявил, что санкции не достигли цели.", "заявил", 2023, "Hassan Rouhani", "OTHER", "other"),
        ("ru", "Лидер хуситов Абдель Малик аль-Хуси заявил, что атаки на суда продолжатся.", "заявил", 2024, "Abdul-Malik al-Houthi", "OTHER", "other"),
    ],
)
def test_a_leader_is_the_gazetteer_actor(language, text, cue, year, actor, side, speaker_type):
    found = _speaker_at(text, language, cue, year)
    assert (found.actor, found.side, found.speaker_type) == (actor, side, speaker_type), found.speaker


#: the codebook's sides: NATO and EU members are WEST (Turkey too), every other country OTHER
#: (Belarus, Serbia and the South Caucasus included); Israeli and Palestinian leaders are OTHER.
EXPECTED_SIDES = {
    "Recep Tayyip Erdogan": "WEST", "Ahmet Davutoğlu": "WEST", "Binali Yıldırım": "WEST", "Abdullah Gül": "WEST",
    "Alexander Lukashenko": "OTHER", "Andrei Kobyakov": "OTHER", "Aleksandar Vučić": "OTHER", "Tomislav Nikolić": "OTHER",
    "Giorgi Margvelashvili": "OTHER", "Ararat Mirzoyan": "OTHER", "Jeyhun Bayramov": "OTHER", "Nursultan Nazarbayev": "OTHER",
    "Benjamin Netanyahu": "OTHER", "Reuven Rivlin": "OTHER", "Mahmoud Abbas": "OTHER", "Yahya Sinwar": "OTHER",
    "Abdelaziz Bouteflika": "OTHER", "Mohammed VI": "OTHER", "Qaboos bin Said": "OTHER", "Hassan Rouhani": "OTHER",
    "Dilma Rousseff": "OTHER", "Prabowo Subianto": "OTHER", "Shehbaz Sharif": "OTHER", "Jacob Zuma": "OTHER",
}


def test_sides_of_regional_leaders():
    sides = {a["name"]: a["side"] for a in load_resource("actors")["actor"]}
    assert {name: sides.get(name) for name in EXPECTED_SIDES} == EXPECTED_SIDES


@pytest.mark.parametrize(
    "language, form",
    [
        # bare names that are ordinary words or shared by several people are not name forms
        ("ar", "عباس"), ("ar", "جراد"), ("ar", "الشاهد"), ("ar", "روحاني"), ("ar", "المالكي"),
        ("en", "Khan"), ("en", "Sharif"), ("en", "Singh"), ("en", "Hadi"), ("en", "Salam"), ("en", "Aoun"),
        ("ru", "Шахед"), ("ru", "Мангуш"), ("ru", "Хан"),
    ],
)
def test_ambiguous_bare_names_are_left_out(language, form):
    owners = [a["name"] for a in load_resource("actors")["actor"] if a["type"] != "institution" and form in a["names"][language]]
    assert not owners, owners
