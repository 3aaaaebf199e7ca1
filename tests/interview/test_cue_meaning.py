"""Cues that respect what the clinician typed: words used otherwise, compounds, the absent,
and answers to "what were you thinking / feeling" that say nothing to tag."""

from __future__ import annotations

import pytest

from assistant.interview import InterviewService
from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import load_lexicon
from assistant.interview.models import NONE_FITS
from assistant.interview.template import Template, load_template
from assistant.retrieval.embedder import SentenceTransformerEmbedder
from assistant.settings import PROJECT_ROOT
from tests.interview.conftest import ALICE

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


def wordings(extractor: CueExtractor, template: Template, question_id: str, text: str) -> dict:
    question = template.question(question_id)
    assert question is not None
    return {c.text: c.wording for c in extractor.extract(text, question, episode=1)}


def test_cue_plurals_nobody_cares_puts_no_car_in_the_map(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "before_craving", "Nobody cares, so he waits for the buses")
    assert ("place", "car") not in found
    assert ("place", "train or bus") in found  # a true plural still counts


def test_cue_verbs_where_she_works_is_not_her_workplace(
    extractor: CueExtractor, template: Template
) -> None:
    assert cues(extractor, template, "where", "Out the back of the takeaway where she works") == {
        ("place", "takeaway")
    }
    assert ("place", "work") in cues(extractor, template, "before_craving", "Stuck at work late")


def test_cue_no_one_as_the_subject_of_a_thought_is_not_being_alone(
    extractor: CueExtractor, template: Template
) -> None:
    thought = cues(extractor, template, "thoughts", "Nobody cares what I do")
    assert ("people", "alone") not in thought
    assert {category for category, _ in thought} == {"thought"}
    assert cues(extractor, template, "who", "Nobody, just me and the telly") == {
        ("people", "alone")
    }


def test_cue_compounds_the_hospital_car_park_is_one_place_in_her_words(
    extractor: CueExtractor, template: Template
) -> None:
    said = "Sat in the hospital car park after visiting, withdrawal shakes starting"
    found = wordings(extractor, template, "before_craving", said)
    assert found["car park"] == "hospital car park"
    assert found["shaky"] == "withdrawal shakes"
    assert not {"hospital", "car", "withdrawal"} & set(found)


def test_cue_mourning_the_brother_he_grieves_was_not_there(
    extractor: CueExtractor, template: Template
) -> None:
    grief = cues(extractor, template, "vulnerability", "Grieving his brother, who died in March")
    assert grief == {("emotion", "grief")}
    sad = cues(extractor, template, "feeling", "Sad on the anniversary of her dad's death")
    assert ("people", "dad") not in sad
    said = "Argued with his brother at his mum's funeral"
    wake = cues(extractor, template, "before_craving", said)
    assert ("people", "brother") in wake and ("people", "mum") not in wake


@pytest.mark.parametrize(
    ("question_id", "answer"),
    [
        ("feeling", "Pretty chilled actually"),
        ("feeling", "Relaxed, nothing was bothering him"),
        ("thoughts", "No thoughts, just did it"),
        ("thoughts", "Nothing really"),
    ],
)
def test_cue_fallback_a_calm_or_empty_answer_leaves_the_map_empty(
    extractor: CueExtractor, template: Template, question_id: str, answer: str
) -> None:
    assert cues(extractor, template, question_id, answer) == set()


def test_cue_fallback_a_thought_keeps_its_own_negation(
    extractor: CueExtractor, template: Template
) -> None:
    [(category, text)] = cues(extractor, template, "thoughts", "I'll never be able to stop anyway")
    assert category == "thought" and "never be able to stop" in text


def test_cue_time_the_first_thing_he_thinks_is_not_the_morning(
    extractor: CueExtractor, template: Template
) -> None:
    said = "I get home and the first thing I think is I've earned a can"
    assert cues(extractor, template, "before_craving", said) == {
        ("place", "home"),
        ("thought", "I deserve it"),
    }
    assert cues(extractor, template, "routine", "First thing in the morning before work") == {
        ("time", "morning before work")
    }


def test_cue_urges_are_the_craving_itself_not_a_body_cue(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "before_craving", "Pt reports urges peak on Sunday evening")
    assert found == {("time", "Sunday evening")}


