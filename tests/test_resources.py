"""Language resources: valid, and every language fills every category."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from framing.codebook import CUE_CLASSES, SIDES, SPEAKER_TYPES
from framing.extract.lexicon import load_lexicon
from framing.resources import load_resource
from framing.text.normalize import normalize_word

LANGUAGES = ("ar", "en", "ru")


@pytest.mark.parametrize("language", LANGUAGES)
def test_cue_lexicon_fills_every_class(language):
    lexicon = load_lexicon(language)
    classes = {form.cue_class for forms in lexicon.single.values() for form in forms}
    classes |= {form.cue_class for forms in lexicon.phrases.values() for form in forms}
    assert classes == set(CUE_CLASSES)
    assert lexicon.lemmas >= 150
    grammar = lexicon.grammar
    for name in ("complementizers", "negations", "non_speech_before", "listener_words", "pronouns", "possessives", "skip_before", "stop_after", "relatives"):
        assert getattr(grammar, name), f"{language} grammar lacks {name}"


def test_a_cue_form_has_one_class_per_language():
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for spec in load_resource("cues")["cue"]:
        for group in ("verbs", "participles", "phrases"):
            for forms in spec.get(group, {}).values():
                for form in forms:
                    seen[(spec["language"], normalize_word(form, spec["language"]))].add(spec["class"])
    clashes = {key: classes for key, classes in seen.items() if len(classes) > 1}
    assert len(clashes) <= 0.01 * len(seen), sorted(clashes.items())[:10]


def test_actors_gazetteer_is_complete_and_consistent():
    actors = load_resource("actors")["actor"]
    assert len(actors) >= 200
    names = Counter(a["name"] for a in actors)
    assert max(names.values()) == 1
    for actor in actors:
        assert actor["side"] in SIDES and actor["type"] in SPEAKER_TYPES, actor["name"]
        for language in LANGUAGES:
            assert actor["names"].get(language), f"{actor['name']} lacks {language} names"
    required = {"Russia", "United States", "Ukraine", "Kremlin", "White House", "Pentagon", "US State Department", "Russian Foreign Ministry", "NATO", "European Union", "United Nations", "OSCE"}
    assert required <= set(names)


def test_no_actor_name_form_belongs_to_two_sides():
    """actors.toml rule 7: a name form found in a text must not point to speakers of different sides."""
    sides: dict[tuple[str, str], set[str]] = defaultdict(set)
    for actor in load_resource("actors")["actor"]:
        for language in LANGUAGES:
            for form in actor["names"].get(language, []):
                sides[(language, " ".join(normalize_word(word, language) for word in form.split()))].add(actor["side"])
    clashes = sorted((key, sorted(found)) for key, found in sides.items() if len(found) > 1)
    assert not clashes, clashes


def test_affiliations_cover_every_language():
    data = load_resource("affiliations")
    for entry in data["nationality"] + data["role"]:
        for language in LANGUAGES:
            assert entry.get(language), f"{entry.get('name', entry.get('lemma'))} lacks {language}"
    assert {n["side"] for n in data["nationality"]} >= {"US", "RU", "UA", "WEST", "OTHER"}
