"""Is each sentence of a model's reply supported by the posts it cites?

`citation_check` makes sure every sentence cites posts the model was given; this checks what
the sentence says against those posts, every citation of it, not only the first:

- no dose, no instruction to prescribe, take, stop or combine, and no safety verdict ("safe
  to combine", "no risk"): the prompt forbids them and the sources hold none;
- no link, and no number, that is not in a cited post, digits or words ("the second process"
  when the post numbers it 1);
- no negation added or dropped: the post's sentence closest in words to the sentence says
  "not" (or "no", "never", "without"...) exactly when the sentence does, as NegEx reads a
  negation by its trigger words ("they do not bind GABA receptors" is not "they bind GABA-B
  receptors");
- no study claim (a trial, researchers, a journal, a year) the cited posts do not make;
- every content word (stemmed, stop words left out) found in the cited posts, all but a few
  common paraphrase words; a rare word (a name, an anatomical term, a drug) always;
- every cited post shares content with the sentence (no citation to an unrelated post).

Each check names a reason code; the composer shows the extractive answer instead and logs the
code with counts, never text. Measured on eval/llm_probes.yaml (tests/answers/test_faithfulness.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from assistant.answers.citation_check import CitedSentence
from assistant.corpus.models import Chunk
from assistant.retrieval.lexical import stems

# A paraphrase may bring words the post does not use ("because", "mostly", "while"); up to
# this share of a sentence's common content words may be new. Rare words may never be new.
NEW_WORD_SHARE = 0.25
RARE_ZIPF = 3.5  # rarer than ~3 per million words: a name, a term of art, a drug
PREFIX = 8  # words sharing their first 8 letters are one family (gabapentin, gabapentinoid)

DOSE = re.compile(
    r"\b\d+(\.\d+)?\s*(mg|mcg|µg|g|ml|mL|units?|tablets?|pills?|capsules?|mg/kg|%)\b|"
    r"\b(once|twice|three times|four times) (a|per) (day|daily|week)\b|\b(bd|tds|qds|prn|"
    r"daily|nightly|twice daily)\b",
    re.IGNORECASE,
)
INSTRUCTION = re.compile(
    r"\b(prescribe|prescribed|start(ing)?|stop(ping)? taking|taper|titrate|increase|decrease|"
    r"double|halve|switch|combine|combined|give|administer|review in|should (take|stop|start|"
    r"use|avoid|try|be given)|must|never take|always take)\b",
    re.IGNORECASE,
)
SAFETY = re.compile(
    r"\b(safe|safely|safer|no risk|risk-free|harmless|non-addictive|cannot (cause|lead)|"
    r"proven|guaranteed|cure[sd]?|erase[sd]?|always|never)\b",
    re.IGNORECASE,
)
STUDY = re.compile(
    r"\b(study|studies|trial|trials|randomi[sz]ed|meta-analysis|researchers?|journal|published|"
    r"showed|shown|demonstrated|evidence|cohort|(19|20)\d\d)\b",
    re.IGNORECASE,
)
LINK = re.compile(r"(https?://\S+|www\.\S+|\b[\w-]+\.(com|net|org|co|io|ly|uk)(/\S*)?)", re.I)
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Number words read as their digits: cardinals from two ("one" is as often a pronoun) and
# ordinals from second ("first" is as often "at first").
NUMBER_WORDS = {
    word: str(value)
    for value, words in enumerate(
        [
            (),
            (),
            ("two", "second", "2nd"),
            ("three", "third", "3rd"),
            ("four", "fourth", "4th"),
            ("five", "fifth", "5th"),
            ("six", "sixth", "6th"),
            ("seven", "seventh", "7th"),
            ("eight", "eighth", "8th"),
            ("nine", "ninth", "9th"),
            ("ten", "tenth", "10th"),
        ]
    )
    for word in words
}
NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE)
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nothing|without|cannot|rather than|instead of)\b"
    r"|n[’']t\b",
    re.IGNORECASE,
)
CLAUSE = re.compile(r"[^.!?;:,\n\u2013\u2014()]+")
SCOPE_WORDS = 6  # NegEx reads a trigger's scope over the next few words (5-6) of its clause
# ConText's termination terms end a scope early: "not more GABA but reduced signalling"
SCOPE_END = re.compile(
    r"\b(?:but|however|although|though|yet|whereas|while|which|except|instead|rather)\b",
    re.IGNORECASE,
)
# A comparison restates a negated sameness ("does not begin at the moment of use": "begins
# earlier than the moment of use"); a clause holding one is not read as plain.
COMPARISON = re.compile(r"\bthan\b", re.IGNORECASE)
SCOPE_SHARED = 2  # content words of a scope found together: the same statement


def unsupported(sentences: Sequence[CitedSentence], posts: Sequence[Chunk]) -> str:
    """The first reason code a sentence fails on, or "" when every sentence is supported."""
    for sentence in sentences:
        cited = [posts[n - 1].text for n in dict.fromkeys(sentence.citations)]
        problem = sentence_problem(sentence.text, cited)
        if problem:
            return problem
    return ""


def sentence_problem(sentence: str, cited: Sequence[str]) -> str:
    source = " ".join(cited)
    for pattern, code in (
        (DOSE, "dose"),
        (INSTRUCTION, "instruction"),
        (SAFETY, "safety_claim"),
        (STUDY, "study_claim"),
        (LINK, "unknown_link"),
    ):
        found = {m.group(0).lower() for m in pattern.finditer(sentence)}
        if found - _matches(pattern, source):
            return code
    if _numbers(sentence) - _numbers(source):
        return "unsupported_number"
    words = _content(sentence)
    held = set(stems(source))
    prefixes = {stem[:PREFIX] for stem in held if len(stem) >= PREFIX}
    new = [w for w in words if not all(_held(stem, held, prefixes) for stem in stems(w))]
    if any(_zipf(w) < RARE_ZIPF for w in new):
        return "unsupported_term"
    if words and len(new) / len(words) > NEW_WORD_SHARE:
        return "unsupported_content"
    sentence_stems = {s for w in words for s in stems(w)}
    for text in cited:
        if len(sentence_stems & set(stems(text))) < min(2, len(sentence_stems)):
            return "unrelated_citation"
    if _negation_flipped(sentence, cited):
        return "negation_flip"
    return ""


def _numbers(text: str) -> set[str]:
    words = {NUMBER_WORDS[m.group(0).lower()] for m in NUMBER_WORD.finditer(text)}
    return set(NUMBER.findall(text)) | words


def _negation_flipped(sentence: str, cited: Sequence[str]) -> bool:
    """Whether the sentence states plainly what a cited post negates, or negates what the post
    states plainly: two or more content words of a negation's scope (the words after "not",
    NegEx's window, within the clause) found together in a clause without one."""
    source = " ".join(cited)
    return _contradicts(_scopes(source), _plain_clauses(sentence)) or _contradicts(
        _scopes(sentence), _plain_clauses(source)
    )


