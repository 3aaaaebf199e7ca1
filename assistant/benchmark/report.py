"""The benchmark as tables, targets checked, and JSON."""

from __future__ import annotations

import os
from dataclasses import asdict

from assistant.benchmark.suite import BenchReport
from assistant.benchmark.timing import Latency
from assistant.evaluation.report import markdown_table


def _ms(latency: Latency) -> list[str]:
    return [f"{latency.p50:.1f}", f"{latency.p95:.1f}", f"{latency.p99:.1f}", str(latency.samples)]


def latency_table(report: BenchReport) -> str:
    ratio = report.search.p95 / report.langchain_search.p95
    rows = [
        ["search (CueMap, warm)", *_ms(report.search)],
        ["ask (CueMap, warm)", *_ms(report.ask)],
        ["stock LangChain recipe retriever.invoke", *_ms(report.langchain_search)],
        ["CueMap search p95 / LangChain p95", f"{ratio:.2f}×", "", "", ""],
    ]
    return markdown_table(["shipped corpus", "p50 ms", "p95 ms", "p99 ms", "n"], rows)


def startup_table(report: BenchReport) -> str:
    ingest = report.shipped
    slack = report.slack
    rows = [
        [
            "ingest shipped corpus",
            f"{ingest.chunks} chunks in {ingest.seconds:.2f} s "
            f"({ingest.chunks_per_s:.0f} chunks/s, model already loaded)",
        ],
        ["re-ingest, nothing changed (in process)", f"{ingest.reingest_seconds:.2f} s"],
        [
            "re-ingest, nothing changed (`cuemap ingest` process)",
            f"{report.reingest_process_seconds:.2f} s",
        ],
        ["index on disk (shipped)", f"{ingest.index_mb:.1f} MB"],
        ["model load", f"{report.model_load_seconds:.2f} s"],
        [
            "cold start: `cuemap ask` process start to answer",
            f"{report.cold_start.seconds:.2f} s (peak RSS {report.cold_start.peak_rss_mb:.0f} MB)",
        ],
        [
            "Slack: `cuemap serve` start to first acknowledged request",
            f"{slack.ack_seconds:.2f} s" if slack else report.slack_note,
        ],
        [
            "Slack: start to first answer posted",
            f"{slack.answer_seconds:.2f} s" if slack and slack.answer_seconds else "–",
        ],
        [
            "peak RSS of a Slack bot worker (answered, warm-up done)",
            f"{slack.peak_rss_mb:.0f} MB" if slack else "–",
        ],
        ["machine load (1-min average, start / end)", _load(report.load_average)],
    ]
    return markdown_table(["measure", "result"], rows)


def _load(load_average: list[float]) -> str:
    cores = os.cpu_count() or 1
    shown = " / ".join(f"{value:.2f}" for value in load_average)
    return f"{shown} on {cores} cores" if load_average else "–"


def scale_table(report: BenchReport) -> str:
    rows = [
        [
            f"{p.ingest.chunks:,}",
            f"{p.ingest.seconds:.1f}",
            f"{p.ingest.chunks_per_s:.0f}",
            f"{p.ingest.reingest_seconds:.2f}",
            f"{p.ingest.index_mb:.1f}",
            f"{p.search.p50:.1f}",
            f"{p.search.p95:.1f}",
        ]
        for p in report.scale
    ]
    header = [
        "chunks",
        "ingest s",
        "chunks/s",
        "re-ingest s",
        "index MB",
        "search p50 ms",
        "search p95 ms",
    ]
    return markdown_table(header, rows)


def backends_table(report: BenchReport) -> str:
    rows = [
        [
            run.backend,
            f"{run.cold.seconds:.2f}",
            f"{run.cold.peak_rss_mb:.0f}",
            f"{run.ingest_chunks_per_s:.0f} ({run.ingest_chunks} chunks)",
        ]
        for run in report.backends
    ]
    if report.large_ingest:
        large = report.large_ingest
        rows.append([large.route, "–", "–", f"{large.chunks_per_s:.0f} ({large.chunks} chunks)"])
    if report.parity:
        p = report.parity
        rows.append(
            [
                "ONNX vs torch vectors",
                f"cosine min {p.min_cosine:.6f}",
                f"mean {p.mean_cosine:.6f}",
                f"{p.texts} texts (passages and questions)",
            ]
        )
    header = ["backend", "cold `cuemap ask` s", "peak RSS MB", "ingest chunks/s"]
    return markdown_table(header, rows)


def no_model_table(report: BenchReport) -> str:
    rows = [[f"`cuemap {c}`", f"{s:.2f}"] for c, s in report.no_model_startup.items()]
    return markdown_table(["command (no model needed)", "median s, process start to exit"], rows)


