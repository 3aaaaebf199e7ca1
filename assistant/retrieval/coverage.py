"""Abstention: when the sources do not cover a question, say so instead of guessing.

Two checks. The best passage must be similar enough to the question (a threshold
calibrated on the labelled questions, see `cuemap eval`). And a question asking for a
kind of fact the passages do not hold at all (a dose, a billing code) is declined even
when the topic matches: the thread on gabapentinoids explains their mechanism, not doses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.models import Hit

NOT_COVERED = "The sources do not cover this question."


@dataclass(frozen=True)
class FactNeed:
    asks: re.Pattern[str]
    evidence: re.Pattern[str]
    reason: str


FACT_NEEDS = (
    FactNeed(
        asks=re.compile(
            r"\b(dose|doses|dosage|dosing|mg|mcg|milligrams?|titrat\w*|max(imum)? daily|"
            r"how (much|many) (\w+ )*(should|do|can|to) (i |we )?(give|take|prescribe|start))\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|micrograms?|milligrams?|ml)\b", re.I),
        reason="The sources do not give doses; they explain mechanisms. Check a formulary.",
    ),
    FactNeed(
        asks=re.compile(
            r"\b(bill|billing|billed|cpt|icd(-?10)?|reimburs\w*|insurance|copay|invoice|"
            r"price|fee|fees|how much (does|do|will|would|is|are) [^?]*\bcosts?|"
            r"costs? of (an? |the )?(treatment|session|visit|therapy|assessment|appointment)s?)\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(r"(\$\s?\d|\bCPT\b|\bICD\b|\b\d{5}\b)"),
        reason="The sources do not cover billing or costs.",
    ),
)


def abstention_reason(query: str, hits: list[Hit], min_relevance: float) -> str:
    """Empty when the hits can answer the query; otherwise why they cannot."""
    if not hits or max(hit.similarity for hit in hits) < min_relevance:
        return NOT_COVERED
    for need in FACT_NEEDS:
        if need.asks.search(query) and not any(need.evidence.search(h.chunk.text) for h in hits):
            return need.reason
    return ""
