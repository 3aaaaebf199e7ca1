"""The default composer: quote the post that answers, in the thread's order, each quote cited.

Nothing is generated. Every post of the retrieved passages is scored against the question
(selection.py), the question's vector first mapped by the query adapter where one was fitted on
these posts (query_adapter.py). The best post leads, and a further post of the same thread
follows when it scores nearly as well and comes after it in the thread (quotes keep the
thread's order; no unrelated thread is mixed in). Each post is split into readable units (a
paragraph, with a lead-in and its bullet list kept together, very short lines joined to the
next) and its best one or two units are quoted. A unit opening on an anaphor or connective
("That shift...", "But...", "This is why...") brings the sentence it refers to, or is not used
as an opener; a unit stating a belief the post goes on to correct ("Depression is often
described as low serotonin." followed by "But...") brings its correction.
A citation names the one post its quote comes from.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.answers.models import Answer, Citation, Statement
from assistant.answers.query_adapter import QueryAdapter
from assistant.answers.selection import CandidatePost, score_posts
from assistant.corpus.models import Chunk
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.models import SearchResult

if TYPE_CHECKING:  # numpy loads with the first vectors, not with the bot or the CLI
    import numpy as np

MIN_UNIT_CHARS = 60
BULLET = re.compile(r"^\s*[*\-•]\s+")
POST_MARGIN = 0.08  # a further post is quoted only when nearly as relevant as the best
SECOND_UNIT_MARGIN = 0.08
WHOLE_POST_CHARS = 450  # a post this short is quoted whole
BRIDGE_CHARS = 60  # a leading anaphoric sentence shorter than this only links to the last post
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
CACHED_CHUNKS = 4096
ANAPHOR = re.compile(
    r"^(that|this|these|those|it|its|they|their|them|such|but|so|and|or|yet|then|also|"
    r"however|thus|therefore|hence|here|there)\b",
    re.IGNORECASE,
)
CORRECTION = re.compile(
    r"^(but|however|yet|in fact|in reality|actually|instead|that is not|this is not|it is not|"
    r"the (problem|truth|reality) is)\b",
    re.IGNORECASE,
)


def split_units(text: str) -> list[str]:
    """Readable units of a post, bullets folded into their lead-in sentence."""
    units: list[str] = []
    for paragraph in text.split("\n\n"):
        lines = [ln.strip() for ln in paragraph.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(BULLET.match(ln) for ln in lines) and units:
            items = "; ".join(BULLET.sub("", ln) for ln in lines)
            units[-1] = f"{units[-1].rstrip(':')}: {items}."
            continue
        sentence = " ".join(BULLET.sub("", ln) for ln in lines)
        if units and (len(units[-1]) < MIN_UNIT_CHARS or units[-1].endswith(":")):
            units[-1] = f"{units[-1]} {sentence}"
        else:
            units.append(sentence)
    return units


class ExtractiveComposer:
    def __init__(
        self,
        embedder: Embedder,
        adapter: QueryAdapter | Callable[[], QueryAdapter | None] | None = None,
        max_posts: int = 2,
        max_statements: int = 4,
    ) -> None:
        """`adapter`: the query adapter, or what loads it on the first answer (not at start)."""
        self._embedder = embedder
        self._adapter = adapter
        self._max_posts = max_posts
        self._max_statements = max_statements
        self._embedded: OrderedDict[str, list[CandidatePost]] = OrderedDict()
        self._lock = threading.Lock()

    def compose(self, result: SearchResult) -> Answer:
        if result.abstained or not result.hits:
            return Answer(question=result.query, abstained=True, reason=result.reason)
        question = self._embedder.embed([result.query])[0]
        embedded = {hit.chunk.id: self._posts(hit.chunk) for hit in result.hits}
        ranked = score_posts(
            result.query, self._for_ranking(question, embedded), result.hits, embedded
        )
        statements: list[Statement] = []
        citations: list[Citation] = []
        for candidate, units in self._quotes(ranked, question):
            room = self._max_statements - len(statements)
            if room <= 0:
                break
            n = len(citations) + 1
            citations.append(Citation.from_chunk(n, candidate.post))
            statements += [Statement(text=unit, citation=n) for unit in units[:room]]
        return Answer(question=result.query, statements=statements, citations=citations)

    def _for_ranking(
        self, question: np.ndarray, embedded: dict[str, list[CandidatePost]]
    ) -> np.ndarray:
        """The question's vector as the adapter maps it, when it was fitted on every candidate
        post; else the model's own. Which units of a post to quote is always by the latter."""
        posts = [
            candidate.post.text for candidates in embedded.values() for candidate in candidates
        ]
        adapter = self._query_adapter()
        if adapter is None or not adapter.knows(posts):
            return question
        return adapter.adapt(question)

    def _query_adapter(self) -> QueryAdapter | None:
        with self._lock:
            if callable(self._adapter):
                self._adapter = self._adapter()
            return self._adapter

    def _quotes(
        self, ranked: list[CandidatePost], question: np.ndarray
    ) -> list[tuple[CandidatePost, list[str]]]:
        """(post, quoted units) in reading order: the best post, then later posts of its thread."""
        best = ranked[0]
        chosen = [
            c
            for c in ranked[1:]
            if c.same_thread(best)
            and c.post.post_start > best.post.post_start
            and c.score >= best.score - POST_MARGIN
        ][: self._max_posts - 1]
        by_key = {c.key: c for c in ranked}
        quotes = _with_antecedent(best, _best_units(best, question), by_key)
        for candidate in sorted(chosen, key=lambda c: c.post.post_start):
            units = [candidate.units[i] for i in _best_units(candidate, question)]
            if units and not ANAPHOR.match(units[0]):
                quotes.append((candidate, units))
        return [(c, u) for c, u in quotes if u]

    def _posts(self, passage: Chunk) -> list[CandidatePost]:
        with self._lock:
            cached = self._embedded.get(passage.id)
        if cached is None:
            posts = passage.posts()
            units = [split_units(post.text) for post in posts]
            flat = [unit for post_units in units for unit in post_units]
            vectors = self._embedder.embed([post.embedding_text for post in posts] + flat)
            cached, offset = [], len(posts)
            for post, vector, post_units in zip(posts, vectors[: len(posts)], units, strict=True):
                unit_vectors = vectors[offset : offset + len(post_units)]
                cached.append(CandidatePost(post, vector, post_units, unit_vectors))
                offset += len(post_units)
            with self._lock:
                self._embedded[passage.id] = cached
                if len(self._embedded) > CACHED_CHUNKS:
                    self._embedded.popitem(last=False)
        return cached


