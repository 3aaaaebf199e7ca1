"""`/cuemap start | resume | list | export | delete | compare | help`, with a label where useful.

The interview itself runs in the clinician's DM with CueMap (one thread per session), so
patient answers never land in a shared channel; the command's replies are private.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from assistant.errors import PhiFoundError
from assistant.interview import SessionView
from integrations.slack.blocks.interview import delete_button, text_message
from integrations.slack.blocks.safety import withheld_label_message
from integrations.slack.blocks.sessions import export_message, sessions_message
from integrations.slack.blocks.text import actions, sections, to_dicts
from integrations.slack.delivery import respond_messages
from integrations.slack.error_handler import reported
from integrations.slack.escape import escape_mrkdwn, readable
from integrations.slack.interview_flow import SlackInterview, owner_of
from integrations.slack.services import services

HELP = (
    "*Cue-mapping interviews*\n"
    "`/cuemap start Pt-A`: start one (use a pseudonymous label, never a name)\n"
    "`/cuemap resume [label]`: carry on where you left off (the latest, without a label)\n"
    "`/cuemap list`: your interviews, to resume, export or erase\n"
    "`/cuemap export [label]`: the note or FHIR QuestionnaireResponse as a file\n"
    "`/cuemap delete label`: erase one for good\n"
    "`/cuemap compare label`: how triggers, craving and confidence moved across its sessions\n"
    "The interview runs in your DM with CueMap. For explanations: `/explain your question`."
)
WORKING = {
    "start": ":clipboard: Starting the interview in your DM with CueMap…",
    "resume": ":clipboard: Picking up where you left off, in your DM with CueMap…",
    "list": ":clipboard: Fetching your interviews…",
    "export": ":clipboard: Finding the interview…",
    "delete": ":clipboard: Finding the interview…",
    "compare": ":bar_chart: Comparing the sessions; the chart will be in your DM with CueMap…",
}


def parse(text: str) -> tuple[str, str]:
    sub, _, rest = readable(text).strip().partition(" ")
    return sub.lower(), rest.strip()


def acknowledge(ack: Ack, body: dict[str, Any]) -> None:
    sub, _ = parse(body.get("text") or "")
    ack(text=WORKING.get(sub, HELP), response_type="ephemeral")


@reported
def run_subcommand(
    body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    sub, rest = parse(body.get("text") or "")
    if sub not in WORKING:
        return  # the help text was the acknowledgement
    interview = SlackInterview(services(context), client, owner_of(context))
    SUBCOMMANDS[sub](interview, rest, respond, client)


def _start(interview: SlackInterview, label: str, respond: Respond, client: WebClient) -> None:
    try:
        view = interview.start(label)
    except PhiFoundError as found:  # offer the redacted label; never echo the identifiers
        message = withheld_label_message(found.redacted, found.summary)
        user = interview.owner.user_id
        respond_messages(respond, client, [message], user_id=user, replace_first=True)
        return
    _say(respond, client, interview, started_text(view))


def started_text(view: SessionView) -> str:
    return f"Started *{escape_mrkdwn(view.label)}*: the first question is in your DM with CueMap."


def _resume(interview: SlackInterview, wanted: str, respond: Respond, client: WebClient) -> None:
    session = interview.find(wanted, status="open")
    interview.resume(session.session_id)
    _say(
        respond,
        client,
        interview,
        f"Resumed *{escape_mrkdwn(session.label)}* in your DM with CueMap.",
    )


def _list(interview: SlackInterview, _: str, respond: Respond, client: WebClient) -> None:
    message = sessions_message(interview.interviews.list(interview.owner))
    respond_messages(
        respond, client, [message], user_id=interview.owner.user_id, replace_first=True
    )


def _export(interview: SlackInterview, wanted: str, respond: Respond, client: WebClient) -> None:
    message = export_message(interview.find(wanted))
    respond_messages(
        respond, client, [message], user_id=interview.owner.user_id, replace_first=True
    )


def _delete(interview: SlackInterview, wanted: str, respond: Respond, client: WebClient) -> None:
    if not wanted:
        _say(respond, client, interview, "Which one? `/cuemap delete Pt-A` (see `/cuemap list`).")
        return
    session = interview.find(wanted)
    text = f"Erase *{escape_mrkdwn(session.label)}* and every answer in it?"
    blocks = to_dicts([*sections(text), actions(delete_button(session))])
    respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=True)


def _compare(interview: SlackInterview, label: str, respond: Respond, client: WebClient) -> None:
    if not label:
        _say(respond, client, interview, "Which label? `/cuemap compare Pt-A`.")
        return
    interview.compare(label)
    _say(respond, client, interview, "The comparison is in your DM with CueMap.")


def _say(respond: Respond, client: WebClient, interview: SlackInterview, text: str) -> None:
    respond_messages(
        respond, client, [text_message(text)], user_id=interview.owner.user_id, replace_first=True
    )


SUBCOMMANDS = {
    "start": _start,
    "resume": _resume,
    "list": _list,
    "export": _export,
    "delete": _delete,
    "compare": _compare,
}


def register(app: App) -> None:
    app.command("/cuemap")(ack=acknowledge, lazy=[run_subcommand])
