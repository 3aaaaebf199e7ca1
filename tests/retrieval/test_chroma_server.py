"""With CUEMAP_CHROMA_HOST set, the index lives in a Chroma server (`chroma run` on loopback)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.engine import Engine
from assistant.settings import Settings
from tests.fakes import HashingEmbedder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    path = tmp_path_factory.mktemp("chroma-server")
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).is_success:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("the Chroma server did not start within 30 s")
    yield port
    process.terminate()
    process.wait(timeout=10)


def test_two_processes_share_one_chroma_server(settings: Settings, chroma_server: int) -> None:
    server = settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": chroma_server})
    writer = Engine.from_settings(server, HashingEmbedder())
    report, _ = writer.ingest()
    assert report.added == 20
    assert not (settings.data_dir / "chroma").exists()

    other_host = server.model_copy(update={"data_dir": settings.data_dir / "second-app"})
    reader = Engine.from_settings(other_host, HashingEmbedder())
    assert reader.index.count() == 20
    hits = reader.explainer.search("gabapentin pregabalin calcium channel").hits
    assert "Gabapentin" in hits[0].chunk.thread_title
    again, _ = reader.ingest()
    assert again.added == 0