def _best_units(candidate: CandidatePost, question: np.ndarray) -> list[int]:
    """Indexes of the units to quote, in post order: all of a short post (a thread post is
    often one thought, its list and its turn: "At first... But with repeated use..."), else
    the one or two units closest to the question."""
    if not candidate.units:
        return []
    if len(candidate.post.text) <= WHOLE_POST_CHARS:
        return list(range(len(candidate.units)))
    scores = candidate.unit_vectors @ question
    order = (-scores).argsort()
    keep = [int(order[0])]
    if len(order) > 1 and scores[order[1]] >= scores[order[0]] - SECOND_UNIT_MARGIN:
        keep.append(int(order[1]))
    corrections = [
        i + 1
        for i in keep
        if i + 1 < len(candidate.units) and CORRECTION.match(candidate.units[i + 1])
    ]
    return sorted({*keep, *corrections})


def _without_bridge(unit: str) -> str:
    """The unit without its short leading bridge sentences ("That shift is clinically
    important.", "It may begin earlier."), when what follows stands on its own; else ""."""
    sentences = SENTENCE_END.split(unit)
    while sentences and ANAPHOR.match(sentences[0]) and len(sentences[0]) < BRIDGE_CHARS:
        sentences = sentences[1:]
    rest = " ".join(sentences)
    return rest if rest and rest != unit and not ANAPHOR.match(rest) else ""


def _with_antecedent(
    candidate: CandidatePost,
    picked: list[int],
    posts: dict[tuple[str, int, int], CandidatePost],
) -> list[tuple[CandidatePost, list[str]]]:
    """The picked units, opening on a unit that does not lean on an unquoted sentence.

    An opener such as "That context can become a cue." brings the unit before it in the post;
    at the start of a post, a short bridge sentence ("That shift is clinically important.") is
    left out when the rest stands alone, else the opener gives way to the post's next unit that
    stands alone, and only a post with none brings the last unit of the thread's previous post
    (when that post was retrieved). The answer then opens on the post that answers: bringing
    the previous post first put a post that does not answer at the head of the answer (dev,
    answered by adapters fitted on other folds: first citation right 0.833 -> 0.854).
    """
    if not picked:
        return []
    first = picked[0]
    while ANAPHOR.match(candidate.units[first]) and first > 0:
        first -= 1
    units = [candidate.units[i] for i in sorted({first, *picked})]
    if not ANAPHOR.match(units[0]):
        return [(candidate, units)]
    opener = _without_bridge(units[0])
    if opener:
        return [(candidate, [opener, *units[1:]])]
    rest = units[1:] or [u for u in candidate.units[1:] if not ANAPHOR.match(u)][:1]
    if rest:
        return [(candidate, rest)]
    source, thread, number = candidate.key
    previous = posts.get((source, thread, number - 1))
    if previous is not None and previous.units and not ANAPHOR.match(previous.units[-1]):
        return [(previous, [previous.units[-1]]), (candidate, units)]
    return [(candidate, units)]
