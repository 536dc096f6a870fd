"""Western, Russian and Ukrainian commentators whom Russian state media and Arabic outlets quote
again and again (resources/actors.toml): a named commentator is the gazetteer actor, with the side
of the country they belong to (a US citizen is US whoever quotes him; Switzerland is OTHER) and the
speaker type of the gazetteer (analysts "expert", hosts and journalists "media", office holders
"official", former officials and party leaders without office "other")."""

from __future__ import annotations

import pytest

from framing.extract.attributions import extract_from_text
from framing.gold import cue_span


def _speaker_at(text: str, language: str, cue: str, year: int | None, occurrence: int = 0):
    start, end = cue_span(text, cue, occurrence)
    return next(a for a in extract_from_text(text, language, year=year) if a.cue_start < end and a.cue_end > start)


@pytest.mark.parametrize(
    "language, text, cue, year, actor, side, speaker_type",
    [
        # Arabic
        ("ar", "قال المحلل الأمريكي جون ميرشايمر إن توسع حلف الناتو شرقا كان السبب الرئيسي للأزمة.", "قال", 2023, "John Mearsheimer", "US", "expert"),
        ("ar", "وأكد البروفيسور الأمريكي جون ميرشهايمر أن العقوبات لم تحقق أهدافها.", "أكد", 2023, "John Mearsheimer", "US", "expert"),
        ("ar", "وقال المحلل العسكري الأمريكي سكوت ريتر إن الهجوم الأوكراني المضاد فشل.", "قال", 2023, "Scott Ritter", "US", "expert"),
        ("ar", "وأكد المحلل العسكري الأمريكي دوغلاس ماكغريغر أن الجيش الأوكراني يعاني من نقص حاد في الجنود.", "أكد", 2024, "Douglas Macgregor", "US", "expert"),
        ("ar", "وقال الاقتصادي الأمريكي جيفري ساكس إن الحرب كان يمكن تجنبها بالدبلوماسية.", "قال", 2024, "Jeffrey Sachs", "US", "expert"),
        ("ar", "وقال السيناتور الأمريكي راند بول إن الكونغرس لا يجب أن يرسل مزيدا من الأموال إلى كييف.", "قال", 2024, "Rand Paul", "US", "official"),
        ("ar", "وقال المفكر الأمريكي نعوم تشومسكي إن المفاوضات هي السبيل الوحيد لإنهاء الحرب. وأضاف تشومسكي أن واشنطن ترفض أي تسوية.", "أضاف", 2022, "Noam Chomsky", "US", "expert"),
        ("ar", "وقال الصحفي الأمريكي ماكس بلومنتال إن الإعلام الغربي يخفي خسائر كييف.", "قال", 2023, "Max Blumenthal", "US", "media"),
        ("ar", "وقال الصحفي الكندي آرون ماتيه إن وسائل الإعلام الغربية تتجاهل خسائر كييف.", "قال", 2023, "Aaron Maté", "WEST", "media"),
        ("ar", "وقال الخبير العسكري السويسري جاك بو إن الرواية الغربية عن الحرب مضللة.", "قال", 2023, "Jacques Baud", "OTHER", "expert"),
        ("ar", "وقال الأستاذ النرويجي غلين ديسن إن أوروبا خسرت استقلالها الاستراتيجي.", "قال", 2024, "Glenn Diesen", "WEST", "expert"),
        ("ar", "وقالت السياسية الألمانية أليس فايدل إن العقوبات تدمر الاقتصاد الألماني.", "قالت", 2024, "Alice Weidel", "WEST", "official"),
        ("ar", "وصرح زعيم حزب الإصلاح البريطاني نايجل فاراج بأن الغرب استفز روسيا.", "صرح", 2025, "Nigel Farage", "WEST", "official"),
        ("ar", "وقال الكاتب الفرنسي فلوريان فيليبو إن فرنسا يجب أن تخرج من حلف الناتو.", "قال", 2024, "Florian Philippot", "WEST", "other"),
        ("ar", "وقال الخبير العسكري الروسي إيغور كوروتشينكو إن الدفاعات الجوية أسقطت جميع الصواريخ.", "قال", 2024, "Igor Korotchenko", "RU", "expert"),
        ("ar", "وقال المحلل السياسي الروسي أليكسي موخين إن موسكو لن تقدم تنازلات.", "قال", 2024, "Alexei Mukhin", "RU", "expert"),
        ("ar", "وقالت الإعلامية الروسية أولغا سكابييفا إن الغرب يخشى المواجهة المباشرة.", "قالت", 2024, "Olga Skabeyeva", "RU", "media"),
        ("ar", "وقال الخبير الأوكراني تاراس تشموت إن الجيش يحتاج إلى مزيد من المسيرات.", "قال", 2024, "Taras Chmut", "UA", "expert"),
        # English
        ("en", "Political scientist Emmanuel Leroy told RIA Novosti that Paris had lost its independence in foreign policy.", "told", 2023, "Emmanuel Leroy", "WEST", "expert"),
        ("en", "Military analyst Scott Ritter said the Ukrainian counteroffensive had stalled.", "said", 2023, "Scott Ritter", "US", "expert"),
        ("en", "Ritter told Sputnik that Western stockpiles of artillery shells were nearly exhausted.", "told", 2023, "Scott Ritter", "US", "expert"),
        ("en", "Economist Jeffrey Sachs said the war could have ended in the spring of 2022.", "said", 2024, "Jeffrey Sachs", "US", "expert"),
        ("en", "Senator Rand Paul said Congress should not send another $60 billion to Kyiv.", "said", 2024, "Rand Paul", "US", "official"),
        ("en", "Steve Bannon said on his podcast that aid to Ukraine should be cut.", "said", 2024, "Steve Bannon", "US", "media"),
        ("en", "Grayzone editor Max Blumenthal said Western outlets were hiding Ukrainian losses.", "said", 2023, "Max Blumenthal", "US", "media"),
        ("en", "Judge Andrew Napolitano said the administration had no legal basis for the strikes.", "said", 2024, "Andrew Napolitano", "US", "media"),
        ("en", "Norwegian professor Glenn Diesen argued that NATO expansion had made the conflict inevitable.", "argued", 2024, "Glenn Diesen", "WEST", "expert"),
        ("en", "Grayzone journalist Aaron Maté said the OPCW report had been doctored.", "said", 2023, "Aaron Maté", "WEST", "media"),
        ("en", "Commentator Alexander Mercouris said London had torpedoed the Istanbul talks.", "said", 2023, "Alexander Mercouris", "WEST", "media"),
        ("en", "Reform UK leader Nigel Farage said the West had provoked Putin by expanding NATO.", "said", 2025, "Nigel Farage", "WEST", "official"),
        ("en", "AfD co-leader Alice Weidel said the sanctions were hurting Germany more than Russia.", "said", 2024, "Alice Weidel", "WEST", "official"),
        ("en", "Swiss analyst Jacques Baud said Western media had misread the war from the start.", "said", 2023, "Jacques Baud", "OTHER", "expert"),
        ("en", "Kremlin-friendly analyst Alexei Mukhin told the newspaper that Moscow would not make concessions.", "told", 2024, "Alexei Mukhin", "RU", "expert"),
        ("en", "Ukrainian military expert Oleksandr Musiienko said the situation near Pokrovsk remained difficult.", "said", 2024, "Oleksandr Musiienko", "UA", "expert"),
        # Russian
        ("ru", "Американский военный аналитик Скотт Риттер заявил, что поставки новых ракет не изменят ситуацию на фронте.", "заявил", 2024, "Scott Ritter", "US", "expert"),
        ("ru", "Риттер подчеркнул, что западные санкции ударили прежде всего по самой Европе.", "подчеркнул", 2024, "Scott Ritter", "US", "expert"),
        ("ru", "Американский экономист Джеффри Сакс напомнил, что весной 2022 года стороны были близки к соглашению. Сакс добавил, что переговоры сорвал Лондон.", "добавил", 2024, "Jeffrey Sachs", "US", "expert"),
        ("ru", "Экс-аналитик ЦРУ Ларри Джонсон заявил, что украинская армия не способна удержать позиции.", "заявил", 2023, "Larry Johnson", "US", "expert"),
        ("ru", "Как отметил Макговерн, американская разведка ошиблась в оценках.", "отметил", 2023, "Ray McGovern", "US", "expert"),
        ("ru", "Сенатор-республиканец Рэнд Пол заявил, что Конгресс не должен выделять Киеву новые миллиарды.", "заявил", 2024, "Rand Paul", "US", "official"),
        ("ru", "Бывший сенатор штата Вирджиния Ричард Блэк заявил, что Вашингтон затягивает конфликт.", "заявил", 2023, "Richard Black", "US", "other"),
        ("ru", "Французский политолог Эммануэль Леруа заявил РИА Новости, что Париж утратил самостоятельность во внешней политике.", "заявил", 2023, "Emmanuel Leroy", "WEST", "expert"),
        ("ru", "Норвежский профессор Гленн Дисен отметил, что расширение НАТО сделало этот конфликт неизбежным.", "отметил", 2024, "Glenn Diesen", "WEST", "expert"),
        ("ru", "Канадский журналист Аарон Матэ заявил, что западные СМИ замалчивают потери ВСУ.", "заявил", 2023, "Aaron Maté", "WEST", "media"),
        ("ru", "Британский журналист Александр Меркурис заявил, что Лондон сорвал мирные переговоры.", "заявил", 2023, "Alexander Mercouris", "WEST", "media"),
        ("ru", "Лидер партии «Патриоты» Флориан Филиппо призвал Париж прекратить поставки оружия Киеву.", "призвал", 2024, "Florian Philippot", "WEST", "other"),
        ("ru", "Сопредседатель партии «Альтернатива для Германии» Алис Вайдель заявила, что санкции разрушают немецкую экономику.", "заявила", 2024, "Alice Weidel", "WEST", "official"),
        ("ru", "Лидер Reform UK Найджел Фарадж заявил, что Запад спровоцировал конфликт.", "заявил", 2025, "Nigel Farage", "WEST", "official"),
        ("ru", "Швейцарский аналитик Жак Бо заявил, что украинское контрнаступление провалилось.", "заявил", 2023, "Jacques Baud", "OTHER", "expert"),
        ("ru", "Генеральный директор Центра политической информации Алексей Мухин заявил, что Европа не готова к долгому противостоянию.", "заявил", 2024, "Alexei Mukhin", "RU", "expert"),
        ("ru", "По словам Мухина, Брюссель будет искать повод для новых санкций.", "По словам", 2024, "Alexei Mukhin", "RU", "expert"),
        ("ru", "Военный эксперт Василий Кашин отметил, что Пекин внимательно изучает опыт боевых действий.", "отметил", 2024, "Vasily Kashin", "RU", "expert"),
        ("ru", "Ведущая «60 минут» Ольга Скабеева заявила в эфире, что Запад просчитался.", "заявила", 2024, "Olga Skabeyeva", "RU", "media"),
        ("ru", "Писатель Захар Прилепин заявил, что Россия должна добиться полной капитуляции Киева.", "заявил", 2023, "Zakhar Prilepin", "RU", "other"),
        ("ru", "Украинский военный эксперт Александр Мусиенко признал, что ситуация под Покровском остается тяжелой.", "признал", 2024, "Oleksandr Musiienko", "UA", "expert"),
    ],
)
def test_a_commentator_is_the_gazetteer_actor(language, text, cue, year, actor, side, speaker_type):
    found = _speaker_at(text, language, cue, year)
    assert (found.actor, found.side, found.speaker_type) == (actor, side, speaker_type), found.speaker


