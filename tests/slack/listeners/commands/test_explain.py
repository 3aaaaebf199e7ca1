"""A clinician asks /explain in a ward channel: the answer arrives privately, cited."""

from __future__ import annotations

from datetime import date

from assistant.engine import Engine
from integrations.slack.listeners.commands.explain import LOOKING_IT_UP
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSender

COVERED = "how does the brain learn to seek the drug before the drug is present?"


def posted_to(fake: FakeSlack, response_url: str) -> list[dict]:
    return [
        c.params
        for c in fake.calls_to("response_url")
        if c.path.endswith(response_url.rsplit("/", 1)[1])
    ]


def texts(blocks: list[dict]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")


def test_explain_acknowledges_then_answers_privately_with_numbered_sources(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    reply, response_url = slack.command("/explain", COVERED)

    assert reply.status == 200
    assert reply.json()["text"] == LOOKING_IT_UP
    fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    [answer] = posted_to(fake_slack, response_url)
    assert answer["response_type"] == "ephemeral"
    assert answer["replace_original"] is True
    body = texts(answer["blocks"])
    expected = fake_engine.explainer.ask(COVERED)
    for statement in expected.statements:
        assert f"[{statement.citation}]*" in body
    assert "*Sources*" in body
    for citation in expected.citations:
        assert f"*[{citation.n}]*" in body and citation.thread in body
        assert f"post {citation.post}" in body
    buttons = [
        e["text"]["text"] for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons == ["👍 Helpful", "👎 Not helpful", "Share in channel"]


def test_explain_without_a_question_lists_the_topics(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    _, response_url = slack.command("/explain")

    [topics] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    listing = texts(topics["blocks"])
    titles = fake_engine.index.topics()
    assert f"The sources cover {len(titles)} topics" in listing
    assert all(title.replace("&", "&amp;") in listing for title in titles)


def test_explain_says_plainly_when_the_sources_do_not_cover_it(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    _, response_url = slack.command("/explain", "what dose of gabapentin should I start at?")

    [answer] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    body = texts(answer["blocks"])
    assert "do not give doses" in body or "do not cover" in body
    assert "*Sources*" not in body


def test_explain_sources_lists_what_the_library_holds_with_kind_and_date_added(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    _, response_url = slack.command("/explain", "sources")

    [listing] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    body = texts(listing["blocks"])
    [source] = fake_engine.index.sources()
    assert "The library holds 1 source:" in body
    assert f"“{source.title}”, thread capture, added {source.added}" in body
    assert source.added == date.today().isoformat()
    notes = [e["text"] for b in listing["blocks"] if b["type"] == "context" for e in b["elements"]]
    assert "Nothing is uploaded from chat" in notes[0]
