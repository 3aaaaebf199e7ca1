"""Chunks follow the source's structure: one post, or a few adjacent posts when short."""

from __future__ import annotations

import hashlib

from assistant.corpus.models import Chunk, Post, SourceDocument, Thread

MIN_CHUNK_CHARS = 120  # a post shorter than this is joined with the next one
MAX_CHUNK_CHARS = 700


def chunk_document(document: SourceDocument) -> list[Chunk]:
    return [
        chunk
        for index, thread in enumerate(document.threads)
        for chunk in _chunk_thread(document.source, index, thread)
    ]


def _chunk_thread(source: str, index: int, thread: Thread) -> list[Chunk]:
    groups: list[list[Post]] = []
    for post in thread.posts:
        last = groups[-1] if groups else None
        if (
            last
            and _length(last) < MIN_CHUNK_CHARS
            and _length(last) + len(post.text) <= MAX_CHUNK_CHARS
        ):
            last.append(post)
        else:
            groups.append([post])
    return [_chunk(source, index, thread, group) for group in groups]


def _length(posts: list[Post]) -> int:
    return sum(len(p.text) for p in posts)


def _chunk(source: str, index: int, thread: Thread, posts: list[Post]) -> Chunk:
    text = "\n\n".join(p.text for p in posts)
    start, end = posts[0].number, posts[-1].number
    return Chunk(
        id=stable_chunk_id(source, index, start, end, text),
        text=text,
        source=source,
        thread_index=index,
        thread_title=thread.title,
        author=thread.author,
        handle=thread.handle,
        date=thread.date,
        url=thread.url,
        post_start=start,
        post_end=end,
        thread_posts=thread.total_posts,
    )


def stable_chunk_id(source: str, thread_index: int, start: int, end: int, text: str) -> str:
    """Same file, place and words give the same id; any change gives a new one."""
    digest = hashlib.sha256(f"{source}\x1f{thread_index}\x1f{start}-{end}\x1f{text}".encode())
    return digest.hexdigest()[:24]
