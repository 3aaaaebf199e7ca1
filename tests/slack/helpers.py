"""Reading what reached the fake Slack: the texts of posted blocks, waiting for lazy work."""

from __future__ import annotations

import time
from typing import Any

from tests.slack.fake_slack import Call, FakeSlack

COVERED = "how does the brain learn to seek the drug before the drug is present?"
SETTLE_S = 0.5  # after the expected work: time for any duplicate work to show itself


def block_texts(blocks: list[dict[str, Any]]) -> str:
    """Every mrkdwn/plain text in the blocks, one per line, as Slack would render them."""
    out: list[str] = []
    for block in blocks:
        for key in ("text",):
            if isinstance(block.get(key), dict):
                out.append(block[key]["text"])
        for element in block.get("elements", []):
            if isinstance(element, dict) and "text" in element:
                text = element["text"]
                out.append(text["text"] if isinstance(text, dict) else text)
    return "\n".join(out)


def buttons(blocks: list[dict[str, Any]]) -> list[str]:
    return [
        e["text"]["text"]
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e.get("type") == "button"
    ]


def posted_to(fake: FakeSlack, response_url: str) -> list[dict[str, Any]]:
    name = response_url.rsplit("/", 1)[1]
    return [c.params for c in fake.calls_to("response_url") if c.path.endswith("/" + name)]


def in_thread(fake: FakeSlack, channel: str, thread_ts: str) -> list[Call]:
    return [
        c
        for c in fake.calls_to("chat.postMessage")
        if c.params.get("channel") == channel and c.params.get("thread_ts") == thread_ts
    ]


def settle() -> None:
    time.sleep(SETTLE_S)
