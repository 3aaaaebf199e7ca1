"""Shared fixtures: settings in a temp data dir, engines over the shipped corpus."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.settings import PROJECT_ROOT, Settings
from tests.fakes import HashingEmbedder

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="session", autouse=True)
def shared_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One ONNX export and vector cache for the whole run, however many data dirs tests make
    (child processes inherit it through the environment)."""
    folder = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CUEMAP_MODEL_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fresh settings: own data dir, the shipped corpus, no Slack, no env leaking in."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", corpus_dir=CORPUS)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus, for tests that add, change or break files."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def fake_engine(settings: Settings) -> Engine:
    """An engine over the shipped corpus with the fast hashing embedder, already ingested.

    Hashed bags of words share function words, so their cosines run higher than the model's:
    the relevance floor is the one the model had before calibration moved it to 0.18."""
    hashed = settings.model_copy(update={"min_relevance": 0.28})
    engine = Engine.from_settings(hashed, embedder=HashingEmbedder())
    engine.ingest()
    return engine


@pytest.fixture(scope="session")
def real_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The real model and real chromadb over the shipped corpus, built once per test run."""
    data_dir = tmp_path_factory.mktemp("real-data")
    engine = Engine.from_settings(Settings(_env_file=None, data_dir=data_dir, corpus_dir=CORPUS))
    engine.ingest()
    return engine
