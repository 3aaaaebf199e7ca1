"""The cue lexicon (`prompts/cue_lexicon.yaml`) and the whole-word matcher that applies it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.errors import TemplateError
from assistant.interview.models import CueCategory
from assistant.prompt_files import load_prompt_file

LEXICON_FILE = "cue_lexicon.yaml"
TOKEN = re.compile(r"[a-z0-9&]+(?:['-][a-z0-9]+)*")
SENTENCE_END = re.compile(r"[.!?;\n]")
CLAUSE_PUNCTUATION = re.compile(r"[,.;:!?()\n\u2013\u2014]|\s-\s")  # and a spaced dash
STREET_NAME = re.compile(
    r"\s+(?:road|rd|street|st|lane|avenue|ave|way|drive|close|crescent|terrace|parade)\b"
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(Strict):
    cue: str | None = None
    words: list[str] = []
    patterns: list[str] = []
    situations: list[str] = []

    @model_validator(mode="after")
    def _has_something_to_match(self) -> Entry:
        if not self.words and not self.patterns:
            raise ValueError("an entry needs words or patterns")
        for pattern in self.patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regex: {exc}") from exc
        return self

    @property
    def name(self) -> str:
        return self.cue or (self.words or self.patterns)[0]


class CategoryLexicon(Strict):
    situations: list[str] = Field(default=[], description="IDTS tags for entries without their own")
    merge_adjacent: bool = Field(
        default=False, description="adjacent phrases join into one cue: 'Friday' + 'night'"
    )
    compounds: bool = Field(
        default=False,
        description="adjacent phrases are one noun compound, named by its head (the last): "
        "'hostel bathroom' is a bathroom, 'withdrawal shakes' are shakes",
    )
    entries: list[Entry] = Field(min_length=1)

    @field_validator("entries", mode="before")
    @classmethod
    def _bare_phrases(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"words": [item]} if isinstance(item, str) else item for item in value]
        return value


class Fallback(Strict):
    min_similarity: float = Field(default=0.7, gt=0, le=1)
    max_words: int = Field(default=6, ge=1)
    pleasant: list[str] = Field(
        default=[], description="IDTS tags of a feeling the lexicon misses that reads positive"
    )


class Actions(Strict):
    """Phrases that say what the patient did next: steps towards the drug, or coping."""

    seeking: list[str] = []
    coping: list[str] = []


class Lexicon(Strict):
    version: int
    actions: Actions = Actions()
    negations: list[str] = []
    negation_ends: list[str] = Field(
        default=[], description="conjunctions that end a negation's clause ('but', 'and')"
    )
    avoidance: list[str] = Field(
        default=[], description="'stayed away from the bookies': negations of a place or person"
    )
    use_words: list[str] = Field(
        default=[], description="'didn't use at the pub': the use is negated, not the pub"
    )
    craving_words: list[str] = Field(
        default=[],
        description="'no urge at her sister's', 'denies cravings at work': the craving is "
        "negated, and with it the setting, before it in the sentence or after it in the clause",
    )
    not_negations: list[str] = Field(
        default=[], description="'couldn't stop thinking about the pub' negates nothing"
    )
    not_cues: list[str] = Field(
        default=[], description="positive or neutral states: never cues ('slept well', 'calm')"
    )
    protective: list[str] = Field(
        default=[], description="'going to the gym keeps me right': the sentence sets no scene"
    )
    worry_about: list[str] = Field(
        default=[], description="'worried about work': what follows is a worry, not a place"
    )
    talked_about: list[str] = Field(
        default=[],
        description="'going on about mum', 'row re money': what follows is what was talked "
        "about, not who or what was there",
    )
    mourned_before: list[str] = Field(
        default=[], description="'grieving his brother': the person named next is not there"
    )
    mourned_after: list[str] = Field(
        default=[], description="'her dad's death', 'his wife, who died': nor is this person"
    )
    absent_after: list[str] = Field(
        default=[],
        description="'her partner was away', 'the baby asleep', 'his flatmate moved out': the "
        "person named just before was not there either",
    )
    clause_breaks: list[str] = []
    filler: list[str] = []
    non_answers: list[str] = []
    fallback: Fallback = Fallback()
    categories: dict[CueCategory, CategoryLexicon]

    def unknown_situations(self, known: set[str]) -> list[str]:
        problems = [
            f"fallback.pleasant: unknown situation {tag!r}"
            for tag in self.fallback.pleasant
            if tag not in known
        ]
        for category, lexicon in self.categories.items():
            problems += [
                f"categories.{category}.situations: unknown situation {tag!r}"
                for tag in lexicon.situations
                if tag not in known
            ]
            for entry in lexicon.entries:
                problems += [
                    f"categories.{category}.entries[{entry.name}].situations: "
                    f"unknown situation {tag!r}"
                    for tag in entry.situations
                    if tag not in known
                ]
        return problems


def load_lexicon(prompts_dir: Path, situations: set[str]) -> Lexicon:
    """Load the lexicon; its IDTS tags must be the ones the interview template declares."""
    path = prompts_dir / LEXICON_FILE
    lexicon = load_prompt_file(path, Lexicon, TemplateError)
    problems = lexicon.unknown_situations(situations)
    if problems:
        raise TemplateError(f"{path}: " + "; ".join(problems))
    return lexicon


@dataclass(frozen=True)
class Match:
    category: str
    text: str  # the cue as the lexicon names it
    start: int
    end: int
    situations: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern[str]
    category: str
    cue: str | None  # None: the cue is the matched text (patterns without a cue)
    situations: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower case with straight apostrophes; the same length, so spans stay valid."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


# English plurals: "-es" only after a sibilant or "o" ("buses", "matches", "tomatoes"), so "car"
# never matches "cares", nor "bar" "bares".
SIBILANT_END = re.compile(r"(?:s|x|z|ch|sh|o)$")
PLURAL_ES, PLURAL_S = r"(?:e?s)?", r"s?"


def phrase_regex(phrase: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in normalise(phrase).split()]
    possessive = r"(?:'s|')?"  # "his brother's barbecue", "the in-laws'"
    plural = PLURAL_ES if SIBILANT_END.search(normalise(phrase)) else PLURAL_S
    # whole words; a quote mark may open or close the phrase ("then 'just the one'"), an
    # apostrophe inside a word may not ("won't", "o'clock")
    opening = r"(?:(?<![\w'])|(?<=^')|(?<=[\s(\"]'))"
    return re.compile(opening + r"\s+".join(words) + plural + possessive + r"(?!\w|'\w)")


class PhraseSet:
    """Phrases whose patterns are compiled when first needed: a phrase's only when its first
    word is in the text read. Reading a saved session's few answers (`interview show`) then
    compiles the handful that could match, not hundreds of patterns (about 0.1 s); the
    matches are the same."""

    def __init__(self, phrases: list[str], patterns: list[str] | None = None) -> None:
        self._phrases = [(normalise(p).split()[0], p) for p in phrases if p.strip()]
        self._patterns = [re.compile(p, re.IGNORECASE) for p in patterns or []]
        self._compiled: dict[str, re.Pattern[str]] = {}

    def finditer(self, lowered: str) -> Iterator[re.Match[str]]:
        for first, phrase in self._phrases:
            if first in lowered:
                regex = self._compiled.get(phrase)
                if regex is None:
                    regex = self._compiled.setdefault(phrase, phrase_regex(phrase))
                yield from regex.finditer(lowered)
        for regex in self._patterns:
            yield from regex.finditer(lowered)


INTERNAL_STATES = ("emotion", "body")
SUBJECTS = ("people", "place")
# between a person or place and a state: "his wife was (really) furious", "the house felt empty"
SAID_OF = re.compile(
    r"\s+(?:was|were|is|are|seemed|seems|looked|looks|got|gets|felt|feels|went|being)"
    r"(?:\s+(?:so|really|very|quite|a bit|all|totally|completely|just))?\s+"
)
MOURNING_REACH = 40  # characters either side of a person that may say they are gone
# Someone who only tells the clinician ("Mum says he's worse after...", "..., his wife reports",
# "according to his mum", "collateral (mother) reports") was not there for it.
REPORTS = re.compile(
    r"^(?:'s|')?\)?\s*(?:reports|reported|states|stated|describes|described|notes|noted|"
    r"(?:says|said|thinks|reckons)(?=\s*(?:[.,;!?]|$|(?:that\s+)?(?:he|she|pt|they)(?:'s|'d|\s)))|"
    r"told me|tells me)\b"
)
# ... or signs the note: "... and I know what's coming. - wife", "... (mum)".
SIGNED_BEFORE = re.compile(r"(?:\s[-\u2013\u2014~]+|\()\s*(?:(?:his|her|their|pt's|the)\s+)?$")
SIGNED_AFTER = re.compile(r"^(?:'s)?\)?[\s.!]*$")
# A relative's own account: "My son gets restless after the football... He goes out with his
# mates". The relative who opens it, with no "I" or "me" of the patient's after, is the patient.
VOICE_OPENING = re.compile(r"^[\s\W]*(?:my|our)\s+$")
VOICE_VERB = re.compile(
    r"(?:'s)?\s+(?:always\s+|usually\s+|often\s+|just\s+)?(?:gets|got|is|was|goes|went|comes|"
    r"came|becomes|became|seems|seemed|starts|started|feels|felt|has|had|can't|won't|will|"
    r"drinks|drank|uses|used|sits|stays|disappears|storms)\b"
)
FIRST_PERSON = re.compile(r"\b(?:i|me|myself|i'm|im|i'd|i've|ive|i'll)\b")
# What a talk was about runs to the next preposition or conjunction of the scene or clause:
# "argument with my girlfriend about money at her flat" (the flat is the scene).
TOPIC_END = re.compile(
    r"[,.;:!?()\n\u2013\u2014]|\s-\s|\b(?:then|but|so|when|while|at|in|on|with|after|before|"
    r"because|until|till|since)\b"
)
REPORTED_BY = re.compile(r"(?:\baccording to|\bcollateral|\bcorroborated by)\s*\(?\s*(?:\w+\s+)?$")
# Someone thought about ("thinking about my mum back home") is in the patient's mind, not there.
THOUGHT_OF = re.compile(r"\b(?:think|thinks|thinking|thought)\s+(?:about|of)\b[^,.;:!?()\n]*$")
TEMPTATION = "urges_and_temptations"  # a dealer's words are a cue: "dealer said he had some"
TALKED_OF = ("people", "place", "event", "sensory")  # what a topic of talk may name
SETTING_OF_A_CRAVING = frozenset({"when", "while"})  # "no urges when with partner"
NOT_A_CUE = "_not_a_cue"  # the category of a positive or neutral state's match
CONTRACTED = re.compile(
    r"^(?:did|was|were|has|have|had|is|are|does|do|could|would|wo|ca|should)nt$"
)


class Matcher:
    """Finds lexicon phrases in an answer: longest first, whole words, negations respected.

    A negation ("not", "never", "didn't", "wasn't with") reaches to the end of its clause:
    punctuation or a conjunction ("but", "and"). Negating the use itself ("didn't drink at the
    pub") leaves the pub a cue; "couldn't stop thinking about" negates nothing. A positive or
    neutral state ("slept well", "calm") is found, so nothing else reads it, and is no cue.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._negations = {normalise(word) for word in lexicon.negations}
        self._ends = {normalise(word) for word in lexicon.negation_ends}
        self._use = {normalise(word) for word in lexicon.use_words}
        self._craving = {normalise(word) for word in lexicon.craving_words}
        self.clause_ends = frozenset(self._ends)

    # Compiled on first use (about 2,000 patterns, 0.3 s): a process that answers questions
    # and never reads an interview answer does without them.
    @cached_property
    def _not_negations(self) -> PhraseSet:
        return PhraseSet(self.lexicon.not_negations)

    @cached_property
    def _avoidance(self) -> PhraseSet:
        return PhraseSet(self.lexicon.avoidance)

    @cached_property
    def _worry(self) -> PhraseSet:
        return PhraseSet(self.lexicon.worry_about)

    @cached_property
    def _talk(self) -> PhraseSet:
        return PhraseSet(self.lexicon.talked_about)

    @cached_property
    def _mourned_before(self) -> re.Pattern[str]:
        return _word_sequence(self.lexicon.mourned_before, ending=True)

    @cached_property
    def _mourned_after(self) -> re.Pattern[str]:
        return _word_sequence(self.lexicon.mourned_after, ending=False)

    @cached_property
    def _absent_after(self) -> re.Pattern[str]:
        if not self.lexicon.absent_after:
            return re.compile(r"(?!x)x")
        alternatives = "|".join(
            r"\s+".join(re.escape(w) for w in normalise(p).split())
            for p in self.lexicon.absent_after
        )
        return re.compile(
            rf"^(?:'s|')?[\s,]+(?:(?:was|were|is|are|had|has|'s|finally|just|already|all)\s+)"
            rf"{{0,2}}(?:{alternatives})(?![\w'])"
        )

    @cached_property
    def _thoughts(self) -> PhraseSet:
        """The thought phrases alone: reading what the patient did next (a saved session's
        note) needs them, not the other 4,000 phrases' patterns (about half a second)."""
        thought = self.lexicon.categories.get("thought")  # type: ignore[call-overload]
        if not thought:
            return PhraseSet([])
        entries = thought.entries
        return PhraseSet(
            [w for e in entries for w in e.words], [p for e in entries for p in e.patterns]
        )

    @cached_property
    def _rules(self) -> list[_Rule]:
        lexicon = self.lexicon
        rules = [rule for cat, lex in lexicon.categories.items() for rule in _rules(cat, lex)]
        return rules + [
            _Rule(phrase_regex(p), NOT_A_CUE, normalise(p), ()) for p in lexicon.not_cues
        ]

    def find(self, text: str) -> list[Match]:
        """Every phrase found, in order; negated ones flagged (they are not cues)."""
        lowered = normalise(text)
        candidates = [
            Match(rule.category, rule.cue or m.group(0), m.start(), m.end(), rule.situations)
            for rule in self._rules
            for m in rule.regex.finditer(lowered)
        ]
        negated = self.negated_spans(lowered)
        worries = self.worry_spans(lowered)
        topics = self.topic_spans(lowered)
        found = _longest_without_overlap(candidates)
        voice = _relative_voice(found, lowered)
        kept = [
            replace(
                m,
                negated=_inside(m.start, negated)
                or self._a_worry(m, worries, lowered)
                or (m.category in TALKED_OF and _inside(m.start, topics))
                or self._mourned(m, lowered)
                or m is voice
                or _someone_elses(m, found, lowered, voice),
            )
            for m in found
        ]
        return self._merge_adjacent(lowered, kept)

    def is_negation(self, token: str) -> bool:
        return token in self._negations or token.endswith("n't") or bool(CONTRACTED.match(token))

    def negated_spans(self, lowered: str) -> list[tuple[int, int]]:
        """Where in the answer negations reach: from each to the end of its clause."""
        spans = []
        # "can't stop thinking", and a thought's own negation: "one drink won't hurt after a
        # good day at work" negates nothing after the thought
        owners = (self._not_negations, self._thoughts)
        exempt = [(m.start(), m.end()) for r in owners for m in r.finditer(lowered)]
        avoided = {m.start() for m in self._avoidance.finditer(lowered)}
        for clause in _clauses(lowered):
            tokens = list(TOKEN.finditer(lowered, clause[0], clause[1]))
            scope: int | None = None
            craving = False  # "no urges when with partner": the craving's setting is negated too
            for n, token in enumerate(tokens):
                word = token.group(0)
                ends = word in self._ends and not (craving and word in SETTING_OF_A_CRAVING)
                if scope is not None and ends:
                    spans.append((scope, token.start()))
                    scope = None
                exempted = any(a <= token.start() < b for a, b in exempt)
                negation = self.is_negation(word) or token.start() in avoided
                if scope is None and negation and not exempted:
                    following = [t.group(0) for t in tokens[n + 1 : n + 3]]
                    craving = any(w in self._craving for w in following)
                    if craving:
                        # no craving: not its setting either, before it in the sentence too
                        scope = _sentence_start(lowered, token.start())
                    elif any(w in self._use for w in following) and not _habitual(tokens, n):
                        # the use is negated, not its setting; "no one" is a cue of its own
                        spans.append((token.start(), tokens[min(n + 2, len(tokens) - 1)].end()))
                    else:
                        scope = token.start()
            if scope is not None:
                spans.append((scope, clause[1]))
        return spans

    def worry_spans(self, lowered: str) -> list[tuple[int, int]]:
        """What a worry is about ("worried about work on Monday"), to the clause's end."""
        spans = []
        for m in self._worry.finditer(lowered):
            end = next((c[1] for c in _clauses(lowered) if c[0] <= m.end() <= c[1]), m.end())
            spans.append((m.end(), end))
        return spans

    def topic_spans(self, lowered: str) -> list[tuple[int, int]]:
        """What a talk or a row was about ("going on about mum", "row re money"), to the next
        word that sets a scene ("at her flat") or the clause's end."""
        spans = []
        for m in self._talk.finditer(lowered):
            end = TOPIC_END.search(lowered, m.end() + 1)
            spans.append((m.end() - 1, end.start() if end else len(lowered)))
        return spans

    def _a_worry(self, match: Match, worries: list[tuple[int, int]], lowered: str) -> bool:
        """A place or time that is what a worry is about, or a street name's first word."""
        if match.category not in ("place", "time"):
            return False
        if match.category == "place" and STREET_NAME.match(lowered, match.end):
            return True  # "Station Road", "Park Lane": an address, not the place
        return _inside(match.start, worries)

    def _mourned(self, match: Match, lowered: str) -> bool:
        """Someone who died or is grieved for is not someone who was there: "grieving his
        brother", "her dad's death", "his wife, who died" (a few words either side); nor is
        someone said to be away: "her partner was away", "the baby's finally gone down"; nor
        one who only reports it ("Mum says he...") or is thought of ("thinking about my mum")."""
        if match.category != "people":
            return False
        before = lowered[max(0, match.start - MOURNING_REACH) : match.start]
        after = lowered[match.end : match.end + MOURNING_REACH]
        reporter = TEMPTATION not in match.situations and bool(
            REPORTS.match(after)
            or REPORTED_BY.search(before)
            or (SIGNED_BEFORE.search(before) and SIGNED_AFTER.match(after))
        )
        return bool(
            self._mourned_before.search(before)
            or self._mourned_after.match(after)
            or self._absent_after.match(after)
            or reporter
            or THOUGHT_OF.search(lowered, 0, match.start)
        )

    def _merge_adjacent(self, lowered: str, matches: list[Match]) -> list[Match]:
        categories = self.lexicon.categories.items()
        merging = {c for c, lex in categories if lex.merge_adjacent}
        compounds = {c for c, lex in categories if lex.compounds}
        merged: list[Match] = []
        for match in matches:
            previous = merged[-1] if merged else None
            if (
                previous is None
                or match.category != previous.category
                or match.category not in merging | compounds
                or match.negated
                or previous.negated
                or lowered[previous.end : match.start].strip()
            ):
                merged.append(match)
            elif match.category in compounds and lowered[match.start : match.end] == "home":
                continue  # "on the bus home": where the bus was going, not where they were
            elif match.category in compounds:  # the head names it; the span covers both
                merged[-1] = replace(match, start=previous.start)
            else:
                tags = tuple(dict.fromkeys(previous.situations + match.situations))
                merged[-1] = Match(
                    match.category,
                    f"{previous.text} {match.text}",
                    previous.start,
                    match.end,
                    tags,
                )
        return merged


def _rules(category: str, lexicon: CategoryLexicon) -> list[_Rule]:
    rules = []
    for entry in lexicon.entries:
        tags = tuple(entry.situations or lexicon.situations)
        rules += [
            _Rule(phrase_regex(word), category, entry.cue or normalise(word), tags)
            for word in entry.words
        ]
        rules += [
            _Rule(re.compile(pattern, re.IGNORECASE), category, entry.cue, tags)
            for pattern in entry.patterns
        ]
    return rules


def _someone_elses(
    match: Match, found: list[Match], lowered: str, voice: Match | None = None
) -> bool:
    """A feeling or body state said of someone or something else ("his wife was furious",
    "the house was empty", "the kids were ill") is not the patient's own cue; said of the
    patient by a relative ("My son gets restless") it is."""
    if match.category not in INTERNAL_STATES:
        return False
    subject = next(
        (m for m in reversed(found) if m.end <= match.start and m.category in SUBJECTS), None
    )
    if subject is None or subject is voice:
        return False
    return bool(SAID_OF.fullmatch(lowered, subject.end, match.start))


def _relative_voice(found: list[Match], lowered: str) -> Match | None:
    """The relative an answer opens with when the answer is theirs: "My son gets restless
    after the football..." (no "I" or "me" of the patient's after it)."""
    first = next((m for m in found if m.category == "people"), None)
    if first is None or not VOICE_OPENING.match(lowered[: first.start]):
        return None
    if not VOICE_VERB.match(lowered, first.end) or FIRST_PERSON.search(lowered, first.end):
        return None
    return first


def _word_sequence(phrases: list[str], ending: bool) -> re.Pattern[str]:
    """Any of the phrases, as whole words: ending the text before a cue (with up to two words
    between: "grieving for his late brother") or opening the text after it."""
    if not phrases:
        return re.compile(r"(?!x)x")
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in normalise(p).split()) for p in phrases
    )
    if ending:
        return re.compile(rf"(?<![\w'])(?:{alternatives})(?:\s+[\w']+){{0,2}}\s+$")
    return re.compile(rf"^(?:'s|')?[\s,]+(?:{alternatives})(?![\w'])")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Within a span that begins before `position` ("no one" is not negated by its own "no")."""
    return any(start < position < end for start, end in spans)


def _habitual(tokens: list[re.Match[str]], n: int) -> bool:
    """ "never drinks at home", "no longer uses at work", "denies using at home": the habit is
    negated, with its setting (one night's "didn't drink at the pub" leaves the pub)."""
    word = tokens[n].group(0)
    return word in ("never", "denies", "denied") or (
        word == "no" and n + 1 < len(tokens) and tokens[n + 1].group(0) == "longer"
    )


def _sentence_start(lowered: str, position: int) -> int:
    """Just before the first character of the sentence holding `position` (a span reaches
    what lies strictly after its start)."""
    ends = [m.end() for m in SENTENCE_END.finditer(lowered, 0, position)]
    return (ends[-1] if ends else 0) - 1


def _clauses(lowered: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch between clause punctuation."""
    bounds = [0, *(m.start() for m in CLAUSE_PUNCTUATION.finditer(lowered)), len(lowered)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _longest_without_overlap(candidates: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for match in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
