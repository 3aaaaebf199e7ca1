"""What a model's reply must look like before a clinician sees it."""

from __future__ import annotations

import pytest

from assistant.answers.citation_check import check_reply


@pytest.mark.parametrize(
    "reply",
    [
        "Cues come to predict the drug [1]. Dopamine firing shifts to the cue [2].",
        "Cues come to predict the drug. [1] Dopamine firing shifts to the cue. [2]",
        "- Cues come to predict the drug [1]\n- Dopamine firing shifts to the cue [2]",
    ],
)
def test_citation_check_accepts_each_sentence_cited_in_common_styles(reply: str) -> None:
    verdict = check_reply(reply, passages=3)
    assert verdict.accepted
    assert [(s.text.rstrip("."), s.citations) for s in verdict.sentences] == [
        ("Cues come to predict the drug", (1,)),
        ("Dopamine firing shifts to the cue", (2,)),
    ]


def test_citation_check_reads_several_numbers_on_one_sentence() -> None:
    verdict = check_reply("Habit circuitry takes over, e.g. in the dorsal striatum [2][3, 1].", 3)
    assert verdict.sentences[0].citations == (2, 3, 1)
    assert verdict.sentences[0].text == "Habit circuitry takes over, e.g. in the dorsal striatum."


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ("", "empty_reply"),
        ("NOT_COVERED", "model_declined"),
        ("Cues come to predict the drug.", "no_citations"),
        ("Cues come to predict the drug [4].", "unknown_citation"),
        ("Cues come to predict the drug [0].", "unknown_citation"),
        ("Sure, here is an answer. Cues come to predict the drug [1].", "uncited_sentence"),
        ("Cues come to predict the drug [1]. Abstinence cures it.", "uncited_sentence"),
    ],
)
def test_citation_check_rejects_replies_that_are_not_fully_cited(reply: str, problem: str) -> None:
    verdict = check_reply(reply, passages=3)
    assert not verdict.accepted and verdict.problem == problem and verdict.sentences == []
