"""Dense-led score fusion: cosine similarity, with BM25 as a small, scaled bonus.

Reciprocal rank fusion (the first version) weighs both rankings equally; on the labelled
questions (`cuemap eval`) it ranked worse than the dense ranking alone (MRR 0.785 against
0.830 over two-post passages), because most clinician questions share few words with the
posts. Here the cosine leads and BM25, scaled to 0..1 by the best lexical score of the
query, adds at most `LEXICAL_WEIGHT`: enough to break near-ties in favour of the passage
that uses the question's own terms (a drug name, "insula"), too little to override meaning
(MRR 0.883; weights 0.03 and 0.08 gave 0.866).
"""

from __future__ import annotations

LEXICAL_WEIGHT = 0.05


def dense_led_fusion(
    similarities: dict[str, float], lexical: dict[str, float], weight: float = LEXICAL_WEIGHT
) -> dict[str, float]:
    """id -> fused score for every id in either input; a missing lexical score counts as 0."""
    best = max(lexical.values(), default=0.0) or 1.0
    return {
        chunk_id: similarity + weight * lexical.get(chunk_id, 0.0) / best
        for chunk_id, similarity in similarities.items()
    }
