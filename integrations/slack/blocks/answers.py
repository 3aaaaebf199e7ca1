"""A cited answer as Slack messages: the statements with their numbers, Sources, buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_sdk.models.blocks import Block, DividerBlock

from assistant.answers.models import Answer, Citation
from integrations.slack import ids
from integrations.slack.blocks.limits import (
    BUTTON_VALUE,
    FALLBACK_TEXT,
    MESSAGE_BLOCKS,
    chunk_blocks,
    shorten,
)
from integrations.slack.blocks.text import (
    DISCLAIMER,
    actions,
    button,
    context,
    sections,
    to_dicts,
)
from integrations.slack.escape import escape_mrkdwn

MAX_VOTED_SOURCES = 10


@dataclass(frozen=True)
class Message:
    """What one chat.postMessage (or response_url post) carries."""

    text: str
    blocks: list[dict] = field(default_factory=list)

    def as_kwargs(self) -> dict:
        return {"text": self.text, "blocks": self.blocks}


def answer_messages(
    answer: Answer,
    *,
    interactive: bool = True,
    shareable: bool = False,
    shared_by: str | None = None,
) -> list[Message]:
    """The answer as one message, or several when it is longer than one message may be."""
    blocks: list[Block] = []
    if shared_by:
        blocks.append(context(f"Shared by <@{shared_by}>"))
    blocks += sections(f"*{escape_mrkdwn(shorten(answer.question, 2900))}*")
    blocks += _body(answer)
    blocks.append(context(DISCLAIMER))
    if interactive:
        blocks.append(_buttons(answer, shareable))
    serialised = to_dicts(blocks)
    fallback = shorten(escape_mrkdwn(answer.text), FALLBACK_TEXT)
    return [
        Message(text=fallback, blocks=part) for part in chunk_blocks(serialised, MESSAGE_BLOCKS)
    ]


def _body(answer: Answer) -> list[Block]:
    if answer.abstained:
        return sections(f":information_source: {escape_mrkdwn(answer.reason)}")
    blocks: list[Block] = []
    if answer.notice:  # partial coverage: what the sources do not mention comes first
        blocks += sections(f":information_source: {escape_mrkdwn(answer.notice)} What they do say:")
    for statement in answer.statements:
        blocks += sections(f"{escape_mrkdwn(statement.text)} *[{statement.citation}]*")
    blocks.append(DividerBlock())
    blocks += sections("*Sources*\n" + "\n".join(source_line(c) for c in answer.citations))
    return blocks


def source_line(citation: Citation) -> str:
    title = escape_mrkdwn(f"“{citation.thread}”")
    if _linkable(citation.url):
        title = f"<{citation.url}|{title}>"
    where = citation.locator or f"post {citation.post}"
    details = [escape_mrkdwn(part) for part in (citation.author, citation.date, where) if part]
    if not _linkable(citation.url) and citation.source:
        details.append(f"file `{escape_mrkdwn(citation.source)}`")
    return ", ".join([f"*[{citation.n}]* {title}", *details])


def _linkable(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not any(c in url for c in "<>| ")


def _buttons(answer: Answer, shareable: bool) -> Block:
    vote = {
        "c": [c.chunk_id for c in answer.citations][:MAX_VOTED_SOURCES],
        "a": int(answer.abstained),
    }
    buttons = [
        button("👍 Helpful", f"{ids.FEEDBACK}_up", ids.encode({"v": "up", **vote})),
        button("👎 Not helpful", f"{ids.FEEDBACK}_down", ids.encode({"v": "down", **vote})),
    ]
    if shareable:
        buttons.append(button("Share in channel", ids.SHARE, share_value(answer.question)))
    return actions(*buttons)


def share_value(question: str) -> str:
    """The question, as much of it as fits a button value once encoded."""
    value = ids.encode({"q": question})
    while len(value) > BUTTON_VALUE:
        question = question[: len(question) - (len(value) - BUTTON_VALUE) - 1]
        value = ids.encode({"q": question})
    return value
