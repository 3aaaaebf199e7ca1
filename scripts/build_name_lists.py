"""Build the multilingual name lists the PHI guard ships, from the names-dataset package.

names-dataset (Apache-2.0; first and last names from 105 countries) is too heavy to load at
run time (about 9 s and 1.9 GB of memory), so this script keeps the most common names of each
country and writes their words (a name of two words gives both), lower-cased, unique and
sorted one a line, to assistant/privacy/data/*.txt.gz: the PHI guard looks a word up by
bisection in that text (loaded in well under a second, about 2 MB held). Re-run it after
upgrading names-dataset:

    .venv/bin/pip install names-dataset && .venv/bin/python scripts/build_name_lists.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

from names_dataset import NameDataset

FIRST_PER_GENDER = 1000  # per country
LAST_PER_COUNTRY = 1500
OUT = Path(__file__).resolve().parent.parent / "assistant" / "privacy" / "data"


def _collect(top: dict[str, object]) -> set[str]:
    names: set[str] = set()
    for value in top.values():
        groups = value.values() if isinstance(value, dict) else [value]
        for group in groups:
            names.update(name.lower() for name in group if len(name) > 1)
    return names


def main() -> None:
    dataset = NameDataset()
    first: set[str] = set()
    last: set[str] = set()
    for country in dataset.get_country_codes(alpha_2=True):
        first |= _collect(dataset.get_top_names(FIRST_PER_GENDER, True, country))
        last |= _collect(dataset.get_top_names(LAST_PER_COUNTRY, False, country))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, names in (("first_names", first), ("last_names", last)):
        words = {word for full in names for word in full.split()}
        data = "\n".join(sorted(words)).encode("utf-8") + b"\n"
        (OUT / f"{name}.txt.gz").write_bytes(gzip.compress(data, mtime=0))
        print(f"{name}: {len(names)} names, {len(words)} words")


if __name__ == "__main__":
    main()
