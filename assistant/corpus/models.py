"""What a source is made of: documents hold threads, threads hold numbered posts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from itertools import pairwise

# What a source file is, as listed by `cuemap sources` and `/explain sources`.
LOCATOR_SEPARATOR = "\x1f"
KINDS = ("thread capture", "thread page", "PDF", "Word", "Markdown", "text")


@dataclass(frozen=True)
class Post:
    number: int  # 1-based position in the thread
    text: str
    locator: str = ""  # where a handout's post sits: "page 2", "section “Triggers”"; "" for posts


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
    kind: str = "text"  # see KINDS


@dataclass(frozen=True)
class Chunk:
    """One indexed passage: one post, or adjacent posts joined, with full provenance.

    `post_offsets` says where each joined post starts in `text`, so a citation can point at
    the one post a quoted sentence comes from (see `posts`).
    """

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
    post_offsets: tuple[int, ...] = (0,)
    kind: str = "thread capture"
    locators: tuple[str, ...] = ()  # per post: "page 2" etc.; empty for numbered posts

    @property
    def locator(self) -> str:
        """Where in the source: "post 3/16", "page 2", "pages 2-3", "section “Triggers”"."""
        if not self.locators:
            return f"post {self.post_label}"
        unique = list(dict.fromkeys(self.locators))
        if len(unique) == 1:
            return unique[0]
        pages = [n.removeprefix("page ") for n in unique if n.startswith("page ")]
        if len(pages) == len(unique):
            return f"pages {pages[0]}-{pages[-1]}"
        sections = [n.removeprefix("section ") for n in unique if n.startswith("section ")]
        if len(sections) == len(unique):
            return f"sections {', '.join(sections)}"
        return "; ".join(unique)

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

    def posts(self) -> list[Chunk]:
        """The passage cut into its posts, each a Chunk of one post (same id and provenance).

        A passage whose post boundaries are not known comes back whole.
        """
        if len(self.post_offsets) != self.post_end - self.post_start + 1:
            return [self]
        bounds = [*self.post_offsets, len(self.text)]
        return [
            replace(
                self,
                text=self.text[start:end].strip(),
                post_start=number,
                post_end=number,
                post_offsets=(0,),
                locators=self.locators[i : i + 1],
            )
            for i, (number, (start, end)) in enumerate(
                zip(range(self.post_start, self.post_end + 1), pairwise(bounds), strict=True)
            )
        ]

    def to_metadata(self) -> dict[str, str | int]:
        meta = asdict(self)
        del meta["id"], meta["text"]
        meta["post_offsets"] = ",".join(map(str, self.post_offsets))
        meta["locators"] = LOCATOR_SEPARATOR.join(self.locators)
        return meta

    @classmethod
    def from_stored(cls, chunk_id: str, text: str, metadata: dict) -> Chunk:
        fields = {name: metadata[name] for name in cls.__dataclass_fields__ if name in metadata}
        if "post_offsets" in fields:
            fields["post_offsets"] = tuple(int(n) for n in str(fields["post_offsets"]).split(","))
        locators = str(fields.get("locators") or "")
        fields["locators"] = tuple(locators.split(LOCATOR_SEPARATOR)) if locators else ()
        return cls(id=chunk_id, text=text, **fields)
