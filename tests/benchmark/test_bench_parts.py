"""Pieces of `cuemap bench` that decide what it reports: the synthetic corpus and the verdicts."""

from __future__ import annotations

from pathlib import Path

from assistant.benchmark.processes import ColdStart
from assistant.benchmark.report import targets
from assistant.benchmark.saved_interview import saved_interview
from assistant.benchmark.suite import BenchReport, IngestRun, ScalePoint
from assistant.benchmark.synthetic import write_synthetic_corpus
from assistant.benchmark.timing import Latency
from assistant.corpus.chunking import MAX_CHUNK_CHARS, MIN_CHUNK_CHARS
from assistant.corpus.loader import load_corpus
from assistant.engine import Engine
from assistant.interview.models import Owner


def test_synthetic_corpus_holds_exactly_the_chunks_asked_for(tmp_path: Path) -> None:
    write_synthetic_corpus(tmp_path, 2345)

    corpus = load_corpus(tmp_path)
    chunks = corpus.chunks

    assert corpus.problems == [] and len(chunks) == 2345
    assert len({c.id for c in chunks}) == 2345
    assert all(MIN_CHUNK_CHARS <= len(c.text) <= MAX_CHUNK_CHARS for c in chunks)


def _report(scale: list[ScalePoint], ask_p95: float) -> BenchReport:
    fast = Latency(p50=10.0, p95=ask_p95, p99=ask_p95, samples=88)
    shipped = IngestRun(chunks=20, seconds=0.2, reingest_seconds=0.01, index_mb=0.6)
    cold = ColdStart(seconds=6.0, peak_rss_mb=700.0, abstained=False)
    return BenchReport(4.0, shipped, 1.5, fast, fast, fast, cold, None, "not measured", scale)


def test_bench_verdicts_say_what_was_met_and_what_was_not_measured() -> None:
    verdicts = {name: met for name, _measured, met in targets(_report([], ask_p95=180.0))}

    assert verdicts["ask p95 ≤ 150 ms warm"] is False
    assert verdicts["search p95 ≤ 100 ms at 100k chunks"] is None
    assert verdicts["Slack ack ready ≤ 2 s after start"] is None
    assert verdicts["unchanged re-ingest ≤ 2 s (`cuemap ingest` process)"] is True


def test_bench_judges_search_and_throughput_at_the_largest_scale() -> None:
    big = ScalePoint(
        IngestRun(chunks=100_000, seconds=500.0, reingest_seconds=1.0, index_mb=900.0),
        Latency(p50=40.0, p95=90.0, p99=120.0, samples=88),
    )
    verdicts = {name: (measured, met) for name, measured, met in targets(_report([big], 50.0))}

    assert verdicts["search p95 ≤ 100 ms at 100k chunks"] == ("90.0 ms", True)
    assert verdicts["ingest ≥ 150 chunks/s"] == ("200 chunks/s (100,000 chunks)", True)


def test_bench_saved_interview_is_shown_and_exported_by_new_processes_without_a_model(
    fake_engine: Engine,
) -> None:
    settings = fake_engine.settings
    owner = Owner("local", settings.console_user)

    saved = saved_interview(fake_engine.interviews, owner, settings.data_dir, settings.corpus_dir)

    assert saved.heavy_modules == []  # stored cues and explanations: nothing to embed
    assert saved.show_seconds > 0 and saved.export_seconds > 0
