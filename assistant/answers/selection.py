"""Which posts answer: every post of the retrieved passages scored against the question.

A passage (about two posts) is the retrieval unit; the post is the evidence unit. The answer
used to quote the best post of each of the top three passages, so a passage ranked first for
its other post was quoted for the wrong one, and an answer post in the 4th or 5th passage was
never seen. Here every post of the top `k` passages is scored on its own:

    score = cosine(question, post) + LEXICAL_WEIGHT * lexical + PASSAGE_WEIGHT * passage score

`lexical` is the share of the question's words the post holds, each word weighted by its
rarity in general English (retrieval/term_weights.py), so a post naming the question's
"insula" or "α2δ" gains much and one sharing "brain" gains little: the lexical signal counts
where it is confident. Weights were chosen on the dev questions (`cuemap eval`):
on a grid of lexical 0-1 and passage 0-2 weights, 0.25 and 1.0 put a labelled post first for
81% of answered dev questions (cosine alone: 76%); a unit-level cosine added nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.corpus.models import Chunk
from assistant.retrieval.models import Hit
from assistant.retrieval.term_weights import lexical_share, question_weights

if TYPE_CHECKING:
    import numpy as np

LEXICAL_WEIGHT = 0.25
PASSAGE_WEIGHT = 1.0


@dataclass(frozen=True)
class CandidatePost:
    post: Chunk
    vector: np.ndarray
    units: list[str]
    unit_vectors: np.ndarray
    score: float = 0.0

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.post.source, self.post.thread_index, self.post.post_start)

    def same_thread(self, other: CandidatePost) -> bool:
        return self.key[:2] == other.key[:2]


def score_posts(
    question: str,
    vector: np.ndarray,
    hits: list[Hit],
    embedded: dict[str, list[CandidatePost]],
) -> list[CandidatePost]:
    """Every distinct post of the hits' passages, best first."""
    from assistant.retrieval.lexical import stems  # bm25s: only when answering

    weights = question_weights(question, stems)
    scored: dict[tuple[str, int, int], CandidatePost] = {}
    for hit in hits:
        for candidate in embedded[hit.chunk.id]:
            if candidate.key in scored:
                continue
            score = (
                float(candidate.vector @ vector)
                + LEXICAL_WEIGHT * lexical_share(weights, candidate.post.text, stems)
                + PASSAGE_WEIGHT * hit.score
            )
            scored[candidate.key] = CandidatePost(
                candidate.post, candidate.vector, candidate.units, candidate.unit_vectors, score
            )
    return sorted(scored.values(), key=lambda c: c.score, reverse=True)
