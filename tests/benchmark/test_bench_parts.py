"""Pieces of `cuemap bench` that decide what it reports: the synthetic corpus and the verdicts."""

from __future__ import annotations

from pathlib import Path

from assistant.benchmark.backends import BackendRun, Parity
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
    assert verdicts["Slack ack ready ≤ 1 s after start"] is None
    assert verdicts["unchanged re-ingest ≤ 2 s (`cuemap ingest` process)"] is True


def test_bench_judges_search_and_throughput_at_the_largest_scale() -> None:
    big = ScalePoint(
        IngestRun(chunks=100_000, seconds=500.0, reingest_seconds=1.0, index_mb=900.0),
        Latency(p50=40.0, p95=90.0, p99=120.0, samples=88),
    )
    verdicts = {name: (measured, met) for name, measured, met in targets(_report([big], 50.0))}

    assert verdicts["search p95 ≤ 100 ms at 100k chunks"] == ("90.0 ms", True)
    assert verdicts["ingest ≥ 200 chunks/s"] == ("200 chunks/s (100,000 chunks)", True)


def test_bench_light_runtime_verdicts_cover_cold_ask_memory_startup_and_parity() -> None:
    report = _report([], ask_p95=20.0)
    report.cold_start = ColdStart(seconds=1.9, peak_rss_mb=320.0, abstained=False)
    report.no_model_startup = {"--help": 0.41, "interview list --all": 0.95}
    report.parity = Parity(texts=108, min_cosine=0.99998, mean_cosine=0.99999)
    sample = IngestRun(chunks=512, seconds=2.0, reingest_seconds=0.0, index_mb=0.0)
    report.backends = [BackendRun("onnx", report.cold_start, sample.chunks, sample.seconds)]

    verdicts = {name: (measured, met) for name, measured, met in targets(report)}

    assert verdicts["cold `cuemap ask` ≤ 2.5 s"] == ("1.90 s", True)
    assert verdicts["cold `cuemap ask` peak RSS ≤ 300 MB"] == ("320 MB", False)
    assert verdicts["commands needing no model ≤ 0.8 s"] == (
        "0.95 s (slowest: `cuemap interview list --all`)",
        False,
    )
    assert verdicts["ONNX vectors match torch: cosine ≥ 0.999"] == ("min 0.999980", True)
    assert verdicts["ingest ≥ 200 chunks/s"] == ("256 chunks/s (512 chunks, onnx)", True)
    assert verdicts["Slack bot RSS per worker ≤ 300 MB"][1] is None  # Slack not measured


def test_bench_measures_ingest_per_format_on_generated_files(tmp_path: Path) -> None:
    from assistant.benchmark.formats import measure_formats
    from assistant.benchmark.report import formats_table
    from assistant.settings import Settings
    from tests.fakes import HashingEmbedder

    settings = Settings(_env_file=None, data_dir=tmp_path / "data")

    runs = measure_formats(settings, HashingEmbedder(), tmp_path / "formats", passages=40)

    assert [r.kind for r in runs] == ["thread page (HTML)", "PDF", "Word (.docx)", "Markdown"]
    assert all(r.files == 2 and 30 <= r.passages <= 40 for r in runs)
    assert all(r.parse_seconds > 0 and r.index_seconds > 0 for r in runs)
    report = _report([], ask_p95=10.0)
    report.formats = runs
    table = formats_table(report)
    assert "| PDF | 2 |" in table


def test_bench_saved_interview_is_shown_and_exported_by_new_processes_without_a_model(
    fake_engine: Engine,
) -> None:
    settings = fake_engine.settings
    owner = Owner("local", settings.console_user)

    saved = saved_interview(fake_engine.interviews, owner, settings.data_dir, settings.corpus_dir)

    assert saved.heavy_modules == []  # stored cues and explanations: nothing to embed
    assert saved.show_seconds > 0 and saved.export_seconds > 0
