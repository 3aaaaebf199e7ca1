"""How common a word is in English: wordfreq's own Zipf figures, from a sorted list kept once
in the model cache instead of the package's 30 MB of dictionaries in every process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import wordfreq

from assistant import word_frequency
from assistant.settings import PROJECT_ROOT

AWKWARD = [
    "",
    "  ",
    "The",
    "O'Brien",
    "al-Rashid",
    "don't",
    "1999",
    "covid-19",
    "3.5mg",
    "24/7",
    "£5",
    "U.S.",
    "hello world",
    "Siobhán",
    "naltrexone",
    "buprenorphine",
    "zqxwv",
    "東京",
    "x" * 40,
]


def test_word_frequency_equals_wordfreq_on_listed_words_and_awkward_ones() -> None:
    listed = [w for band in wordfreq.get_frequency_list("en") for w in band][::11]
    words = listed + [w.title() for w in listed[::5]] + AWKWARD

    mine = [word_frequency.zipf(w) for w in words]
    theirs = [wordfreq.zipf_frequency(w, "en") for w in words]

    assert mine == theirs


def test_word_frequency_list_is_written_once_and_read_by_later_processes(
    tmp_path: Path,
) -> None:
    probe = (
        "from pathlib import Path; from assistant import word_frequency as f; "
        f"f.keep_in(Path({str(tmp_path)!r})); "
        "print(f.zipf('craving'), f.zipf('the'))"
    )
    run = [sys.executable, "-c", probe]

    first = subprocess.run(run, capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)
    (kept,) = tmp_path.glob("wordfreq-en-*.txt")
    written = kept.stat().st_mtime_ns
    second = subprocess.run(run, capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)

    expected = f"{wordfreq.zipf_frequency('craving', 'en')} {wordfreq.zipf_frequency('the', 'en')}"
    assert first.stdout.split() == second.stdout.split() == expected.split()
    assert kept.stat().st_mtime_ns == written
