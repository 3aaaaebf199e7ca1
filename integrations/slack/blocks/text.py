"""Small Block Kit pieces every surface uses, built with slack_sdk.models."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from integrations.slack.blocks.limits import BUTTON_TEXT, HEADER_TEXT, shorten, split_text

DISCLAIMER = (
    "Clinical decision support for licensed clinicians. Educational sources; not a substitute "
    "for clinical judgement; not for patients; not for emergencies."
)


def mrkdwn(text: str) -> MarkdownTextObject:
    """mrkdwn that Slack shows as written: no auto-linked names or channels (`verbatim`)."""
    return MarkdownTextObject(text=text, verbatim=True)


def sections(text: str) -> list[Block]:
    """One or more section blocks holding `text` (already escaped), split at 3000 characters."""
    return [SectionBlock(text=mrkdwn(piece)) for piece in split_text(text)]


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=shorten(text, HEADER_TEXT))


def context(text: str) -> ContextBlock:
    return ContextBlock(elements=[mrkdwn(text)])


def button(
    label: str,
    action_id: str,
    value: str = "",
    style: str | None = None,
    confirm: ConfirmObject | None = None,
) -> ButtonElement:
    return ButtonElement(
        text=shorten(label, BUTTON_TEXT),
        action_id=action_id,
        value=value or None,
        style=style,
        confirm=confirm,
    )


def actions(*buttons: ButtonElement, block_id: str | None = None) -> ActionsBlock:
    return ActionsBlock(elements=list(buttons), block_id=block_id)


def to_dicts(blocks: list[Block]) -> list[dict]:
    """Serialised blocks; slack_sdk checks each block's own limits here."""
    return [block.to_dict() for block in blocks]
