"""The engine every surface shares: built once from settings, holding the index and services."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from assistant import word_frequency
from assistant.answers.extractive import split_units
from assistant.answers.factory import make_composer
from assistant.answers.service import Explainer
from assistant.corpus.loader import CorpusProblem, load_corpus
from assistant.corpus.models import Chunk
from assistant.interview.service import InterviewService
from assistant.retrieval import drug_lexicon, medical_terms
from assistant.retrieval.corpus_vectors import CorpusVectors
from assistant.retrieval.embedder import Embedder, make_embedder
from assistant.retrieval.index import CorpusIndex, IngestReport, Progress
from assistant.safety import SafetyGuard
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

log = logging.getLogger(__name__)


@dataclass
class Engine:
    """Cheap to build: the model loads on the first text embedded, and chromadb is opened on
    the first search or ingest, so commands that need neither (listing, deleting or purging
    interviews) start without them."""

    settings: Settings
    embedder: Embedder
    index: CorpusIndex
    explainer: Explainer
    interviews: InterviewService
    safety: SafetyGuard  # crisis language in answers and questions, and the card to show
    corpus_vectors: CorpusVectors | None = None  # the composer's: posts' vectors kept once

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        embedder: Embedder | None = None,
        client: ClientAPI | None = None,
    ) -> Engine:
        embedder = embedder or make_embedder(settings)
        drug_lexicon.keep_in(settings.model_cache_path)  # coverage's drug names, made once
        medical_terms.keep_in(settings.model_cache_path)  # and its ICD-10 condition words
        word_frequency.keep_in(settings.model_cache_path)  # English word frequencies, sorted
        index = CorpusIndex(
            client=client or partial(_open_chroma, settings),
            embedder=embedder,
            collection=settings.collection,
            lexical_dir=settings.data_dir / "lexical",
            min_relevance=settings.min_relevance,
        )
        corpus_vectors = CorpusVectors.around(embedder, settings.data_dir / "vectors")
        composer = make_composer(settings, corpus_vectors or embedder)
        explainer = Explainer(index, composer, k=settings.top_k)
        safety = SafetyGuard.from_settings(settings, embedder)
        interviews = InterviewService.from_settings(settings, explainer, embedder, safety)
        interviews.extractor  # noqa: B018 (the cue lexicon, checked at start like the template)
        return cls(
            settings=settings,
            embedder=embedder,
            index=index,
            explainer=explainer,
            interviews=interviews,
            safety=safety,
            corpus_vectors=corpus_vectors,
        )

    def ingest(self, progress: Progress | None = None) -> tuple[IngestReport, list[CorpusProblem]]:
        """Bring the index in line with the corpus folder; bad files are reported, not fatal."""
        corpus = load_corpus(self.settings.corpus_dir)
        report = self.index.ingest(corpus.chunks, progress, bulk=True)
        drug_lexicon.ensure()  # coverage's drug names: derived once here, not per question
        word_frequency.ensure()  # and the English word frequencies
        self._register(corpus.chunks)
        return report, corpus.problems

    def ensure_index(self) -> IngestReport | None:
        """Bring the index in line with corpus/; None when it already was.

        Builds it when empty (first start, after recovery) and updates it when it holds other
        passages (files edited, or an upgrade that cuts passages anew). Only passages that
        changed are embedded.
        """
        corpus = load_corpus(self.settings.corpus_dir)
        if self.corpus_vectors is not None and not self.corpus_vectors.registered:
            self._register(corpus.chunks)  # an index built before the texts were registered
        if self.index.count() == 0:
            log.warning("The index is empty; building it from %s.", self.settings.corpus_dir)
        elif self.index.holds(corpus.chunks):
            return None
        else:
            log.warning("The index is out of date; updating it from %s.", self.settings.corpus_dir)
        report = self.index.ingest(corpus.chunks)
        self._register(corpus.chunks)
        for problem in corpus.problems:
            log.warning("Skipped a corpus file: %s", problem.reason)
        return report

    def _register(self, chunks: list[Chunk]) -> None:
        if self.corpus_vectors is not None:
            self.corpus_vectors.register(composer_texts(chunks))


def composer_texts(chunks: list[Chunk]) -> Iterator[str]:
    """What the extractive composer embeds of each passage: its posts, then their units."""
    for chunk in chunks:
        posts = chunk.posts()
        yield from (post.embedding_text for post in posts)
        for post in posts:
            yield from split_units(post.text)


def _open_chroma(settings: Settings) -> ClientAPI:
    from assistant.retrieval.recovery import open_chroma  # chromadb: only when the index is used

    return open_chroma(settings)
