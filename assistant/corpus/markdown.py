"""Plain Markdown or text a clinic drops into corpus/, with optional YAML front matter.

    ---
    title: Urge surfing handout
    author: Clinic team
    date: 2026-03-01
    url: https://intranet.example/urge-surfing
    ---
    Body paragraphs...

Each paragraph group (split at headings, kept under ~600 characters) is one numbered post.
"""

from __future__ import annotations

import re
from pathlib import PurePath

import yaml

from assistant.corpus.models import Post, SourceDocument, Thread
from assistant.errors import CorpusError

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*$")
MAX_POST_CHARS = 600


def parse_markdown(text: str, source: str) -> SourceDocument:
    meta, body = _front_matter(text, source)
    sections = _sections(body)
    title = str(meta.get("title") or _first_heading(body) or PurePath(source).stem)
    posts = tuple(Post(number=i, text=t) for i, t in enumerate(sections, start=1))
    thread = Thread(
        title=title,
        author=str(meta.get("author") or ""),
        handle="",
        date=str(meta.get("date") or ""),
        url=str(meta.get("url") or ""),
        total_posts=len(posts),
        posts=posts,
    )
    return SourceDocument(source=source, threads=(thread,) if posts else ())


def _front_matter(text: str, source: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError:
        raise CorpusError(f"{source}: the front matter is not valid YAML") from None
    if not isinstance(meta, dict):
        raise CorpusError(f"{source}: the front matter must be a mapping of title/author/date/url")
    return meta, text[match.end() :]


def _first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if match := HEADING.match(line.strip()):
            return match.group("title")
    return None


def _sections(body: str) -> list[str]:
    """Paragraphs grouped under their heading, each group short enough to read at a glance."""
    groups: list[str] = []
    current: list[str] = []
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n", body)):
        if not paragraph:
            continue
        is_heading = bool(HEADING.match(paragraph.splitlines()[0]))
        size = sum(len(p) for p in current) + len(paragraph)
        if current and (is_heading or size > MAX_POST_CHARS):
            groups.append("\n\n".join(current))
            current = []
        current.append(_strip_heading_marks(paragraph) if is_heading else paragraph)
    if current:
        groups.append("\n\n".join(current))
    return groups


def _strip_heading_marks(paragraph: str) -> str:
    first, _, rest = paragraph.partition("\n")
    match = HEADING.match(first)
    title = match.group("title") if match else first
    return f"{title}\n{rest}".strip()