@pytest.mark.model
def test_cue_fallback_the_model_names_no_bare_walking(template: Template) -> None:
    extractor = CueExtractor(
        load_lexicon(PROMPTS, template.situation_ids()), SentenceTransformerEmbedder()
    )
    said = "Friday after work, walking through town with cash in his pocket"
    found = cues(extractor, template, "before_craving", said)
    assert found == {
        ("time", "Friday after work"),
        ("place", "town"),
        ("sensory", "cash in pocket"),
    }


def test_cue_negation_staying_away_from_the_bookies_is_no_bookies(
    extractor: CueExtractor, template: Template
) -> None:
    said = "Stayed away from the bookies all week; it hit on Saturday at his brother's"
    found = cues(extractor, template, "before_craving", said)
    assert ("place", "betting shop") not in found
    assert ("time", "Saturday") in found
    avoided = cues(extractor, template, "before_craving", "Avoided his old mates, went to the gym")
    assert avoided == {("place", "gym")}


def test_cue_negation_ends_at_a_dash_in_a_typed_note(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "where", "Not at home - at the casino")
    assert found == {("place", "casino")}


def test_cue_polarity_feeling_energetic_is_a_good_state_not_a_body_cue(
    extractor: CueExtractor, template: Template
) -> None:
    assert cues(extractor, template, "body", "Energetic, sleeping through the night") == set()
    question = template.question("feeling")
    assert question is not None
    [hopeful] = extractor.extract("Hopeful for once", question, episode=1)
    assert hopeful.situation_tags == ["pleasant_emotions"]


def test_cue_specific_friday_after_work_replaces_a_bare_friday(
    extractor: CueExtractor, template: Template
) -> None:
    said = "Friday evening after work, and again the Friday after"
    assert cues(extractor, template, "before_craving", said) == {
        ("time", "Friday evening after work")
    }


def test_cue_compounds_his_brothers_mates_are_the_mates(
    extractor: CueExtractor, template: Template
) -> None:
    found = wordings(extractor, template, "who", "His brother's mates")
    assert found == {"friends": "brother's mates"}
    assert cues(extractor, template, "who", "Mum and dad") == {("people", "mum"), ("people", "dad")}


def test_cue_thoughts_the_party_he_imagines_is_part_of_the_thought(
    extractor: CueExtractor, template: Template
) -> None:
    said = "Everyone at the party would think he was boring if he didn't drink"
    [(category, text)] = cues(extractor, template, "thoughts", said)
    assert category == "thought" and "boring" in text


def test_cue_worry_stressing_over_work_on_sunday_is_the_worry_not_the_place(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "before_craving", "Stressing over work stuff all Sunday")
    assert found == {("emotion", "stressed")}


def test_cue_negation_a_thoughts_own_wont_leaves_the_good_day_a_cue(
    extractor: CueExtractor, template: Template
) -> None:
    said = "He tells himself one drink won't hurt after a good day at work"
    assert cues(extractor, template, "before_craving", said) == {
        ("thought", "just one won't hurt"),
        ("event", "good news"),
    }


@pytest.mark.parametrize(
    ("answer", "wrong"),
    [
        ("Watching the cricket with a cold lager", ("body", "illness")),
        ("Boxing Day at his sister's with the whisky out", ("event", "watching sport")),
        ("Visits to her dad in the care home upset her", ("place", "home")),
        ("Feels flat and empty, no motivation", ("place", "home")),
        ("Poor sleep, lying awake at 3am with racing thoughts", ("event", "watching sport")),
    ],
)
def test_cue_lexicon_a_word_inside_a_longer_phrase_keeps_the_phrases_meaning(
    extractor: CueExtractor, template: Template, answer: str, wrong: tuple[str, str]
) -> None:
    assert wrong not in cues(extractor, template, "before_craving", answer)


def test_cue_review_a_recategorised_cue_takes_its_new_categorys_idts_tags(
    interviews: InterviewService,
) -> None:
    sid = interviews.start(ALICE, "Pt-A").session_id
    interviews.answer(ALICE, sid, "before_craving", "lonely at the bookies")
    [shop] = [c for c in interviews.cue_review(ALICE, sid, 1).cues if c.category == "place"]
    assert shop.situation_tags == [NONE_FITS] and shop.id is not None

    review = interviews.recategorise_cue(ALICE, sid, shop.id, "emotion")

    [moved] = [c for c in review.cues if c.id == shop.id]
    assert (moved.category, moved.situation_tags) == ("emotion", ["unpleasant_emotions"])


def test_cue_negation_calling_her_sponsor_instead_of_going_to_the_offy(
    extractor: CueExtractor, template: Template
) -> None:
    said = "Called her sponsor instead of going to the off-licence, after the eviction notice"
    assert cues(extractor, template, "before_craving", said) == {("event", "bad news")}
    went = cues(extractor, template, "before_craving", "Went to the pub instead of going home")
    assert went == {("place", "pub")}


