"""CueMap's index as a LangChain retriever, so it plugs into any LangChain app.

A thin wrapper over `CorpusIndex.search`: the same hybrid ranking and abstention, each hit a
`Document` whose metadata carries the provenance a citation needs. When the sources do not
cover the question the retriever returns no documents (set `abstain=False` to get the
nearest passages anyway), so a chain downstream has nothing to ground a guess on.

    retriever = CueMapRetriever(index=engine.index, k=5)
    docs = retriever.invoke("why does the cue take over from the drug?")
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval.index import CorpusIndex
from assistant.retrieval.models import Hit


class CueMapRetriever(BaseRetriever):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: CorpusIndex
    k: int = 5
    abstain: bool = True

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        result = self.index.search(query, self.k)
        if result.abstained and self.abstain:
            return []
        return [to_document(hit, rank) for rank, hit in enumerate(result.hits, start=1)]


def to_document(hit: Hit, rank: int) -> Document:
    chunk = hit.chunk
    return Document(
        id=chunk.id,
        page_content=chunk.text,
        metadata={
            "chunk_id": chunk.id,
            "rank": rank,
            "score": hit.score,
            "similarity": hit.similarity,
            "thread": chunk.thread_title,
            "author": chunk.author_label,
            "date": chunk.date,
            "post": chunk.post_label,
            "post_start": chunk.post_start,
            "post_end": chunk.post_end,
            "url": chunk.url,
            "source": chunk.source,
        },
    )
