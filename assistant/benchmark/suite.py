"""The whole benchmark, run in a temporary folder; the user's own index is never touched."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from assistant.benchmark.backends import (
    BACKENDS,
    BackendRun,
    IngestSpeed,
    Parity,
    backend_run,
    backend_settings,
    large_ingest_run,
    no_model_startup,
    parity,
    parity_embedders,
)
from assistant.benchmark.formats import FormatRun, measure_formats
from assistant.benchmark.processes import ColdStart, cold_start, reingest_process
from assistant.benchmark.saved_interview import SavedShow, saved_interview
from assistant.benchmark.slack_ack import SlackAck, measure_slack_ack
from assistant.benchmark.synthetic import write_synthetic_corpus
from assistant.benchmark.timing import Latency, latency, timed
from assistant.corpus.loader import load_corpus
from assistant.engine import Engine
from assistant.evaluation.labels import load_retrieval_set
from assistant.evaluation.langchain_recipe import stock_retriever
from assistant.interview.models import Owner
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings

COLD_QUESTION = "why does the cue take over from the drug?"
Say = Callable[[str], None]


@dataclass(frozen=True)
class IngestRun:
    chunks: int
    seconds: float
    reingest_seconds: float  # a second `ingest` with nothing changed, in a fresh engine
    index_mb: float

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.seconds


@dataclass(frozen=True)
class ScalePoint:
    ingest: IngestRun
    search: Latency


@dataclass
class BenchReport:
    model_load_seconds: float
    shipped: IngestRun
    reingest_process_seconds: float  # `cuemap ingest` as a new process, nothing changed
    search: Latency
    ask: Latency
    langchain_search: Latency
    cold_start: ColdStart
    slack: SlackAck | None
    slack_note: str
    scale: list[ScalePoint] = field(default_factory=list)
    formats: list[FormatRun] = field(default_factory=list)
    load_average: list[float] = field(default_factory=list)  # 1-min load at start, then end
    backends: list[BackendRun] = field(default_factory=list)  # cold ask, ingest: each backend
    large_ingest: IngestSpeed | None = None  # the ONNX backend's route for a large ingest
    parity: Parity | None = None  # ONNX against torch vectors
    no_model_startup: dict[str, float] = field(default_factory=dict)  # command: median s
    saved_interview: SavedShow | None = None  # show/export of a saved session: no model


def run_bench(settings: Settings, scales: list[int], rounds: int, say: Say) -> BenchReport:
    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="cuemap-bench-") as tmp:
        root = Path(tmp)
        shipped = root / "shipped"
        engine = Engine.from_settings(
            backend_settings(settings, settings.embedding_backend, shipped)
        )
        cache = {"CUEMAP_MODEL_CACHE_DIR": str(settings.model_cache_path)}
        say("loading the model")
        model_load = timed(lambda: engine.embedder.embed(["load"]))
        say("ingesting the shipped corpus")
        ingest = _ingest(engine)
        questions = _questions(settings)
        engine.index.warm_up()
        say(f"warm search and ask, {len(questions)} questions x {rounds}")
        search = latency(engine.explainer.search, questions, rounds)
        ask = latency(engine.explainer.ask, questions, rounds)
        say("the stock LangChain recipe")
        retriever = stock_retriever(settings.corpus_dir, engine.embedder)
        langchain = latency(retriever.invoke, questions, rounds)
        say("cold start: a new `cuemap ask` process")
        cold = cold_start(shipped, settings.corpus_dir, COLD_QUESTION, **cache)
        reingest = reingest_process(shipped, settings.corpus_dir, **cache)
        slack, note = _slack(shipped, settings.corpus_dir, say, cache)
        report = BenchReport(
            model_load, ingest, reingest, search, ask, langchain, cold, slack, note
        )
        say("commands that need no model: start-up")
        report.no_model_startup = no_model_startup(shipped, settings.corpus_dir, **cache)
        for backend in BACKENDS:
            say(f"{backend} backend: cold `cuemap ask`, ingest throughput")
            report.backends.append(backend_run(settings, backend, shipped, root, COLD_QUESTION))
        say("onnx backend: a large ingest's route")
        report.large_ingest = large_ingest_run(settings, root)
        say("vector parity: ONNX against torch")
        texts = [c.embedding_text for c in load_corpus(settings.corpus_dir).chunks] + questions
        report.parity = parity(*parity_embedders(settings), texts)
        say("ingest per format: saved pages, PDF, Word, Markdown")
        report.formats = measure_formats(settings, engine.embedder, root)
        say("a saved interview: `cuemap interview show` and `export` as new processes")
        owner = Owner("local", settings.console_user)
        report.saved_interview = saved_interview(
            engine.interviews, owner, shipped, settings.corpus_dir
        )
        for size in scales:
            report.scale.append(_scale_point(settings, engine.embedder, root, size, questions, say))
        report.load_average = [load_at_start, os.getloadavg()[0]]
        return report


def _ingest(engine: Engine) -> IngestRun:
    started = time.perf_counter()
    added = engine.ingest()[0].added
    seconds = time.perf_counter() - started
    fresh = Engine.from_settings(engine.settings, embedder=engine.embedder)
    reingest = timed(fresh.ingest)
    return IngestRun(added, seconds, reingest, _size_mb(engine.settings.data_dir))


def _scale_point(
    settings: Settings, embedder: Embedder, root: Path, size: int, questions: list[str], say: Say
) -> ScalePoint:
    folder = root / f"scale-{size}"
    corpus_dir = folder / "corpus"
    write_synthetic_corpus(corpus_dir, size)
    scaled = settings.model_copy(
        update={"data_dir": folder / "data", "corpus_dir": corpus_dir, "collection": "bench"}
    )
    engine = Engine.from_settings(scaled, embedder=embedder)
    say(f"scale {size:,} chunks: ingest (embedding every chunk)")
    ingest = _ingest(engine)
    engine.index.warm_up()
    say(f"scale {size:,} chunks: search")
    point = ScalePoint(ingest, latency(engine.explainer.search, questions))
    del engine
    gc.collect()
    shutil.rmtree(folder, ignore_errors=True)
    return point


def _slack(
    data_dir: Path, corpus_dir: Path, say: Say, env: dict[str, str]
) -> tuple[SlackAck | None, str]:
    if find_spec("integrations.slack.server") is None:
        return None, "not measured: integrations/slack is not installed"
    say("Slack: `cuemap serve` until it acknowledges a signed /explain")
    return measure_slack_ack(data_dir, corpus_dir, COLD_QUESTION, **env), ""


def _questions(settings: Settings) -> list[str]:
    labelled = load_retrieval_set(load_corpus(settings.corpus_dir).documents)
    return [q.question for q in labelled.in_scope] + [q.question for q in labelled.out_of_scope]


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