def test_cue_lexicon_round_mine_is_home_and_back_at_theirs_someone_elses(
    extractor: CueExtractor, template: Template
) -> None:
    said = "The lads round mine, and later back at theirs"
    found = cues(extractor, template, "before_craving", said)
    assert {("place", "home"), ("place", "friend's place")} <= found


def test_cue_someone_elses_his_wifes_fury_is_not_his_feeling(
    extractor: CueExtractor, template: Template
) -> None:
    said = "His wife was furious, the house was empty, and he felt ashamed"
    found = cues(extractor, template, "before_craving", said)
    assert ("emotion", "ashamed") in found
    assert not {("emotion", "angry"), ("emotion", "empty")} & found
    ill = cues(extractor, template, "before_craving", "The kids were ill and he was exhausted")
    assert ill == {("people", "kids"), ("body", "tired")}


def test_cue_owner_her_sisters_caravan_is_a_place_not_her_sister(
    extractor: CueExtractor, template: Template
) -> None:
    assert cues(extractor, template, "before_craving", "Pills from his mum's cupboard") == {
        ("sensory", "paraphernalia")
    }
    party = cues(extractor, template, "before_craving", "Her partner's birthday party")
    assert ("people", "partner") in party  # the owner of an event was there
    car = cues(extractor, template, "before_craving", "Saw the dealer's car on the estate")
    assert ("people", "dealer") in car  # a dealer's things are the dealer's signal


def test_cue_named_person_the_redacted_name_is_someone_who_was_there(
    extractor: CueExtractor, template: Template
) -> None:
    # The guard stored "On the phone to Tomasz..." as "[NAME]": the clinician knows who.
    assert ("people", "[NAME]") in cues(
        extractor, template, "before_craving", "On the phone to [NAME], who'd just been paid"
    )
    # a relation already names them: one person, worded with the name
    assert wordings(extractor, template, "who", "my ex, [NAME], turned up at 2am")["ex"] == (
        "ex, [NAME]"
    )
    # absent, the owner of a place, or the one reporting: not company
    for text in ("wasn't with [NAME] this time", "round at [NAME]'s flat", "[NAME] says the pub"):
        assert ("people", "[NAME]") not in cues(extractor, template, "before_craving", text)


def test_cue_negation_no_craving_at_her_sisters_clears_the_setting_before_it(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "Tuesday at her sister's was fine, no urge at all. Saturday at the pub was the bad one.",
    )
    assert ("place", "pub") in found and ("time", "Saturday") in found
    assert ("time", "Tuesday") not in found
    denied = cues(extractor, template, "before_craving", "Denies any cravings at work or the gym.")
    assert not {c for c in denied if c[0] == "place"}


def test_cue_thoughts_a_quoted_or_pictured_thought_is_a_thought_not_what_it_names(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor, template, "before_craving", "Kept picturing the bottle under the sink, anxious."
    )
    assert [c for c in found if c[0] == "thought"]  # the lexicon's "imagining using", or her words
    assert not {c for c in found if c[0] == "sensory"}  # a pictured bottle is not one she saw
    quoted = cues(extractor, template, "before_craving", 'Then he told himself "just tonight".')
    assert ("thought", "just tonight") in quoted and not {c for c in quoted if c[0] == "time"}
    assert ("thought", "just one won't hurt") in cues(
        extractor, template, "before_craving", "Went quiet, then 'just the one'."
    )


def test_cue_absent_the_partner_away_and_the_sleeping_baby_were_not_there(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "routine",
        "Late evenings, once his wife goes up to bed; her partner was away, the baby asleep.",
    )
    assert not {c for c in found if c[0] == "people"}


def test_cue_calm_at_work_he_is_fine_so_work_is_no_setting(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "where",
        "At work he is fine; relaxed after the gym too, but the pub on Fridays gets him.",
    )
    assert ("place", "pub") in found
    assert not {c for c in found if c[1] in ("work", "gym")}


def test_cue_coping_who_she_stayed_in_with_and_when_he_goes_to_meetings_are_no_settings(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "She skipped the party, stayed in with her sister; later her ex texted and it hit her.",
    )
    assert ("people", "sister") not in found
    assert any(c[0] == "people" for c in found)  # the ex, in the clause where it hit
    routine = cues(
        extractor, template, "routine", "Goes to a meeting every morning, drinks at night"
    )
    assert not {c for c in routine if c[1] == "morning"}
    assert any(c[0] == "time" for c in routine)  # night


