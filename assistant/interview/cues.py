"""Free-text answers to tagged cues: the lexicon first, the embedding model for what it misses.

1. Lexicon phrases (prompts/cue_lexicon.yaml) become cues with their IDTS situation tags.
2. What is left of the answer is cut into short clauses; each is compared with every lexicon
   phrase by the engine's embedder, and becomes a cue of the nearest phrase's category when it is
   close enough (`fallback.min_similarity`; a lone word, whose embedding mostly reflects its
   spelling, needs `min_similarity_one_word`). Only the categories the question asks about count.
3. A short answer that neither step recognised is itself the cue when the question says what
   kind of cue its answer is (`answer_is`): "Where?" -> "Dave's garage" is a place.

What is not words about the patient is never a cue: the PHI guard's placeholders ([NAME],
[URL]), Slack's tokens and handles (<@U0BOB>, @U0BOB, #ward), links and email addresses are
clause breaks before any matching.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from assistant.interview.lexicon import TOKEN, Lexicon, Match, Matcher, normalise
from assistant.interview.models import CATEGORY_KINDS, Cue, CueSource
from assistant.interview.template import Question
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.vector_cache import embed_once

CLAUSE_SPLIT = re.compile(r"[|,.;:!?()\n]+")
NOT_WORDS = re.compile(
    r"\[[A-Z]{2,12}\]"  # placeholders the PHI guard leaves
    r"|<[^<>]*>"  # Slack tokens: <@U0BOB>, <!here>, <#C1|ward>, <https://x|label>
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|(?<![\w@])(?:@[a-z0-9][\w.-]*|#[a-z][\w-]*)"  # handles, channels: @U0BOB, #ward
    r"|(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S*",  # links
    re.IGNORECASE,
)
CACHED_ANSWERS = 2048


@dataclass(frozen=True)
class Found:
    """A cue before it is placed in an episode."""

    category: str
    text: str
    situations: tuple[str, ...]
    source: CueSource


@dataclass(frozen=True)
class Prototypes:
    vectors: np.ndarray
    categories: list[str]
    situations: list[tuple[str, ...]]


class CueExtractor:
    def __init__(self, lexicon: Lexicon, embedder: Embedder | None = None) -> None:
        self.lexicon = lexicon
        self.matcher = Matcher(lexicon)
        self._embedder = embedder
        self._filler = {normalise(w) for w in lexicon.filler}
        self._breaks = {normalise(w) for w in lexicon.clause_breaks}
        self._non_answers = {normalise(w) for w in lexicon.non_answers}
        self._prototypes: Prototypes | None = None
        self._cache: OrderedDict[tuple[str, tuple[str, ...], str | None], list[Found]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def extract(self, text: str, question: Question, episode: int) -> list[Cue]:
        if not question.cues or not text.strip():
            return []
        return [
            Cue(
                category=f.category,
                kind=CATEGORY_KINDS[f.category],
                text=f.text,
                question_id=question.id,
                episode=episode,
                situation_tags=list(f.situations),
                source=f.source,
            )
            for f in self.find(text, tuple(question.cues), question.answer_is)
        ]

    def find(
        self, text: str, categories: tuple[str, ...], answer_is: str | None = None
    ) -> list[Found]:
        text = NOT_WORDS.sub(",", text)
        key = (text, categories, answer_is)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        found = self._find(text, categories, answer_is)
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > CACHED_ANSWERS:
                self._cache.popitem(last=False)
        return found

    def _find(self, text: str, categories: tuple[str, ...], answer_is: str | None) -> list[Found]:
        if normalise(text).strip(" .!") in self._non_answers:
            return []
        matches = self.matcher.find(text)
        found = [
            Found(m.category, m.text, m.situations, "lexicon") for m in matches if not m.negated
        ]
        found += self._by_similarity(self.leftovers(text, matches), categories)
        if not found and answer_is:
            found += self._whole_answer(text, answer_is)
        return list({(f.category, f.text.lower()): f for f in found}.values())

    def leftovers(self, text: str, matches: list[Match]) -> list[str]:
        """Short clauses of the answer that no lexicon phrase covered, filler trimmed."""
        chars = list(normalise(text))
        for m in matches:
            chars[m.start : m.end] = "|" * (m.end - m.start)
        clauses: list[list[str]] = []
        for piece in CLAUSE_SPLIT.split("".join(chars)):
            clauses.append([])
            for token in TOKEN.findall(piece):
                if token in self._breaks:
                    clauses.append([])
                else:
                    clauses[-1].append(token)
        return [phrase for tokens in clauses if (phrase := self._phrase(tokens))]

    def _phrase(self, tokens: list[str]) -> str | None:
        if any(self.matcher.is_negation(t) for t in tokens):
            return None  # "never at Dave's": whatever it is, it is not a cue
        while tokens and tokens[0] in self._filler:
            tokens = tokens[1:]
        while tokens and tokens[-1] in self._filler:
            tokens = tokens[:-1]
        if not tokens or len(tokens) > self.lexicon.fallback.max_words:
            return None
        return " ".join(tokens)

    def _by_similarity(self, phrases: list[str], categories: tuple[str, ...]) -> list[Found]:
        if not phrases or self._embedder is None:
            return []
        protos = self.prototypes()
        allowed = np.array([c in categories for c in protos.categories])
        if not allowed.any():
            return []
        sims = self._embedder.embed(phrases) @ protos.vectors.T
        sims[:, ~allowed] = -1.0
        found = []
        fallback = self.lexicon.fallback
        for phrase, row in zip(phrases, sims, strict=True):
            best = int(np.argmax(row))
            one_word = " " not in phrase
            bar = fallback.min_similarity_one_word if one_word else fallback.min_similarity
            if row[best] >= bar:
                found.append(
                    Found(protos.categories[best], phrase, protos.situations[best], "model")
                )
        return found

    def _whole_answer(self, text: str, category: str) -> list[Found]:
        phrase = self._phrase(TOKEN.findall(normalise(text)))
        if phrase is None:
            return []
        lexicon = self.lexicon.categories.get(category)  # type: ignore[call-overload]
        return [Found(category, phrase, tuple(lexicon.situations if lexicon else ()), "answer")]

    def prototypes(self) -> Prototypes:
        """Every lexicon phrase embedded once, with its category and situation tags."""
        assert self._embedder is not None
        with self._lock:
            if self._prototypes is None:
                phrases: list[str] = []
                categories: list[str] = []
                situations: list[tuple[str, ...]] = []
                for category, lexicon in self.lexicon.categories.items():
                    for entry in lexicon.entries:
                        names = [entry.cue] if entry.cue else []
                        for phrase in dict.fromkeys(normalise(p) for p in [*names, *entry.words]):
                            phrases.append(phrase)
                            categories.append(category)
                            situations.append(tuple(entry.situations or lexicon.situations))
                vectors = embed_once(self._embedder, phrases)  # on disk after the first time
                self._prototypes = Prototypes(vectors, categories, situations)
            return self._prototypes
