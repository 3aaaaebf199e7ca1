"""A clinician's note-style question read in the words the sources use."""

from __future__ import annotations

from assistant.retrieval.shorthand import expand


def _corpus_uses(*words: str):
    return lambda word: word.lower() in words


def test_shorthand_mph_and_pfc_are_spelt_out_but_the_corpus_own_nat_stays() -> None:
    question = expand("MPH - NAT blockade, what does it do in PFC?", _corpus_uses("nat"))
    assert question == "methylphenidate - NAT blockade, what does it do in prefrontal cortex?"


def test_shorthand_note_words_in_any_case() -> None:
    question = expand("SCZ, +ve sx resolved but poor fxn. Pt w/ MDD?", _corpus_uses())
    assert question == (
        "schizophrenia, positive symptoms resolved but poor function. patient with depression?"
    )


def test_shorthand_leaves_ambiguous_and_lower_case_lookalikes_alone() -> None:
    # "NA" is Narcotics Anonymous as often as noradrenaline; "dat" is not an acronym
    assert expand("Went to NA, then the dat file", _corpus_uses()) == (
        "Went to NA, then the dat file"
    )
