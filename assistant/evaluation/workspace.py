"""A throw-away engine for evaluation: the configured model and corpus, a temporary data dir.

The user's own index is never touched, and every run starts from the same state.
"""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.loader import LoadedCorpus, load_corpus
from assistant.engine import Engine
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings


def isolated_settings(settings: Settings, data_dir: Path) -> Settings:
    """The settings with another data dir; the model's derived files are still shared."""
    return settings.model_copy(
        update={"data_dir": data_dir, "model_cache_dir": settings.model_cache_path}
    )


def built_engine(
    settings: Settings,
    data_dir: Path,
    embedder: Embedder | None = None,
    extra: Path | None = None,
) -> tuple[Engine, LoadedCorpus]:
    """An engine over the configured corpus, ingested into `data_dir`.

    `extra`: a folder of further material (e.g. eval/handouts) indexed beside the corpus, to
    check it does not crowd out the labelled answers; the corpus alone is returned for labels.
    """
    engine = Engine.from_settings(isolated_settings(settings, data_dir), embedder=embedder)
    corpus = load_corpus(settings.corpus_dir)
    more = load_corpus(extra).chunks if extra else []
    engine.index.ingest(corpus.chunks + more, bulk=True)  # as `cuemap ingest` embeds them
    return engine, corpus
