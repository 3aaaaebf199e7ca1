"""How common a word is in English (wordfreq's Zipf scale), without holding wordfreq's list.

Asked once, wordfreq keeps its English list twice over (321,000 words by frequency band, and
a dict of them): about 30 MB in every process that checks an answer for names, weighs a
question's terms or judges coverage. Here the list (the package's own large_en file) is
written once into the model cache (`keep_in`, set by the engine), its words sorted one a line
with their band, named by the file's size and date; a process reads that file and looks words
up by bisection in it (about 6 MB held). Words are tokenised as wordfreq does (its tokenizer,
digits smashed, several tokens combined), so `zipf(word)` equals `zipf_frequency(word, "en")`;
a test checks it on every listed word and others. Without a cache folder the list is derived
in memory by each process.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import tempfile
import threading
from array import array
from bisect import bisect_left
from functools import cache
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

WORDLIST = "large_en.msgpack.gz"  # what zipf_frequency(word, "en") reads ("best" is "large")
MINIMUM = 1e-9  # zipf_frequency's default floor: Zipf 0
_LINE_END = re.compile(b"\n")
_folder: Path | None = None
_lock = threading.Lock()


def keep_in(folder: Path) -> None:
    """Keep the sorted list in this folder (the model cache); until called, it is not kept."""
    global _folder
    _folder = folder


def ensure() -> None:
    """Write the sorted list into the model cache now (at ingest) unless it is there."""
    _bands()


@cache
def zipf(word: str) -> float:
    """wordfreq's `zipf_frequency(word, "en")`: 0 (unknown) to about 8 ("the")."""
    return round(math.log(_frequency(word), 10) + 9, 2)


def _frequency(word: str) -> float:
    """wordfreq's `_word_frequency` for English with its floor: the tokens' frequencies
    combined as 1/f = 1/f1 + 1/f2..., rounded to 3 significant digits."""
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    tokens = lossy_tokenize(word, "en")
    if not tokens:
        return MINIMUM
    bands = _bands()
    one_over = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        band = bands.band(smashed)
        if band is None:
            return MINIMUM
        frequency = 10 ** (-band / 100)
        if smashed != token:
            frequency *= digit_freq(token)
        one_over += 1.0 / frequency
    unrounded = max(1.0 / one_over, MINIMUM)
    return round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)


class Bands:
    """Lines `word<TAB>band`, sorted by their UTF-8 bytes, and where each line starts. A tab
    sorts before any character of a word, so the lines are in the order of their words."""

    def __init__(self, lines: bytes) -> None:
        self._lines = lines
        self._starts = array("I", [0])
        self._starts.extend(m.end() for m in _LINE_END.finditer(lines))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> bytes:
        return self._lines[self._starts[i] : self._starts[i + 1] - 1]

    def band(self, word: str) -> int | None:
        key = word.encode("utf-8") + b"\t"
        i = bisect_left(self, key)
        if i < len(self) and self[i].startswith(key):
            return int(self[i][len(key) :])
        return None


@cache
def _bands() -> Bands:
    path = None if _folder is None else _folder / f"wordfreq-en-{_fingerprint()}.txt"
    if path is not None:
        try:
            return Bands(path.read_bytes())
        except OSError:
            pass  # not made yet, or unreadable: derived below
    with _lock:
        lines = _derive()
        if path is not None:
            _write(path, lines)
    return Bands(lines)


def _derive() -> bytes:
    """As wordfreq's get_frequency_dict: each word's band, the last band holding it."""
    from wordfreq import read_cBpack

    bands: dict[str, int] = {}
    for band, words in enumerate(read_cBpack(str(_wordlist()))):
        for word in words:
            bands[word] = band
    lines = sorted(f"{word}\t{band}".encode() for word, band in bands.items())
    return b"\n".join(lines) + b"\n"


def _wordlist() -> Path:
    spec = find_spec("wordfreq")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / WORDLIST


def _fingerprint() -> str:
    """Names the installed list by its file's size and date."""
    stat = _wordlist().stat()
    return hashlib.sha256(f"{stat.st_size}-{stat.st_mtime_ns}".encode()).hexdigest()[:12]


def _write(path: Path, lines: bytes) -> None:
    """Write atomically, dropping lists of other versions; a read-only or full disk only costs
    the next process the derivation."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=".txt.tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(lines)
        os.replace(name, path)
        for old in path.parent.glob("wordfreq-en-*.txt"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("Could not keep the English word list (%s); it is derived again.", exc)
