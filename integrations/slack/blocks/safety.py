"""The safety card, and the notices for identifiers in what a clinician typed.

Nothing here echoes an identifier: a notice shows only the redacted text and what was taken
out, by type.
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from assistant.safety import SafetyCard
from assistant.screening import ScreenedQuestion
from integrations.slack import ids
from integrations.slack.blocks.answers import Message
from integrations.slack.blocks.limits import BUTTON_VALUE
from integrations.slack.blocks.text import actions, button, context, header, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn

STILL_IN_SLACK = (
    "Your message itself stays in Slack's history; delete it there if your policy requires."
)
REPHRASE = "Not saved. Reply in this thread with the answer rephrased without identifiers."


def safety_card_message(card: SafetyCard, ref: ids.QuestionRef | None = None) -> Message:
    """The card; with `ref`, the button that confirms it and lets the interview go on."""
    resources = "\n".join(
        f"• *{escape_mrkdwn(r.name)}:* {escape_mrkdwn(r.contact)}"
        + (f". {escape_mrkdwn(r.detail)}" if r.detail else "")
        for r in card.resources
    )
    flagged = escape_mrkdwn(", ".join(card.kind_labels))
    blocks: list[Block] = [
        header(f"⚠️ {card.title}"),
        *sections(
            "\n".join(
                [f"*Flagged:* {flagged}.", escape_mrkdwn(card.protocol)]
                + [escape_mrkdwn(note) for note in card.notes]
            )
        ),
        *sections(resources),
        context(escape_mrkdwn(card.positioning)),
    ]
    if ref is not None:
        label = f"{card.confirm} — continue"
        blocks.append(actions(button(label, ids.SAFETY_OK, ref.value(), style="primary")))
    return Message(text=f"{card.title}: follow your local risk protocol.", blocks=to_dicts(blocks))


def confirmed_message(card_title: str, user_id: str) -> Message:
    text = f"⚠️ {escape_mrkdwn(card_title)}: confirmed by <@{user_id}>, following the risk protocol."
    return Message(text=f"{card_title}: confirmed.", blocks=to_dicts(sections(text)))


def withheld_answer_message(ref: ids.QuestionRef, redacted: str, summary: str) -> Message:
    """An answer holding identifiers was not stored: use the redacted version, or rephrase."""
    text = (
        f":lock: This answer seems to hold identifiers ({escape_mrkdwn(summary)}), so it was "
        f"not saved. Only a version without them can be stored:\n> {escape_mrkdwn(redacted)}"
    )
    value = ref.value(a=redacted)
    choices = [button("I'll rephrase", ids.REPHRASE, ref.value())]
    if len(value) <= BUTTON_VALUE:
        choices.insert(0, button("Use redacted", ids.USE_REDACTED, value, style="primary"))
    blocks = [*sections(text), actions(*choices), context(STILL_IN_SLACK)]
    return Message(
        text="This answer seems to hold identifiers: not saved.", blocks=to_dicts(blocks)
    )


def withheld_label_message(redacted: str, summary: str) -> Message:
    """A label holding identifiers: start under the redacted label, or pick another."""
    text = (
        f":lock: That label seems to hold identifiers ({escape_mrkdwn(summary)}). Use a "
        "pseudonymous label such as `Pt-A` (`/cuemap start Pt-A`), or start under the "
        f"redacted one: *{escape_mrkdwn(redacted)}*"
    )
    start = button("Start with the redacted label", ids.START_REDACTED, ids.encode({"l": redacted}))
    blocks = [*sections(text), actions(start)]
    return Message(text="That label seems to hold identifiers.", blocks=to_dicts(blocks))


def question_notice(notice: str) -> Message:
    return Message(text=notice, blocks=to_dicts([context(f":lock: {escape_mrkdwn(notice)}")]))


def with_screening(screened: ScreenedQuestion, answer: list[Message]) -> list[Message]:
    """The answer with the safety card before it (crisis language) and the identifier notice
    after it."""
    card = [safety_card_message(screened.card)] if screened.card is not None else []
    notice = [question_notice(screened.phi_notice)] if screened.phi_notice else []
    return [*card, *answer, *notice]
