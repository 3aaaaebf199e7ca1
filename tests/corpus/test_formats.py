"""A clinic keeps its material as saved pages, PDFs and Word files; each is read and cited."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.boilerplate import FORBIDDEN_IN_INDEX
from assistant.corpus.chunking import chunk_document
from assistant.corpus.loader import load_corpus, parse_file
from tests.corpus.fixture_files import docx_handout, pdf_handout, thread_page


def test_saved_thread_reader_page_becomes_threads_of_numbered_posts(tmp_path: Path) -> None:
    document = parse_file(thread_page(tmp_path), "stress-thread.html")

    main, preview = document.threads
    assert document.kind == "thread page"
    assert main.title == "Why does stress bring back drug-seeking after months of abstinence?"
    assert (main.author, main.handle, main.date) == (
        "Addiction Neuro Notes",
        "@AddictionNeuro",
        "Mar 3",
    )
    assert main.url == "https://threadreaderapp.com/thread/1797000000000000042.html"
    assert [p.number for p in main.posts] == [1, 2, 3]  # the course advert is not a post
    assert main.posts[1].text.startswith("Stress hormones act on the same circuits")
    assert main.total_posts == 4
    assert (
        preview.title == "Sleep loss and craving: One bad night raises cue reactivity the next day."
    )
    assert preview.total_posts == 12 and preview.date == "2024-05-30"
    assert preview.url.endswith("/thread/1800001.html")


def test_saved_thread_reader_page_leaves_the_furniture_out_of_the_index(tmp_path: Path) -> None:
    thread_page(tmp_path)

    indexed = "\n".join(c.text + c.thread_title for c in load_corpus(tmp_path).chunks)

    for leak in [*FORBIDDEN_IN_INDEX, "Advertisement", "🔗", "🧵", "window.dataLayer", "help page"]:
        assert leak not in indexed


def test_pdf_handout_is_cited_by_page(tmp_path: Path) -> None:
    document = parse_file(pdf_handout(tmp_path), "urge-surfing.pdf")

    [handout] = document.threads
    assert document.kind == "PDF"
    assert (handout.title, handout.author, handout.date) == (
        "Urge surfing",
        "Riverside Recovery Clinic",
        "2026-03-01",
    )
    assert [p.locator for p in handout.posts] == ["page 1", "page 2"]
    assert "twenty to thirty minutes" in handout.posts[0].text
    [passage] = chunk_document(document)
    assert passage.locator == "pages 1-2"
    assert [post.locator for post in passage.posts()] == ["page 1", "page 2"]


def test_word_handout_is_cited_by_heading(tmp_path: Path) -> None:
    document = parse_file(docx_handout(tmp_path), "coping-plan.docx")

    [plan] = document.threads
    assert (document.kind, plan.title, plan.author, plan.date) == (
        "Word",
        "My coping plan",
        "Riverside Recovery Clinic",
        "2026-02-14",
    )
    by_section = {p.locator: p.text for p in plan.posts}
    assert "Call a sponsor" in by_section["section “What to do instead”"]
    assert "map the chain" in by_section["section “After a lapse”"]


def test_the_kinds_sit_side_by_side_in_one_corpus_with_their_provenance(tmp_path: Path) -> None:
    thread_page(tmp_path), pdf_handout(tmp_path), docx_handout(tmp_path)
    (tmp_path / "notes.md").write_text("# Own notes\n\nHALT: hungry, angry, lonely, tired.\n")

    corpus = load_corpus(tmp_path)

    assert corpus.problems == []
    kinds = {d.source: d.kind for d in corpus.documents}
    assert kinds == {
        "coping-plan.docx": "Word",
        "notes.md": "Markdown",
        "stress-thread.html": "thread page",
        "urge-surfing.pdf": "PDF",
    }
    stored = [type(c).from_stored(c.id, c.text, c.to_metadata()) for c in corpus.chunks]
    assert stored == corpus.chunks  # kind and locators survive the round trip through chroma
