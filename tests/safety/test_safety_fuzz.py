"""Arbitrary and hostile text never crashes the crisis check, and spans stay inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.safety import KINDS, check

PHRASES = ["SI", "denies", "no", "wants to die", "not breathing", "but", "OD'd", "kill him", ";"]
hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=500),
    st.lists(st.sampled_from(PHRASES), max_size=200).map(" ".join),
    st.lists(st.sampled_from(PHRASES), max_size=200).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_fuzz_check_never_crashes_and_spans_are_in_bounds(text: str) -> None:
    hits = check(text)
    for hit in hits:
        assert hit.kind in KINDS
        assert 0 <= hit.start < hit.end <= len(text)
    assert [h.start for h in hits] == sorted(h.start for h in hits)


def test_fuzz_huge_text_of_crisis_phrases_and_cues_is_handled() -> None:
    text = "no SI but wants to die, denies HI " * 5_000  # 170 kB, all in one sentence
    hits = check(text)
    assert {hit.kind for hit in hits} == {"suicide"}
    assert len(hits) == 5_000  # each "wants to die", after "but"; each SI and HI is negated
