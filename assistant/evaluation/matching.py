"""Which labelled posts a piece of retrieved text contains, judged by the text alone.

Every system is measured the same way, whatever its chunks look like: CueMap's post-shaped
chunks, or LangChain's 1,000-character windows over the raw page. A post counts as present
when at least half of its text (by characters, line by line) appears in the retrieved text.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.corpus.models import SourceDocument
from assistant.evaluation.labels import PostRef

PRESENT_SHARE = 0.5


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


class PostMatcher:
    def __init__(self, documents: Iterable[SourceDocument]) -> None:
        self._lines: dict[PostRef, list[str]] = {}
        for document in documents:
            for thread in document.threads:
                for post in thread.posts:
                    lines = [normalise(line) for line in post.text.splitlines() if line.strip()]
                    self._lines[(thread.title, post.number)] = lines

    def posts_in(self, text: str, among: Iterable[PostRef] | None = None) -> frozenset[PostRef]:
        """The posts (of `among`, default all) present in `text`."""
        haystack = normalise(text)
        candidates = self._lines.keys() if among is None else among
        return frozenset(ref for ref in candidates if self._share(ref, haystack) >= PRESENT_SHARE)

    def _share(self, ref: PostRef, haystack: str) -> float:
        lines = self._lines.get(ref, [])
        total = sum(len(line) for line in lines)
        found = sum(len(line) for line in lines if line in haystack)
        return found / total if total else 0.0
