"""The fake Slack Web API, also telling waiting clinicians when CueMap posts in a DM thread."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from integrations.slack.testing.fake_web_api import FakeSlack

T = TypeVar("T")
POLL_S = 0.2


class WatchedSlack(FakeSlack):
    def __init__(self) -> None:
        super().__init__()
        self._posted = threading.Condition()
        self._threads: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._roots: dict[str, list[str]] = defaultdict(list)

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        reply = super()._chat_postMessage(params)
        message = reply["message"]
        with self._posted:
            if params.get("thread_ts"):
                self._threads[str(params["thread_ts"])].append(message)
            else:
                self._roots[message["channel"]].append(message["ts"])
            self._posted.notify_all()
        return reply

    def roots(self, channel: str) -> list[str]:
        """The threads CueMap started in a channel (an interview's intro starts one)."""
        with self._posted:
            return list(self._roots[channel])

    def thread(self, root_ts: str) -> list[dict[str, Any]]:
        """CueMap's messages in a thread, oldest first."""
        with self._posted:
            return list(self._threads[root_ts])

    def wait(
        self, probe: Callable[[], T | None], timeout_s: float, stop: threading.Event | None = None
    ) -> T | None:
        """`probe()` once it returns something; None after `timeout_s` or once `stop` is set."""
        deadline = time.monotonic() + timeout_s
        with self._posted:
            while True:
                found = probe()
                left = deadline - time.monotonic()
                if found is not None or left <= 0 or (stop is not None and stop.is_set()):
                    return found
                self._posted.wait(min(left, POLL_S))


@contextmanager
def watched_slack() -> Iterator[WatchedSlack]:
    slack = WatchedSlack()
    slack.start()
    try:
        yield slack
    finally:
        slack.stop()
