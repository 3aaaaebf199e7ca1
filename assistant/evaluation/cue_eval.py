"""Runs the interview's cue extractor over the labelled answers, as the interview calls it."""

from __future__ import annotations

from assistant.evaluation.cue_labels import Split, load_cue_set
from assistant.evaluation.cue_scoring import ALSO, CategoryScore, overall, score_categories
from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import load_lexicon
from assistant.interview.template import load_template
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings


def evaluate_cues(
    settings: Settings, embedder: Embedder | None, split: Split | None = "test"
) -> list[CategoryScore]:
    """Per-category scores, then the micro-average over all cues (the test split by default).

    A cue is scored as its canonical form and the patient's words it was found in."""
    template = load_template(settings.prompts_dir)
    extractor = CueExtractor(load_lexicon(settings.prompts_dir, template.situation_ids()), embedder)

    def names(category: str, phrase: str) -> set[str]:
        return {m.text.lower() for m in extractor.matcher.find(phrase) if m.category == category}

    pairs: list[tuple[dict[str, list[str]], dict[str, tuple[str, ...]]]] = []
    for item in load_cue_set(template, split=split):
        question = template.question(item.question_id)
        assert question is not None  # checked at load
        predicted: dict[str, list[str]] = {}
        for cue in extractor.extract(item.answer, question, episode=1):
            shown = cue.text if cue.wording in ("", cue.text) else f"{cue.text}{ALSO}{cue.wording}"
            predicted.setdefault(cue.category, []).append(shown)
        pairs.append((predicted, {str(k): v for k, v in item.cues.items()}))
    scores = score_categories(pairs, names)
    return [*scores, overall(scores)]
