"""The end of an episode in Slack: the cues found, to keep as they are or edit in a modal.

The modal holds one line per cue, `category: cue`; deleting a line removes the cue, changing
its category re-categorises it, a new line adds one.
"""

from __future__ import annotations

from slack_sdk.models.blocks import InputBlock, PlainTextInputElement
from slack_sdk.models.views import View

from assistant.errors import InvalidAnswerError
from assistant.interview.models import CATEGORY_KINDS, NONE_FITS, CueReview
from integrations.slack import ids
from integrations.slack.blocks.answers import Message
from integrations.slack.blocks.limits import shorten
from integrations.slack.blocks.text import actions, button, context, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn

LIST_CHARS = 3000
CATEGORIES = ", ".join(CATEGORY_KINDS)


def cue_review_message(session_id: str, review: CueReview) -> Message:
    ref = ids.QuestionRef(session_id, "", review.episode)
    lines = []
    for n, cue in enumerate(review.standing(), 1):
        said = f" · “{escape_mrkdwn(cue.wording)}”" if cue.wording not in ("", cue.text) else ""
        tags = "none fits" if cue.situation_tags == [NONE_FITS] else ", ".join(cue.situation_tags)
        lines.append(f"{n}. *{escape_mrkdwn(cue.text)}* ({cue.category}){said} · IDTS: {tags}")
    found = "\n".join(lines) or "_No cues found._"
    blocks = [
        *sections(shorten(f"*Cues found in episode {review.episode}*\n{found}", 2900)),
        actions(
            button("Keep these", ids.CUES_KEEP, ref.value(), style="primary"),
            button("Edit…", ids.CUES_EDIT, ref.value()),
        ),
        context("Keep, remove, re-categorise or add cues: the map shows what you confirm."),
    ]
    return Message(text=f"Cues found in episode {review.episode}", blocks=to_dicts(blocks))


def cue_list(review: CueReview) -> str:
    return "\n".join(f"{c.category}: {c.text}" for c in review.standing())


def cue_edit_modal(review: CueReview, metadata: str) -> dict:
    return View(
        type="modal",
        callback_id=ids.CUES_MODAL,
        title=f"Cues of episode {review.episode}",
        submit="Confirm",
        close="Cancel",
        private_metadata=metadata,
        blocks=[
            *sections(
                "One cue per line as `category: cue`. Delete a line to remove a cue, change "
                f"its category to re-categorise it, add a line for one we missed ({CATEGORIES})."
            ),
            InputBlock(
                block_id=ids.CUES_BLOCK,
                label="Cues",
                optional=True,
                element=PlainTextInputElement(
                    action_id=ids.CUES_INPUT,
                    multiline=True,
                    max_length=LIST_CHARS,
                    initial_value=cue_list(review),
                ),
            ),
        ],
    ).to_dict()


def parse_cue_list(text: str) -> list[tuple[str, str]]:
    """`category: cue` lines; a line without a known category is refused, saying which."""
    wanted = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        category, sep, cue = line.partition(":")
        category = category.strip().lower()
        if not sep or category not in CATEGORY_KINDS or not cue.strip():
            raise InvalidAnswerError(f"“{line}” is not `category: cue` (categories: {CATEGORIES}).")
        wanted.append((category, cue.strip()))
    return wanted
