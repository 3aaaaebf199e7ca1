"""Free-text answers as clinicians type them, turned into tagged cues."""

from __future__ import annotations

import pytest

from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import load_lexicon
from assistant.interview.template import Template, load_template
from assistant.retrieval.embedder import SentenceTransformerEmbedder
from assistant.settings import PROJECT_ROOT

PROMPTS = PROJECT_ROOT / "prompts"


@pytest.fixture(scope="module")
def template() -> Template:
    return load_template(PROMPTS)


@pytest.fixture(scope="module")
def lexicon_only(template: Template) -> CueExtractor:
    return CueExtractor(load_lexicon(PROMPTS, template.situation_ids()), embedder=None)


def cues_of(extractor: CueExtractor, template: Template, question_id: str, text: str) -> set:
    question = template.question(question_id)
    assert question is not None
    return {(c.category, c.text) for c in extractor.extract(text, question, episode=1)}


ANSWERS = [
    (
        "before_craving",
        "Friday nights after payday at the pub with old mates, feeling lonely and shaky",
        {
            ("time", "Friday night"),
            ("event", "payday"),
            ("place", "pub"),
            ("people", "old mates"),
            ("emotion", "lonely"),
            ("body", "shaky"),
        },
    ),
    (
        "before_craving",
        "Had a massive row with my ex on the phone, then sat alone in the car outside the offy",
        {
            ("event", "argument"),
            ("people", "ex"),
            ("people", "alone"),
            ("place", "car"),
            ("place", "off-licence"),
        },
    ),
    (
        "feeling",
        "Bored and fed up, nothing to do on a Sunday afternoon",
        {("emotion", "bored"), ("emotion", "low"), ("time", "Sunday afternoon")},
    ),
    (
        "body",
        "Clucking - sweats, aching legs, couldn't sit still",
        {("body", "withdrawal"), ("body", "sweating"), ("body", "pain"), ("body", "restless")},
    ),
    ("where", "At my mate's flat where we always used to score", {("place", "friend's place")}),
    ("who", "On my own mostly, sometimes my brother", {("people", "alone"), ("people", "brother")}),
    (
        "routine",
        "Straight after my shift on a Thursday, around 6pm",
        {("time", "after work"), ("time", "Thursday"), ("time", "6pm")},
    ),
    (
        "thoughts",
        "I told myself I deserve it and no one would know",
        {("thought", "I deserve it"), ("thought", "no one would know")},
    ),
    (
        "before_craving",
        "Got offered a line at a leaving do by a workmate",
        {("event", "being offered"), ("event", "party"), ("people", "workmates")},
    ),
    (
        "feeling",
        "denies feeling low, says he was happy, celebrating a win on the horses",
        {("emotion", "happy"), ("event", "good news")},
    ),
    (
        "body",
        "Tight chest, heart racing, hadn't slept",
        {("body", "tension"), ("body", "racing heart"), ("body", "poor sleep")},
    ),
    (
        "before_craving",
        "Walking past the bookies on benefits day with cash in my pocket",
        {
            ("event", "passing a place they used"),
            ("place", "betting shop"),
            ("event", "payday"),
            ("sensory", "cash in pocket"),
        },
    ),
    (
        "before_craving",
        "Smell of weed at a party, everyone drinking",
        {
            ("sensory", "smell of alcohol or smoke"),
            ("event", "party"),
            ("sensory", "seeing others use"),
        },
    ),
    (
        "before_craving",
        "Got a call from an old drinking mate, watching the match with the lads",
        {
            ("event", "a call or message"),  # not "from a dealer": the answer does not say so
            ("people", "drinking buddies"),
            ("event", "watching sport"),
            ("people", "old mates"),
        },
    ),
    (
        "feeling",
        "Anxious about the court date next week and ashamed",
        {("emotion", "anxious"), ("event", "bad news"), ("emotion", "ashamed")},
    ),
    (
        "routine",
        "Late at night once the kids are in bed",
        {("time", "late night"), ("time", "bedtime")},
    ),
    (
        "before_craving",
        "Dealer texted me out of the blue when I was stressed at work",
        {("event", "contact from a dealer"), ("emotion", "stressed"), ("place", "work")},
    ),
    ("feeling", "not angry, just empty and numb", {("emotion", "empty")}),
    (
        "vulnerability",
        "Hungover and skipped meals, bad back",
        {("body", "hungover"), ("body", "hungry"), ("body", "pain")},
    ),
    ("where", "Dave's boat", {("place", "dave's boat")}),  # the answer is the place
    ("where", "Dave's garage", {("place", "garage")}),  # a garage the lexicon knows
    ("who", "don't know", set()),
    ("what_next", "went to the pub and rang the dealer", set()),
]