def test_cue_a_routine_given_up_and_a_denied_thought_are_no_cues(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "routine",
        "Used to be the pub after work every day, but he hasn't done that since he changed jobs; "
        "now it's cans in the car on payday.",
    )
    assert not {c for c in found if c[1] in ("pub", "after work")}
    assert ("event", "payday") in found
    thoughts = cues(extractor, template, "thoughts", "pt reports no thoughts of using this week")
    assert not {c for c in thoughts if c[0] == "thought"}


def test_cue_thought_is_what_follows_i_think_never_the_bare_verb(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "thoughts", "I think, why not, my life is already broken.")
    assert ("thought", "think") not in found
    assert any(c[0] == "thought" and "broken" in c[1] for c in found)


def test_cue_a_letter_from_the_job_centre_does_not_put_her_at_the_job_centre(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "A letter from the job centre about sanctions, then she went to the off-licence.",
    )
    assert ("place", "job centre") not in found
    assert ("place", "off-licence") in found


def test_cue_a_redacted_town_or_drug_is_not_a_person_who_was_there(
    extractor: CueExtractor, template: Template
) -> None:
    for answer in [
        "Her mum's kitchen back in [NAME] over the holidays, palm wine on the table.",
        "Long drive, and the leftover [NAME] was still in the glovebox.",
        "After the [NAME] appointment at the surgery.",
    ]:
        assert ("people", "[NAME]") not in cues(extractor, template, "before_craving", answer)
    with_her = cues(extractor, template, "before_craving", "Went round with [NAME] after work.")
    assert ("people", "[NAME]") in with_her


def test_cue_landmark_the_leisure_centre_behind_the_car_park_only_says_where_it_is(
    extractor: CueExtractor, template: Template
) -> None:
    assert cues(extractor, template, "where", "The car park behind the leisure centre.") == {
        ("place", "car park")
    }
    found = cues(extractor, template, "where", "The off-licence next to the station, and the pub")
    assert found == {("place", "off-licence"), ("place", "pub")}


def test_cue_a_non_answer_to_where_leaves_no_place(
    extractor: CueExtractor, template: Template
) -> None:
    for answer in ["dunno", "idk", "no clue", "Can't recall"]:
        assert cues(extractor, template, "where", answer) == set()


def test_cue_nobody_there_what_else_he_names_is_not_company(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "who", "Nobody with him, just him and the dog.")
    assert {c for c in found if c[0] == "people"} == {("people", "alone")}


def test_cue_what_would_have_happened_is_not_what_did(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "before_craving",
        "If she'd gone to the works party at the club she'd have been drinking, so she went to "
        "bed early. The craving woke her at 3am.",
    )
    assert ("place", "club") not in found
    assert ("event", "party") not in found
    assert ("time", "3am") in found or any(c[0] == "time" for c in found)


def test_cue_no_trigger_said_so_leaves_the_ordinary_day_out(
    extractor: CueExtractor, template: Template
) -> None:
    quiet = cues(
        extractor, template, "before_craving", "No obvious trigger; a normal Monday, lunch at home."
    )
    assert not {c for c in quiet if c[0] in ("place", "time", "people")}
    later = cues(
        extractor,
        template,
        "before_craving",
        "Denies any trigger at first, but then says her brother turned up at the pub.",
    )
    assert ("place", "pub") in later


def test_cue_someone_elses_story_not_mine_is_not_the_patients(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor,
        template,
        "vulnerability",
        "It was his sister who lost her job, not him. He was fine that week.",
    )
    assert ("event", "job loss") not in found


def test_cue_a_place_naming_a_kind_of_thing_is_not_where_he_was(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(
        extractor, template, "before_craving", "Got a call about the house sale falling through"
    )
    assert ("place", "home") not in found
    assert ("place", "school") in cues(extractor, template, "where", "Waiting at the school gates")
    assert ("place", "car park") in cues(extractor, template, "where", "The hospital car park")


def test_cue_a_bet_on_a_screen_is_something_seen(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "before_craving", "In bed scrolling, saw a betting advert")
    assert ("sensory", "gambling on screen") in found


def test_cue_not_thinking_of_using_is_no_thought(
    extractor: CueExtractor, template: Template
) -> None:
    found = cues(extractor, template, "thoughts", "Wasn't thinking about using at all, honestly")
    assert not {c for c in found if c[0] == "thought"}
