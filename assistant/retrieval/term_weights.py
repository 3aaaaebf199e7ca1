"""How much each word of a question counts: rarer in general English counts for more.

A word's weight is 7 - its wordfreq Zipf frequency (a corpus-free IDF), so a question's
"insula" or "payday" weighs much and its "does" or "brain" little. The same weights rank the
posts an answer quotes (answers/selection.py) and count as lexical evidence of relevance when
the dense similarity alone is weak (coverage.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

MAX_ZIPF = 7.0

Stems = Callable[[str], list[str]]


def question_weights(question: str, stems: Stems) -> dict[str, float]:
    """Stem -> weight of the question's words."""
    weights: dict[str, float] = {}
    for word in question.split():
        word = word.strip("?,.!;:\"'()").lower()
        for stem in stems(word):
            weights[stem] = max(weights.get(stem, 0.0), MAX_ZIPF - zipf(word))
    return weights


def lexical_share(weights: dict[str, float], text: str, stems: Stems) -> float:
    """The weighted share of the question's words that `text` holds (0 to 1)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    held = set(stems(text))
    return sum(w for stem, w in weights.items() if stem in held) / total


@cache
def zipf(word: str) -> float:
    """General-English frequency of a lower-cased word on wordfreq's Zipf scale (0 to 7)."""
    from assistant.word_frequency import zipf as english_zipf

    return min(english_zipf(word), MAX_ZIPF)
