"""A fake Slack Web API on 127.0.0.1: answers like Slack, records every call it receives.

It also stands in for the other Slack URLs the app talks to: interaction `response_url`s
(`/response/<name>`) and file upload URLs (`/upload/<file id>`); `apps.connections.open`
hands out `socket_mode_url` (a local WebSocket endpoint, see fake_socket_mode.py). It can be
told to answer a method with a 429 and `Retry-After` once, or with a Slack error once.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

T = TypeVar("T")

TEAM_ID = "T0CUEMAP"
BOT_USER_ID = "UCUEMAPBOT"
JSON_FIELDS = ("blocks", "view", "files", "prompts", "attachments")


@dataclass
class Call:
    method: str  # Web API method, or "response_url" / "upload"
    params: dict[str, Any]
    headers: dict[str, str]
    raw: bytes
    status: int = 200
    at: float = field(default_factory=time.monotonic)
    path: str = ""
    reply: dict[str, Any] = field(default_factory=dict)  # what the fake answered


@dataclass
class Scripted:
    status: int
    payload: dict[str, Any]
    headers: dict[str, str]


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: list[dict[str, Any]] = []  # what Slack would show in channels
        self.uploads: dict[str, bytes] = {}
        self._scripted: dict[str, list[Scripted]] = {}
        self.socket_mode_url = ""  # what apps.connections.open answers
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    # -- scripting ----------------------------------------------------------------------------

    def rate_limit_once(self, method: str, retry_after: int = 1) -> None:
        self._script(
            method,
            Scripted(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)}),
        )

    def fail_once(self, method: str, error: str) -> None:
        self._script(method, Scripted(200, {"ok": False, "error": error}, {}))

    def _script(self, method: str, scripted: Scripted) -> None:
        with self._lock:
            self._scripted.setdefault(method, []).append(scripted)

    def next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def add_user_message(
        self, channel: str, user: str, text: str, thread_ts: str | None = None
    ) -> str:
        """A message a person sent, as Slack would then list it in the conversation."""
        ts = self.next_ts()
        with self._lock:
            self.messages.append(
                {
                    "channel": channel,
                    "user": user,
                    "text": text,
                    "ts": ts,
                    "thread_ts": thread_ts or ts,
                }
            )
        return ts

    # -- inspection ---------------------------------------------------------------------------

    def calls_to(self, method: str, ok_only: bool = True) -> list[Call]:
        with self._lock:
            return [
                c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)
            ]

    def snapshot(self) -> list[Call]:
        with self._lock:
            return list(self.calls)

    def wait_for(self, probe: Callable[[], T], timeout: float = 10.0) -> T:
        """Poll `probe` until it returns something truthy; lazy listeners run in threads."""
        deadline = time.monotonic() + timeout
        while True:
            result = probe()
            if result or time.monotonic() > deadline:
                assert result, "timed out waiting for the app to call Slack"
                return result
            time.sleep(0.02)

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        def enough() -> list[Call]:
            calls = self.calls_to(method)
            return calls if len(calls) >= count else []

        return self.wait_for(enough, timeout)

    # -- answering ----------------------------------------------------------------------------

    def _answer(
        self, path: str, headers: dict[str, str], raw: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(path)
        if parts.path.startswith("/upload/"):  # file bytes, not a form: never parsed
            self.uploads[parts.path.rsplit("/", 1)[1]] = raw
            return self._record(Call("upload", {}, headers, raw, path=parts.path), b"OK")
        params = _parse(parts.query, headers.get("Content-Type", ""), raw)
        if parts.path.startswith("/response/"):
            return self._record(Call("response_url", params, headers, raw, path=parts.path), b"ok")
        method = parts.path.removeprefix("/api/")
        with self._lock:
            queue = self._scripted.get(method) or []
            scripted = queue.pop(0) if queue else None
        if scripted is not None:
            call = Call(method, params, headers, raw, status=scripted.status, path=parts.path)
            return self._record(
                call, json.dumps(scripted.payload).encode(), scripted.status, scripted.headers
            )
        payload = self._reply(method, params)
        call = Call(method, params, headers, raw, path=parts.path, reply=payload)
        return self._record(call, json.dumps(payload).encode())

    def _record(
        self, call: Call, body: bytes, status: int = 200, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.calls.append(call)
        return status, {"Content-Type": "application/json", **(headers or {})}, body

    def _reply(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        return {"ok": True, **(handler(params) if handler else {})}

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": "BCUEMAP",
            "team": "Clinic",
            "url": "https://clinic.slack.com/",
        }

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel", ""))
        if channel.startswith("U"):
            channel = "D" + channel[1:]
        ts = self.next_ts()
        message = {**params, "channel": channel, "ts": ts, "bot_id": "BCUEMAP", "user": BOT_USER_ID}
        message["thread_ts"] = params.get("thread_ts") or ts
        with self._lock:
            self.messages.append(message)
        return {"channel": channel, "ts": ts, "message": message}

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"channel": params.get("channel"), "ts": params.get("ts")}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"message_ts": self.next_ts()}

    def _conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"channel": {"id": "D" + str(params.get("users", "U"))[1:]}}

    def _conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            thread = [
                m
                for m in self.messages
                if m["channel"] == params.get("channel") and m["thread_ts"] == params.get("ts")
            ]
        return {"messages": sorted(thread, key=lambda m: m["ts"]), "has_more": False}

    def _apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.socket_mode_url}

    def _views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"view": {"id": "VHOME", **(params.get("view") or {})}}

    def _views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"view": {"id": "VMODAL", **(params.get("view") or {})}}

    def _files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{next(self._file_ids):04d}"
        return {"file_id": file_id, "upload_url": f"{self.url}/upload/{file_id}"}

    def _files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "files": [{"id": f["id"], "title": f.get("title", "")} for f in params.get("files", [])]
        }

    def _oauth_v2_access(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "access_token": "xoxb-installed-by-oauth",
            "token_type": "bot",
            "scope": "chat:write,commands",
            "bot_user_id": "UINSTALLEDBOT",
            "app_id": "ACUEMAP",
            "team": {"id": "T0SECOND", "name": "Second clinic"},
            "enterprise": None,
            "authed_user": {"id": "U0ADMIN"},
            "is_enterprise_install": False,
        }

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, body = fake._answer(self.path, dict(self.headers.items()), raw)
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        return Handler


def _parse(query: str, content_type: str, raw: bytes) -> dict[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query))
    if "json" in content_type and raw:
        params.update(json.loads(raw))
    elif "form" in content_type and raw:
        params.update(parse_qsl(raw.decode()))
    for name in JSON_FIELDS:
        if isinstance(params.get(name), str):
            params[name] = json.loads(params[name])
    return params
