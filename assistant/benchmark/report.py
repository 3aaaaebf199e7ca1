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
            "peak RSS of the Slack bot (after answering)",
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


def targets(report: BenchReport) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met); met is None when it was not measured."""
    largest = max(report.scale, key=lambda p: p.ingest.chunks, default=None)
    at_100k = next((p for p in report.scale if p.ingest.chunks >= 100_000), None)
    throughput = largest.ingest.chunks_per_s if largest else report.shipped.chunks_per_s
    slack = report.slack
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
        (
            "saved interview shown without a model in about a second",
            _saved(report),
            _saved_met(report),
        ),
        (
            "ingest ≥ 150 chunks/s",
            f"{throughput:.0f} chunks/s"
            + (f" ({largest.ingest.chunks:,} chunks)" if largest else " (shipped corpus)"),
            throughput >= 150,
        ),
        (
            "Slack ack ready ≤ 2 s after start",
            f"{slack.ack_seconds:.2f} s" if slack else report.slack_note,
            slack.ack_seconds <= 2 if slack else None,
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
