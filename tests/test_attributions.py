"""Reported speech: hand-written cases in three languages, codebook traps, and the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.clean import clean_text
from framing.evaluate import speaker_f1
from framing.extract.attributions import (
    ATTRIBUTION_COLUMNS,
    extract_attributions,
    extract_from_text,
)
from framing.gold import cue_span

CASES = Path(__file__).parent / "data"
LANGUAGES = sorted(p.stem.split("_")[-1] for p in CASES.glob("attributions_*.jsonl"))


def _score(language: str) -> dict[str, float]:
    tp = fp = fn = 0
    ok = {"cue_class": 0, "side": 0, "speaker": 0}
    negatives = negatives_ok = 0
    for line in (CASES / f"attributions_{language}.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text, expected = case["text"], case["expect"]
        found = extract_from_text(text, language)
        if not expected:
            negatives += 1
            negatives_ok += not found
            continue
        used: set[int] = set()
        for item in expected:
            start, end = cue_span(text, item["cue"], item["cue_occurrence"])
            hit = next((i for i, a in enumerate(found) if i not in used and a.cue_start < end and a.cue_end > start), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            got = found[hit]
            ok["cue_class"] += got.cue_class == item["cue_class"]
            ok["side"] += got.side == item["side"]
            ok["speaker"] += speaker_f1(got.speaker, item["speaker"], language) >= 0.5
        fp += len(found) - len(used)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {
        "f1": 2 * precision * recall / (precision + recall),
        **{k: v / tp for k, v in ok.items()},
        "negatives": negatives_ok / negatives,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_hand_written_cases(language):
    """Over 100 hand-written news sentences per language (tests/data/attributions_*.jsonl).

    The bars are below what the extractor reaches (see the closing notes) and
    above what a broken speaker or class rule would give.
    """
    scores = _score(language)
    assert scores["f1"] >= 0.88, scores
    assert scores["cue_class"] >= 0.95, scores
    assert scores["side"] >= 0.85, scores
    assert scores["speaker"] >= 0.80, scores
    assert scores["negatives"] >= 0.85, scores


@pytest.mark.parametrize(
    "language, text, cue, cue_class, speaker, side, quote_type",
    [
        # CODEBOOK traps: أكد is assertive, أوضح neutral; заявил neutral; якобы makes it distancing
        ("ar", "وأكد نائب وزير الخارجية الروسي سيرجي ريابكوف المواعيد يوم الثلاثاء.", "أكد", "assertive", "نائب وزير الخارجية الروسي سيرجي ريابكوف", "RU", "indirect"),
        ("ar", "وأوضح المتحدث باسم الكرملين دميتري بيسكوف أن المحادثات ستستمر.", "أوضح", "neutral", "المتحدث باسم الكرملين دميتري بيسكوف", "RU", "indirect"),
        ("ru", "Пресс-секретарь президента Дмитрий Песков заявил, что переговоры продолжатся.", "заявил", "neutral", "Пресс-секретарь президента Дмитрий Песков", "RU", "indirect"),
        ("ru", "Госдепартамент якобы заявил, что Киев получит новые ракеты.", "заявил", "distancing", "Госдепартамент", "US", "indirect"),
        ("en", '"We will not be intimidated," said Secretary of State Marco Rubio.', "said", "neutral", "Secretary of State Marco Rubio", "US", "direct"),
        ("en", "U.S. and Russian officials said they would meet again in Geneva.", "said", "neutral", "U.S. and Russian officials", "MIXED", "indirect"),
        ("en", "Moscow warned the West.", "warned", "warning", "Moscow", "RU", "none"),
        ("ru", "«Мы готовы к диалогу», — заявила официальный представитель МИД России Мария Захарова.", "заявила", "neutral", "официальный представитель МИД России Мария Захарова", "RU", "direct"),
        ("ar", "وقالت وزارة الخارجية الأوكرانية إن كييف لن تقبل أي اتفاق من دونها.", "قالت", "neutral", "وزارة الخارجية الأوكرانية", "UA", "indirect"),
    ],
)
def test_codebook_traps(attribution_at, language, text, cue, cue_class, speaker, side, quote_type):
    match = attribution_at(text, language, cue)
    assert (match.cue_class, match.side, match.quote_type) == (cue_class, side, quote_type)
    assert speaker_f1(match.speaker, speaker, language) >= 0.8


@pytest.mark.parametrize(
    "language, text, cue, speaker, side",
    [
        # the side-bearing word nearest the head decides: the ambassador serves the US
        ("en", "The U.S. ambassador to Russia said the embassy would stay open.", "said", "The U.S. ambassador to Russia", "US"),
        # a gerund clause or a relative clause between subject and verb is not the speaker
        ("en", "Peskov, speaking to reporters on Monday, said the talks were useful.", "said", "Peskov", "RU"),
        ("en", "A European diplomat who attended the session said the mood was tense.", "said", "A European diplomat who attended the session", "WEST"),
        # a second verb after "and" shares the first verb's subject
        ("en", "Russia denied the report and accused Ukraine of staging the attack.", "accused", "Russia", "RU"),
        # a passive with an adverbial before its agent
        ("en", "The plan was criticised on Thursday by Hungarian Prime Minister Viktor Orban.", "criticised", "Hungarian Prime Minister Viktor Orban", "WEST"),
        # a body introduced with its nationality keeps it when named again
        ("en", "The Russian company Intellect Machine builds drones for the army. Intellect Machine said production had doubled.", "said", "Intellect Machine", "RU"),
        ("ar", "تصنع شركة إنتليكت الروسية طائرات مسيرة. وقالت إنتليكت إن الإنتاج تضاعف.", "قالت", "إنتليكت", "RU"),
        # parenthetical "в свою очередь" between subject and verb
        ("ru", "Сибига, в свою очередь, обвинил Москву в срыве переговоров.", "обвинил", "Сибига", "UA"),
        # impersonal reporting form: the document after в speaks
        ("ru", "«Переговоры зашли в тупик», — говорится в заявлении МИД Украины.", "говорится", "заявлении МИД Украины", "UA"),
        # "цитирует слова X": the one whose words are quoted speaks, not the agency
        ("ru", "Агентство РИА Новости цитирует слова Захаровой о новых санкциях.", "цитирует", "Захаровой", "RU"),
        # "Как отметил X, ..." opening the sentence
        ("ru", "Как отметил Песков, цены на газ вырастут.", "Как отметил", "Песков", "RU"),
        # an adverbial phrase between subject and verb
        ("ru", "Рютте после заседания в Брюсселе утверждал, что альянс готов помочь Киеву.", "утверждал", "Рютте", "WEST"),
        # "он" takes the person named since the last speaker
        ("ru", "Делегацию возглавлял замминистра иностранных дел России Александр Грушко. Переговоры длились три часа. Он заявил, что Москва ждет ответа.", "заявил", "Александр Грушко", "RU"),
        # a role noun with the body it serves: "مصدر في وزارة الدفاع الروسية"
        ("ar", "وقال مصدر في وزارة الدفاع الروسية إن القوات صدت هجوما.", "قال", "مصدر في وزارة الدفاع الروسية", "RU"),
        # after غير أن the noun phrase before the verb is its subject
        ("ar", "غير أن الأمين العام لحلف شمال الأطلسي مارك روته ادعى أن روسيا تخسر الحرب.", "ادعى", "الأمين العام لحلف شمال الأطلسي مارك روته", "WEST"),
        # لـ after a title is "of", not a listener
        ("ar", "وقال المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي إن الوضع خطير.", "قال", "المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي", "OTHER"),
    ],
)
def test_speaker_phrase_rules(attribution_at, language, text, cue, speaker, side):
    match = attribution_at(text, language, cue)
    assert match.speaker == speaker and match.side == side, (match.speaker, match.side)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Twenty-seven states led by West Virginia are challenging the rules in court.", []),
        ("PolitiFact rated 32% of Republican claims as “false” last year.", []),
        ("Clinton cited disparaging remarks Trump had made about Machado.", []),
        ("Moscow claims the strike hit a military depot.", [("claims", "Moscow")]),
        ("Bonuses were cut by half, The Wall Street Journal reports.", [("reports", "The Wall Street Journal")]),
        ("The Kremlin states that the talks are over.", [("states", "The Kremlin")]),
        ("Obama and Clinton call them “lone wolves” and describe their actions as crimes.", [("call", "Obama and Clinton"), ("describe", "Obama and Clinton")]),
        # clear reporting verbs need no pronoun or "that" after a lowercase subject; "fears" still does
        ("But critics say the money could be better spent on air defence.", [("say", "critics")]),
        ("The ministry says the convoy will leave on Friday.", [("says", "The ministry")]),
        ("Rising prices and energy fears dominate the campaign.", []),
        # adjectives, nouns and phrasal verbs that look like cues; a modal with an adverb is still hypothetical
        ("The new plans are more detailed than the old ones.", []),
        ("The mayor made disparaging remarks about the police.", []),
        ("She gives credit to the volunteers who cleared the rubble.", []),
        ("The monthly payments add up to a large deficit.", []),
        ("No one can credibly state that the vote was rigged.", []),
        # "state TV" is a noun however capitalised its neighbours; "stated" with a clause is speech
        ("Balitsky told Russian state TV that the power lines had been repaired.", [("told", "Balitsky")]),
        ("Azerbaijan claims the shelling was provoked by Armenia.", [("claims", "Azerbaijan")]),
        ("Moscow has repeatedly stated it will guarantee safe passage for grain ships.", [("stated", "Moscow")]),
        ("Jimmy Kimmel mocked Trump for calling in to Fox News during the attack.", [("mocked", "Jimmy Kimmel")]),  # not "calling"
    ],
)
def test_english_present_forms_that_are_mostly_nouns(text, expected):
    """"states", "claims", "remarks" are verbs only with a subject and a clause, quote or object after them."""
    assert [(a.cue, a.speaker) for a in extract_from_text(text, "en")] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # CODEBOOK.md: a noun cue is coded when the sentence gives its speaker and its content
        ("Fact-checkers examined Donald Trump’s claim that the vote in Michigan was rigged.", [("claim", "Donald Trump", "distancing")]),
        ("Kyiv rejected Russia's demand that Ukraine withdraw its troops from four regions.", [("rejected", "Kyiv", "denial"), ("demand", "Russia", "warning")]),
        ("The police's earlier claim that the driver had a gun was false.", [("claim", "The police", "distancing")]),
        # bare nouns and nouns without content are not coded
        ("Moscow's claims were unfounded, the ministry said.", [("said", "the ministry", "neutral")]),
        ("The Rada outlawed Russian music, according to an announcement on its website.", [("according to", "an announcement", "sourcing")]),
    ],
)
def test_english_noun_cues_need_a_possessor_and_content(text, expected):
    assert [(a.cue, a.speaker, a.cue_class) for a in extract_from_text(text, "en")] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "bill" and "law" do not speak, but Bill Burns and a Law Commission do
        ("CIA Director Bill Burns said Russia was losing the war of attrition.", [("said", "CIA Director Bill Burns")]),
        ("Former President Bill Clinton said the health law was a crazy system.", [("said", "Former President Bill Clinton")]),
        ("The Law Commission said the rules on sanctions must change.", [("said", "The Law Commission")]),
        ("The bill says that military aid to Kyiv will continue.", []),
    ],
)
def test_first_names_that_are_also_legal_words(text, expected):
    assert [(a.cue, a.speaker) for a in extract_from_text(text, "en")] == expected


@pytest.mark.parametrize(
    "language, text, speaker",
    [
        # an inverted speaker opening with a title in lower case
        ("en", "“Prices will rise,” said economist Jane Doe.", "economist Jane Doe"),
        # abbreviated titles and company forms keep their period; a party and state in parentheses belong to the name
        ("en", "Sen. Lindsey Graham said the aid would come.", "Sen. Lindsey Graham"),
        ("en", "However, Rep. Stephen Lynch (D-Mass.) said the committee had overstepped.", "Rep. Stephen Lynch (D-Mass.)"),
        ("en", "Boeing Co. said deliveries fell in March.", "Boeing Co."),
        ("ru", "Министерство обороны (Минобороны) заявило, что атака отражена.", "Министерство обороны (Минобороны)"),
        # a news site named by its domain is one word and a speaker; "Ранее" opening the sentence is not
        ("ru", "Ранее 5-tv.ru сообщал, что два поселка остались без света.", "5-tv.ru"),
        ("ru", "Ранее Lenta.ru сообщала, что два поселка остались без света.", "Lenta.ru"),
        ("en", "Earlier, Axios.com reported that the talks had stalled.", "Axios.com"),
        # after a comma only a title or a name goes on naming the speaker, not the clause that follows
        ("ru", "По словам адвоката, в ближайшие дни суд рассмотрит жалобу россиянина Ивана Петрова.", "адвоката"),
        ("ru", "Об этом заявил военный эксперт, полковник в отставке Виктор Лисицын.", "военный эксперт, полковник в отставке Виктор Лисицын"),
        ("en", "“We are not at war with Russia,” said spokesman John Kirby.", "spokesman John Kirby"),
        # an Arabic title followed by the name, and no conjunction in the speaker
        ("ar", "وقال الخبير الاقتصادي محمد أحمد إن الأسعار سترتفع.", "الخبير الاقتصادي محمد أحمد"),
        ("ar", "فالاحتلال يتهم المقاومة بخرق الهدنة.", "الاحتلال"),
        # not "both sides": a relative clause stands between the subject and its verb
        ("en", "Turkish Foreign Minister Hakan Fidan, whose country co-mediated the deal, urged both sides to show restraint.", "Turkish Foreign Minister Hakan Fidan"),
    ],
)
def test_titles_and_names(language, text, speaker):
    assert [a.speaker for a in extract_from_text(text, language)] == [speaker]


@pytest.mark.parametrize(
    "language, text, outlet_country, expected",
    [
        # the bare surname names the analyst quoted without a name; "собеседник" is that analyst again
        ("ru", "Запасы газа в Европе тают, напомнил политолог. «Зима будет тяжёлой», — подчеркнул Сомов.\n\nТакже, уточнил собеседник, цены продолжат расти.",
         None, [("политолог", "RU", "expert"), ("Сомов", "RU", "expert"), ("собеседник", "RU", "expert")]),
        ("en", "Gas stocks in Europe are shrinking, the analyst noted. “Winter will be hard,” Hollis stressed.",
         "US", [("the analyst", "US", "expert"), ("Hollis", "US", "expert")]),
        # a surname the article gives with a first name is that person, not the unnamed analyst
        ("en", "An analyst noted that the front was stuck. Defence writer Brandon Hale spoke at length on Monday. “Kyiv cannot win,” Hale said.",
         "US", [("An analyst", "US", "expert"), ("Hale", "US", "other")]),
        # a surname the article introduces with a role is that person (a deputy: an official), not the analyst
        ("ru", "Запасы газа в Европе тают, напомнил политолог. Депутат Сомов раньше спорил с ним.\n\n«Зима будет тяжёлой», — подчеркнул Сомов.",
         None, [("политолог", "RU", "expert"), ("Сомов", "RU", "official")]),
    ],
)
def test_a_bare_surname_names_the_unnamed_analyst(language, text, outlet_country, expected):
    found = extract_from_text(text, language, outlet_country=outlet_country)
    assert [(a.speaker, a.side, a.speaker_type) for a in found] == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("ru", "«Санкции ударят по самой Европе», — заявил политолог Андрей Смирнов."),
        ("ar", "وقال الخبير الاقتصادي محمد أحمد إن الأسعار سترتفع."),
        ("en", "“Prices will rise,” said economist Jane Doe."),
    ],
)
def test_an_expert_of_unknown_affiliation_takes_the_outlets_country(language, text):
    # with no outlet country: Russian texts are presumed Russian, Arabic ones OTHER, English ones unknown
    presumed = {"ru": "RU", "ar": "OTHER", "en": "UNKNOWN"}[language]
    assert [a.side for a in extract_from_text(text, language)] == [presumed]
    for country in ("RU", "US", "OTHER"):
        assert [a.side for a in extract_from_text(text, language, outlet_country=country)] == [country]
    articles = pd.DataFrame({"article_id": ["a"], "language": [language], "text": [text], "outlet_country": ["RU"]})
    assert extract_attributions(articles)["side"].tolist() == ["RU"]
    # the analyst reports the deputy's words: he does not continue the deputy's identity
    reported = "Бывший депутат Верховной рады Украины Илья Кива говорил о счетах в Коста-Рике, напомнил политолог."
    assert [a.side for a in extract_from_text(reported, "ru", outlet_country="RU")] == ["UA", "RU"]
    plural = "“Prices will rise,” economists said."
    assert [a.side for a in extract_from_text(plural, "en", outlet_country="US")] == ["UNKNOWN"]  # "experts" stay unknown


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "“He represents our greatest shame.” ― Sonya Herridge\n“Trump said we live in hell.” ― Pamela Padilla.\n\nThe poll closed on Friday.",
         [("―", "Sonya Herridge", "He represents our greatest shame."), ("―", "Pamela Padilla", "Trump said we live in hell.")]),
        ("ru", "«Запад боится правды» — Мария Захарова\nБрифинг продлился час.", [("—", "Мария Захарова", "Запад боится правды")]),
        ("ar", "«الغرب يخشى الحقيقة» — ماريا زاخاروفا\nواستمر المؤتمر ساعة.", [("—", "ماريا زاخاروفا", "الغرب يخشى الحقيقة")]),
        # a dash that goes on with the sentence, or a lower-case description, signs nothing
        ("en", "“It was a long night” - the mayor\nThe city slept.", []),
    ],
)
def test_a_quotation_signed_with_a_dash_and_a_name(language, text, expected):
    found = extract_from_text(text, language)
    assert [(a.cue, a.speaker, a.content) for a in found] == expected
    assert all(a.quote_type == "direct" and a.cue_class == "neutral" for a in found)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # reports with no source are a hedge, not a speaker (CODEBOOK.md section 2)
        ("en", "Media reports say the talks collapsed.", []),
        ("ar", "وتشير تقارير إلى اكتمال أعمال البناء في السد.", []),
        ("ru", "Сообщения СМИ говорят о провале переговоров.", []),
        # a live blog's time stamp before a speaker's colon
        ("en", "12:05 Peskov: the talks are over.", [(":", "Peskov")]),
        ("ru", "12:05 Песков: переговоры окончены.", [(":", "Песков")]),
        ("ar", "22:49 وسائل إعلام محلية: الانفجار دمر المرفأ.", [(":", "وسائل إعلام محلية")]),
        # نقل عن with one cue: the source speaks; with a second cue (قوله) the outlet keeps نقل
        ("ar", "وكان موقع بلومبيرغ نقل -عن مصدرين وصفهما بالمطلعين- أن الرئيس وقع على العقوبات.", [("نقل", "مصدرين وصفهما بالمطلعين")]),
        ("ar", "ونقلت وكالة تاس عن مصدر في وزارة الخارجية الروسية قوله إن المحادثات ستستأنف، مشيرا إلى أن موسكو مستعدة.",
         [("نقلت", "وكالة تاس"), ("قوله", "مصدر في وزارة الخارجية الروسية"), ("مشيرا", "مصدر في وزارة الخارجية الروسية")]),
    ],
)
def test_sources_relays_and_reports(language, text, expected):
    assert [(a.cue, a.speaker) for a in extract_from_text(text, language)] == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("ru", "Евросоюз заявил о поддержке властей Молдавии. Оппозиционный политик Василий Боля заявил, что в Молдавии растут цены, а Кишинёв игнорирует оппозицию."),
        ("ar", "وقال الاتحاد الأوروبي إنه يدعم حكومة مولدوفا. وقال السياسي المعارض فاسيلي بوليا إن الأسعار في مولدوفا ترتفع وإن كيشيناو تتجاهل المعارضة."),
    ],
)
def test_a_politician_of_unknown_side_belongs_to_the_country_the_paragraph_is_about(language, text):
    """Not to the side of the body quoted before him: a Moldovan opposition politician is OTHER, not WEST."""
    assert [a.side for a in extract_from_text(text, language)] == ["WEST", "OTHER"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("ar", "وقال متحدث باسم وزارة الدفاع الألمانية إن الفرقاطة جاهزة للمساعدة.\n\nمسؤول في وزارة الاقتصاد اللبنانية أشرف على نقل الطحين من الميناء. وأكد المسؤول للتلفزيون أن المخزون يكفي شهرا."),
        ("en", "A spokesman for the German defence ministry said a frigate was ready to help.\n\nA Lebanese economy ministry official oversaw the transfer of flour from the port. The official told LBC that stocks would last a month."),
        ("ru", "Представитель министерства обороны Германии заявил, что фрегат готов помочь.\n\nЧиновник ливанского министерства экономики руководил вывозом муки из порта. Чиновник заявил телеканалу, что запасов хватит на месяц."),
    ],
)
def test_a_role_noun_continues_the_nearer_unquoted_mention_not_the_last_speaker(language, text):
    """"The official" is the Lebanese official just described, not the German spokesman quoted before."""
    assert [a.side for a in extract_from_text(text, language)] == ["WEST", "OTHER"]


def test_anonymity_clause_does_not_hide_the_source():
    text = "ونقلت الوكالة عن مسؤول، طلب عدم ذكر اسمه، قوله إن المحادثات ستستأنف."
    found = extract_from_text(text, "ar")
    # the agency relays (its own cue, CODEBOOK.md) and the official speaks
    assert [(a.cue, a.speaker) for a in found] == [("نقلت", "الوكالة"), ("قوله", "مسؤول")]


def test_omitted_subjects_take_the_speaker_their_verb_agrees_with():
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار. وقالت المتحدثة باسم الخارجية ماريا زاخاروفا إن الغرب يماطل. وأضافت أن العقوبات لن تغير موقف روسيا."
    found = extract_from_text(text, "ar")
    added = next(a for a in found if a.cue.endswith("أضافت"))
    assert added.actor == "Maria Zakharova" and added.side == "RU"


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # a broken plural heads a plural phrase; a plural verb carries its subject, the noun after it is the object
        ("ar", "طالب رؤساء الوزراء السابقون في لبنان بتحقيق دولي في انفجار المرفأ. كما طالبوا الأجهزة الأمنية بالتعاون مع المحققين.",
         [("طالب", "رؤساء الوزراء السابقون", "OTHER"), ("طالبوا", "رؤساء الوزراء السابقون", "OTHER")]),
        # the subject ends at its definite word before a suffixed noun (the object "دعمهم")
        ("ar", "أكد وزراء خارجية دول الخليج دعمهم للحل السياسي، وأضافوا أن الحوار هو السبيل الوحيد.",
         [("أكد", "وزراء خارجية دول الخليج", "UNKNOWN"), ("أضافوا", "وزراء خارجية دول الخليج", "UNKNOWN")]),
        ("en", "Former Lebanese prime ministers demanded an international inquiry into the port blast. They also urged the security services to cooperate with investigators.",
         [("demanded", "Former Lebanese prime ministers", "OTHER"), ("urged", "Former Lebanese prime ministers", "OTHER")]),
        # a demand by people is speech even with no content clause; "ремонт потребовал денег" is not
        ("ru", "Бывшие премьер-министры Ливана потребовали международного расследования взрыва в порту. Также они призвали силовые ведомства сотрудничать со следствием.",
         [("потребовали", "Бывшие премьер-министры Ливана", "OTHER"), ("призвали", "Бывшие премьер-министры Ливана", "OTHER")]),
        ("ru", "Песков потребовал провести расследование. Ремонт моста потребовал больших денег.", [("потребовал", "Песков", "RU")]),
    ],
)
def test_plural_speakers_continue_and_demands(language, text, expected):
    found = extract_from_text(text, language)
    assert [(a.cue.removeprefix("و"), a.speaker, a.side) for a in found] == expected


def test_an_omitted_russian_subject_is_not_the_one_spoken_to():
    """"с Зеленским", "Зеленскому" (instrumental, dative) are not who speaks next; Orbán is."""
    text = "Это первый визит Виктора Орбана в Киев. Он не стал обниматься с Зеленским. А начал с главного — предложил Зеленскому прекратить огонь."
    found = extract_from_text(text, "ru")
    assert [(a.actor, a.side) for a in found] == [("Viktor Orbán", "WEST")]


def test_russian_pronoun_follows_gender():
    text = "Глава МИД России Сергей Лавров встретился с министром иностранных дел Венгрии Петером Сийярто. «Мы обсудили поставки газа», — сказал он."
    said = next(a for a in extract_from_text(text, "ru") if a.cue == "сказал")
    assert said.actor in ("Sergei Lavrov", "Péter Szijjártó") and said.quote_type == "direct"


def test_contract_columns_and_offsets():
    articles = pd.DataFrame(
        {
            "article_id": ["en1", "ru1", "ar1", "fr1"],
            "language": ["en", "ru", "ar", "other"],
            "text": [
                "Kremlin spokesman Dmitry Peskov told reporters the talks were useful.",
                "Как заявил Песков, переговоры были полезными.",
                "وقال بيسكوف إن المحادثات كانت مفيدة.",
                "Peskov a déclaré que les pourparlers étaient utiles.",
            ],
        }
    )
    spans = extract_attributions(articles)
    assert list(spans.columns) == ATTRIBUTION_COLUMNS
    assert sorted(spans["article_id"].unique()) == ["ar1", "en1", "ru1"]
    for row in spans.itertuples():
        text = articles.set_index("article_id").loc[row.article_id, "text"]
        assert text[row.cue_start : row.cue_end] == row.cue
        assert text[row.speaker_start : row.speaker_end] == row.speaker
        assert row.actor == "Dmitry Peskov"


def test_unbalanced_quotes_never_crash_or_pair_across_sentences():
    text = "Peskov said the talks were “useful. Lavrov told reporters that Moscow was ready. Zakharova added: «nothing more"
    found = extract_from_text(text, "en")
    assert [a.cue for a in found][:2] == ["said", "told"]
    assert all(a.quote_type != "direct" for a in found)


def test_pronoun_speakers_resolved_or_as_written():
    text = "Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow. He said the talks were useful."
    resolved = extract_from_text(text, "en")[-1]
    as_written = extract_from_text(text, "en", pronouns="as_written")[-1]
    assert resolved.speaker.endswith("Dmitry Peskov")
    assert as_written.speaker == "He" and text[as_written.speaker_start : as_written.speaker_end] == "He"
    assert resolved.actor == as_written.actor == "Dmitry Peskov" and as_written.side == "RU"
    with pytest.raises(ValueError, match="pronouns must be one of"):
        extract_from_text(text, "en", pronouns="keep")


@pytest.mark.parametrize(
    "language, text, speakers",
    [
        ("en", "Partial transcript follows:\n\n\"HOST: Will the senator attend the hearing tomorrow?\n\n\"MILLER: He will not. He has other plans.\n\n\"HOST: Why not?\n\n\"MILLER: The committee has not invited him.\"\n\nUPDATE: The hearing was postponed.",
         ["HOST", "MILLER", "HOST", "MILLER"]),
        ("ru", "Стенограмма беседы с Сергеем Лавровым:\n\n«ВЕДУЩИЙ: Будут ли переговоры на следующей неделе?\n\nЛАВРОВ: Мы к ним готовы. Решение за Киевом.\n\nВЕДУЩИЙ: А сроки?\n\nЛАВРОВ: Сроки не обсуждались».",
         ["ВЕДУЩИЙ", "ЛАВРОВ", "ВЕДУЩИЙ", "ЛАВРОВ"]),
    ],
)
def test_transcript_turns_are_colon_attributions(language, text, speakers):
    """Capitalised labels opening two or more lines are speakers; a single "UPDATE:" heading is not."""
    found = extract_from_text(text, language)
    assert [a.speaker for a in found if a.cue == ":"] == speakers
    assert all(a.content and not a.content.startswith(("«", '"')) and not a.content.endswith(("»", '"')) for a in found)
    # a label in capitals is the actor the article names ("ЛАВРОВ": Sergei Lavrov); an unknown one is no actor
    assert {a.actor for a in found if a.speaker in ("ЛАВРОВ", "MILLER")} == ({"Sergei Lavrov"} if language == "ru" else {""})


@pytest.mark.parametrize(
    "text, expected",
    [
        # "cite" by a person or body is speech; a cited document is not a speaker
        ("Trump cited his own endorsements from retired generals on Tuesday.", [("cited", "Trump")]),
        ("The figure cited in the report was never checked.", []),
        # "call" naming someone in quoted words is speech; calling a meeting or a person on the phone is not
        ('Trump called the senator a "nasty guy" at the rally.', [("called", "Trump")]),
        ("The mayor called a meeting for Friday.", []),
        ("Biden called Zelensky on Tuesday.", []),
    ],
)
def test_english_cite_and_naming_call(text, expected):
    assert [(a.cue, a.speaker) for a in extract_from_text(text, "en")] == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "Russian officials claimed gains near Bakhmut.\n\nIn the Kherson region, where Ukrainian forces have been advancing, the country's military said it had destroyed two depots.",
         [("Russian officials", "RU"), ("the country's military", "UA")]),
        ("ru", "Российские военные заявили об успехах под Бахмутом.\n\nВ Херсонской области, где наступают украинские войска, Генштаб страны заявил об уничтожении двух складов.",
         [("Российские военные", "RU"), ("Генштаб страны", "UA")]),
        # the subject after the verb, not the clause before the comma
        ("ar", "وقالت وزارة الدفاع الروسية إن قواتها تقدمت.\n\nوفي منطقة خيرسون حيث تتقدم القوات الأوكرانية، قال جيش البلاد إنه دمر مستودعين.",
         [("وزارة الدفاع الروسية", "RU"), ("جيش البلاد", "UA")]),
    ],
)
def test_the_countrys_military_belongs_to_the_place_just_named(language, text, expected):
    """Not to the side of the last body quoted: "the country's military" after "Ukrainian forces" is Ukrainian."""
    assert [(a.speaker, a.side) for a in extract_from_text(text, language)] == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # the outlet is named but its sources speak; "the site" then is the outlet again
        ("ar", "وكان موقع بلومبيرغ نقل عن مصدرين مطلعين أن الرئيس وقع على العقوبات. وأوضح الموقع أن العقوبات جاءت بسبب شراء المنظومة.",
         ("الموقع", "Bloomberg", "US")),
        ("en", "The Financial Times reported the talks had stalled. The newspaper said Turkish officials had walked out.",
         ("The newspaper", "Financial Times", "WEST")),
        ("ru", "Об этом сообщила газета «Известия». Как уточняет издание, переговоры сорваны.", ("издание", "Izvestia", "RU")),
    ],
)
def test_the_paper_is_the_outlet_named_just_before(language, text, expected):
    last = extract_from_text(text, language)[-1]
    assert (last.speaker, last.actor, last.side) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after a document noun, ل names its author; after the verb it names the listener
        ("وقال تقرير لصحيفة نيويورك تايمز إن المحادثات تعثرت.", ("تقرير لصحيفة نيويورك تايمز", "US")),
        ("وذكر تقرير لوكالة رويترز أن الشحنات توقفت.", ("تقرير لوكالة رويترز", "WEST")),
        ("وقال الوزير الروسي لصحيفة نيويورك تايمز إن المحادثات تعثرت.", ("الوزير الروسي", "RU")),
    ],
)
def test_an_arabic_report_by_an_outlet(text, expected):
    found = extract_from_text(text, "ar")
    assert [(a.speaker, a.side) for a in found] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # AP's party designation between commas stays in the speaker and marks a US legislator
        ("The alliance met in Brussels. State Senator Tom Reyes, D-N.M., said the aid package would pass.", ("State Senator Tom Reyes, D-N.M.", "US")),
        ("Rep. Ann Wong, R-Texas, told reporters the vote was close.", ("Rep. Ann Wong, R-Texas", "US")),
        # a role before a nationality word is no body named by them: the speaker is not lost
        ("The alliance met in Brussels. Majority Leader Chuck Schumer said the aid would pass.", ("Majority Leader Chuck Schumer", "US")),
    ],
)
def test_us_legislators_in_ap_style(text, expected):
    last = extract_from_text(text, "en")[-1]
    assert (last.speaker, last.side) == expected


@pytest.mark.parametrize(
    "language, text, speaker_type",
    [
        # a place word and a personal name: a person, not the state speaking
        ("en", "Minnesota Democrat Ilhan Omar said the bill was cruel.", "other"),
        ("ru", "Техасец Джон Миллер заявил, что граница закрыта.", "other"),
        # a place named inside the phrase is not the speaker: the singer is
        ("ru", "Переехавшая в Россию украинская певица Таисия Повалий пожаловалась на травлю.", "other"),
        ("en", "Moscow said the talks were over.", "institution"),
        ("ru", "Российская сторона заявила, что переговоры окончены.", "institution"),
    ],
)
def test_a_name_after_a_place_word_is_a_person(language, text, speaker_type):
    assert [a.speaker_type for a in extract_from_text(text, language)] == [speaker_type]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Kyiv, Ukraine — Russian missiles hit the city overnight, Russian officials said the targets were military. Russian troops shelled the outskirts again. Resident Maryna lost her kitchen window. “We are tired,” Maryna told us."),
        ("ru", "КИЕВ — Российские ракеты ударили по городу, российские военные заявили о военных целях. Российские войска снова обстреляли окраины. Жительница Марина осталась без окон. «Мы устали», — рассказала Марина."),
        ("ar", "كييف (رويترز) - قصفت صواريخ روسية المدينة ليلا، وقال مسؤولون روس إن الأهداف عسكرية. وقصفت القوات الروسية الضواحي مجددا. وقالت إحدى السكان إنها فقدت نوافذ بيتها."),
    ],
)
def test_residents_are_where_the_dateline_puts_the_reporter(language, text):
    """A resident quoted in a report datelined Kyiv is Ukrainian, though the article names Russians more often;
    "Maryna" is a citizen because the text introduced her as "Resident Maryna". The dateline is found in the
    text as the cleaning finds it, or taken from the ``dateline`` column once cleaning has moved it there."""
    found = extract_from_text(text, language)
    assert [(a.side, a.speaker_type) for a in found][-1] == ("UA", "citizen")
    assert found[0].side == "RU"
    cleaned = clean_text(text, language)
    assert cleaned.dateline
    body = "\n\n".join(cleaned.paragraphs)
    articles = pd.DataFrame({"article_id": ["a"], "language": [language], "text": [body], "dateline": [cleaned.dateline]})
    assert extract_attributions(articles)["side"].tolist()[-1] == "UA"
    assert extract_from_text(body, language)[-1].side != "UA"  # without the dateline nothing says Kyiv


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Kyiv insists the offensive was unprovoked and has denied claims it was planning an attack."),
        ("en", "The West, meanwhile, continues to send heavy weapons to Ukraine."),
        ("en", "Most of the grain is said to be destined for livestock."),
        ("en", "Moscow has recognized the two regions as sovereign states."),
        ("en", "In 2019, a wide-ranging piece of legislation called “On the state language” was adopted."),
        ("en", "Battlefield commanders tell us the front is holding."),
        ("ru", "Эксперт заявил, что война затянется. Читайте также на РИА Новости Крым: Польша готовит войска."),
        ("ar", "وهي وسيلة للاحتيال على المستثمرين من خلال وعدهم بالحصول على عوائد مرتفعة."),
        ("ar", "نشرت في: ذكر صندوق الاستثمار الروسي يوم السبت أن تونس أصبحت ثالث دولة تسجل اللقاح."),
    ],
)
def test_words_that_look_like_reports_but_are_not(language, text):
    """Each text holds at most one real report; the look-alikes ("claims" after "denied", "continues to",
    "said to be", "recognized as", "called “...”" naming a law, "Читайте также:", "من خلال وعدهم",
    "نشرت في:") add none, and "us" is not the United States."""
    found = extract_from_text(text, language)
    real = {"Kyiv insists": ["insists", "denied"], "Battlefield": ["tell"], "Эксперт": ["заявил"], "نشرت": ["ذكر"]}
    expected = next((cues for opening, cues in real.items() if text.startswith(opening)), [])
    assert [a.cue for a in found] == expected
    assert all(a.side != "US" for a in found)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # an apposition between commas before "said": the name before it speaks, not the clause after
        ("en", "Taras Chmut, head of the Come Back Alive foundation, said the army needed more drones.",
         ("Taras Chmut, head of the Come Back Alive foundation", "Taras Chmut", "expert")),
        ("en", "Ukraine lost ground near Bakhmut, said the army.", ("the army", "", "institution")),
        # "May" in a name is no modal verb
        ("en", "Theresa May said the deal was done.", ("Theresa May", "Theresa May", "official")),
        # a progressive "was citing" has its subject before it, and "It seems" is no part of it
        ("en", "It seems Trump was citing a theory from right-wing forums.", ("Trump", "Donald Trump", "other")),
        # "former" makes a former official "other", not an analyst who once served
        ("ru", "Бывший американский разведчик Скотт Риттер заявил, что Киев проиграет.",
         ("Бывший американский разведчик Скотт Риттер", "Scott Ritter", "expert")),
        ("en", "Former Turkish Prime Minister Ahmet Davutoglu said the deal was dead.",
         ("Former Turkish Prime Minister Ahmet Davutoglu", "Ahmet Davutoğlu", "other")),
    ],
)
def test_appositions_and_former_titles(language, text, expected):
    found = extract_from_text(text, language, year=2024)
    assert [(a.speaker, a.actor, a.speaker_type) for a in found] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # نادي is also "club": the verb counts only with its بـ demand in the same clause
        ("وفي وقت سابق من الأسبوع، قام جان روسو، قائد نادي سكوكوزا للغولف داخل الحديقة، بإغلاق الملعب.", []),
        ("ونادى وزير الخارجية بضرورة وقف إطلاق النار فورا.", [("نادى", "وزير الخارجية")]),
        # a relay's source ends before "القول"/"قوله" (the saying)
        ("ونقل عن أبو ركن القول خلال حفل التنصيب إن المساعدات ستصل.", [("نقل", "أبو ركن")]),
    ],
)
def test_arabic_club_and_relayed_saying(text, expected):
    assert [(a.cue.removeprefix("و"), a.speaker) for a in extract_from_text(text, "ar")] == expected
