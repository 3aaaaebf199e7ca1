"""Runs the interview's cue extractor over the labelled answers, as the interview calls it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.evaluation.cue_labels import Split, load_cue_set
from assistant.evaluation.cue_scoring import ALSO, CategoryScore, overall, score_categories
from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import load_lexicon
from assistant.interview.template import load_template
from assistant.privacy import redact
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings


def evaluate_cues(
    settings: Settings, embedder: Embedder | None, split: Split | None = "test"
) -> list[CategoryScore]:
    """Per-category scores, then the micro-average over all cues (the test split by default).

    A cue is scored as its canonical form and the patient's words it was found in. Each answer
    is first redacted, as the interview stores it: a labelled "Tomasz" is then the "[NAME]" the
    extractor sees."""
    template = load_template(settings.prompts_dir)
    extractor = CueExtractor(load_lexicon(settings.prompts_dir, template.situation_ids()), embedder)

    def names(category: str, phrase: str) -> set[str]:
        return {m.text.lower() for m in extractor.matcher.find(phrase) if m.category == category}

    pairs: list[tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]] = []
    for item in load_cue_set(template, split=split):
        question = template.question(item.question_id)
        assert question is not None  # checked at load
        stored, labelled = as_stored(item.answer, item.cues)
        predicted: dict[str, list[str]] = {}
        for cue in extractor.extract(stored, question, episode=1):
            shown = cue.text if cue.wording in ("", cue.text) else f"{cue.text}{ALSO}{cue.wording}"
            predicted.setdefault(cue.category, []).append(shown)
        pairs.append((predicted, labelled))
    scores = score_categories(pairs, names)
    return [*scores, overall(scores)]


PLACEHOLDER = re.compile(r"\[[A-Z]{2,12}\]")
WORD = re.compile(r"[\w'-]+")


def as_stored(
    answer: str, cues: Mapping[str, Sequence[str]]
) -> tuple[str, dict[str, tuple[str, ...]]]:
    """The answer as the interview stores it (identifiers redacted), and its labelled cues
    with the same words redacted: "cousin Darnell" is "cousin [NAME]"."""
    stored = redact(answer).text
    labelled = {str(category): tuple(phrases) for category, phrases in cues.items()}
    if stored == answer:
        return answer, labelled
    kinds = set(PLACEHOLDER.findall(stored))
    placeholder = kinds.pop() if len(kinds) == 1 else "[NAME]"
    kept = {w.lower() for w in WORD.findall(PLACEHOLDER.sub(" ", stored))}

    def as_kept(phrase: str) -> str:
        words: list[str] = []
        for word in phrase.split():
            bare = re.sub(r"'s?$", "", word.strip(',.;:!?"')).lower()
            if bare and bare not in kept and word.lower() not in kept:
                word = placeholder
            if not (word == placeholder and words and words[-1] == placeholder):
                words.append(word)
        return " ".join(words)

    return stored, {c: tuple(as_kept(p) for p in phrases) for c, phrases in labelled.items()}
