"""The WSGI app behind an asyncio front: a request gets a thread only once its body is in.

With a threaded WSGI server each connection holds a thread from its first byte to its last,
so a few clients that send headers and never finish the body take every thread and stop all
acknowledgements (eight did it to gunicorn's gthread worker). Here the body is read on the
event loop, where a waiting connection costs a socket and a coroutine, under a deadline and a
size limit; only a complete request is handed to the WSGI app on a small thread pool. A body
that takes longer than BODY_DEADLINE_S is answered 408, one larger than MAX_BODY 413.
"""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from integrations.slack.malformed import MAX_BODY
from integrations.slack.wsgi import WSGIApp

BODY_DEADLINE_S = 5.0  # Slack sends its few kilobytes at once and gives up after 3 s
WSGI_THREADS = 8  # acknowledgements are quick; answers run on Bolt's own pool

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    pass


class BufferedWSGI:
    """An ASGI application running `wsgi` for complete requests only."""

    def __init__(
        self,
        wsgi: WSGIApp,
        *,
        threads: int = WSGI_THREADS,
        body_deadline_s: float = BODY_DEADLINE_S,
        max_body: int = MAX_BODY,
    ) -> None:
        self._wsgi = wsgi
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="cuemap-wsgi")
        self._deadline_s = body_deadline_s
        self._max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            await self._http(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            body = await asyncio.wait_for(self._read_body(receive), self._deadline_s)
        except TimeoutError:
            await _plain(send, 408, b"request body not received in time")
            return
        except BodyTooLarge:
            await _plain(send, 413, b"request body too large")
            return
        except ClientGone:
            return
        loop = asyncio.get_running_loop()
        status, headers, content = await loop.run_in_executor(
            self._pool, run_wsgi, self._wsgi, environ(scope, body)
        )
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})

    async def _read_body(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._max_body:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self._pool.shutdown(wait=False)
                await send({"type": "lifespan.shutdown.complete"})
                return


def environ(scope: Scope, body: bytes) -> dict[str, Any]:
    """The WSGI environ (PEP 3333) of a complete request."""
    server = scope.get("server") or ("localhost", 80)
    client = scope.get("client") or ("", 0)
    env: dict[str, Any] = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": scope.get("root_path", ""),
        "PATH_INFO": scope["path"],
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": str(client[0]),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        value = raw_value.decode("latin-1")
        if name == "CONTENT_TYPE":
            env["CONTENT_TYPE"] = value
        elif name != "CONTENT_LENGTH":
            key = f"HTTP_{name}"
            env[key] = f"{env[key]},{value}" if key in env else value
    return env


def run_wsgi(app: WSGIApp, env: dict[str, Any]) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Call the WSGI app on a worker thread; its status, headers and whole body."""
    started: dict[str, Any] = {}
    written: list[bytes] = []  # through the legacy write() callable

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None):
        started["status"], started["headers"] = status, headers
        return written.append

    result: Iterable[bytes] = app(env, start_response)
    try:
        content = b"".join([*written, *result])
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    status = int(started["status"].split(" ", 1)[0])
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in started["headers"]]
    return status, headers, content


async def _plain(send: Send, status: int, text: bytes) -> None:
    headers = [(b"content-type", b"text/plain"), (b"content-length", str(len(text)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text})
