"""A cited answer, shaped the same for the console, JSON and Slack."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.corpus.models import Chunk


@dataclass(frozen=True)
class Citation:
    n: int
    chunk_id: str
    thread: str
    author: str
    date: str
    post: str  # "n/N"
    text: str
    url: str = ""
    source: str = ""  # file in corpus/
    locator: str = ""  # "post 3/16", "page 2", "section “Triggers”"
    kind: str = ""  # "thread capture", "thread page", "PDF", "Word", "Markdown", "text"

    @classmethod
    def from_chunk(cls, n: int, chunk: Chunk) -> Citation:
        return cls(
            n=n,
            chunk_id=chunk.id,
            thread=chunk.thread_title,
            author=chunk.author_label,
            date=chunk.date,
            post=chunk.post_label,
            text=chunk.text,
            url=chunk.url,
            source=chunk.source,
            locator=chunk.locator,
            kind=chunk.kind,
        )

    def label(self) -> str:
        """One line for a source list: title, author, date, and post, page or section."""
        parts = [f"“{self.thread}”", self.author, self.date, self.locator or f"post {self.post}"]
        return ", ".join(p for p in parts if p)

    @property
    def origin(self) -> str:
        """Where to find it: the source URL, else the file in corpus/."""
        return self.url or (f"file {self.source}" if self.source else "")

    def provenance(self) -> str:
        """The label and where the source lives, for the console's source list."""
        return ", ".join(p for p in (self.label(), self.origin) if p)


@dataclass(frozen=True)
class Statement:
    text: str
    citation: int  # Citation.n


@dataclass(frozen=True)
class Answer:
    question: str
    statements: list[Statement] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    reason: str = ""
    composer: str = "extractive"  # which composer wrote it: "extractive" or "llm"
    coverage: str = "full"  # "full", "partial" or "none" (see retrieval/coverage.py)
    not_covered: tuple[str, ...] = ()  # the question's terms the sources do not mention
    notice: str = ""  # said first in a partial answer: "The sources do not mention X."

    @property
    def text(self) -> str:
        if self.abstained:
            return self.reason
        quoted = " ".join(f"{s.text} [{s.citation}]" for s in self.statements)
        return f"{self.notice} What they do say: {quoted}" if self.notice else quoted

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "coverage": "none" if self.abstained else self.coverage,
            "not_covered": list(self.not_covered),
            "citations": [
                {
                    "n": c.n,
                    "chunk_id": c.chunk_id,
                    "thread": c.thread,
                    "author": c.author,
                    "date": c.date,
                    "post": c.post,
                    "locator": c.locator,
                    "kind": c.kind,
                    "url": c.url,
                    "source": c.source,
                    "text": c.text,
                }
                for c in self.citations
            ],
        }
