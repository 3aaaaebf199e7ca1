"""The name lists are held as their sorted text, one word a line, and looked up by bisection:
the same answers a set of their words gave, in about a tenth of the memory."""

from __future__ import annotations

import gzip

from assistant.privacy import lexicon
from assistant.privacy.lexicon import SortedWords


def test_name_lists_find_every_word_of_the_shipped_lists_and_nothing_else() -> None:
    for kind in ("first", "last"):
        text = gzip.decompress((lexicon._DATA / f"{kind}_names.txt.gz").read_bytes()).decode()
        words = text.split()
        held = lexicon._names(kind)

        assert words == sorted(set(words))  # the layout bisection needs
        assert len(held) == len(words) and all(word in held for word in words)
        assert not any(f"{word}zq" in held or word[:-1] + "\n" in held for word in words[::97])


def test_name_lists_cover_common_names_from_many_countries() -> None:
    for name in ("siobhán", "oluwaseun", "nguyen", "kowalski", "mehmet", "ramírez"):
        assert lexicon.listed(name), name
    assert not lexicon.listed("zqxwv")
    assert lexicon.listed("al-Rashid")  # each part of a joined name


def test_name_lists_sorted_words_answer_like_a_set_at_the_edges() -> None:
    words = SortedWords("ana\nbo\nzoe\n")

    assert [w for w in ("ana", "bo", "zoe") if w in words] == ["ana", "bo", "zoe"]
    assert not any(w in words for w in ("", "a", "an", "anab", "b", "zoey", "zz", "bo\nzoe", 3))
    assert len(SortedWords("")) == 0 and "a" not in SortedWords("")
