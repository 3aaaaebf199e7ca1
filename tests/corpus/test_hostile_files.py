"""Files that are too big, cut short, misnamed or built to explode are refused by name, whole."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from assistant.corpus.loader import load_corpus, parse_file
from assistant.engine import Engine
from assistant.errors import CorpusError
from assistant.settings import Settings
from tests.corpus.fixture_files import docx_handout, pdf_handout
from tests.fakes import HashingEmbedder


def refusal(path: Path) -> str:
    with pytest.raises(CorpusError) as refused:
        parse_file(path, path.name)
    assert str(refused.value).startswith(f"{path.name}: ")
    return str(refused.value)


def cut_in_half(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def test_huge_files_are_refused_before_they_are_read(tmp_path: Path) -> None:
    for name, size in [("atlas.pdf", 31_000_000), ("notes.md", 6_000_000)]:
        with (tmp_path / name).open("wb") as sparse:
            sparse.truncate(size)
        assert "too large" in refusal(tmp_path / name)


def test_truncated_pdf_and_docx_are_refused(tmp_path: Path) -> None:
    assert "truncated" in refusal(cut_in_half(pdf_handout(tmp_path)))
    assert "damaged" in refusal(cut_in_half(docx_handout(tmp_path)))


def test_files_with_the_wrong_extension_are_refused(tmp_path: Path) -> None:
    originals = tmp_path / "originals"
    originals.mkdir()
    (tmp_path / "handout.pdf").write_text("Not a PDF, just words.")
    shutil.copy(pdf_handout(originals), tmp_path / "plan.docx")
    shutil.copy(docx_handout(originals), tmp_path / "page.html")
    shutil.copy(tmp_path / "plan.docx", tmp_path / "notes.md")

    assert "not a PDF" in refusal(tmp_path / "handout.pdf")
    assert "not a Word document" in refusal(tmp_path / "plan.docx")
    assert "not a Thread Reader page" in refusal(tmp_path / "page.html")
    assert "not UTF-8" in refusal(tmp_path / "notes.md")


def test_a_docx_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    bomb = docx_handout(tmp_path, "bomb.docx")
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/blank.bin", b"\0" * 20_000_000)

    assert "zip bomb" in refusal(bomb)


def test_a_scanned_pdf_is_reported_by_name_not_skipped_silently(tmp_path: Path) -> None:
    from assistant.benchmark.format_samples import write_pdf

    write_pdf(tmp_path / "scan.pdf", ["page one", "page two"], scanned=True)
    docx_handout(tmp_path)

    corpus = load_corpus(tmp_path)

    assert [d.source for d in corpus.documents] == ["coping-plan.docx"]
    [problem] = corpus.problems
    assert problem.source == "scan.pdf" and "no text layer" in problem.reason


def test_a_handout_broken_after_indexing_leaves_nothing_half_indexed(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    pdf_handout(corpus_dir), docx_handout(corpus_dir)
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", corpus_dir=corpus_dir)
    engine = Engine.from_settings(settings, embedder=HashingEmbedder())
    engine.ingest()
    assert {s.source for s in engine.index.sources()} == {"urge-surfing.pdf", "coping-plan.docx"}

    cut_in_half(corpus_dir / "urge-surfing.pdf")
    report, problems = engine.ingest()

    assert [p.source for p in problems] == ["urge-surfing.pdf"]
    assert report.added == 0 and report.removed == 1
    assert [s.source for s in engine.index.sources()] == ["coping-plan.docx"]
