"""Clinic files in corpus/: Markdown with front matter; broken files skipped by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import load_corpus
from assistant.corpus.chunking import MIN_CHUNK_CHARS
from assistant.corpus.models import Chunk
from assistant.errors import CorpusError

HANDOUT = """---
title: Urge surfing handout
author: Clinic team
date: 2026-03-01
url: https://intranet.example/urge-surfing
---
# Urge surfing

An urge rises, peaks and passes like a wave, usually within twenty to thirty minutes.

## How to practise

Notice where the urge sits in the body. Breathe with it. Describe it without acting on it.
"""


def test_markdown_with_front_matter_becomes_one_cited_thread(tmp_path: Path) -> None:
    (tmp_path / "urge-surfing.md").write_text(HANDOUT)
    corpus = load_corpus(tmp_path)
    [thread] = corpus.documents[0].threads
    assert (thread.title, thread.author, thread.date) == (
        "Urge surfing handout",
        "Clinic team",
        "2026-03-01",
    )
    assert thread.url == "https://intranet.example/urge-surfing"
    assert [p.text.splitlines()[0] for p in thread.posts] == ["Urge surfing", "How to practise"]
    assert all(chunk.source == "urge-surfing.md" for chunk in corpus.chunks)


def test_plain_text_without_front_matter_is_titled_by_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "craving-notes.txt").write_text("Cravings are time-limited.\n\nThey pass.\n")
    [chunk] = load_corpus(tmp_path).chunks
    assert chunk.thread_title == "craving-notes"
    assert chunk.post_label == "1/1"


def test_short_adjacent_posts_are_joined_into_one_chunk(tmp_path: Path) -> None:
    text = "\n\n".join(f"## Step {i}\n\nShort line {i}." for i in range(1, 4))
    (tmp_path / "steps.md").write_text(text)
    chunks = load_corpus(tmp_path).chunks
    assert len(chunks) < 3
    assert chunks[0].post_start == 1 and chunks[0].post_end >= 2
    assert all(len(c.text) < MIN_CHUNK_CHARS * 3 for c in chunks)


def test_a_joined_passage_splits_back_into_its_numbered_posts(tmp_path: Path) -> None:
    first = "## Warning signs\n\nSkipping meals.\n\nAvoiding the keyworker."
    second = "## After a lapse\n\nCall the sponsor the same day."
    (tmp_path / "plan.md").write_text(f"{first}\n\n{second}\n")
    [passage] = load_corpus(tmp_path).chunks
    assert passage.post_label == "1-2/2"

    stored = Chunk.from_stored(passage.id, passage.text, passage.to_metadata())
    posts = stored.posts()

    assert [p.post_label for p in posts] == ["1/2", "2/2"]
    assert posts[0].text.startswith("Warning signs") and "keyworker" in posts[0].text
    assert posts[1].text == "After a lapse\n\nCall the sponsor the same day."
    assert {p.id for p in posts} == {passage.id}


def test_broken_files_are_reported_by_name_and_the_rest_still_load(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(HANDOUT)
    (tmp_path / "empty.md").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cravings".encode("latin-1"))
    (tmp_path / "bad-front-matter.md").write_text("---\ntitle: [unclosed\n---\nBody text.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02craving")
    corpus = load_corpus(tmp_path)
    assert [d.source for d in corpus.documents] == ["good.md"]
    reasons = {p.source: p.reason for p in corpus.problems}
    assert set(reasons) == {"empty.md", "latin1.txt", "bad-front-matter.md", "binary.txt"}
    assert "empty" in reasons["empty.md"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "front matter" in reasons["bad-front-matter.md"]
    assert "binary" in reasons["binary.txt"]


def test_missing_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_corpus_folder_without_source_files_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # old Word: not read
    with pytest.raises(CorpusError, match="no source files"):
        load_corpus(tmp_path)


def test_chunk_ids_are_stable_and_change_with_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(HANDOUT)
    first = [c.id for c in load_corpus(tmp_path).chunks]
    assert first == [c.id for c in load_corpus(tmp_path).chunks]
    (tmp_path / "a.md").write_text(HANDOUT.replace("twenty to thirty", "about twenty"))
    second = [c.id for c in load_corpus(tmp_path).chunks]
    assert first[0] != second[0] and first[1:] == second[1:]
