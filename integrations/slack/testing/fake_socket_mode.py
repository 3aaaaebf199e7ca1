"""Slack's side of a Socket Mode connection, on 127.0.0.1: a WebSocket endpoint that the fake
Web API's `apps.connections.open` hands out. It greets the app with `hello`, sends envelopes
(slash commands, events, interactions) as Slack does, and records each acknowledgement."""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

from websockets.sync.server import ServerConnection, serve


class FakeSocketMode:
    def __init__(self) -> None:
        self.acks: dict[str, tuple[float, dict[str, Any]]] = {}  # envelope id -> (when, ack)
        self._sent: dict[str, float] = {}
        self._connections: list[ServerConnection] = []
        self._lock = threading.Lock()
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link/?ticket=fake"

    def wait_connected(self, timeout: float = 10.0) -> None:
        self._wait(lambda: bool(self._connections), timeout, "the app did not connect")

    def send(self, envelope_type: str, payload: dict[str, Any]) -> str:
        """An envelope (`slash_commands`, `events_api` or `interactive`); its id."""
        envelope_id = str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": envelope_type,
            "payload": payload,
            "accepts_response_payload": envelope_type != "events_api",
        }
        if envelope_type == "events_api":
            envelope["retry_attempt"], envelope["retry_reason"] = 0, ""
        with self._lock:
            connection = self._connections[-1]
            self._sent[envelope_id] = time.monotonic()
        connection.send(json.dumps(envelope))
        return envelope_id

    def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> tuple[float, dict]:
        """The acknowledgement's delay in seconds, and what it carried."""
        self._wait(lambda: envelope_id in self.acks, timeout, "no acknowledgement")
        with self._lock:
            at, ack = self.acks[envelope_id]
            return at - self._sent[envelope_id], ack

    def _handle(self, connection: ServerConnection) -> None:
        with self._lock:
            self._connections.append(connection)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "ACUEMAP"}}
        connection.send(json.dumps(hello))
        for message in connection:
            document = json.loads(message)
            if "envelope_id" in document:
                with self._lock:
                    self.acks[document["envelope_id"]] = (time.monotonic(), document)

    def _wait(self, ready: Any, timeout: float, failure: str) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            assert time.monotonic() < deadline, failure
            time.sleep(0.02)
