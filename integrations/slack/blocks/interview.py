"""The interview in a DM thread: one message per question, with its buttons."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, ButtonElement, ConfirmObject, PlainTextObject

from assistant.interview.models import QuestionView, SessionSummary, SessionView
from integrations.slack import ids
from integrations.slack.blocks.answers import Message
from integrations.slack.blocks.limits import ACTIONS_ELEMENTS, shorten
from integrations.slack.blocks.text import actions, button, context, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn

SCALE_PICKS = {
    "scale": [str(n) for n in range(11)],
    "percent": [f"{n}%" for n in range(0, 101, 10)],
}
PROMPT_IN_VALUE = 1000
PHI_REMINDER = (
    ":lock: Use a pseudonymous label, never a name. Slack is not the record: "
    "export the note to the EHR."
)


def intro_message(view: SessionView, intro: str) -> Message:
    blocks = [
        *sections(f"*Cue-mapping interview: {escape_mrkdwn(view.label)}*\n{escape_mrkdwn(intro)}"),
        context(PHI_REMINDER + " The questions follow in this thread; reply there to answer."),
    ]
    return Message(text=f"Cue-mapping interview: {view.label}", blocks=to_dicts(blocks))


def question_message(view: SessionView) -> Message:
    question = view.question
    assert question is not None
    ref = ids.QuestionRef(view.session_id, question.id, question.episode)
    blocks: list[Block] = [context(_position(view, question))]
    prompt = f"*{escape_mrkdwn(question.prompt)}*"
    if question.hint:
        prompt += f"\n_{escape_mrkdwn(question.hint)}_"
    blocks += sections(prompt)
    if question.current_answer is not None:
        blocks.append(context(f"Current answer: {escape_mrkdwn(question.current_answer)}"))
    blocks += _quick_picks(ref, question)
    blocks.append(_controls(ref, question))
    blocks.append(context("Or reply in this thread to answer in your own words."))
    return Message(text=question.prompt, blocks=to_dicts(blocks))


def _position(view: SessionView, question: QuestionView) -> str:
    parts = [f"*{escape_mrkdwn(view.label)}*", escape_mrkdwn(question.section)]
    if question.episode and view.episodes > 1:
        parts.append(f"episode {question.episode}")
    parts.append(f"question {question.position} of {question.total}")
    return " · ".join(parts)


def _quick_picks(ref: ids.QuestionRef, question: QuestionView) -> list[Block]:
    picks = question.quick_picks or SCALE_PICKS.get(question.kind, [])
    buttons = [
        button(pick, f"{ids.PICK}_{n}", ref.value(a=pick), style=_chosen(question, pick))
        for n, pick in enumerate(picks)
    ]
    return [
        actions(*buttons[i : i + ACTIONS_ELEMENTS])
        for i in range(0, len(buttons), ACTIONS_ELEMENTS)
    ]


def _chosen(question: QuestionView, pick: str) -> str | None:
    return "primary" if question.current_answer == pick else None


def _controls(ref: ids.QuestionRef, question: QuestionView) -> Block:
    return actions(
        button(
            "✏️ Type an answer",
            ids.TYPE_ANSWER,
            ref.value(p=shorten(question.prompt, PROMPT_IN_VALUE)),
        ),
        button("◀ Back", ids.BACK, ref.value()),
        button("Skip ▶", ids.SKIP, ref.value()),
        button("Why we ask", ids.WHY, ref.value()),
        button("⏸ Pause", ids.PAUSE, ref.value()),
    )


def settled_message(question: QuestionView, outcome: str) -> Message:
    """A question once dealt with: its buttons gone, what happened in their place."""
    blocks = sections(f"*{escape_mrkdwn(question.prompt)}*\n{outcome}")
    return Message(text=question.prompt, blocks=to_dicts(blocks))


def text_message(text: str) -> Message:
    """A plain notice; `text` is mrkdwn, already escaped where it holds typed text."""
    return Message(text=text, blocks=to_dicts(sections(text)))


def answered_outcome(text: str) -> str:
    return f"> {escape_mrkdwn(text)}"


def ready_message(view: SessionView) -> Message:
    """Every question visited: finish, add another craving episode, or go back."""
    ref = ids.QuestionRef(view.session_id)
    blocks = [
        *sections(
            f"That's every question for *{escape_mrkdwn(view.label)}* "
            f"({view.answered} of {view.total} answered)."
        ),
        actions(
            button("Finish: build the cue map", ids.FINISH, ref.value(), style="primary"),
            button("Add another craving episode", ids.ADD_EPISODE, ref.value()),
            button("◀ Back", ids.BACK, ref.value()),
        ),
    ]
    return Message(text="Every question answered: finish the cue map?", blocks=to_dicts(blocks))


def paused_message(view: SessionView) -> Message:
    text = (
        f"Paused *{escape_mrkdwn(view.label)}* ({view.answered} of {view.total} answered). "
        f"Resume from the Home tab or with `/cuemap resume {escape_mrkdwn(view.label)}`."
    )
    return Message(text="Interview paused.", blocks=to_dicts(sections(text)))


EXPORT_FORMATS = {
    "markdown": "📄 Markdown note",
    "fhir": "🏥 FHIR QuestionnaireResponse",
    "json": "{ } JSON",
}


def export_buttons(session_id: str) -> Block:
    return actions(*(export_button(session_id, fmt) for fmt in EXPORT_FORMATS))


def export_button(session_id: str, fmt: str, row: int = 0) -> ButtonElement:
    value = ids.QuestionRef(session_id).value(f=fmt)
    return button(EXPORT_FORMATS[fmt], f"{ids.EXPORT}_{fmt}_{row}", value)


def resume_button(session_id: str, row: int = 0) -> ButtonElement:
    return button("Resume", f"{ids.RESUME}_{row}", ids.QuestionRef(session_id).value())


def delete_button(session: SessionSummary, row: int = 0) -> ButtonElement:
    confirm = ConfirmObject(
        title="Erase this interview?",
        text=PlainTextObject(
            text=f"Every answer for {shorten(session.label, 200)} is erased from CueMap for good."
        ),
        confirm="Erase",
        deny="Keep",
        style="danger",
    )
    value = ids.QuestionRef(session.session_id).value()
    return button("Erase", f"{ids.DELETE}_{row}", value, style="danger", confirm=confirm)
