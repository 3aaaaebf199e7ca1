"""Questions in, cited answers out: the one entry point every surface calls."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from assistant.answers.models import Answer
from assistant.retrieval.models import SearchResult

if TYPE_CHECKING:  # chromadb: not imported where saved interviews are only shown
    from assistant.retrieval.index import CorpusIndex


class Composer(Protocol):
    def compose(self, result: SearchResult) -> Answer: ...


class Explainer:
    def __init__(self, index: CorpusIndex, composer: Composer, k: int = 5) -> None:
        self.index = index
        self.composer = composer
        self.k = k

    def search(self, query: str, k: int | None = None) -> SearchResult:
        return self.index.search(query, k or self.k)

    def ask(self, question: str) -> Answer:
        result = self.search(question)
        return with_coverage(self.composer.compose(result), result)


def with_coverage(answer: Answer, result: SearchResult) -> Answer:
    """The answer marked with what the sources cover; a partial one says first what they lack."""
    coverage = result.coverage
    if answer.abstained:
        return replace(answer, coverage="none", not_covered=coverage.not_covered)
    return replace(
        answer, coverage=coverage.level, not_covered=coverage.not_covered, notice=coverage.notice
    )
