"""Where each request goes: one app, or several in turn, as behind a round-robin balancer."""

from __future__ import annotations

import itertools
import threading

from integrations.slack.testing.signed import SignedSender


class Router:
    def __init__(self, *apps: SignedSender) -> None:
        self._lock = threading.Lock()
        self.send_to(*apps)

    def send_to(self, *apps: SignedSender) -> None:
        """From now on, requests go to `apps` in turn (after a restart: the new process)."""
        with self._lock:
            self._turns = itertools.cycle(apps)

    def __call__(self) -> SignedSender:
        with self._lock:
            return next(self._turns)
