"""Properties of clause scope: an unrelated clause before a crisis phrase never hides it, and
a denial right before it always does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.safety import check

CRISIS = [
    "wants to die",
    "plans to end her life",
    "has been cutting her arms",
    "took a handful of pills",
    "wants to kill himself",
    "talks about jumping off the bridge",
    "says he will stab his dealer",
    "is stockpiling her pregabalin",
]
LEADING = [
    "Not drinking",
    "No cravings this week",
    "Denies using heroin since March",
    "Never misses a group",
    "Without his methadone",
    "Doesn't go out much",
    "No money and no friends",
    "Isn't sleeping or eating",
    "Free of cocaine for a month",
    "Friday nights at the pub with old mates",
]
JOINS = [", and she ", ", so he ", "; he ", " but he ", ". She ", ", and now he "]
NEGATED = [
    "denies that she {}",
    "no evidence he {}",
    "never said he {}",
    "not true that she {}",
]


def _kinds(text: str) -> set[str]:
    return {hit.kind for hit in check(text)}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(LEADING), min_size=1, max_size=3),
    st.sampled_from(JOINS),
    st.sampled_from(CRISIS),
)
def test_property_crisis_phrase_after_any_unrelated_clause_is_flagged(
    leading: list[str], join: str, phrase: str
) -> None:
    alone = _kinds(phrase)
    assert alone, phrase
    assert alone <= _kinds(", ".join(leading) + join + phrase)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(LEADING),
    st.sampled_from(["Denies", "No", "Never"]),
    st.sampled_from(
        ["SI", "suicidal thoughts", "self-harm", "thoughts of harming others", "overdose"]
    ),
)
def test_property_negated_crisis_phrase_after_any_clause_is_not_flagged(
    leading: str, cue: str, phrase: str
) -> None:
    assert check(f"{leading}. {cue} {phrase}.") == []
    assert check(f"{leading}; {cue.lower()} {phrase}") == []
