"""Crisis phrases clinicians write down, and ordinary answers that must not raise the card."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.safety import check
from tests.ordinary_answers import ordinary_answers


def flagged(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, text[hit.start : hit.end]) for hit in check(text)]


def flagged_at(text: str, kind: str, phrase: str) -> bool:
    """A hit of `kind` on `phrase` (a longer or overlapping phrase may be the one matched)."""
    at = text.index(phrase)
    return any(h.kind == kind and h.start < at + len(phrase) and at < h.end for h in check(text))


@pytest.mark.parametrize(
    ("answer", "kind", "phrase"),
    [
        ("Said she wants to die when the drinking started again", "suicide", "wants to die"),
        ("Passive SI most evenings after the pub", "suicide", "SI"),
        ("Has been having suicidal thoughts since losing his job", "suicide", "suicidal"),
        ("Talks about killing himself when he is drunk", "suicide", "killing himself"),
        ("He doesn't want to live like this anymore", "suicide", "doesn't want to live"),
        ("Told me everyone would be better off without him", "suicide", "better off without him"),
        ("Feels there is no reason to live since his wife left", "suicide", "no reason to live"),
        ("Wishes she could go to sleep and never wake up", "suicide", "and never wake up"),
        ("Thinking about ending it all after the court date", "suicide", "ending it all"),
        ("Googled how to hang himself last week", "suicide", "hang himself"),
        (
            "Thought about jumping off the bridge on the way home",
            "suicide",
            "jumping off the bridge",
        ),
        ("I wish I was dead, she wrote in her diary", "suicide", "wish I was dead"),
        ("Wants to take her own life, as her sister did", "suicide", "take her own life"),
        ("Has been cutting her arms after arguments", "self_harm", "cutting her arms"),
        ("History of self-harm in her teens, restarted this month", "self_harm", "self-harm"),
        ("Burns himself with cigarettes when the craving peaks", "self_harm", "Burns himself"),
        ("Ongoing NSSI, mostly at weekends", "self_harm", "NSSI"),
        ("Says he will kill his dealer if he sees him again", "harm_to_others", "kill his dealer"),
        ("Endorses HI toward stepfather", "harm_to_others", "HI"),
        ("Having violent thoughts about his neighbour", "harm_to_others", "violent thoughts"),
        ("Thoughts of hurting someone when he drinks spirits", "harm_to_others", "hurting someone"),
        ("Homicidal ideation toward ex-partner", "harm_to_others", "Homicidal"),
        ("Overdosed on heroin in March, found by her flatmate", "overdose", "Overdosed"),
        ("Two ODs last year", "overdose", "ODs"),
        ("Her partner found her not breathing in the bathroom", "overdose", "not breathing"),
        ("Friend was unresponsive after the fentanyl", "overdose", "unresponsive"),
        ("His lips were blue when the paramedics arrived", "overdose", "lips were blue"),
        ("Had a seizure after using spice", "overdose", "seizure"),
        ("They gave him naloxone in the stairwell", "overdose", "gave him naloxone"),
        ("We couldn't wake her up after she used", "overdose", "couldn't wake her"),
        ("Took a handful of her pills after a row", "overdose", "Took a handful of her pills"),
        ("Ended up in A&E with alcohol poisoning", "overdose", "alcohol poisoning"),
        ("He said he'd rather die than go back to prison", "suicide", "rather die"),
        ("Said 'I might as well be dead'", "suicide", "might as well be dead"),
        ("Has been giving away her possessions", "suicide", "giving away her possessions"),
        ("Scratches her arms until they bleed", "self_harm", "Scratches her arms"),
        ("Wants to hurt the man who assaulted her", "harm_to_others", "hurt the man"),
        ("He hits his wife when drunk", "harm_to_others", "hits his wife"),
        ("She took 30 paracetamol last night", "overdose", "took 30 paracetamol"),
        ("Pupils pinpoint, breathing slow and shallow", "overdose", "breathing slow and shallow"),
    ],
)
def test_crisis_phrase_is_flagged_with_kind_and_span(answer: str, kind: str, phrase: str) -> None:
    assert flagged_at(answer, kind, phrase)


def test_crisis_answer_with_two_kinds_reports_both_in_order() -> None:
    answer = "Took too many pills on Saturday; says she wants to die and thinks of hurting him"
    assert [kind for kind, _ in flagged(answer)] == ["overdose", "suicide", "harm_to_others"]


def test_crisis_span_points_into_original_text_with_curly_quotes() -> None:
    answer = "He said \u201cI don\u2019t want to wake up tomorrow\u201d"
    assert flagged(answer) == [("suicide", "don\u2019t want to wake up")]


@pytest.mark.parametrize(
    "answer",
    [
        "Says he could kill for a pint by four o'clock",
        "The cravings are killing her in the mornings",
        "Dying for a cigarette with every coffee",
        "Been cutting back on beer since January",
        "Used to shoot up in the stairwell of the flats",
        "Cut himself shaving and saw the razor blades, then thought of the old days",
        "Beat him at pool and celebrated with a round",
        "Shot her a text to say he was running late",
        "Hurt his back lifting at work and went back on the tablets",
        "Police seizure of drugs at her brother's flat",
        "Keeps a naloxone kit at home and her partner knows how to use it",
        "Drank the whole bottle of wine on her own",
        "Nights when she can't sleep she drinks to knock herself out",
        "The craving hit her hard on Friday",
        "Hit him up for some gear when he was feeling low",
    ],
)
def test_crisis_idioms_and_drug_talk_are_not_flagged(answer: str) -> None:
    assert flagged(answer) == []


def test_crisis_sample_of_ordinary_cue_map_answers_raises_no_card() -> None:
    answers = ordinary_answers()
    assert len(answers) >= 100
    assert [a for a in answers if check(a)] == []


@pytest.mark.parametrize("sample", ["heldout_answers.txt", "heldout_answers_2.txt"])
def test_crisis_held_out_samples_raise_no_card(sample: str) -> None:
    path = Path(__file__).parent.parent / "data" / sample
    answers = [a.strip() for a in path.read_text().splitlines() if a.strip() and a[0] != "#"]
    assert len(answers) == 60
    assert [answer for answer in answers if check(answer)] == []


def test_crisis_empty_and_blank_text_has_no_hits() -> None:
    assert check("") == []
    assert check(" \n\t ") == []


@pytest.mark.parametrize(
    "answer",
    ["i want to kil myself", "been thinkin about suicde alot", "cuttin myslef again tonite"],
)
def test_crisis_misspelt_statement_is_read_as_meant(answer: str) -> None:
    # typed in a hurry: the rare word one edit from the lexicon's word is read as that word
    assert check(answer)


def test_crisis_statement_no_phrase_lists_is_read_for_its_meaning() -> None:
    # no phrase of the lexicon says it; the sentence means it (semantic.py)
    assert [h.kind for h in check("everyone would be better without me around")] == ["suicide"]


def test_crisis_speller_leaves_common_words_and_abbreviations_alone() -> None:
    from assistant.safety.spelling import Speller

    speller = Speller({"kill", "myself", "suicide"})
    assert (
        speller.fix("SI, kil myslef, wasn't, skill, Kill") == "SI, kill myself, wasn't, skill, Kill"
    )


def test_crisis_speller_takes_no_acronym_or_slang_for_a_crisis_word() -> None:
    from assistant.safety.spelling import Speller

    speller = Speller({"get", "cut", "skin", "kill", "myself"})
    assert speller.fix("GGT or CDT raised") == "GGT or CDT raised"  # lab tests, not "get or cut"
    assert speller.fix("I WANT TO KIL MYSLEF") == "I WANT TO kill myself"  # shouting is typing
    # "skint" (broke) is a word of English: only a crisis phrase would make it "skin"
    assert not check("MOT failed, 600 quid to fix it, skint till the end of the month.")
    assert not check("Which blood tests, such as GGT or CDT, show heavy drinking?")
    assert [h.kind for h in check("i want to kil myslef tonite")] == ["suicide"]


def test_crisis_check_never_waits_for_a_model_still_being_prepared() -> None:
    from assistant.safety.config import load_safety_config
    from assistant.safety.semantic import SemanticScreen
    from assistant.settings import PROJECT_ROOT

    class Preparing:  # an ONNX export not made yet: about 20 s, once
        dimension, loaded, exported = 384, False, False

        def embed(self, texts: list[str]) -> None:
            raise AssertionError("the check waited for the model")

    config = load_safety_config(PROJECT_ROOT / "prompts").semantic
    assert config is not None
    screen = SemanticScreen(config, Preparing())  # type: ignore[arg-type]
    assert screen.statements("everyone would be better without me around") == []
