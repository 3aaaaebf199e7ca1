"""ICD-10 condition words: derived from the package once, then read from the model cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval import medical_terms


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(medical_terms, "_folder", tmp_path)
    medical_terms.condition_words.cache_clear()
    medical_terms.substance_words.cache_clear()
    yield tmp_path
    medical_terms.condition_words.cache_clear()
    medical_terms.substance_words.cache_clear()


def test_condition_words_name_diseases_and_injuries_not_external_causes() -> None:
    words = medical_terms.condition_words()
    assert {"pneumonia", "stroke", "wrist", "measles", "schizophrenia"} <= words
    assert not {"helicopter", "neighbours"} & words  # chapters V-Z are left out


def test_substance_words_are_the_substances_of_icd10_f10_to_f19() -> None:
    words = medical_terms.substance_words()
    assert {"alcohol", "opioids", "cannabinoids", "tobacco", "cocaine", "sedatives"} <= words
    assert not {"other", "multiple", "substances", "including"} & words


def test_condition_words_are_kept_once_and_read_back_without_the_package(
    cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = medical_terms.condition_words()
    [kept] = cache_in.glob("icd10-words-*.txt")
    medical_terms.condition_words.cache_clear()
    monkeypatch.setattr(medical_terms, "_derive", _never_again)

    assert medical_terms.condition_words() == first
    assert kept.exists()


def _never_again() -> frozenset[str]:
    raise AssertionError("the package was read again")
