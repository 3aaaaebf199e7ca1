"""A clinic adds its handouts: the threads' answers must still come first where they belong.

The handouts of eval/handouts (urge surfing, HALT, sleep, lapses, supporters: close to the
threads' subject) are indexed beside the corpus, two of them as a PDF and a .docx, and the
labelled questions are held to the same floors as the corpus alone.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from assistant.benchmark.format_samples import write_docx, write_pdf
from assistant.corpus.loader import LoadedCorpus, load_corpus
from assistant.corpus.markdown import parse_markdown
from assistant.engine import Engine
from assistant.evaluation.handout_eval import evaluate_handouts
from assistant.evaluation.labels import load_retrieval_set
from assistant.evaluation.matching import PostMatcher
from assistant.evaluation.rankers import CueMapRanker
from assistant.evaluation.retrieval_eval import answer_summary, rank_all
from assistant.evaluation.workspace import built_engine
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import CORPUS
from tests.evaluation.test_retrieval_quality import (
    MARGIN,
    MEASURED_MRR,
    MEASURED_RECALL_AT_5,
)

MEASURED_BUDGET_HIT_WITH_HANDOUTS = 0.758  # `pytest` on this file, 2026-11-29

pytestmark = pytest.mark.model

HANDOUTS = PROJECT_ROOT / "eval" / "handouts"
AS_PDF = "urge-surfing.md"
AS_DOCX = "halt-and-high-risk-situations.md"


def handout_set(folder: Path) -> Path:
    """The handouts as a clinic keeps them: one PDF (a page per section), one .docx, Markdown."""
    folder.mkdir()
    for path in sorted(HANDOUTS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        [handout] = parse_markdown(text, path.name).threads
        sections = [p.text.split("\n", 1) for p in handout.posts]
        info = {"title": handout.title, "author": handout.author}
        created = datetime.fromisoformat(handout.date)
        if path.name == AS_PDF:
            pages = [body.strip() for _, body in sections]
            write_pdf(folder / "urge-surfing.pdf", pages, created=created, **info)
        elif path.name == AS_DOCX:
            parts = [(heading, [body.strip()]) for heading, body in sections]
            write_docx(folder / "halt.docx", parts, created=created, **info)
        else:
            (folder / path.name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def with_handouts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, LoadedCorpus]:
    root = tmp_path_factory.mktemp("handouts")
    extra = handout_set(root / "handouts")
    assert {d.kind for d in load_corpus(extra).documents} == {"PDF", "Word", "Markdown"}
    settings = Settings(_env_file=None, data_dir=root / "data", corpus_dir=CORPUS)
    return built_engine(settings, root / "data", extra=extra)


def test_retrieval_quality_holds_with_the_clinic_handouts_indexed(
    with_handouts: tuple[Engine, LoadedCorpus],
) -> None:
    engine, corpus = with_handouts
    kinds = {s.kind for s in engine.index.sources()}
    assert kinds == {"thread capture", "PDF", "Word", "Markdown"}
    questions = load_retrieval_set(corpus.documents).subset(2)
    matcher = PostMatcher(corpus.documents)

    ranking = rank_all(CueMapRanker(engine.index), questions.in_scope, matcher)
    answers = answer_summary(engine, questions, matcher)

    assert ranking.recall[5] >= MEASURED_RECALL_AT_5 - MARGIN
    assert ranking.mrr >= MEASURED_MRR - MARGIN
    # A handout that answers a question too ("what should I ask to find what sets off their
    # use?" → the HALT handout's high-risk situations) takes the first 500 characters from
    # the labelled thread post: 0.758 here against 0.788 for the threads alone.
    assert ranking.budget_hit_rate >= MEASURED_BUDGET_HIT_WITH_HANDOUTS - MARGIN
    assert answers.answer_rate >= 0.90


def test_out_of_scope_questions_are_still_held_back_with_the_handouts_indexed(
    with_handouts: tuple[Engine, LoadedCorpus],
) -> None:
    """A question about pneumonia comes close to the supporters' handout (cosine 0.33): it is
    held back because it names a condition the library never mentions, not by distance."""
    engine, corpus = with_handouts
    questions = load_retrieval_set(corpus.documents)

    answers = answer_summary(engine, questions, PostMatcher(corpus.documents))
    pneumonia = engine.explainer.ask("How do I treat community-acquired pneumonia in adults?")

    assert pneumonia.coverage == "partial" and pneumonia.not_covered == ("pneumonia",)
    assert answers.abstention_rate >= 0.90
    assert answers.near_miss_rate is not None and answers.near_miss_rate >= 0.85


def test_a_handout_question_is_answered_from_the_pdf_page(
    with_handouts: tuple[Engine, LoadedCorpus],
) -> None:
    engine, _ = with_handouts

    answer = engine.explainer.ask("how long does an urge to use usually last before it fades?")

    assert not answer.abstained
    cited = {(c.thread, c.kind, c.locator, c.source, c.date) for c in answer.citations}
    assert ("Urge surfing", "PDF", "page 1", "urge-surfing.pdf", "2026-01-12") in cited


def test_the_handouts_own_questions_are_answered_from_the_handouts(
    with_handouts: tuple[Engine, LoadedCorpus],
    tmp_path: Path,
) -> None:
    """eval/handout_questions.yaml, asked of the library as a clinic keeps it (PDF, Word and
    Markdown beside the threads). Measured 2026-11-29: answered 1.0 on both splits; cited
    right 0.75 dev, 0.58 test; adjacent questions (a sleeping tablet, a mutual-aid programme)
    held back 1.0 dev, 0.75 test."""
    engine, _ = with_handouts
    handouts = load_corpus(handout_set(tmp_path / "handouts"))

    results = evaluate_handouts(engine, handouts)

    assert set(results) == {"dev", "test"}
    for summary in results.values():
        assert summary.answer_rate >= 0.9
        assert summary.cited_right >= 0.5
        assert summary.abstention_rate >= 0.75
