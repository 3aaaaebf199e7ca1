"""The asyncio front of the WSGI app: a request reaches the app only once its body is in; a
body that stalls gets a 408 at the deadline and one too large a 413, without the app ever
being called (so no WSGI thread is taken)."""

from __future__ import annotations

import asyncio
from typing import Any

from integrations.slack.asgi import BufferedWSGI

SCOPE = {
    "type": "http",
    "method": "POST",
    "path": "/slack/events",
    "query_string": b"",
    "headers": [
        (b"content-type", b"application/json"),
        (b"x-slack-signature", b"v0=ab"),
        (b"x-slack-signature", b"v0=cd"),
    ],
    "server": ("127.0.0.1", 3000),
    "client": ("127.0.0.1", 5000),
}


class RecordingApp:
    def __init__(self) -> None:
        self.environs: list[dict[str, Any]] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        environ["body"] = environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"]))
        self.environs.append(environ)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]


def serve(front: BufferedWSGI, messages: list[dict[str, Any]], stall: bool = False) -> list[dict]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        if stall:
            await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(front(dict(SCOPE), receive, send))
    return sent


def test_asgi_front_hands_a_complete_request_to_the_wsgi_app() -> None:
    app = RecordingApp()
    body = [
        {"type": "http.request", "body": b'{"a":', "more_body": True},
        {"type": "http.request", "body": b"1}", "more_body": False},
    ]

    sent = serve(BufferedWSGI(app), body)

    assert sent[0]["status"] == 200 and sent[1]["body"] == b"ok"
    [environ] = app.environs
    assert environ["body"] == b'{"a":1}'
    assert environ["CONTENT_TYPE"] == "application/json"
    assert environ["HTTP_X_SLACK_SIGNATURE"] == "v0=ab,v0=cd"
    assert environ["PATH_INFO"] == "/slack/events" and environ["REQUEST_METHOD"] == "POST"


def test_asgi_front_answers_a_stalled_body_408_without_calling_the_app() -> None:
    app = RecordingApp()
    partial = [{"type": "http.request", "body": b"x" * 16, "more_body": True}]

    sent = serve(BufferedWSGI(app, body_deadline_s=0.2), partial, stall=True)

    assert sent[0]["status"] == 408
    assert app.environs == []


def test_asgi_front_answers_an_oversized_body_413_without_calling_the_app() -> None:
    app = RecordingApp()
    chunks = [{"type": "http.request", "body": b"x" * 600, "more_body": True}] * 3

    sent = serve(BufferedWSGI(app, max_body=1000), list(chunks))

    assert sent[0]["status"] == 413
    assert app.environs == []
