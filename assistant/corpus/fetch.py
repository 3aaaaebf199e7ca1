"""`cuemap add URL`: a Thread Reader page fetched politely and kept in corpus/ with its URL.

httpx with a timeout on every phase, redirects capped, the body streamed and cut off at a
size limit, only HTML accepted, and a user agent that says who is asking. The page is
parsed before it is stored, so a page that is not a readable thread never reaches corpus/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from assistant import __version__
from assistant.corpus.html_page import parse_html_page
from assistant.corpus.models import SourceDocument
from assistant.errors import CorpusError

USER_AGENT = f"CueMap/{__version__} (clinic reading library; fetches one page on request)"
TIMEOUT = httpx.Timeout(20.0, connect=5.0)
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchedPage:
    url: str  # where the page was found (after redirects): its source URL in citations
    file_name: str  # where it goes in corpus/
    html: bytes  # with a "saved from url" comment first, as browsers save pages
    document: SourceDocument


def fetch_page(url: str, client: httpx.Client | None = None) -> FetchedPage:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CorpusError(f"{url}: only http and https addresses can be fetched")
    own = client is None
    client = client or httpx.Client(
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
    )
    try:
        url, body = _download(client, url)
    except httpx.TooManyRedirects:
        raise CorpusError(f"{url}: too many redirects") from None
    except httpx.TimeoutException:
        raise CorpusError(f"{url}: the server did not answer in time") from None
    except httpx.HTTPError as exc:
        raise CorpusError(f"{url}: cannot be fetched ({type(exc).__name__})") from None
    finally:
        if own:
            client.close()
    name = file_name_for(url)
    saved = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode() + body
    return FetchedPage(url, name, saved, parse_html_page(saved, name, url))


def _download(client: httpx.Client, url: str) -> tuple[str, bytes]:
    with client.stream("GET", url) as response:
        if response.status_code != 200:
            raise CorpusError(f"{url}: the server answered {response.status_code}")
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in HTML_TYPES:
            raise CorpusError(f"{url}: not a web page (content type {kind or 'missing'})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BYTES:
            raise CorpusError(f"{url}: too large ({int(declared) / 1e6:.1f} MB)")
        body = bytearray()
        for piece in response.iter_bytes():
            body += piece
            if len(body) > MAX_BYTES:
                raise CorpusError(f"{url}: too large (over {MAX_BYTES / 1e6:.0f} MB)")
        return str(response.url), bytes(body)


def file_name_for(url: str) -> str:
    """threadreaderapp.com/thread/123.html → threadreader-123.html; else host and path."""
    parts = urlsplit(url)
    if match := re.search(r"/thread/(\d+)", parts.path):
        return f"threadreader-{match.group(1)}.html"
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.hostname}{parts.path}").strip("-")
    return f"{slug[:80] or 'page'}.html"
