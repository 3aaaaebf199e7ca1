"""The slow-client drill: clients that send headers and never finish the body, and meanwhile
signed slash commands that must still be acknowledged at once.

Each slow client announces a body (Content-Length) and sends only part of it, then holds the
connection; when the server gives up on it (the body deadline), it connects again at once, so
the given number is holding unfinished bodies for the whole measurement. While they hold, one
lone signed `/cuemap help` is timed, then a burst of concurrent ones. Loopback only, every
count bounded, and the drill stops by itself: the slow clients close when it ends.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from integrations.slack.drills.server_process import AppConfig, serving
from integrations.slack.testing.fake_web_api import FakeSlack
from integrations.slack.testing.signed import Delivery, SignedSender

SIGNING_SECRET = "slow-client-drill-secret"
ANNOUNCED = 4096  # bytes each slow client says it will send
SENT = 16  # bytes it actually sends


@dataclass(frozen=True)
class SlowClientPlan:
    slow_clients: int = 50
    commands: int = 50  # signed slash commands sent at the same moment
    model_wait_s: float | None = 180.0  # measure once the model is loaded; None: at once


@dataclass
class SlowClientResult:
    plan: SlowClientPlan
    lone: Delivery
    burst: list[Delivery]
    holding_at_start: int
    holding_at_end: int
    reconnects: int
    seconds: float = 0.0

    @property
    def burst_seconds(self) -> list[float]:
        return sorted(d.seconds for d in self.burst)

    def percentile(self, q: float) -> float:
        times = self.burst_seconds
        return times[min(len(times) - 1, max(0, round(q * len(times)) - 1))]

    @property
    def all_acknowledged(self) -> bool:
        return self.lone.acknowledged and all(d.acknowledged for d in self.burst)


@dataclass
class SlowClients:
    """`count` connections to 127.0.0.1:`port`, each holding an unfinished body."""

    port: int
    count: int
    reconnects: int = 0
    _open: dict[int, socket.socket] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> SlowClients:
        for n in range(self.count):
            threading.Thread(target=self._hold, args=(n,), daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        with self._lock:
            for sock in self._open.values():
                sock.close()

    def holding(self) -> int:
        with self._lock:
            return len(self._open)

    def wait_holding(self, timeout_s: float = 10.0) -> int:
        deadline = time.monotonic() + timeout_s
        while self.holding() < self.count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.holding()

    def _hold(self, n: int) -> None:
        first = True
        while not self._stop.is_set():
            try:
                sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
                sock.sendall(_unfinished_request())
            except OSError:
                time.sleep(0.05)
                continue
            with self._lock:
                self._open[n] = sock
                self.reconnects += 0 if first else 1
            first = False
            try:
                sock.recv(1024)  # returns when the server answers (408) or closes
            except OSError:
                pass
            with self._lock:
                self._open.pop(n, None)
            sock.close()


def _unfinished_request() -> bytes:
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"X-Slack-Request-Timestamp: {int(time.time())}\r\nX-Slack-Signature: v0=00\r\n"
        f"Content-Length: {ANNOUNCED}\r\n\r\n"
    )
    return head.encode() + b"x" * SENT


def run_slow_clients(plan: SlowClientPlan, workdir: Path) -> SlowClientResult:
    started = time.monotonic()
    fake = FakeSlack().start()
    config = AppConfig(
        data_dir=workdir / "app", slack_api_url=fake.api_url, signing_secret=SIGNING_SECRET
    )
    try:
        with serving(config) as server:
            if plan.model_wait_s is not None:
                server.wait_for_model(plan.model_wait_s)
            sender = SignedSender(server.url, SIGNING_SECRET, timeout_s=10.0)
            with SlowClients(server.port, plan.slow_clients) as slow:
                holding_at_start = slow.wait_holding()
                lone = _help(sender, fake, 0)
                with ThreadPoolExecutor(max(1, plan.commands)) as pool:
                    burst = list(pool.map(lambda n: _help(sender, fake, n), range(plan.commands)))
                holding_at_end = slow.holding()
                reconnects = slow.reconnects
    finally:
        fake.stop()
    return SlowClientResult(
        plan,
        lone,
        burst,
        holding_at_start,
        holding_at_end,
        reconnects,
        time.monotonic() - started,
    )


def _help(sender: SignedSender, fake: FakeSlack, n: int) -> Delivery:
    return sender.slash_command(
        "/cuemap",
        "help",
        user=f"U{n:07d}",
        channel="C0WARD",
        response_url=fake.response_url(f"h{n}"),
    )


def slow_client_report(result: SlowClientResult) -> list[str]:
    plan = result.plan
    times = result.burst_seconds
    return [
        f"Slow clients: {plan.slow_clients} holding unfinished bodies "
        f"({result.holding_at_start} at the start, {result.holding_at_end} at the end, "
        f"{result.reconnects} reconnects after the server's body deadline)",
        f"one signed /cuemap command: {result.lone.status} in {result.lone.seconds * 1000:.0f} ms",
        f"{plan.commands} concurrent signed /cuemap commands: "
        f"{sum(d.acknowledged for d in result.burst)} acknowledged; "
        f"p50 {statistics.median(times) * 1000:.0f} ms, p99 {result.percentile(0.99) * 1000:.0f} "
        f"ms, max {times[-1] * 1000:.0f} ms",
        f"drill took {result.seconds:.1f} s",
    ]
