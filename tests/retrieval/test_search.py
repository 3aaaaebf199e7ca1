"""Hybrid search, abstention and cited answers, with the real model over the shipped corpus."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.errors import IndexNotBuiltError, InvalidQuestionError
from assistant.settings import Settings
from tests.fakes import HashingEmbedder

pytestmark = pytest.mark.model

MAIN = "The drug may start the addiction."


@pytest.mark.parametrize(
    ("question", "thread", "post"),
    [
        # Posts 1, 3, 6 and 8 each answer this; dense-led fusion (fusion.py) ranks 3 highest.
        ("why does the cue take over from the drug?", MAIN, 3),
        ("my patient gets cravings from feeling tense and shaky inside, why?", MAIN, 13),
        ("he knows using will cost him his job but still goes for it, why?", MAIN, 12),
        ("why is telling someone to just say no not enough?", MAIN, 9),
        ("does dopamine react more to the trigger than to the substance itself?", MAIN, 8),
        ("what questions should I ask to map a patient's triggers?", MAIN, 14),
        ("is pregabalin basically a GABA drug?", "Gabapentin and pregabalin", 2),
        ("can trauma change how genes are switched on?", "Psychiatric disorders", 2),
        (
            "what happens to motivation in schizophrenia even when voices improve?",
            "It’s not just",
            2,
        ),
    ],
)
def test_search_finds_the_answering_post_for_questions_worded_unlike_it(
    real_engine: Engine, question: str, thread: str, post: int
) -> None:
    hits = real_engine.explainer.search(question, 5).hits
    found = [(h.chunk.thread_title, h.chunk.post_start, h.chunk.post_end) for h in hits]
    assert any(t.startswith(thread) and start <= post <= end for t, start, end in found), found


@pytest.mark.parametrize(
    "question",
    [
        "what dose of pregabalin should I start for alcohol withdrawal?",
        "how many mg of methylphenidate can a child take a day?",
        "which CPT code do I bill for a 45 minute psychotherapy session?",
        "what is the capital of France?",
        "how do I donate bitcoin to Thread Reader?",
        "who won the football world cup in 2022?",
        "how do I treat a broken wrist?",
    ],
)
def test_questions_the_sources_do_not_cover_are_declined(
    real_engine: Engine, question: str
) -> None:
    answer = real_engine.explainer.ask(question)
    assert answer.abstained
    assert answer.statements == [] and answer.citations == []
    assert "do not" in answer.text


def test_every_statement_is_quoted_from_the_post_it_cites(real_engine: Engine) -> None:
    answer = real_engine.explainer.ask("what does the insula add to craving?")
    assert not answer.abstained and answer.statements
    by_number = {c.n: c for c in answer.citations}
    for statement in answer.statements:
        source = " ".join(by_number[statement.citation].text.replace("* ", "").split())
        for fragment in statement.text.replace(":", ";").split(";"):
            assert " ".join(fragment.strip(" .").split()) in source
    assert any("insula" in c.text.lower() for c in answer.citations)
    # Passages hold two posts; each citation names the one post its quote comes from.
    assert all("-" not in c.post for c in answer.citations)


def test_citations_carry_thread_author_date_and_post_n_of_n(real_engine: Engine) -> None:
    answer = real_engine.explainer.ask("how do gabapentinoids reduce excitatory signalling?")
    citation = answer.citations[0]
    assert citation.thread == "Gabapentin and pregabalin are often described as “GABA-like.”"
    assert citation.author == "Psychiatry Excellence (@psycheureka)"
    assert citation.date == "May 24"
    assert citation.post in {"1/13", "2/13", "3/13"}
    payload = answer.to_json()
    fields = {"question", "answer", "abstained", "coverage", "not_covered", "citations"}
    assert set(payload) == fields
    assert set(payload["citations"][0]) == {
        "n",
        "chunk_id",
        "thread",
        "author",
        "date",
        "post",
        "locator",
        "kind",
        "url",
        "source",
        "text",
    }
    first = payload["citations"][0]
    assert first["locator"] == f"post {citation.post}" and first["kind"] == "thread capture"
    assert first["source"] == "psychiatry_excellence_threads.txt"
    assert f"[{citation.n}]" in payload["answer"]


def test_the_model_is_loaded_once_for_many_questions(real_engine: Engine) -> None:
    embedder = real_engine.embedder
    real_engine.explainer.ask("what is mentalisation?")
    session = embedder._session  # type: ignore[attr-defined]  # the ONNX Runtime session
    real_engine.explainer.ask("what is epigenetics?")
    assert session is not None and embedder._session is session  # type: ignore[attr-defined]


def test_an_empty_question_is_refused_clearly(real_engine: Engine) -> None:
    with pytest.raises(InvalidQuestionError, match="type a question"):
        real_engine.explainer.ask("   ")


def test_searching_before_ingest_says_to_run_ingest(settings: Settings) -> None:
    engine = Engine.from_settings(settings, HashingEmbedder())
    with pytest.raises(IndexNotBuiltError, match="cuemap ingest"):
        engine.explainer.search("craving")
