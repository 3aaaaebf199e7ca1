"""Whatever a clinic drops into corpus/, parsing never crashes and never leaks furniture."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus import chunk_document
from assistant.corpus.loader import load_corpus
from assistant.corpus.markdown import parse_markdown
from assistant.corpus.threadreader import looks_like_capture, parse_capture
from assistant.errors import CorpusError
from assistant.settings import PROJECT_ROOT

PAGE = (PROJECT_ROOT / "corpus" / "psychiatry_excellence_threads.txt").read_text()
HEADER = "Psychiatry Excellence Profile picture\nMay 28 16 tweets 4 min read Read on X\n"
hostile = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=3000)


@given(body=hostile)
@settings(max_examples=150, deadline=None)
def test_any_text_after_a_capture_header_parses_into_clean_chunks(body: str) -> None:
    document = parse_capture(HEADER + body, "capture.txt")
    for chunk in chunk_document(document):
        assert chunk.text.strip()
        assert "Profile picture" not in chunk.text
        assert chunk.post_start <= chunk.post_end <= chunk.thread_posts


@given(body=hostile)
@settings(max_examples=150, deadline=None)
def test_any_markdown_parses_or_fails_with_a_named_corpus_error(body: str) -> None:
    try:
        document = parse_markdown(body, "notes.md")
    except CorpusError as exc:
        assert "notes.md" in str(exc)
        return
    for chunk in chunk_document(document):
        assert chunk.text.strip() and chunk.source == "notes.md"


@given(cut=st.integers(min_value=0, max_value=len(PAGE)), junk=hostile)
@settings(max_examples=60, deadline=None)
def test_a_truncated_or_spliced_page_still_parses(cut: int, junk: str) -> None:
    text = PAGE[:cut] + junk
    if looks_like_capture(text):
        chunk_document(parse_capture(text, "page.txt"))
    else:
        try:
            chunk_document(parse_markdown(text, "page.txt"))
        except CorpusError:
            pass


@given(payload=st.binary(max_size=2000))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_arbitrary_bytes_in_a_file_are_skipped_by_name_or_loaded(
    tmp_path: Path, payload: bytes
) -> None:
    (tmp_path / "dropped.txt").write_bytes(payload)
    (tmp_path / "good.md").write_text("Cravings pass like waves.\n")
    corpus = load_corpus(tmp_path)
    assert "good.md" in [d.source for d in corpus.documents]
    assert len(corpus.documents) + len(corpus.problems) == 2
