"""Same-length normalising: offsets in the normalised text are offsets in the original."""

from __future__ import annotations

# Each replacement is one character for one: curly quotes and primes become ', dashes
# become -, odd spaces become a space.
_SAME_LENGTH = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u00b4\u0060\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u3000\t\x0b\x0c", " "),
    }
)


def normalise(text: str) -> str:
    return text.translate(_SAME_LENGTH)
