"""A partial answer in Slack says first, plainly, what the sources do not mention."""

from __future__ import annotations

from assistant.answers.models import Answer, Citation, Statement
from integrations.slack.blocks.answers import answer_messages


def test_partial_answer_opens_with_what_the_sources_do_not_mention() -> None:
    answer = Answer(
        question="does lofexidine ease withdrawal as a cue?",
        statements=[Statement("The body state itself can become part of the cue network.", 1)],
        citations=[
            Citation(1, "c1", "The drug may start the addiction.", "PE", "May 28", "13/16", "t")
        ],
        coverage="partial",
        not_covered=("lofexidine",),
        notice="The sources do not mention lofexidine.",
    )

    [message] = answer_messages(answer, shareable=False)

    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert "lofexidine" in sections[0]  # the question, repeated as a heading
    body = [s for s in sections if "lofexidine" in s or "cue network" in s]
    assert "The sources do not mention lofexidine." in body[1]  # after the question, first
    assert "cue network" in body[2]
    assert message.text.startswith("The sources do not mention lofexidine.")
