"""Coverage's drug names come from a compact table kept beside the index, not the whole package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.retrieval import drug_lexicon
from assistant.settings import PROJECT_ROOT


@pytest.fixture
def table_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "lexical"
    monkeypatch.setattr(drug_lexicon, "_folder", folder)
    return folder


def test_drug_lexicon_finds_what_the_package_finds_in_questions_naming_drugs(
    table_folder: Path,
) -> None:
    from drug_named_entity_recognition import find_drugs
    from drug_named_entity_recognition.drugs_finder import drug_variant_to_canonical

    variants = sorted(drug_variant_to_canonical)[::97]  # about 1,100, one, two and more words
    questions = [
        *(f"Is {variant} safe with alcohol?".split() for variant in variants),
        "my patient takes Ritalin and Adderall and a nicotine patch".split(),
        "NALTREXONE OR acamprosate for cue-induced craving".split(),
        "does st john's wort change the insula".split(),
        "",
    ]

    for words in questions:
        expected = [
            ({"name": str(data.get("name", ""))}, start, end)
            for data, start, end in find_drugs(words, is_ignore_case=True)
        ]
        assert drug_lexicon.find_drugs(words) == expected, words


def test_drug_lexicon_maps_brands_to_generics_and_ignores_ordinary_words(
    table_folder: Path,
) -> None:
    found = drug_lexicon.lookup(["ritalin", "naltrexone", "insula", "craving"])

    assert found == {"ritalin": "Methylphenidate", "naltrexone": "Naltrexone"}


def test_drug_lexicon_table_is_written_once_and_reused_by_a_later_process(
    table_folder: Path,
) -> None:
    path = drug_lexicon.ensure()
    assert path is not None and path.parent == table_folder
    written = path.stat().st_mtime_ns

    probe = (
        "import sys; from pathlib import Path; "
        "from assistant.retrieval import drug_lexicon; "
        f"drug_lexicon.keep_in(Path({str(table_folder)!r})); "
        "print(drug_lexicon.lookup(['lyrica']), "
        "'drug_named_entity_recognition' in sys.modules, 'scipy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    )

    assert done.stdout.strip() == "{'lyrica': 'Pregabalin'} False False"
    assert path.stat().st_mtime_ns == written
    assert list(table_folder.glob("drug-names-*.sqlite")) == [path]


def test_drug_lexicon_damaged_table_is_answered_from_memory_and_made_again(
    table_folder: Path,
) -> None:
    path = drug_lexicon.ensure()
    assert path is not None
    path.write_bytes(b"not a database")

    assert drug_lexicon.lookup(["lyrica"]) == {"lyrica": "Pregabalin"}
    assert not path.exists()
    assert drug_lexicon.ensure() == path and drug_lexicon.lookup(["lyrica"]) == {
        "lyrica": "Pregabalin"
    }


def test_drug_lexicon_without_a_folder_is_built_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(drug_lexicon, "_folder", None)

    assert drug_lexicon.ensure() is None
    assert drug_lexicon.lookup(["Lyrica".lower()]) == {"lyrica": "Pregabalin"}
