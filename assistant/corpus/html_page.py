"""Thread Reader pages saved as HTML ("Save page as", or fetched by `cuemap add URL`).

BeautifulSoup over lxml: BeautifulSoup tolerates the broken markup saved pages carry and
selects by CSS class, lxml is its fastest tree builder. Only the thread's own posts are
read (`.content-tweet`, one per post, and the "More from" cards), so the page's furniture
(ads, donation and crypto addresses, premium and help text, scripts) is never even looked at;
the text capture's line filter then runs on each post as well.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bs4 import BeautifulSoup, Comment, Tag

from assistant.corpus.models import Post, SourceDocument, Thread
from assistant.corpus.threadreader import _DATE, split_posts, thread_of
from assistant.errors import CorpusError

POST = ".content-tweet"
PREVIEW_CARD = "[data-link-href*='/thread/']"
PREVIEW_TEXT = ".card-tweetsv2"
NOT_TEXT = "sup.tw-permalink, img, video, script, style, noscript, ins, iframe, button"
HEADER = re.compile(rf"(?P<date>{_DATE})\s+·?\s*(?P<count>\d+) tweets")
COUNT = re.compile(r"(?P<count>\d+)\s+tweets")
CANONICAL = (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content"))
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(?P<url>https?://\S+)")


def parse_html_page(data: bytes, source: str, url: str = "") -> SourceDocument:
    soup = BeautifulSoup(data, "lxml")
    main = [post for post in soup.select(POST) if not post.find_parent(class_="card-tweetsv2")]
    if not main:
        raise CorpusError(f"{source}: not a Thread Reader page (no thread posts found)")
    handle = _handle(soup)
    author = _author(soup, handle)
    url = url or _page_url(soup)
    header = _header(soup)
    posts = _posts([_text(post) for post in main])
    total = int(header.group("count")) if header else len(posts)
    dated = main[0].find_parent(attrs={"data-time": True})
    date = header.group("date") if header else _epoch_date(dated)
    threads = [thread_of(posts, author, handle, date, total, url)]
    threads += [_preview(card, author, handle) for card in soup.select(PREVIEW_CARD)]
    kept = tuple(t for t in threads if t.posts)
    return SourceDocument(source=source, threads=kept, kind="thread page")


def _preview(card: Tag, author: str, handle: str) -> Thread:
    body = card.select_one(PREVIEW_TEXT) or card
    posts = _posts(split_posts(_text(body).split("\n")))
    count = COUNT.search(card.get_text(" "))
    href = str(card.get("data-link-href", ""))
    url = f"https://threadreaderapp.com{href}" if href.startswith("/") else href
    total = int(count.group("count")) if count else len(posts)
    return thread_of(posts, author, handle, _epoch_date(card), total, url)


def _posts(texts: list[str]) -> list[Post]:
    cleaned = ["\n\n".join(split_posts(text.split("\n"))) for text in texts]
    return [Post(number=i, text=t) for i, t in enumerate((t for t in cleaned if t), start=1)]


def _text(element: Tag) -> str:
    """The element's words with line breaks kept: <br> and block ends become newlines.

    Changes the parsed page in place (the page is parsed afresh for every file).
    """
    for unwanted in element.select(NOT_TEXT):
        unwanted.decompose()
    for br in element.find_all("br"):
        br.replace_with("\n")
    for block in element.find_all(["p", "div", "li"]):
        block.append("\n\n")
    text = element.get_text()
    text = re.sub(r"[ \t]+", " ", text.replace("\xa0", " "))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def _handle(soup: BeautifulSoup) -> str:
    tagged = soup.select_one("[data-screenname]")
    name = str(tagged["data-screenname"]) if tagged else ""
    if not name and (creator := soup.find("meta", attrs={"name": "twitter:creator"})):
        name = str(creator.get("content", ""))
    return f"@{name.lstrip('@')}" if name else ""


def _author(soup: BeautifulSoup, handle: str) -> str:
    for selector in (".thread-author-name", "[data-screenname]", "meta[name=author]"):
        if (found := soup.select_one(selector)) is not None:
            text = str(found.get("content", "")) if found.name == "meta" else found.get_text(" ")
            text = " ".join(text.replace(handle, "").split())
            if text:
                return text
    return handle


def _header(soup: BeautifulSoup) -> re.Match[str] | None:
    """The "May 28 · 16 tweets · 4 min read" line above the thread, wherever it sits."""
    for element in soup.find_all(string=COUNT):
        line = element.parent.get_text(" ") if element.parent else str(element)
        if match := HEADER.search(" ".join(line.split())):
            return match
    return None


def _epoch_date(element: Tag | None) -> str:
    raw = str(element.get("data-time", "")) if element else ""
    if not raw.isdigit():
        return ""
    return datetime.fromtimestamp(int(raw), tz=UTC).date().isoformat()


def _page_url(soup: BeautifulSoup) -> str:
    comment = soup.find(string=lambda s: isinstance(s, Comment) and "saved from url=" in s)
    if comment and (match := SAVED_FROM.search(str(comment))):
        return match.group("url")
    for selector, attribute in CANONICAL:
        found = soup.select_one(selector)
        if found is not None and str(found.get(attribute, "")).startswith("http"):
            return str(found[attribute])
    return ""
