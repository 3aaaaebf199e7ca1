"""The free-text answer modal."""

from __future__ import annotations

from slack_sdk.models.blocks import InputBlock, PlainTextInputElement
from slack_sdk.models.views import View

from integrations.slack import ids
from integrations.slack.blocks.text import sections
from integrations.slack.escape import escape_mrkdwn

ANSWER_CHARS = 3000


def free_text_modal(prompt: str, metadata: str) -> dict:
    """Ask for a typed answer; `metadata` says which session, question and message it is for."""
    return View(
        type="modal",
        callback_id=ids.FREE_TEXT_MODAL,
        title="Your answer",
        submit="Save",
        close="Cancel",
        private_metadata=metadata,
        blocks=[
            *sections(f"*{escape_mrkdwn(prompt)}*"),
            InputBlock(
                block_id=ids.FREE_TEXT_BLOCK,
                label="Answer",
                element=PlainTextInputElement(
                    action_id=ids.FREE_TEXT_INPUT, multiline=True, max_length=ANSWER_CHARS
                ),
            ),
        ],
    ).to_dict()
