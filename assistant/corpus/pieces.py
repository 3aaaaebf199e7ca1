"""Handout text cut into posts a reader takes in at a glance, each knowing where it came from."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.corpus.models import Post

MAX_POST_CHARS = 600
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def located_posts(blocks: Iterable[tuple[str, str]]) -> tuple[Post, ...]:
    """(locator, paragraph) pairs in reading order → numbered posts of at most ~600 characters.

    Paragraphs under one locator (a page, a section) are joined while they fit; a paragraph
    longer than that is cut at sentence ends. A post never spans two locators.
    """
    posts: list[Post] = []
    current: list[str] = []
    where = ""

    def flush() -> None:
        if current:
            posts.append(Post(len(posts) + 1, "\n\n".join(current), where))
            current.clear()

    for locator, paragraph in blocks:
        for piece in _pieces(paragraph):
            if current and (
                locator != where or sum(map(len, current)) + len(piece) > MAX_POST_CHARS
            ):
                flush()
            where = locator
            current.append(piece)
    flush()
    return tuple(posts)


def _pieces(paragraph: str) -> list[str]:
    paragraph = " ".join(paragraph.split())
    if len(paragraph) <= MAX_POST_CHARS:
        return [paragraph] if paragraph else []
    pieces, current = [], ""
    for sentence in _SENTENCE_END.split(paragraph):
        if current and len(current) + len(sentence) + 1 > MAX_POST_CHARS:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces
