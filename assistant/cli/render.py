"""Answers and search results as the terminal shows them."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from assistant.answers.models import Answer
from assistant.retrieval.models import SearchResult


def print_answer(console: Console, answer: Answer) -> None:
    if answer.abstained:
        console.print(f"[yellow]{escape(answer.reason)}[/yellow]")
        return
    console.print(escape(answer.text))
    console.print("\n[bold]Sources[/bold]")
    for citation in answer.citations:
        console.print(f"  [{citation.n}] {escape(citation.provenance())}")


def print_search(console: Console, result: SearchResult) -> None:
    if result.abstained:
        console.print(f"[yellow]{escape(result.reason)}[/yellow] (closest passages below)")
    for rank, hit in enumerate(result.hits, start=1):
        chunk = hit.chunk
        console.print(
            f"[bold]{rank}.[/bold] {hit.score:.4f} (cosine {hit.similarity:.2f}) "
            f"“{escape(chunk.thread_title)}”, {escape(chunk.locator)}, {escape(chunk.source)}"
        )
        console.print(f"   {escape(chunk.text[:240].replace(chr(10), ' '))}")


def search_json(result: SearchResult) -> dict:
    return {
        "query": result.query,
        "abstained": result.abstained,
        "reason": result.reason,
        "results": [
            {
                "rank": rank,
                "chunk_id": hit.chunk.id,
                "score": round(hit.score, 6),
                "similarity": round(hit.similarity, 4),
                "dense_rank": hit.dense_rank,
                "lexical_rank": hit.lexical_rank,
                "thread": hit.chunk.thread_title,
                "author": hit.chunk.author_label,
                "date": hit.chunk.date,
                "post": hit.chunk.post_label,
                "locator": hit.chunk.locator,
                "kind": hit.chunk.kind,
                "url": hit.chunk.url,
                "source": hit.chunk.source,
                "text": hit.chunk.text,
            }
            for rank, hit in enumerate(result.hits, start=1)
        ],
    }
