"""`cuemap add URL`: a Thread Reader page fetched from a server on 127.0.0.1, politely."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.corpus import fetch
from assistant.corpus.fetch import USER_AGENT, fetch_page
from assistant.corpus.library import add
from assistant.errors import CorpusError
from tests.corpus.fixture_files import thread_page


class Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/thread/1797000000000000042.html")
            self.end_headers()
            return
        if self.path not in self.pages:
            self.send_error(404)
            return
        kind, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.end_headers()  # no Content-Length: the size cap must hold while streaming
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    page = thread_page(tmp_path).read_bytes()
    Site.pages = {
        "/thread/1797000000000000042.html": ("text/html; charset=utf-8", page),
        "/thread/999.pdf": ("application/pdf", b"%PDF-1.7 ..."),
        "/thread/huge.html": ("text/html", b"<p>" + b"x" * 6_000_000),
        "/about.html": ("text/html", b"<html><body><p>About us</p></body></html>"),
    }
    Site.agents = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_thread_reader_url_is_fetched_and_kept_with_its_source_url(
    site: str, tmp_path: Path
) -> None:
    corpus_dir = tmp_path / "corpus"
    url = f"{site}/thread/1797000000000000042.html"

    added = add(f"{site}/moved", corpus_dir)  # redirected to the thread

    assert added.status == "new" and added.name == "threadreader-1797000000000000042.html"
    [main, _] = added.document.threads
    assert main.url == url and main.author == "Addiction Neuro Notes"
    stored = (corpus_dir / added.name).read_text(encoding="utf-8")
    assert stored.startswith(f"<!-- saved from url=({len(url):04d}){url} -->")
    assert Site.agents and all(agent == USER_AGENT for agent in Site.agents)
    assert add(url, corpus_dir).status == "unchanged"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/thread/999.pdf", "not a web page (content type application/pdf)"),
        ("/thread/huge.html", "too large"),
        ("/missing.html", "the server answered 404"),
        ("/about.html", "not a Thread Reader page"),
    ],
)
def test_pages_that_are_not_readable_threads_are_refused_and_not_stored(
    site: str, tmp_path: Path, path: str, reason: str
) -> None:
    corpus_dir = tmp_path / "corpus"
    with pytest.raises(CorpusError, match=re.escape(reason)):
        add(f"{site}{path}", corpus_dir)
    assert not corpus_dir.exists()


def test_a_server_that_never_answers_times_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()  # accepts the connection, never sends a byte
    monkeypatch.setattr(fetch, "TIMEOUT", fetch.httpx.Timeout(0.5))
    try:
        with pytest.raises(CorpusError, match="did not answer in time"):
            fetch_page(f"http://127.0.0.1:{listener.getsockname()[1]}/thread/1.html")
    finally:
        listener.close()


def test_only_web_addresses_are_fetched() -> None:
    with pytest.raises(CorpusError, match="only http and https"):
        fetch_page("file:///etc/passwd")