def formats_table(report: BenchReport) -> str:
    rows = [
        [
            run.kind,
            str(run.files),
            str(run.passages),
            f"{run.parse_ms_per_passage:.1f}",
            f"{1000 * run.index_seconds / max(run.passages, 1):.1f}",
            f"{run.passages_per_s:.0f}",
        ]
        for run in report.formats
    ]
    header = ["format", "files", "passages", "parse ms/passage", "embed+store ms/passage"]
    return markdown_table([*header, "passages/s end to end"], rows)


def targets(report: BenchReport) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met); met is None when it was not measured."""
    largest = max(report.scale, key=lambda p: p.ingest.chunks, default=None)
    at_100k = next((p for p in report.scale if p.ingest.chunks >= 100_000), None)
    default_run = report.backends[0] if report.backends else None
    if largest:
        throughput = largest.ingest.chunks_per_s
        where = f" ({largest.ingest.chunks:,} chunks)"
    elif report.large_ingest:  # what `cuemap ingest` of a large corpus takes by default
        throughput = report.large_ingest.chunks_per_s
        where = f" ({report.large_ingest.chunks} chunks, {report.large_ingest.route})"
    elif default_run:
        throughput = default_run.ingest_chunks_per_s
        where = f" ({default_run.ingest_chunks} chunks, {default_run.backend})"
    else:
        throughput, where = report.shipped.chunks_per_s, " (shipped corpus)"
    slack = report.slack
    slowest = max(report.no_model_startup.items(), key=lambda item: item[1], default=None)
    return [
        ("ask p95 ≤ 150 ms warm", f"{report.ask.p95:.1f} ms", report.ask.p95 <= 150),
        (
            "search p95 ≤ 100 ms at 100k chunks",
            f"{at_100k.search.p95:.1f} ms" if at_100k else "not measured (scale skipped)",
            at_100k.search.p95 <= 100 if at_100k else None,
        ),
        (
            "unchanged re-ingest ≤ 2 s (`cuemap ingest` process)",
            f"{report.reingest_process_seconds:.2f} s",
            report.reingest_process_seconds <= 2,
        ),
        ("ingest ≥ 200 chunks/s", f"{throughput:.0f} chunks/s{where}", throughput >= 200),
        (
            "Slack ack ready ≤ 1 s after start",
            f"{slack.ack_seconds:.2f} s" if slack else report.slack_note,
            slack.ack_seconds <= 1 if slack else None,
        ),
        (
            "saved interview shown without a model in about a second",
            _saved(report),
            _saved_met(report),
        ),
        (
            "Slack bot RSS per worker ≤ 300 MB",
            f"{slack.peak_rss_mb:.0f} MB" if slack else report.slack_note,
            slack.peak_rss_mb <= 300 if slack else None,
        ),
        (
            "cold `cuemap ask` ≤ 2.5 s",
            f"{report.cold_start.seconds:.2f} s",
            report.cold_start.seconds <= 2.5,
        ),
        (
            "cold `cuemap ask` peak RSS ≤ 300 MB",
            f"{report.cold_start.peak_rss_mb:.0f} MB",
            report.cold_start.peak_rss_mb <= 300,
        ),
        (
            "commands needing no model ≤ 0.8 s",
            f"{slowest[1]:.2f} s (slowest: `cuemap {slowest[0]}`)" if slowest else "not measured",
            slowest[1] <= 0.8 if slowest else None,
        ),
        (
            "ONNX vectors match torch: cosine ≥ 0.999",
            f"min {report.parity.min_cosine:.6f}" if report.parity else "not measured",
            report.parity.min_cosine >= 0.999 if report.parity else None,
        ),
    ]


def _saved(report: BenchReport) -> str:
    saved = report.saved_interview
    if saved is None:
        return "not measured"
    heavy = ", ".join(saved.heavy_modules) or "no model, torch or chromadb"
    return f"show {saved.show_seconds:.2f} s, export {saved.export_seconds:.2f} s ({heavy})"


def _saved_met(report: BenchReport) -> bool | None:
    saved = report.saved_interview
    if saved is None:
        return None
    return not saved.heavy_modules and max(saved.show_seconds, saved.export_seconds) <= 2


def targets_table(report: BenchReport) -> str:
    verdict = {True: "met", False: "NOT met", None: "not measured"}
    rows = [[name, measured, verdict[met]] for name, measured, met in targets(report)]
    return markdown_table(["target", "measured", "verdict"], rows)


def bench_json(report: BenchReport) -> dict:
    data = asdict(report)
    data["targets"] = [
        {"target": name, "measured": measured, "met": met}
        for name, measured, met in targets(report)
    ]
    return data
