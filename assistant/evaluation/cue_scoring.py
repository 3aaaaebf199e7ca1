"""Per-category precision, recall and F1 of extracted cues against the labelled ones.

A predicted cue matches a labelled cue of the same category when they share a content word
("old mates" ~ "mates", "Friday nights" ~ "Friday night"), or when the lexicon names the
labelled phrase with exactly the predicted cue ("getting paid" is the lexicon's "payday"):
the extractor reports cues by their lexicon names, and that is not an error. Each labelled
cue is matched at most once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.interview.models import CATEGORY_KINDS

STOPWORDS = frozenset(
    "a an the at in on of to and or with from by for his her their my our your its "
    "is are was be been when after before up out off into over so very really just".split()
)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

ALSO = " / "  # a predicted cue given as its canonical form and the patient's words
Namer = Callable[[str, str], set[str]]  # (category, phrase) -> the lexicon's names for it


def content_words(phrase: str) -> set[str]:
    words = {w.rstrip("s") if len(w) > 3 else w for w in WORD.findall(phrase.lower())}
    return {w for w in words if w not in STOPWORDS}


@dataclass(frozen=True)
class CategoryScore:
    category: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def one_per_concept(category: str, labelled: Sequence[str], names: Namer) -> list[str]:
    """Labelled phrases the lexicon gives one name ("scared", "panicky": anxious) count once:
    the extractor keeps one cue per concept, so the map does not list a feeling twice."""
    seen: set[frozenset[str]] = set()
    kept = []
    for phrase in labelled:
        named = frozenset(names(category, phrase))
        if named and named in seen:
            continue
        if named:
            seen.add(named)
        kept.append(phrase)
    return kept


def match_count(
    category: str, predicted: Sequence[str], labelled: Sequence[str], names: Namer
) -> int:
    left = list(labelled)
    matched = 0
    for guess in predicted:
        hit = next((gold for gold in left if _same(category, guess, gold, names)), None)
        if hit is not None:
            left.remove(hit)
            matched += 1
    return matched


def _same(category: str, guess: str, gold: str, names: Namer) -> bool:
    if content_words(guess) & content_words(gold):
        return True
    return any(form.lower() in names(category, gold) for form in guess.split(ALSO))


def score_categories(
    pairs: Iterable[tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]], names: Namer
) -> list[CategoryScore]:
    """pairs: (predicted by category, labelled by category) for each answer."""
    totals = {category: [0, 0, 0] for category in CATEGORY_KINDS}
    for predicted, labelled in pairs:
        for category, counts in totals.items():
            guesses = predicted.get(category, [])
            golds = one_per_concept(category, labelled.get(category, ()), names)
            tp = match_count(category, guesses, golds, names)
            counts[0] += tp
            counts[1] += len(guesses) - tp
            counts[2] += len(golds) - tp
    return [CategoryScore(c, *counts) for c, counts in totals.items()]


def overall(scores: Sequence[CategoryScore]) -> CategoryScore:
    """Micro-average: every cue counts once, whatever its category."""
    return CategoryScore(
        "all (micro)",
        sum(s.true_positives for s in scores),
        sum(s.false_positives for s in scores),
        sum(s.false_negatives for s in scores),
    )
