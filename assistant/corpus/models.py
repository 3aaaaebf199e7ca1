"""What a source is made of: documents hold threads, threads hold numbered posts."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Post:
    number: int  # 1-based position in the thread
    text: str


@dataclass(frozen=True)
class Thread:
    title: str
    author: str
    handle: str
    date: str
    url: str
    total_posts: int  # N of "post n/N": the thread's full length, even when only a preview is here
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class SourceDocument:
    source: str  # file name relative to the corpus folder
    threads: tuple[Thread, ...]


@dataclass(frozen=True)
class Chunk:
    """One indexed passage: a post, or a few adjacent short posts, with full provenance."""

    id: str
    text: str
    source: str
    thread_index: int
    thread_title: str
    author: str
    handle: str
    date: str
    url: str
    post_start: int
    post_end: int
    thread_posts: int

    @property
    def post_label(self) -> str:
        span = (
            str(self.post_start)
            if self.post_start == self.post_end
            else f"{self.post_start}-{self.post_end}"
        )
        return f"{span}/{self.thread_posts}"

    @property
    def author_label(self) -> str:
        return f"{self.author} ({self.handle})" if self.handle else self.author

    @property
    def embedding_text(self) -> str:
        """Later posts carry their thread's title so the vector knows the topic."""
        if self.post_start == 1:
            return self.text
        return f"{self.thread_title}\n\n{self.text}"

    def to_metadata(self) -> dict[str, str | int]:
        meta = asdict(self)
        del meta["id"], meta["text"]
        return meta

    @classmethod
    def from_stored(cls, chunk_id: str, text: str, metadata: dict) -> Chunk:
        fields = {name: metadata[name] for name in cls.__dataclass_fields__ if name in metadata}
        return cls(id=chunk_id, text=text, **fields)
