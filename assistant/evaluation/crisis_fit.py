"""The case bank of the meaning screen (assistant/safety/case_bank.py), and how it generalises.

Every batch of crisis statements written by someone new has been caught poorly as it came and
well once tuned on, so the figure that matters is a batch's recall *before* anything was fitted
on it. Leave-one-batch-out measures exactly that for what is fitted here: each batch of dev
cases (marked `# batch: NAME` in eval/crisis_cases.yaml) is scored by the detector with a bank
made from every other batch. The phrase lexicon was written over years of these batches and
cannot be withheld: phrases catch what they catch in every column alike.

The dev interview answers of eval/cue_extraction.yaml (patients' own words about their triggers)
are the realistic negatives: the bank holds their sentences as not-a-crisis, so they are scored
in folds, each by a bank made without it, and the test answers by the whole bank.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.evaluation.crisis_eval import CRISIS_SET, CrisisCase, SplitScore, evaluate_crisis
from assistant.safety.case_bank import CaseBank, embedder_model
from assistant.safety.config import SafetyConfig
from assistant.safety.detector import CrisisDetector
from assistant.safety.semantic import units

if TYPE_CHECKING:
    import numpy as np

    from assistant.retrieval.embedder import Embedder

BATCH = re.compile(r"^\s*#\s*batch:\s*(\S.*?)\s*$")
CASE = re.compile(r"^\s*-\s*\{")
ANSWER_FOLDS = 5


def case_batches(path: Path = CRISIS_SET) -> list[str]:
    """The batch of each case of the file, in order: the name of the last `# batch:` line
    above it ("" before the first)."""
    batch, batches = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        marker = BATCH.match(line)
        if marker:
            batch = marker.group(1)
        elif CASE.match(line):
            batches.append(batch)
    return batches


@dataclass
class BankTexts:
    crisis: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    benign: list[str] = field(default_factory=list)


def bank_texts(
    detector: CrisisDetector, cases: Sequence[CrisisCase], answers: Sequence[str]
) -> BankTexts:
    """The dev cases as the screen reads them: a statement to flag that no phrase catches, as
    its (first) kind (one a phrase catches needs no example, and would bring its other clauses
    along: "Never misses a group, ..., and last week tried to hang himself"); a near-miss, with
    each of its sentences and clauses, as no crisis; and each sentence of an interview answer
    that holds no crisis phrase as no crisis. `detector` reads phrases only (no model)."""
    texts = BankTexts()
    for case in cases:
        if case.split != "dev":
            continue
        read = detector.as_read(case.text).strip()
        if case.expect:
            if detector.check(case.text):  # the phrases catch it: its other clauses are noise
                continue
            texts.crisis.append(read)
            texts.kinds.append(case.expect[0].partition("/")[0].split("|")[0])
        else:
            texts.benign += [read, *(read[a:b].strip() for a, b in units(read))]
    for answer in answers:
        if detector.check(answer):  # phrases only (no model): a crisis told in an answer
            continue
        read = detector.as_read(answer)
        texts.benign += [read[a:b].strip() for a, b in units(read)] or [read.strip()]
    return texts


def make_bank(embedder: Embedder, texts: BankTexts) -> CaseBank:
    model = embedder_model(embedder)
    if model is None:
        raise ValueError("the embedder names no model: a case bank would fit no screen")
    digest = hashlib.sha256()
    for text in [*texts.crisis, *texts.kinds, "\n", *texts.benign]:
        digest.update(text.encode() + b"\n")
    return CaseBank(
        crisis=_vectors(embedder, texts.crisis),
        kinds=tuple(texts.kinds),
        benign=_vectors(embedder, texts.benign),
        model=model,
        cases=digest.hexdigest()[:16],
    )


@dataclass(frozen=True)
class HeldOut:
    batches: dict[str, SplitScore]  # each batch, scored with it withheld from the bank
    answers_flagged: list[str]  # interview answers flagged, each by a bank made without it
    answers: int


def leave_batch_out(
    config: SafetyConfig,
    embedder: Embedder,
    cases: Sequence[CrisisCase],
    batches: Sequence[str],
    answers: Sequence[str],
    test_answers: Sequence[str] = (),
) -> HeldOut:
    """Each dev batch scored by the detector with a bank made from the other batches (and
    every dev answer); each dev answer by a bank made without its fold; test answers by the
    whole bank."""
    cached = CachingEmbedder(embedder)
    phrases = CrisisDetector(config)
    dev = [(c, b) for c, b in zip(cases, batches, strict=True) if c.split == "dev"]
    scores = {}
    for batch in dict.fromkeys(b for _, b in dev):
        others = [c for c, b in dev if b != batch]
        bank = make_bank(cached, bank_texts(phrases, others, answers))
        detector = CrisisDetector(config, cached, bank)
        scores[batch] = evaluate_crisis(detector.check, [c for c, b in dev if b == batch], "dev")
    flagged = []
    all_cases = [c for c, _ in dev]
    for fold in range(ANSWER_FOLDS):
        seen = [a for i, a in enumerate(answers) if i % ANSWER_FOLDS != fold]
        held = [a for i, a in enumerate(answers) if i % ANSWER_FOLDS == fold]
        if fold == 0:
            held = [*held, *test_answers]
        bank = make_bank(cached, bank_texts(phrases, all_cases, seen))
        detector = CrisisDetector(config, cached, bank)
        flagged += [a for a in held if detector.check(a)]
    return HeldOut(scores, flagged, len(answers) + len(test_answers))


class CachingEmbedder:
    """Each text embedded once across the folds; the model is the wrapped embedder's."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._seen: dict[str, np.ndarray] = {}
        self.model_id = getattr(embedder, "model_id", None)
        self.dimension = embedder.dimension

    def embed(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        new = list(dict.fromkeys(t for t in texts if t not in self._seen))
        if new:
            for text, vector in zip(new, self._embedder.embed(new), strict=True):
                self._seen[text] = np.asarray(vector, dtype=np.float32)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._seen[t] for t in texts])


def _vectors(embedder: Embedder, texts: list[str]) -> np.ndarray:
    import numpy as np

    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    return np.asarray(embedder.embed(texts), dtype=np.float32)


def interview_answers(split: str) -> list[str]:
    """The interview answers of eval/cue_extraction.yaml of one split, as typed."""
    import yaml

    from assistant.evaluation.cue_labels import CUE_SET, CueSetFile

    parsed = CueSetFile.model_validate(yaml.safe_load(CUE_SET.read_text(encoding="utf-8")))
    return [a.answer for a in parsed.answers if a.split == split]
