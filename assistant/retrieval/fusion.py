"""Reciprocal rank fusion (Cormack, Clarke & Büttcher, 2009)."""

from __future__ import annotations

RRF_K = 60


def reciprocal_rank_fusion(*rankings: list[str], k: int = RRF_K) -> dict[str, float]:
    """Each ranking is a list of ids, best first; returns id -> fused score."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores
