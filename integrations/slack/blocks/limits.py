"""Slack's Block Kit limits, and the helpers that keep every payload inside them.

Builders use `slack_sdk.models`, which validates each block's own limits when it is
serialised; what the models cannot see (blocks per message, one long text over several
sections) is handled here. `problems()` re-checks a finished payload the way Slack would and
is what the tests run over every payload the app sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100  # modal or App Home
SECTION_TEXT = 3000
SECTION_FIELD_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTIONS_ELEMENTS = 25
CONTEXT_ELEMENTS = 10
MODAL_TITLE = 24
PRIVATE_METADATA = 3000
FALLBACK_TEXT = 4000  # Slack truncates message `text` beyond 40,000; keep notifications short


def split_text(text: str, limit: int = SECTION_TEXT) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at paragraph, line or word ends."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_point(rest, limit)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _cut_point(text: str, limit: int) -> int:
    for separator, kept in (("\n\n", 0), ("\n", 0), (". ", 1), (" ", 0)):
        at = text.rfind(separator, limit // 2, limit)
        if at > 0:
            return at + kept  # a sentence keeps its full stop
    return limit


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis when it was longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chunk_blocks(blocks: list[dict], limit: int = MESSAGE_BLOCKS) -> list[list[dict]]:
    """Blocks spread over as many messages as needed, at most `limit` in each."""
    return [blocks[i : i + limit] for i in range(0, len(blocks), limit)] or [[]]


def problems(payload: dict[str, Any], surface: str = "message") -> list[str]:
    """Every way `payload` (a message or a view) breaks Slack's limits; empty when it fits."""
    blocks = payload.get("blocks") or []
    cap = MESSAGE_BLOCKS if surface == "message" else VIEW_BLOCKS
    found = [f"{len(blocks)} blocks in a {surface} (max {cap})"] if len(blocks) > cap else []
    if surface == "modal":
        found += _view_problems(payload)
    found += _duplicate_ids(blocks)
    for block in blocks:
        found += _block_problems(block)
    if len(payload.get("text") or "") > FALLBACK_TEXT:
        found.append("fallback text longer than 4000 characters")
    return found


def _view_problems(view: dict[str, Any]) -> list[str]:
    found = []
    for key in ("title", "submit", "close"):
        if len((view.get(key) or {}).get("text", "")) > MODAL_TITLE:
            found.append(f"modal {key} longer than {MODAL_TITLE}")
    if len(view.get("private_metadata") or "") > PRIVATE_METADATA:
        found.append("private_metadata too long")
    return found


def _duplicate_ids(blocks: list[dict]) -> list[str]:
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    action_ids = [e["action_id"] for e in _elements(blocks) if "action_id" in e]
    return [
        f"duplicate {kind} {value}"
        for kind, values in (("block_id", block_ids), ("action_id", action_ids))
        for value in sorted({v for v in values if values.count(v) > 1})
    ]


def _elements(blocks: list[dict]) -> Iterator[dict]:
    for block in blocks:
        yield from block.get("elements") or []
        if "accessory" in block:
            yield block["accessory"]
        if "element" in block:
            yield block["element"]


def _block_problems(block: dict[str, Any]) -> list[str]:
    kind = block.get("type")
    found = []
    if kind == "section":
        if len((block.get("text") or {}).get("text", "")) > SECTION_TEXT:
            found.append(f"section text longer than {SECTION_TEXT}")
        found += [
            f"section field longer than {SECTION_FIELD_TEXT}"
            for field in block.get("fields") or []
            if len(field.get("text", "")) > SECTION_FIELD_TEXT
        ]
    if kind == "header" and len(block["text"]["text"]) > HEADER_TEXT:
        found.append(f"header longer than {HEADER_TEXT}")
    if kind == "actions" and len(block.get("elements", [])) > ACTIONS_ELEMENTS:
        found.append(f"more than {ACTIONS_ELEMENTS} elements in an actions block")
    if kind == "context" and len(block.get("elements", [])) > CONTEXT_ELEMENTS:
        found.append(f"more than {CONTEXT_ELEMENTS} elements in a context block")
    for element in _elements([block]):
        found += _element_problems(element)
    return found


def _element_problems(element: dict[str, Any]) -> list[str]:
    if element.get("type") != "button":
        return []
    found = []
    if len(element["text"]["text"]) > BUTTON_TEXT:
        found.append(f"button label longer than {BUTTON_TEXT}: {element['text']['text'][:20]}…")
    if len(element.get("value") or "") > BUTTON_VALUE:
        found.append(f"button value longer than {BUTTON_VALUE}")
    return found
