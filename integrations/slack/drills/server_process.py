"""`cuemap serve` in its own process (gunicorn: a master and its worker), as production runs it.

The process gets its own session (process group), so a crash drill can SIGKILL the master and
its worker at once, the way a machine failure or the kernel's OOM killer would.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

from assistant.benchmark.processes import child_env, cuemap_command
from assistant.settings import PROJECT_ROOT, Settings

STOP_WAIT_S = 20.0


@dataclass(frozen=True)
class AppConfig:
    """What a served app is pointed at: the Slack settings and where its state lives."""

    data_dir: Path
    slack_api_url: str
    signing_secret: str
    bot_token: str = "xoxb-drill"
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    database_url: str | None = None  # SQLite under data_dir when unset
    chroma: tuple[str, int] | None = None  # a Chroma server instead of the on-disk index
    collection: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def sqlalchemy_url(self) -> str:
        """The database the app uses, as the drill reads it back."""
        settings = Settings(_env_file=None, data_dir=self.data_dir, database_url=self.database_url)
        return settings.sqlalchemy_url

    def env(self) -> dict[str, str]:
        extra = {
            "SLACK_SIGNING_SECRET": self.signing_secret,
            "SLACK_BOT_TOKEN": self.bot_token,
            "SLACK_API_URL": self.slack_api_url,
            **self.extra_env,
        }
        if self.database_url:
            extra["CUEMAP_DATABASE_URL"] = self.database_url
        if self.chroma:
            extra["CUEMAP_CHROMA_HOST"], extra["CUEMAP_CHROMA_PORT"] = (
                self.chroma[0],
                str(self.chroma[1]),
            )
        if self.collection:
            extra["CUEMAP_COLLECTION"] = self.collection
        return child_env(self.data_dir, self.corpus_dir, **extra)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_cuemap(config: AppConfig, *args: str, timeout_s: float = 300.0) -> None:
    """A one-off `cuemap` command (e.g. `ingest`) with the app's settings."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [*cuemap_command(), *args],
        env=config.env(),
        cwd=config.data_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=timeout_s,
    )


@contextmanager
def serving(config: AppConfig, name: str = "app") -> Iterator[ServerProcess]:
    server = ServerProcess(config, name)
    try:
        yield server.start()
    finally:
        server.stop()


@contextmanager
def serving_together(*configs: AppConfig) -> Iterator[list[ServerProcess]]:
    """Several app processes launched at the same moment, as replicas behind a balancer are
    (each creates the tables it needs on first start, so they race for that too). They are
    up once /healthz answers: `wait_until_up`."""
    servers = [ServerProcess(config, f"app-{n}") for n, config in enumerate(configs)]
    try:
        for server in servers:
            server.launch()
        yield servers
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait_stopped()


class ServerProcess:
    def __init__(self, config: AppConfig, name: str = "app") -> None:
        self.config = config
        self.port = free_port()
        self.log_path = config.data_dir / f"{name}-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60.0) -> ServerProcess:
        """Start serving and return once /healthz answers (acks work from then on)."""
        self.launch()
        self.wait_until_up(timeout_s)
        return self

    def launch(self) -> None:
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [*cuemap_command(), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=self.config.env(),
                cwd=self.config.data_dir,  # no stray .env from wherever the drill was started
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_up(self, timeout_s: float = 60.0) -> None:
        self._wait_until(lambda health: True, timeout_s, "start")

    def wait_for_model(self, timeout_s: float = 180.0) -> None:
        self._wait_until(lambda health: bool(health.get("model_ready")), timeout_s, "load")

    def kill(self) -> None:
        """SIGKILL the master and its worker together: no clean-up runs, nothing is flushed."""
        process = self._running()
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        """SIGTERM (gunicorn's graceful shutdown), SIGKILL if it has not ended in time."""
        self.terminate()
        self.wait_stopped()

    def terminate(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)

    def wait_stopped(self) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_tail(self, lines: int = 20) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def _running(self) -> subprocess.Popen[bytes]:
        if self.process is None:
            raise RuntimeError("the app was never started")
        return self.process

    def _wait_until(self, ready, timeout_s: float, what: str) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._running().poll() is not None:
                raise RuntimeError(f"cuemap serve exited during {what}:\n{self.log_tail()}")
            health = self._health()
            if health is not None and ready(health):
                return
            time.sleep(0.1)
        raise TimeoutError(f"cuemap serve did not {what} within {timeout_s:.0f} s")

    def _health(self) -> dict | None:
        try:
            with urlopen(self.url + "/healthz", timeout=2) as response:
                return json.loads(response.read())
        except (URLError, OSError, ValueError):
            return None
