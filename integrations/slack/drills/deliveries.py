"""Every request a drill sent, by kind, with Slack's view of it: acknowledged or not, how fast."""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass

from integrations.slack.testing.signed import Delivery


@dataclass(frozen=True)
class AckTimes:
    count: int
    failed: int  # no 200: an error status, or no answer at all
    p50_ms: float
    p99_ms: float
    max_ms: float


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of values sorted ascending (0 for none)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(share * len(sorted_values)))
    return sorted_values[rank - 1]


class DeliveryLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_kind: dict[str, list[Delivery]] = defaultdict(list)

    def add(self, kind: str, delivery: Delivery) -> None:
        with self._lock:
            self._by_kind[kind].append(delivery)

    def kinds(self) -> list[str]:
        with self._lock:
            return sorted(self._by_kind)

    def count(self) -> int:
        with self._lock:
            return sum(len(d) for d in self._by_kind.values())

    def times(self, kind: str | None = None) -> AckTimes:
        """Acknowledgement times of the acknowledged requests (of one kind, or all)."""
        with self._lock:
            chosen = self._by_kind[kind] if kind else [d for v in self._by_kind.values() for d in v]
            chosen = list(chosen)
        acked = sorted(d.seconds * 1000 for d in chosen if d.acknowledged)
        return AckTimes(
            count=len(chosen),
            failed=len(chosen) - len(acked),
            p50_ms=percentile(acked, 0.50),
            p99_ms=percentile(acked, 0.99),
            max_ms=acked[-1] if acked else 0.0,
        )
