"""Check a model's reply before anyone sees it: every sentence cited, every citation real.

The reply is split into sentences; each must carry at least one `[n]` and every `n` must be
the number of a passage the model was given. Anything else is rejected with a reason code
(never with the reply's text, so logs hold no question or patient words).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

DECLINE_TOKEN = "NOT_COVERED"

CITE = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
CITES_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)")
LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.MULTILINE)
BOUNDARY = re.compile(r"\n+|(?<=[.!?])\s+(?=[A-Z0-9\"“‘(\[])|(?<=\])\s+(?=[A-Z\"“‘(])")
SPACE_BEFORE_PUNCT = re.compile(r"\s+([.!?,;:])")
LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class CitedSentence:
    text: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    sentences: list[CitedSentence] = field(default_factory=list)
    problem: str = ""  # a reason code; empty when the reply may be shown
    sentence_count: int = 0

    @property
    def accepted(self) -> bool:
        return not self.problem


def check_reply(reply: str, passages: int) -> Verdict:
    """Accept the reply only if each sentence cites passages numbered 1..`passages`."""
    text = reply.strip()
    if not text:
        return Verdict(problem="empty_reply")
    if text.strip(" .") == DECLINE_TOKEN:
        return Verdict(problem="model_declined")
    pieces = split_sentences(text)
    cited = [_cited(piece) for piece in pieces]
    numbers = [n for sentence in cited for n in sentence.citations]
    sentences = [s for s in cited if LETTER.search(s.text)]
    count = len(sentences)
    if not numbers:
        return Verdict(problem="no_citations", sentence_count=count)
    if any(not 1 <= n <= passages for n in numbers):
        return Verdict(problem="unknown_citation", sentence_count=count)
    if not sentences or any(not s.citations for s in sentences):
        return Verdict(problem="uncited_sentence", sentence_count=count)
    return Verdict(sentences=sentences, sentence_count=count)


def split_sentences(text: str) -> list[str]:
    """Sentences and list items, with a citation written after the full stop moved before it."""
    text = LIST_MARKER.sub("", text)
    text = CITES_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    return [piece.strip() for piece in BOUNDARY.split(text) if piece.strip()]


def _cited(piece: str) -> CitedSentence:
    numbers = tuple(
        int(n) for match in CITE.finditer(piece) for n in re.split(r"[,;]", match.group(1))
    )
    words = SPACE_BEFORE_PUNCT.sub(r"\1", CITE.sub("", piece))
    return CitedSentence(text=html.unescape(" ".join(words.split())), citations=numbers)
