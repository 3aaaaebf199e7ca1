"""Parser for Thread Reader page captures: one full thread plus "More from" previews.

Layout of a capture (plain text, as a browser copies it):
    <Author> Profile picture
    <Mon D> <N> tweets <M> min read Read on X
    <posts of the full thread> ... • • • ... site furniture ...
    More from @<handle>
    <Mon D>            (one block per preview thread)
    <first posts>
    Read <N> tweets
    ... site furniture ...

Inside a thread, paragraphs of one post are separated by blank lines, bullets by single
line breaks, and a new post starts on a line that follows text with no blank line between.
"""

from __future__ import annotations

import re

from assistant.corpus.boilerplate import PROMO_PARAGRAPH, is_page_line
from assistant.corpus.models import Post, SourceDocument, Thread

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"{_MONTH} \d{{1,2}}(?:, \d{{4}})?"
HEADER = re.compile(rf"^(?P<date>{_DATE})\s+(?P<count>\d+) tweets\b.*$")
PREVIEW_DATE = re.compile(rf"^(?P<date>{_DATE})$")
READ_N = re.compile(r"^Read (?P<count>\d+) tweets$")
MORE_FROM = re.compile(r"^More from @(?P<handle>\w+)$")
AUTHOR = re.compile(r"^(?P<author>.+?) Profile picture$")
IMAGE_MARKER = re.compile(r"(?<=[^\w\s])\s*Image$|^Image$")
BULLET = re.compile(r"^\s*(?:[*\-•]|\d+[.)])\s+")
THREAD_EMOJI = re.compile(r"\s*[🧵👇]+")
END_OF_THREAD = "• • •"


def looks_like_capture(text: str) -> bool:
    head = [line.strip() for line in text.splitlines()[:3]]
    return len(head) >= 2 and bool(AUTHOR.match(head[0])) and bool(HEADER.match(head[1]))


def parse_capture(text: str, source: str, url: str = "") -> SourceDocument:
    lines = text.replace("\r\n", "\n").split("\n")
    author = AUTHOR.match(lines[0].strip()).group("author")  # type: ignore[union-attr]
    header = HEADER.match(lines[1].strip())
    assert header is not None  # looks_like_capture() was checked by the caller
    handle = next((m.group("handle") for ln in lines if (m := MORE_FROM.match(ln.strip()))), "")
    handle = f"@{handle}" if handle else ""

    end = next((i for i, ln in enumerate(lines) if ln.strip() == END_OF_THREAD), len(lines))
    threads = [
        _thread(lines[2:end], author, handle, header.group("date"), int(header.group("count")), url)
    ]
    threads += _previews(lines[end:], author, handle, url)
    kept = tuple(t for t in threads if t.posts)
    return SourceDocument(source=source, threads=kept, kind="thread capture")


def _previews(lines: list[str], author: str, handle: str, url: str) -> list[Thread]:
    start = next((i for i, ln in enumerate(lines) if MORE_FROM.match(ln.strip())), None)
    if start is None:
        return []
    previews: list[Thread] = []
    date, body = "", []  # type: str, list[str]
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not date:
            if match := PREVIEW_DATE.match(stripped):
                date, body = match.group("date"), []
            continue
        if match := READ_N.match(stripped):
            previews.append(_thread(body, author, handle, date, int(match.group("count")), url))
            date = ""
            continue
        body.append(line)
    return previews


def _thread(lines: list[str], author: str, handle: str, date: str, total: int, url: str) -> Thread:
    posts = [
        Post(number=i, text=text) for i, text in enumerate(split_posts(lines), start=1) if text
    ]
    return thread_of(posts, author, handle, date, total, url)


def thread_of(
    posts: list[Post], author: str, handle: str, date: str, total: int, url: str
) -> Thread:
    """A thread of numbered posts, titled by its first post; `total` as the page counts it."""
    return Thread(
        title=thread_title(posts),
        author=author,
        handle=handle,
        date=date,
        url=url,
        total_posts=max(total, len(posts)),
        posts=tuple(posts),
    )


def split_posts(lines: list[str]) -> list[str]:
    """Group lines into posts: a text line right after a text line (not a bullet) starts one."""
    posts: list[list[str]] = []
    previous_blank = True
    for raw in lines:
        line = raw.rstrip().replace("\xa0", " ")
        if not line.strip():
            previous_blank = True
            continue
        if is_page_line(line):
            continue
        starts_post = not posts or (not previous_blank and not BULLET.match(line))
        if starts_post:
            posts.append([])
        elif previous_blank:
            posts[-1].append("")
        posts[-1].append(line)
        previous_blank = False
    return [_clean_post(post) for post in posts]


def _clean_post(lines: list[str]) -> str:
    paragraphs = "\n".join(lines).split("\n\n")
    kept = []
    for paragraph in paragraphs:
        cleaned = "\n".join(
            THREAD_EMOJI.sub("", IMAGE_MARKER.sub("", ln)).rstrip() for ln in paragraph.split("\n")
        ).strip()
        if cleaned and not PROMO_PARAGRAPH.search(cleaned):
            kept.append(cleaned)
    return "\n\n".join(kept)


def thread_title(posts: list[Post]) -> str:
    """The thread's opening line; a lead-in ending in ':' takes the next paragraph with it."""
    if not posts:
        return ""
    paragraphs = posts[0].text.split("\n\n")
    title = paragraphs[0]
    for paragraph in paragraphs[1:]:
        if not title.endswith(":"):
            break
        title = f"{title} {paragraph}"
    return title
