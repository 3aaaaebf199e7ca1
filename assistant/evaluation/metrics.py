"""Ranking metrics over the posts each retrieved passage contains.

For one question, a system returns passages in rank order; `found[i]` is the set of labelled
posts passage i contains (see matching.py). Then:

- recall@k: share of the labelled posts contained in the first k passages;
- reciprocal rank: 1 / rank of the first passage containing a labelled post (0 if none);
- nDCG@5: binary gain for a passage that brings a labelled post not seen higher up, against
  the ideal of one new labelled post per rank;
- reading-budget hit: a labelled post is present in the first 500 characters of retrieved
  text read in rank order. A clinician reads from the top; a big chunk cannot win by size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.evaluation.labels import PostRef
from assistant.evaluation.matching import PostMatcher

READING_BUDGET = 500
RECALL_AT = (1, 3, 5)

Found = Sequence[frozenset[PostRef]]


def recall_at(found: Found, labels: frozenset[PostRef], k: int) -> float:
    seen = frozenset().union(*found[:k]) if found[:k] else frozenset()
    return len(seen & labels) / len(labels)


def reciprocal_rank(found: Found, labels: frozenset[PostRef]) -> float:
    for rank, posts in enumerate(found, start=1):
        if posts & labels:
            return 1.0 / rank
    return 0.0


def ndcg_at(found: Found, labels: frozenset[PostRef], k: int = 5) -> float:
    seen: set[PostRef] = set()
    dcg = 0.0
    for rank, posts in enumerate(found[:k], start=1):
        new = (posts & labels) - seen
        if new:
            dcg += 1.0 / math.log2(rank + 1)
            seen |= new
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(labels), k) + 1))
    return dcg / ideal


def reading_window(texts: Sequence[str], budget: int = READING_BUDGET) -> list[str]:
    """The retrieved texts as far as a reader gets within `budget` characters."""
    window: list[str] = []
    left = budget
    for text in texts:
        if left <= 0:
            break
        window.append(text[:left])
        left -= len(text)
    return window


def budget_hit(
    texts: Sequence[str],
    labels: frozenset[PostRef],
    matcher: PostMatcher,
    budget: int = READING_BUDGET,
) -> bool:
    return any(matcher.posts_in(part, labels) for part in reading_window(texts, budget))


@dataclass(frozen=True)
class QuestionScores:
    recall: dict[int, float]
    reciprocal_rank: float
    ndcg5: float
    budget_hit: bool
    any_hit: bool = False  # some returned passage holds a labelled post
    precision: float = 0.0  # share of returned passages holding a labelled post


def score_question(
    texts: Sequence[str], labels: frozenset[PostRef], matcher: PostMatcher
) -> QuestionScores:
    found = [matcher.posts_in(text, labels) for text in texts]
    return QuestionScores(
        recall={k: recall_at(found, labels, k) for k in RECALL_AT},
        reciprocal_rank=reciprocal_rank(found, labels),
        ndcg5=ndcg_at(found, labels, 5),
        budget_hit=budget_hit(texts, labels, matcher),
        any_hit=any(found),
        precision=sum(bool(posts) for posts in found) / len(found) if found else 0.0,
    )


@dataclass(frozen=True)
class RankingSummary:
    recall: dict[int, float]
    mrr: float
    ndcg5: float
    budget_hit_rate: float
    questions: int
    hit_rate: float = 0.0  # questions with a labelled post among the returned passages
    precision: float = 0.0  # returned passages holding a labelled post, averaged
    first_hit_rate: float = 0.0  # questions whose first passage holds a labelled post


def summarise(scores: Sequence[QuestionScores]) -> RankingSummary:
    n = len(scores)
    return RankingSummary(
        recall={k: sum(s.recall[k] for s in scores) / n for k in RECALL_AT},
        mrr=sum(s.reciprocal_rank for s in scores) / n,
        ndcg5=sum(s.ndcg5 for s in scores) / n,
        budget_hit_rate=sum(s.budget_hit for s in scores) / n,
        questions=n,
        hit_rate=sum(s.any_hit for s in scores) / n,
        precision=sum(s.precision for s in scores) / n,
        first_hit_rate=sum(s.reciprocal_rank == 1.0 for s in scores) / n,
    )
