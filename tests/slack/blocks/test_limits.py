"""Long answers are split so Slack never rejects them; every block stays within its limits."""

from __future__ import annotations

from assistant.answers.models import Answer, Citation, Statement
from integrations.slack.blocks.answers import answer_messages, share_value
from integrations.slack.blocks.limits import (
    BUTTON_VALUE,
    MESSAGE_BLOCKS,
    SECTION_TEXT,
    problems,
    split_text,
)
from integrations.slack.blocks.text import button


def long_answer(statements: int, words_each: int) -> Answer:
    citations = [
        Citation(
            n, f"chunk-{n}", f"Thread {n}", "Dr Author (@author)", "Jan 1, 2024", "1/7", "text"
        )
        for n in range(1, 4)
    ]
    body = " ".join(["craving"] * words_each) + "."
    return Answer(
        question="why " * 900,
        statements=[Statement(body, (i % 3) + 1) for i in range(statements)],
        citations=citations,
    )


def test_limits_long_answer_is_split_over_messages_within_every_limit() -> None:
    messages = answer_messages(long_answer(statements=80, words_each=700), shareable=True)

    assert len(messages) > 1
    for message in messages:
        assert len(message.blocks) <= MESSAGE_BLOCKS
        assert problems(message.as_kwargs()) == []
    every_block = [b for m in messages for b in m.blocks]
    assert every_block[-1]["type"] == "actions"  # feedback and share come last
    sections = [b["text"]["text"] for b in every_block if b["type"] == "section"]
    assert sum(s.count("craving") for s in sections) == 80 * 700  # nothing lost in the split


def test_limits_split_text_cuts_at_sentence_or_word_ends() -> None:
    text = ("The cue predicts the drug. " * 400).strip()

    pieces = split_text(text, SECTION_TEXT)

    assert all(len(p) <= SECTION_TEXT for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == text


def test_limits_button_label_is_shortened_and_share_value_fits() -> None:
    label = button("a very long quick pick " * 10, "iv_pick_0").to_dict()["text"]["text"]

    assert len(label) <= 75 and label.endswith("…")
    assert len(share_value("“quoted” question " * 300)) <= BUTTON_VALUE


def test_limits_checker_reports_what_slack_would_reject() -> None:
    too_many = {"blocks": [{"type": "divider"}] * 51}
    long_section = {"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]}
    twin_buttons = {
        "blocks": [
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "same",
                        "text": {"type": "plain_text", "text": "a"},
                    },
                    {
                        "type": "button",
                        "action_id": "same",
                        "text": {"type": "plain_text", "text": "b"},
                    },
                ],
            }
        ]
    }

    assert problems(too_many) == ["51 blocks in a message (max 50)"]
    assert problems({"blocks": [{"type": "divider"}] * 100}, "home") == []
    assert problems(long_section) == ["section text longer than 3000"]
    assert problems(twin_buttons) == ["duplicate action_id same"]
