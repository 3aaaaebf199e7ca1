"""An operator grows the library: adds a PDF, a Word handout and a saved page, then asks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import CorpusError
from tests.cli_runner import Invoke, fast_cuemap
from tests.corpus.fixture_files import docx_handout, pdf_handout, thread_page


@pytest.fixture
def cuemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_copy: Path) -> Iterator[Invoke]:
    for invoke in fast_cuemap(tmp_path, monkeypatch, "operator"):
        monkeypatch.setenv("CUEMAP_CORPUS_DIR", str(corpus_copy))
        yield invoke


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    thread_page(folder), pdf_handout(folder), docx_handout(folder)
    return folder


def test_add_indexes_each_kind_and_says_what_it_added(
    cuemap: Invoke, downloads: Path, corpus_copy: Path
) -> None:
    cuemap("ingest")

    result = cuemap("add", *(str(p) for p in sorted(downloads.iterdir())))

    assert result.exit_code == 0, result.output
    assert "new: coping-plan.docx (Word, “My coping plan”" in result.output
    assert "new: stress-thread.html (thread page," in result.output
    assert "new: urge-surfing.pdf (PDF, “Urge surfing”" in result.output
    assert "0 removed" in result.output
    assert {p.name for p in corpus_copy.iterdir()} >= {
        "coping-plan.docx",
        "stress-thread.html",
        "urge-surfing.pdf",
    }
    listing = cuemap("sources").output
    for title in ("Urge surfing", "My coping plan", "Why does stress bring back"):
        assert title in listing


def test_re_adding_an_unchanged_file_embeds_nothing(cuemap: Invoke, downloads: Path) -> None:
    cuemap("add", str(downloads / "urge-surfing.pdf"))

    again = cuemap("add", str(downloads / "urge-surfing.pdf"))

    assert "unchanged: urge-surfing.pdf" in again.output
    assert " 0 new, " in again.output and "0 removed" in again.output


def test_a_pdf_page_is_cited_with_title_author_date_page_and_file(
    cuemap: Invoke, downloads: Path
) -> None:
    cuemap("add", str(downloads / "urge-surfing.pdf"))

    hits = json.loads(cuemap("search", "craving rises like a wave and falls", "--json").output)

    top = hits["results"][0]
    assert (top["thread"], top["author"], top["date"], top["kind"]) == (
        "Urge surfing",
        "Riverside Recovery Clinic",
        "2026-03-01",
        "PDF",
    )
    assert top["locator"] == "pages 1-2" and top["source"] == "urge-surfing.pdf"


def test_remove_takes_a_file_and_all_its_passages_out(
    cuemap: Invoke, downloads: Path, corpus_copy: Path
) -> None:
    cuemap("add", str(downloads / "coping-plan.docx"))

    result = cuemap("remove", "coping-plan.docx")

    assert result.exit_code == 0
    assert "removed: coping-plan.docx" in result.output and "1 removed" in result.output
    assert not (corpus_copy / "coping-plan.docx").exists()
    assert "My coping plan" not in cuemap("sources").output


def test_hostile_files_are_refused_by_name_and_never_reach_the_corpus(
    cuemap: Invoke, downloads: Path, corpus_copy: Path
) -> None:
    fake = downloads / "leaflet.pdf"
    fake.write_text("a text file wearing a PDF's name")
    before = sorted(p.name for p in corpus_copy.iterdir())

    result = cuemap("add", str(fake), str(downloads / "urge-surfing.pdf"))

    assert result.exit_code == 1
    assert "refused leaflet.pdf: not a PDF" in result.output
    assert "new: urge-surfing.pdf" in result.output  # the good file still goes in
    assert sorted(p.name for p in corpus_copy.iterdir()) == sorted([*before, "urge-surfing.pdf"])


def test_remove_refuses_what_is_not_a_source_in_the_corpus(cuemap: Invoke, tmp_path: Path) -> None:
    (tmp_path / "outside.md").write_text("# Not in the corpus\n\nKeep me.\n")

    with pytest.raises(CorpusError, match="not a source file"):  # run_safely prints it, exit 1
        cuemap("remove", "../outside.md")
    assert (tmp_path / "outside.md").exists()


def test_a_corrected_handout_is_cited_with_its_new_provenance(
    cuemap: Invoke, downloads: Path, tmp_path: Path
) -> None:
    from datetime import datetime

    from assistant.benchmark.format_samples import write_pdf
    from tests.corpus.fixture_files import URGE_PAGE_1, URGE_PAGE_2

    cuemap("add", str(downloads / "urge-surfing.pdf"))
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    pdf = write_pdf(
        fixed / "urge-surfing.pdf",
        [URGE_PAGE_1, URGE_PAGE_2],
        title="Urge surfing (revised)",
        author="Riverside Recovery Clinic",
        created=datetime(2026, 4, 1),
    )

    result = cuemap("add", "--replace", str(pdf))

    assert "replaced: urge-surfing.pdf" in result.output and "1 removed" in result.output
    hits = json.loads(cuemap("search", "craving rises like a wave", "--json").output)
    assert (hits["results"][0]["thread"], hits["results"][0]["date"]) == (
        "Urge surfing (revised)",
        "2026-04-01",
    )
