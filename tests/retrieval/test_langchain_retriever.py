"""The index as a LangChain retriever: same ranking, provenance on every Document, abstention."""

from __future__ import annotations

from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda

from assistant.engine import Engine
from assistant.retrieval.langchain_retriever import CueMapRetriever

MAIN = "The drug may start the addiction."
INSULA_QUESTION = "what does the insula add: internal cues like tension and bodily discomfort?"


def test_langchain_retriever_returns_the_index_ranking_with_provenance(fake_engine: Engine) -> None:
    retriever = CueMapRetriever(index=fake_engine.index, k=3)
    docs = retriever.invoke(INSULA_QUESTION)
    hits = fake_engine.index.search(INSULA_QUESTION, 3).hits

    assert [d.id for d in docs] == [h.chunk.id for h in hits]
    assert [d.page_content for d in docs] == [h.chunk.text for h in hits]
    top = docs[0].metadata
    assert (top["thread"], top["post"], top["post_start"]) == (MAIN, "13-14/16", 13)
    assert top["author"] == "Psychiatry Excellence (@psycheureka)" and top["date"] == "May 28"
    assert top["source"] == "psychiatry_excellence_threads.txt" and top["rank"] == 1
    assert top["score"] >= docs[1].metadata["score"]


def test_langchain_retriever_gives_nothing_to_ground_on_when_sources_do_not_cover(
    fake_engine: Engine,
) -> None:
    question = "football world cup winners in 2018?"
    assert CueMapRetriever(index=fake_engine.index).invoke(question) == []

    nearest = CueMapRetriever(index=fake_engine.index, k=2, abstain=False).invoke(question)
    assert len(nearest) == 2 and all(isinstance(d, Document) for d in nearest)


def test_langchain_retriever_plugs_into_a_chain(fake_engine: Engine) -> None:
    def cite(docs: list[Document]) -> list[str]:
        return [f"“{d.metadata['thread']}”, post {d.metadata['post']}" for d in docs]

    chain = CueMapRetriever(index=fake_engine.index, k=2) | RunnableLambda(cite)
    answers = chain.batch([INSULA_QUESTION, "what is mentalisation in psychodynamic therapy?"])

    assert answers[0][0] == f"“{MAIN}”, post 13-14/16"
    assert any("Psychodynamic psychotherapy" in line for line in answers[1])
