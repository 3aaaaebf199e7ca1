"""Crisis statements by meaning, for what the phrase lexicon cannot list.

People say they want to die in more ways than any list of phrases holds: "hoping I just won't
wake up", "the kids would be better off if I wasn't in the picture", typed with misspellings
or in a second language. Each sentence of the text is embedded by the engine's model and
compared with examples of each kind of crisis statement (C-SSRS items, warning signs, acts)
and with examples of what is not one (a denial, a risk-form heading, an idiom, a prevention
course). A sentence is a hit when it is close enough to a crisis example (`min_similarity`)
and closer to it than to any not-a-crisis example by `margin`. With a case bank
(case_bank.py), the labelled dev statements join the examples: each to flag as its kind, each
near-miss and each ordinary interview sentence as not a crisis; a sentence flagged by a past
statement rather than an example must come closer to it (`case_similarity`). Thresholds were
set on the dev cases; `cuemap fit-crisis --check` scores them batch by batch, each batch with
nothing fitted on it: a missed crisis statement costs more than a false flag.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.retrieval.vector_cache import embed_once
from assistant.safety.case_bank import CaseBank, embedder_model, load_bank
from assistant.safety.config import Semantic

if TYPE_CHECKING:
    import numpy as np

    from assistant.retrieval.embedder import Embedder

log = logging.getLogger(__name__)
SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
CLAUSE = re.compile(r"[^,:()\u2013\u2014]+")
MIN_WORDS = 3  # "ok", "fine thanks": nothing to compare
LONG = 14  # words from which a sentence is also read clause by clause (a statement buried in
# a story: "...the vet bill, and she mentioned taking a handful of tramadol to see if...")


@dataclass(frozen=True)
class Statement:
    start: int
    end: int
    kind: str
    similarity: float


class SemanticScreen:
    def __init__(
        self, config: Semantic, embedder: Embedder, bank: CaseBank | Path | None = None
    ) -> None:
        """`bank`: past cases as further examples, or the file to read them from when the
        first sentence is screened (used only when made with the embedder's model)."""
        self._config = config
        self._embedder = embedder
        self._case_bank = bank
        self._examples = 0  # rows of the crisis vectors that are examples; cases follow
        self._loaded: tuple[np.ndarray, list[str], np.ndarray] | None = None
        self._lock = threading.Lock()

    def ready(self) -> bool:
        """Whether the model is loaded, or loads at once (an ONNX export already made). A
        model still to be prepared (about 20 s, once) is not waited for: a check never holds
        up an answer, and the phrases and the speller still run."""
        embedder = self._embedder
        return bool(getattr(embedder, "loaded", True) or getattr(embedder, "exported", False))

    def statements(self, text: str) -> list[Statement]:
        """The sentences of `text` that read as a crisis statement, with the closest kind."""
        if not self.ready():
            log.warning("Crisis check by phrases only: the embedding model is still loading.")
            return []
        sentences = units(text)
        if not sentences:
            return []
        crisis, kinds, benign = self._vectors()
        vectors = self._embedder.embed([text[a:b].strip() for a, b in sentences])
        near_crisis = vectors @ crisis.T
        near_benign = (vectors @ benign.T).max(axis=1)
        found = []
        for (start, end), row, benign_best in zip(sentences, near_crisis, near_benign, strict=True):
            best = self._best(row)
            if best is None:
                continue
            similarity = float(row[best])
            if similarity - float(benign_best) >= self._config.margin:
                found.append(Statement(start, end, kinds[best], similarity))
        return found

    def _best(self, row: np.ndarray) -> int | None:
        """The nearest crisis example close enough (`min_similarity`), or else the nearest
        statement of the case bank (after the examples) close enough (`case_similarity`):
        one past statement is a narrower guide than an example written for a kind."""
        config, examples = self._config, self._examples
        best = int(row[:examples].argmax())
        if row[best] >= config.min_similarity:
            return best
        if len(row) > examples:
            case = examples + int(row[examples:].argmax())
            if row[case] >= config.case_similarity:
                return case
        return None

    def _vectors(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        with self._lock:
            if self._loaded is None:
                kinds = [k for k, examples in self._config.examples.items() for _ in examples]
                examples = [e for group in self._config.examples.values() for e in group]
                self._examples = len(examples)
                crisis = embed_once(self._embedder, examples)
                benign = embed_once(self._embedder, self._config.not_crisis)
                cases = self._cases()
                if cases is not None:
                    import numpy as np

                    crisis = np.vstack([crisis, cases.crisis])
                    kinds = [*kinds, *cases.kinds]
                    benign = np.vstack([benign, cases.benign])
                self._loaded = (crisis, kinds, benign)
            return self._loaded

    def _cases(self) -> CaseBank | None:
        bank = self._case_bank
        if isinstance(bank, Path):
            return load_bank(embedder_model(self._embedder), bank)
        if bank is not None and bank.model != embedder_model(self._embedder):
            return None
        return bank


def units(text: str) -> list[tuple[int, int]]:
    """Where the screen reads `text`: each sentence of three words or more, and the clauses
    of a long one."""
    return [span for m in SENTENCE.finditer(text) for span in _units(text, m)]


def _units(text: str, sentence: re.Match[str]) -> list[tuple[int, int]]:
    """The sentence, and each of its clauses when it is long."""
    units = [sentence.span()] if len(sentence.group(0).split()) >= MIN_WORDS else []
    if len(sentence.group(0).split()) >= LONG:
        units += [
            (sentence.start() + m.start(), sentence.start() + m.end())
            for m in CLAUSE.finditer(sentence.group(0))
            if len(m.group(0).split()) >= MIN_WORDS
        ]
    return units
