"""Drug names and their generic names, looked up without loading a drug dictionary per process.

Coverage asks of a question's rare words whether each is a drug and which generic it names
(`drug-named-entity-recognition`). That package unpickles all 107,000 variants and indexes each
by character trigrams for fuzzy matching when it is imported: about 2 s and 330 MB in every
process that answers a question. Coverage only needs exact matches of one word or two, so the
variants of one or two words (about 70,000) are written once, with the generic each resolves
to, into a small SQLite table in the model cache beside the index (at `cuemap ingest`, or on
first use when missing), named by a hash of the package's dictionary file so an upgrade makes a
new table. A
question then looks up its own few words and word pairs: about a millisecond, no scipy, no
pickle.

`find_drugs(words)` matches as the package's `find_drugs(words, is_ignore_case=True)` does
(word pairs first, then single words not inside a matched pair) and returns
`({"name": generic}, start, end)` the same way; a test checks both agree on every variant.
"""

from __future__ import annotations

import bz2
import hashlib
import logging
import os
import pickle
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "drug_named_entity_recognition"
DICTIONARY = "drug_ner_dictionary.pkl.bz2"
FORMAT = "1"  # bump when the table's layout or derivation changes

Match = tuple[dict[str, str], int, int]

_lock = threading.Lock()
_folder: Path | None = None
_made: Path | None = None  # the table this process last wrote: copied for another folder


def keep_in(folder: Path) -> None:
    """Keep the table in this folder (the model cache); until called, it is kept in memory."""
    global _folder
    _folder = folder


def ensure() -> Path | None:
    """Write the table for the installed dictionary unless it is there already; its path."""
    path = _table_path()
    if path is None or path.exists():
        return path
    with _lock:
        if not path.exists():
            _write(path)
    return path if path.exists() else None


def find_drugs(words: list[str]) -> list[Match]:
    """Drug names among the words: (the drug's generic name, first word, end), in match order."""
    pairs = [f"{a} {b}".lower() for a, b in zip(words, words[1:], strict=False)]
    generic = lookup({*pairs, *(word.lower() for word in words)})
    found: list[Match] = []
    inside: set[int] = set()
    for i, pair in enumerate(pairs):
        if pair in generic:
            found.append(({"name": generic[pair]}, i, i + 2))
            inside.update((i, i + 1))
    for i, word in enumerate(words):
        if i not in inside and word.lower() in generic:
            found.append(({"name": generic[word.lower()]}, i, i + 1))
    return found


def lookup(variants: Iterable[str]) -> dict[str, str]:
    """The variants that are drug names -> the generic name each resolves to ("" if none)."""
    wanted = sorted(set(variants))
    if not wanted:
        return {}
    path = ensure()
    if path is not None:
        try:
            return _select(path, wanted)
        except sqlite3.Error as exc:  # damaged: made again next time, answered from memory now
            log.warning("The drug name table could not be read (%s); it is made again.", exc)
            path.unlink(missing_ok=True)
    table = derive_table()
    return {v: table[v] for v in wanted if v in table}


@cache
def derive_table() -> Mapping[str, str]:
    """Variant of one or two words -> generic name, from the package's own dictionary file.

    As the package resolves a match: the canonical drug's data, updated with the variant's own,
    gives the name (the last canonical when a variant has several; "" when it has none).
    """
    with bz2.open(_dictionary_file(), "rb") as file:
        data = pickle.load(file)  # the package's own file; it is trusted as the package is
    canonical: Mapping[str, Mapping[str, object]] = data["drug_canonical_to_data"]
    own: Mapping[str, Mapping[str, object]] = data["drug_variant_to_variant_data"]
    table: dict[str, str] = {}
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        if variant.count(" ") > 1:
            continue  # matched only as one word or a pair of words
        for name in canonicals:
            resolved = {**canonical.get(name, {}), **own.get(variant, {})}
            table[variant] = str(resolved.get("name", ""))
    return table


@cache
def fingerprint() -> str:
    """Names the installed dictionary: a hash of its file and of this table's format."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(_dictionary_file().read_bytes())
    return digest.hexdigest()[:16]


def _table_path() -> Path | None:
    return None if _folder is None else _folder / f"drug-names-{fingerprint()}.sqlite"


def _dictionary_file() -> Path:
    spec = find_spec(PACKAGE)  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{PACKAGE} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / DICTIONARY


def _select(path: Path, wanted: list[str]) -> dict[str, str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(wanted))
        rows = connection.execute(
            f"SELECT variant, generic FROM drugs WHERE variant IN ({marks})", wanted
        )
        return dict(rows.fetchall())
    finally:
        connection.close()


def _write(path: Path) -> None:
    """Write atomically, and drop tables of other dictionaries; a read-only or full disk only
    leaves this process looking drugs up in memory."""
    global _made
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=".sqlite.tmp")
        os.close(handle)
        temporary = Path(name)
        if _made is not None and _made.name == path.name and _made.exists():
            shutil.copyfile(_made, temporary)  # made already for another data dir
        else:
            _fill(temporary, derive_table())
        os.replace(temporary, path)
        _made = path
        for old in path.parent.glob("drug-names-*.sqlite"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        log.warning("Could not keep the drug name table (%s); it is read from memory.", exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _fill(path: Path, table: Mapping[str, str]) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(
                "CREATE TABLE drugs (variant TEXT PRIMARY KEY, generic TEXT NOT NULL) WITHOUT ROWID"
            )
            connection.executemany("INSERT INTO drugs VALUES (?, ?)", sorted(table.items()))
    finally:
        connection.close()
