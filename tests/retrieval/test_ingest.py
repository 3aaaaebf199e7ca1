"""`cuemap ingest` is safe to repeat: unchanged passages are never embedded twice.

The shipped page makes 20 passages of up to two posts: 8 from the full thread of 16 posts,
and 2 from each of the six previews of 3 posts.
"""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from assistant.settings import Settings
from tests.fakes import HashingEmbedder


def _engine(settings: Settings, corpus: Path, embedder: HashingEmbedder) -> Engine:
    return Engine.from_settings(settings.model_copy(update={"corpus_dir": corpus}), embedder)


def test_second_ingest_embeds_nothing(settings: Settings, corpus_copy: Path) -> None:
    embedder = HashingEmbedder()
    engine = _engine(settings, corpus_copy, embedder)
    first, problems = engine.ingest()
    assert problems == [] and first.added == 20 and first.removed == 0
    embedded = embedder.texts_embedded

    second, _ = engine.ingest()
    assert (second.added, second.unchanged, second.removed) == (0, 20, 0)
    assert embedder.texts_embedded == embedded


def test_a_restarted_process_reuses_the_index_on_disk(
    settings: Settings, corpus_copy: Path
) -> None:
    _engine(settings, corpus_copy, HashingEmbedder()).ingest()
    restarted = HashingEmbedder()
    report, _ = _engine(settings, corpus_copy, restarted).ingest()
    assert report.added == 0 and restarted.texts_embedded == 0


def test_added_and_removed_files_follow_the_folder(settings: Settings, corpus_copy: Path) -> None:
    embedder = HashingEmbedder()
    engine = _engine(settings, corpus_copy, embedder)
    engine.ingest()
    handout = corpus_copy / "urge-surfing.md"
    handout.write_text("---\ntitle: Urge surfing\n---\nUrges peak and pass like a wave.\n")

    added, _ = engine.ingest()
    assert (added.added, added.removed) == (1, 0)
    assert "Urge surfing" in engine.index.topics()

    handout.unlink()
    removed, _ = engine.ingest()
    assert (removed.added, removed.removed) == (0, 1)
    assert "Urge surfing" not in engine.index.topics()
    assert engine.index.count() == 20


def test_an_edited_post_alone_is_embedded_again(settings: Settings, corpus_copy: Path) -> None:
    embedder = HashingEmbedder()
    engine = _engine(settings, corpus_copy, embedder)
    engine.ingest()
    page = corpus_copy / "psychiatry_excellence_threads.txt"
    page.write_text(
        page.read_text().replace("The insula adds another layer.", "The insula matters.")
    )

    report, _ = engine.ingest()
    assert (report.added, report.removed, report.unchanged) == (1, 1, 19)
    hits = engine.explainer.search("insula matters body state").hits
    assert hits[0].chunk.text.startswith("The insula matters.")


def test_a_broken_file_is_skipped_and_the_rest_ingested(
    settings: Settings, corpus_copy: Path
) -> None:
    (corpus_copy / "broken.md").write_bytes(b"\xff\xfe\x00garbage")
    report, problems = _engine(settings, corpus_copy, HashingEmbedder()).ingest()
    assert report.added == 20
    assert [p.source for p in problems] == ["broken.md"]


def test_a_lost_bm25_file_is_rebuilt_from_the_vector_store(settings: Settings) -> None:
    engine = Engine.from_settings(settings, HashingEmbedder())
    engine.ingest()
    for path in sorted((settings.data_dir / "lexical").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()

    fresh = Engine.from_settings(settings, HashingEmbedder())
    hits = fresh.explainer.search("gabapentin pregabalin calcium channel").hits
    assert hits[0].lexical_rank is not None
    assert "Gabapentin" in hits[0].chunk.thread_title


class WithIngestRoute(HashingEmbedder):
    """An embedder with its own route for an ingest, as the ONNX one has (bf16 on torch)."""

    def __init__(self) -> None:
        super().__init__()
        self.route = HashingEmbedder()
        self.asked: list[int] = []

    def for_ingest(self, passages: int) -> HashingEmbedder:
        self.asked.append(passages)
        return self.route


def test_cuemap_ingest_takes_the_embedders_ingest_route_and_a_start_up_build_does_not(
    settings: Settings, corpus_copy: Path, tmp_path: Path
) -> None:
    """`cuemap ingest` may load torch for a large library; a bot or `ask` process that builds
    its index on start embeds with its own embedder, and never loads torch for it."""
    ingesting = WithIngestRoute()
    _engine(settings, corpus_copy, ingesting).ingest()

    starting = WithIngestRoute()
    elsewhere = settings.model_copy(update={"data_dir": tmp_path / "bot"})
    _engine(elsewhere, corpus_copy, starting).ensure_index()

    assert ingesting.asked == [20] and ingesting.route.texts_embedded == 20
    assert starting.asked == [] and starting.texts_embedded >= 20