@pytest.mark.parametrize(("question_id", "text", "expected"), ANSWERS)
def test_cues_from_real_sounding_answers(
    lexicon_only: CueExtractor,
    template: Template,
    question_id: str,
    text: str,
    expected: set,
) -> None:
    assert cues_of(lexicon_only, template, question_id, text) == expected


def test_cues_carry_kind_and_idts_situation_tags(
    lexicon_only: CueExtractor, template: Template
) -> None:
    text = "Row with my partner on payday, then drinking buddies kept offering, felt shaky"
    found = {
        c.text: c
        for c in lexicon_only.extract(text, template.question("before_craving"), episode=2)
    }
    assert found["argument"].situation_tags == ["conflict_with_others"]
    assert found["payday"].situation_tags == ["urges_and_temptations"]
    assert found["being offered"].situation_tags == ["social_pressure_to_use"]
    assert found["drinking buddies"].situation_tags == ["social_pressure_to_use"]
    assert found["shaky"].situation_tags == ["physical_discomfort"]
    assert found["shaky"].kind == "internal" and found["payday"].kind == "external"
    assert {c.episode for c in found.values()} == {2}
    assert {c.question_id for c in found.values()} == {"before_craving"}


def test_cues_negation_reaches_only_its_own_clause(
    lexicon_only: CueExtractor, template: Template
) -> None:
    found = cues_of(
        lexicon_only, template, "feeling", "wasn't lonely or anxious, but angry and bored"
    )
    assert found == {("emotion", "angry"), ("emotion", "bored")}


def test_cues_answer_itself_is_the_cue_only_where_the_question_says_so(
    lexicon_only: CueExtractor, template: Template
) -> None:
    assert cues_of(lexicon_only, template, "body", "hot flushes") == {("body", "hot flushes")}
    assert cues_of(lexicon_only, template, "before_craving", "hot flushes") == set()


@pytest.fixture(scope="module")
def with_model(template: Template) -> CueExtractor:
    lexicon = load_lexicon(PROMPTS, template.situation_ids())
    return CueExtractor(lexicon, SentenceTransformerEmbedder())


@pytest.mark.model
def test_cues_the_model_names_a_phrase_the_lexicon_misses_by_its_nearest_entry(
    with_model: CueExtractor, template: Template
) -> None:
    question = template.question("before_craving")
    [found] = with_model.extract("the rent was due", question, episode=1)
    assert (found.category, found.text, found.source) == ("event", "money worries", "model")
    assert (found.wording, found.situation_tags) == ("rent was due", ["unpleasant_emotions"])


@pytest.mark.model
@pytest.mark.parametrize("text", ["he went", "walking down the long road by the river"])
def test_cues_the_model_never_makes_a_cue_of_a_bare_verb_or_a_street_description(
    with_model: CueExtractor, template: Template, text: str
) -> None:
    assert with_model.extract(text, template.question("before_craving"), episode=1) == []


@pytest.mark.model
@pytest.mark.parametrize("text", ["it was raining and he said nothing", "watching the telly"])
def test_cues_the_model_leaves_unrelated_phrases_alone(
    with_model: CueExtractor, template: Template, text: str
) -> None:
    assert with_model.extract(text, template.question("before_craving"), episode=1) == []


@pytest.mark.model
def test_cues_the_model_keeps_to_the_questions_categories(
    with_model: CueExtractor, template: Template
) -> None:
    found = with_model.extract("the rent was due", template.question("feeling"), episode=1)
    assert all(c.category == "emotion" for c in found)
