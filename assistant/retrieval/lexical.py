"""BM25 ranking over the indexed chunks (bm25s), saved beside the vector store.

bm25s imports SciPy when it can, only to build its sparse matrix; its NumPy build gives the
same scores, and SciPy cost 4 MB in a bot worker (8 MB on its own). bm25s is imported with SciPy
hidden, under the lock that hides torch from spaCy: the torch embedder takes it before it
imports sentence-transformers, the one other importer of SciPy here, so neither finds SciPy
missing.
"""

from __future__ import annotations

import importlib
import json
import logging
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import Stemmer

from assistant.spacy_runtime import IMPORT_LOCK

if TYPE_CHECKING:
    import bm25s


def _import_bm25s() -> ModuleType:
    with IMPORT_LOCK:
        if "bm25s" in sys.modules:
            return sys.modules["bm25s"]
        hide = "scipy" not in sys.modules
        if hide:
            sys.modules["scipy"] = None  # type: ignore[assignment]  # `import scipy` fails
        try:
            return importlib.import_module("bm25s")
        finally:
            if hide and "scipy" in sys.modules and sys.modules["scipy"] is None:
                del sys.modules["scipy"]


_bm25s = _import_bm25s()
_STEMMER = Stemmer.Stemmer("english")
# bm25s sets its own logger to DEBUG on import, so every index build would print to stderr.
logging.getLogger("bm25s").setLevel(logging.WARNING)


def stems(text: str) -> list[str]:
    """The stemmed non-stop words of one text, as the index stores them."""
    return tokenize([text])[0]


def tokenize(texts: list[str]) -> list[list[str]]:
    return _bm25s.tokenize(
        texts, stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False
    )


class LexicalIndex:
    """BM25 over chunk texts; `fingerprint` names the set of chunks it was built from.

    It also keeps the texts' adjacent word pairs ("motiv interview"), stop words left out, so
    coverage can tell a named method the corpus uses from one it never does.
    """

    def __init__(
        self,
        ids: list[str],
        retriever: bm25s.BM25 | None,
        fingerprint: str,
        pairs: frozenset[str] = frozenset(),
    ) -> None:
        self.ids = ids
        self.fingerprint = fingerprint
        self._retriever = retriever
        self._pairs = pairs
        self._vocabulary: frozenset[str] | None = None

    @classmethod
    def build(cls, ids: list[str], texts: list[str], fingerprint: str) -> LexicalIndex:
        if not ids:
            return cls([], None, fingerprint)
        tokens = tokenize(texts)
        retriever = _bm25s.BM25(csc_backend="numpy")  # as without SciPy
        retriever.index(tokens, show_progress=False)
        pairs = frozenset(
            f"{a} {b}" for words in tokens for a, b in zip(words, words[1:], strict=False)
        )
        return cls(ids, retriever, fingerprint, pairs)

    def rank(self, query: str, limit: int) -> list[str]:
        """Ids of chunks sharing at least one word with the query, best first."""
        return [chunk_id for chunk_id, _score in self.scored(query, limit)]

    def scored(self, query: str, limit: int) -> list[tuple[str, float]]:
        """(id, BM25 score) of chunks sharing at least one word with the query, best first."""
        if self._retriever is None:
            return []
        tokens = tokenize([query])
        if not tokens[0]:
            return []
        found, scores = self._retriever.retrieve(
            tokens, k=min(limit, len(self.ids)), show_progress=False
        )
        return [(self.ids[i], float(s)) for i, s in zip(found[0], scores[0], strict=True) if s > 0]

    def vocabulary(self) -> frozenset[str]:
        """The stemmed words of the indexed texts (stop words left out), and their adjacent
        pairs as "stem stem"."""
        if self._vocabulary is None:
            vocab = self._retriever.vocab_dict if self._retriever is not None else {}
            self._vocabulary = frozenset(str(word) for word in vocab) | self._pairs
        return self._vocabulary

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self._retriever is not None:
            self._retriever.save(str(tmp / "bm25"))
        (tmp / "ids.json").write_text(
            json.dumps(
                {"fingerprint": self.fingerprint, "ids": self.ids, "pairs": sorted(self._pairs)}
            )
        )
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        """The saved index, or None when it is missing or unreadable (it is then rebuilt)."""
        try:
            saved = json.loads((folder / "ids.json").read_text())
            retriever = _bm25s.BM25.load(str(folder / "bm25")) if saved["ids"] else None
            pairs = frozenset(saved["pairs"])  # an index saved before pairs: rebuilt
        except (OSError, ValueError, KeyError):
            return None
        return cls(saved["ids"], retriever, saved["fingerprint"], pairs)
