"""Interview answers are committed to the database before Slack hears they arrived.

Slack takes a 200 as "delivered" and never re-sends an acknowledged request, so an answer
saved only after the ack is lost if the process dies in between (the crash drill found it
so). The ack function therefore records the answer (a few milliseconds of database work),
then acknowledges; only what Slack shows next (the settled question, the next one) runs
after the ack. A failure while recording is kept for the follow-up, which reports it to
the clinician exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from integrations.slack.interview_flow import Recorded, Withheld

RECORDED = "cuemap_recorded_answer"
FAILED = "cuemap_recording_failed"

Record = Callable[[dict[str, Any], WebClient, BoltContext], Recorded | Withheld | None]


def commit_then_ack(record: Record) -> Callable[..., None]:
    """An ack function that runs `record` (which commits the answer) and then acknowledges."""

    def ack_after_commit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext):
        try:
            context[RECORDED] = record(body, client, context)
        except Exception as error:  # reported by the follow-up, through @reported
            context[FAILED] = error
        ack()

    return ack_after_commit


def recorded(context: BoltContext) -> Recorded | Withheld | None:
    """The answer the ack committed (None: nothing to record); re-raises its failure."""
    if FAILED in context:
        raise context[FAILED]
    return context.get(RECORDED)
