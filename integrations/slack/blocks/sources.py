"""What the library holds, for `/explain sources`. Adding material is done on the server."""

from __future__ import annotations

from assistant.retrieval.models import SourceSummary
from integrations.slack.blocks.answers import Message
from integrations.slack.blocks.text import context, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn

ADDING = (
    "Material is added by an administrator on the server (`cuemap add FILE_OR_URL`): "
    "Thread Reader pages, PDF and Word handouts, Markdown and text. Nothing is uploaded from chat."
)


def sources_message(library: list[SourceSummary]) -> Message:
    if not library:
        return Message(text="The library is empty: an administrator needs to run `cuemap ingest`.")
    lines = [_line(source) for source in library]
    holds = f"The library holds {len(library)} source{'s' if len(library) != 1 else ''}"
    blocks = [*sections(f"*{holds}:*\n" + "\n".join(lines)), context(ADDING)]
    return Message(text=f"{holds}.", blocks=to_dicts(blocks))


def _line(source: SourceSummary) -> str:
    added = f"added {source.added}" if source.added else "date added not recorded"
    return f"• “{escape_mrkdwn(source.title)}”, {escape_mrkdwn(source.kind)}, {added}"