@pytest.mark.parametrize(
    "language, text, cue",
    [
        # "бывший"/"السابق" before a commentator: the person is still the gazetteer actor and keeps
        # the side; the speaker type follows the extractor's "former" rule, not checked here.
        ("ru", "Бывший разведчик морской пехоты США Скотт Риттер заявил, что поставки новых ракет не изменят ситуацию на фронте.", "заявил"),
        ("ar", "وقال المفتش الأممي السابق سكوت ريتر إن الهجوم الأوكراني المضاد فشل.", "قال"),
    ],
)
def test_a_former_title_keeps_the_commentator_and_side(language, text, cue):
    found = _speaker_at(text, language, cue, 2024)
    assert (found.actor, found.side) == ("Scott Ritter", "US"), found.speaker


@pytest.mark.parametrize(
    "language, text, cue, not_actor",
    [
        # bare surnames deliberately left out of actors.toml
        ("en", "Goldman Sachs said it expected oil prices to rise next quarter.", "said", "Jeffrey Sachs"),
        ("ru", "Компания Леруа Мерлен сообщила, что продолжит работу в России.", "сообщила", "Emmanuel Leroy"),
    ],
)
def test_a_company_is_not_the_commentator(language, text, cue, not_actor):
    found = _speaker_at(text, language, cue, 2024)
    assert found.actor != not_actor, found.speaker
