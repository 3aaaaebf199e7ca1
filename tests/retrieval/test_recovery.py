"""A broken or missing index never takes CueMap down: it is rebuilt from corpus/."""

from __future__ import annotations

import logging

import pytest

from assistant.engine import Engine
from assistant.settings import Settings
from tests.fakes import HashingEmbedder


def test_a_missing_index_is_built_on_first_start(settings: Settings, caplog) -> None:
    engine = Engine.from_settings(settings, HashingEmbedder())
    with caplog.at_level(logging.WARNING):
        report = engine.ensure_index()
    assert report is not None and report.added == 20
    assert "building it from" in caplog.text
    assert engine.ensure_index() is None
    assert engine.explainer.ask("mentalisation: how the patient perceives").citations


def test_an_unreadable_index_is_moved_aside_and_rebuilt(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    Engine.from_settings(settings, HashingEmbedder()).ingest()
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # as a restarted process would see it
    (settings.chroma_path / "chroma.sqlite3").write_bytes(b"not a database" * 100)

    with caplog.at_level(logging.WARNING):
        engine = Engine.from_settings(settings, HashingEmbedder())
        engine.ensure_index()
    assert "could not be read" in caplog.text
    assert list(settings.data_dir.glob("chroma.unreadable-*"))
    assert engine.index.count() == 20
    assert engine.explainer.ask("gabapentin calcium channel").citations


def test_an_index_left_behind_by_an_edited_corpus_is_brought_up_to_date(
    settings: Settings, corpus_copy, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings.model_copy(update={"corpus_dir": corpus_copy})
    Engine.from_settings(settings, HashingEmbedder()).ingest()
    page = next(corpus_copy.glob("*.txt"))
    page.write_text(page.read_text().replace("insula", "anterior insula"))

    with caplog.at_level(logging.WARNING):
        engine = Engine.from_settings(settings, HashingEmbedder())
        report = engine.ensure_index()
    assert "out of date" in caplog.text
    assert report is not None and 0 < report.added == report.removed < report.total
    assert engine.ensure_index() is None
    hits = engine.explainer.search("anterior insula").hits
    assert any("anterior insula" in hit.chunk.text for hit in hits)
