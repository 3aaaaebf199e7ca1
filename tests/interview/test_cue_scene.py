"""Who was there, where and when, and what was seen: notes as clinicians and patients type them,
with the people who only told the clinician, the things that keep a patient well, the dates that
only measure, the shorthand and the slang."""

from __future__ import annotations

import pytest

from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import load_lexicon
from assistant.interview.template import Template, load_template
from assistant.settings import PROJECT_ROOT

PROMPTS = PROJECT_ROOT / "prompts"


@pytest.fixture(scope="module")
def template() -> Template:
    return load_template(PROMPTS)


@pytest.fixture(scope="module")
def extractor(template: Template) -> CueExtractor:
    return CueExtractor(load_lexicon(PROMPTS, template.situation_ids()), embedder=None)


def cues(extractor: CueExtractor, template: Template, question_id: str, text: str) -> set:
    question = template.question(question_id)
    assert question is not None
    return {(c.category, c.text) for c in extractor.extract(text, question, episode=1)}


def of(found: set, category: str) -> set:
    return {text for kind, text in found if kind == category}


def test_cue_reporter_the_mum_who_tells_the_clinician_was_not_there(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "His mum says he's worse after seeing his dad in the nursing home; his wife reports "
        "the same.",
    )
    assert "dad" in {p.split()[-1] for p in of(found, "people")}
    assert not {p for p in of(found, "people") if "mum" in p or "wife" in p or "partner" in p}
    hearsay = cues(
        extractor, template, "routine", "Sunday evenings, according to his sister, on his own."
    )
    assert not {p for p in of(hearsay, "people") if "sister" in p}
    # a dealer's words are the dealer's signal: the dealer is a cue whoever reports it
    dealer = cues(extractor, template, "before_craving", "Dealer said he had some in.")
    assert of(dealer, "people")


def test_cue_protective_the_pool_that_keeps_him_right_sets_no_scene(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "routine",
        "Swimming at the leisure centre in the mornings keeps him right. Evenings in the flat "
        "are the problem.",
    )
    assert "morning" not in of(found, "time") and "evening" in of(found, "time")
    assert of(found, "place") == {"home"}
    lovely = cues(
        extractor,
        template,
        "before_craving",
        "Had a lovely day with the grandkids at the beach. Then it hit on the bus home.",
    )
    assert not of(lovely, "people")
    assert of(lovely, "place") == {"train or bus"}


def test_cue_since_a_place_or_time_it_dates_from_is_no_scene(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "Hasn't seen the old crowd since rehab. Not been in a pub since March, it was the "
        "argument with his landlord that did it.",
    )
    assert not of(found, "place")
    assert "argument" in of(found, "event")
    nights = cues(extractor, template, "body", "c/o insomnia x3 nights, nausea")
    assert not of(nights, "time") and "poor sleep" in of(nights, "body")


def test_cue_perceived_the_van_she_heard_is_a_sound_and_the_stairwell_a_place(
    extractor: CueExtractor, template: Template
) -> None:
    heard = cues(extractor, template, "before_craving", "Hearing the ice cream van outside.")
    assert not of(heard, "place")
    assert any("ice cream van" in s for s in of(heard, "sensory"))
    smelt = cues(extractor, template, "before_craving", "Smelt skunk on the stairwell.")
    assert of(smelt, "place")  # the stairwell is where he was; the skunk what he smelt
    assert not {s for s in of(smelt, "sensory") if "stairwell" in s}


def test_cue_shorthand_tbh_and_pt_neither_hide_the_shop_nor_become_a_feeling(
    extractor: CueExtractor, template: Template
) -> None:
    shop = cues(extractor, template, "where", "walking past the big Tesco tbh")
    assert "shop" in of(shop, "place")
    pub = cues(
        extractor, template, "routine", "Fri after work, straight to Wetherspoons w/ the lads"
    )
    assert "pub" in of(pub, "place")
    assert (
        cues(extractor, template, "feeling", "No particular feeling, pt denies low mood.") == set()
    )


def test_cue_body_slang_in_a_withdrawal_note_is_all_body(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "body",
        "RLS, can't sleep, teeth were grinding, he'd gone grey, stomach like a knot and his "
        "hands wouldn't stop shaking",
    )
    assert {"restless", "poor sleep", "tension", "pale", "shaky"} <= of(found, "body")


def test_cue_time_shorthand_sat_nite_and_the_footy(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "routine", "sat nite after the footy, or around midnight")
    assert {"Saturday night", "late night"} <= of(found, "time")
    assert "watching sport" in of(found, "event")
    assert "weekend" in of(cues(extractor, template, "routine", "every wkend"), "time")


def test_cue_bought_the_cans_he_buys_are_the_use_not_a_drink_in_sight(
    extractor: CueExtractor, template: Template
) -> None:
    bought = cues(extractor, template, "routine", "Stops at the garage on the way home, buys cans.")
    assert not of(bought, "sensory") and "garage" in of(bought, "place")
    seen = cues(extractor, template, "before_craving", "The cans in the fridge, staring at me.")
    assert "drink in sight" in of(seen, "sensory")


def test_cue_thought_of_his_family_back_home_were_not_there_and_he_had_earned_one(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "Alone in the flat, thinking about my mum and my brothers back in Lagos. Then, well, "
        "I've earned one.",
    )
    assert of(found, "people") == {"alone"}
    assert "I deserve it" in of(found, "thought")
