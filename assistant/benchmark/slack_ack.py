"""How soon `cuemap serve` can acknowledge a Slack request after it starts.

The app is started as Slack would meet it in production (HTTP under gunicorn) with a
signing secret and SLACK_API_URL pointing at a local fake of Slack's Web API. A signed
`/explain` slash command is sent again and again from the moment the process starts; the
first 200 is the acknowledgement time. The answer that follows (posted to the command's
response_url on the fake) shows when the model had loaded. The worker's memory is read once
it has answered and its warm-up (model, index, identifier recogniser, crisis pipeline) is
done, as `/healthz` reports: what each worker holds from then on. Signing is done here with the
standard library (HMAC-SHA256 as Slack documents it): the core never imports slack_sdk.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from assistant.benchmark.processes import child_env, cuemap_command, peak_rss_mb

SECRET = "bench-signing-secret"
RESPONSE_PATH = "/response/explain"


@dataclass(frozen=True)
class SlackAck:
    ack_seconds: float  # process start to the first acknowledged signed request
    answer_seconds: float | None  # process start to the answer posted back
    peak_rss_mb: float


class FakeSlack(ThreadingHTTPServer):
    """Answers every Web API call with ok; remembers which paths were called."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _FakeHandler)
        self.paths: list[str] = []
        self.answered = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _FakeHandler(BaseHTTPRequestHandler):
    server: FakeSlack

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.paths.append(self.path)
        if self.path == RESPONSE_PATH:
            self.server.answered.set()
        body = json.dumps(
            {"ok": True, "user_id": "UBENCH", "bot_id": "BBENCH", "team_id": "TBENCH"}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


def measure_slack_ack(
    data_dir: Path, corpus_dir: Path, question: str, timeout_s: float = 120.0, **extra: str
) -> SlackAck:
    fake = FakeSlack()
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    port = _free_port()
    env = child_env(
        data_dir,
        corpus_dir,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_API_URL=f"{fake.url}/api/",
        **extra,
    )
    started = time.perf_counter()
    process = subprocess.Popen(
        [*cuemap_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        ack = _first_ack(port, _slash_command(question, fake.url), started, timeout_s)
        answered = fake.answered.wait(timeout_s)
        answer = time.perf_counter() - started if answered else None
        _wait_until_warm(port, started, timeout_s)
        return SlackAck(
            ack_seconds=ack, answer_seconds=answer, peak_rss_mb=peak_rss_mb(process.pid)
        )
    finally:
        process.terminate()
        process.wait(30)
        fake.shutdown()


def _first_ack(port: int, body: str, started: float, timeout_s: float) -> float:
    while time.perf_counter() - started < timeout_s:
        try:
            with urllib.request.urlopen(_signed(port, body), timeout=5) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.02)
    raise TimeoutError(f"cuemap serve did not acknowledge within {timeout_s:.0f} s")


def _wait_until_warm(port: int, started: float, timeout_s: float) -> None:
    while time.perf_counter() - started < timeout_s:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as reply:
                if json.load(reply).get("model_ready"):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"cuemap serve did not warm up within {timeout_s:.0f} s")


def _slash_command(question: str, fake_url: str) -> str:
    return urllib.parse.urlencode(
        {
            "command": "/explain",
            "text": question,
            "team_id": "TBENCH",
            "user_id": "UBENCH",
            "channel_id": "CBENCH",
            "response_url": fake_url + RESPONSE_PATH,
            "trigger_id": "bench.trigger",
        }
    )


def _signed(port: int, body: str) -> urllib.request.Request:
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body.encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": "v0=" + digest.hexdigest(),
        },
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