def _contradicts(scopes: list[set[str]], clauses: list[set[str]]) -> bool:
    return any(len(scope & clause) >= SCOPE_SHARED for scope in scopes for clause in clauses)


def _scopes(text: str) -> list[set[str]]:
    """The content stems of each negation's scope: up to SCOPE_WORDS words after the trigger."""
    found = []
    for clause in CLAUSE.findall(text):
        for trigger in NEGATION.finditer(clause):
            scope_text = SCOPE_END.split(clause[trigger.end() :], maxsplit=1)[0]
            after = scope_text.split()[:SCOPE_WORDS]
            scope = {stem for word in after for stem in stems(word)}
            if len(scope) >= SCOPE_SHARED:
                found.append(scope)
    return found


def _plain_clauses(text: str) -> list[set[str]]:
    return [
        set(stems(clause))
        for clause in CLAUSE.findall(text)
        if not NEGATION.search(clause) and not COMPARISON.search(clause)
    ]


def _held(stem: str, held: set[str], prefixes: set[str]) -> bool:
    """In the post, or a longer form of a word in it ("gabapentinoids" for "gabapentin")."""
    return stem in held or (len(stem) >= PREFIX and stem[:PREFIX] in prefixes)


def _matches(pattern: re.Pattern[str], text: str) -> set[str]:
    return {m.group(0).lower() for m in pattern.finditer(text)}


def _content(sentence: str) -> list[str]:
    """The sentence's words that carry content (stop words and numbers left out)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", sentence)
    return [w for w in words if stems(w)]


@cache
def _zipf(word: str) -> float:
    from assistant.word_frequency import zipf

    return zipf(word.lower())
