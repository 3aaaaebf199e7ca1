"""Latency samples and their percentiles."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Latency:
    """Milliseconds."""

    p50: float
    p95: float
    p99: float
    samples: int

    @classmethod
    def of(cls, seconds: list[float]) -> Latency:
        ms = np.asarray(seconds) * 1000
        p50, p95, p99 = np.percentile(ms, [50, 95, 99])
        return cls(p50=float(p50), p95=float(p95), p99=float(p99), samples=len(seconds))


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def latency(call: Callable[[str], object], questions: Iterable[str], rounds: int = 1) -> Latency:
    """Each question `rounds` times, one after the other, as a warm process serves them."""
    items = list(questions)
    seconds = []
    for _ in range(rounds):
        for question in items:
            started = time.perf_counter()
            call(question)
            seconds.append(time.perf_counter() - started)
    return Latency.of(seconds)
