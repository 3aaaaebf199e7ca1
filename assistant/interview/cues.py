"""Free-text answers to tagged cues: the lexicon first, the embedding model for what it misses.

1. Lexicon phrases (prompts/cue_lexicon.yaml) become cues under the entry's canonical name,
   with the patient's wording, the span it was found at, and the entry's IDTS situation tags.
   Negated phrases (to the end of their clause), positive or neutral states ("slept well"),
   and what a worry is about ("worried about work") are not cues.
2. What is left of the answer is cut into short clauses; a clause of at least two words is
   compared with every lexicon phrase by the engine's embedder and, when it is close enough
   (`fallback.min_similarity`), becomes a cue under that entry's canonical name, in the
   category the question asks about. The model never makes up a cue name of its own, so a bare
   verb or a street description cannot become a cue, and one concept has one name.
3. When the question says what kind of cue its answer is (`answer_is`: "Where?") and nothing of
   that kind was found, the answer's first clause is the cue: "Dave's boat" is a place.

Every cue carries IDTS tags, or NONE_FITS when no situation type fits. What is not words about
the patient is never a cue: the PHI guard's placeholders ([NAME], [URL]), Slack's tokens and
handles (<@U0BOB>, @U0BOB, #ward), links and email addresses are clause breaks before matching.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.interview.lexicon import (
    NOT_A_CUE,
    SENTENCE_END,
    TOKEN,
    Lexicon,
    Match,
    Matcher,
    normalise,
    phrase_regex,
)
from assistant.interview.models import CATEGORY_KINDS, NONE_FITS, Cue, CueSource
from assistant.interview.polarity import is_positive
from assistant.interview.template import Question
from assistant.privacy.recogniser import Token
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.vector_cache import embed_once

if TYPE_CHECKING:  # numpy: only when the model fallback runs, not to show a saved session
    import numpy as np

EXTRACTOR = "11"  # bumped when extraction changes meaning; stored with every cue
CLAUSE_SPLIT = re.compile(r"[|,.;:!?()\n\u2013\u2014]+|\s-\s")
NOT_WORDS = re.compile(
    r"\[[A-Z]{2,12}\](?:'s)?"  # placeholders the PHI guard leaves (and their 's)
    r"|<[^<>]*>"  # Slack tokens: <@U0BOB>, <!here>, <#C1|ward>, <https://x|label>
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|(?<![\w@])(?:@[a-z0-9][\w.-]*|#[a-z][\w-]*)"  # handles, channels: @U0BOB, #ward
    r"|(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S*",  # links
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"'s?$")
# A person the PHI guard named "[NAME]" is someone who was there ("on the phone to [NAME]"),
# not when the name owns a thing ("[NAME]'s flat") or is the one reporting ("[NAME] says").
NAMED_PERSON = re.compile(
    r"\[NAME\](?!'s?\b|\s+(?:says|said|reports|reported|states|stated|told|tells|denies|"
    r"describes|described)\b)"
    # nor a name that is a thing or a place the guard took for one: "the leftover [NAME]",
    # "back in [NAME]", "[NAME] appointment", "the [NAME] scale"
    r"(?!\s+(?:appointment|clinic|surgery|practice|hospital|ward|centre|center|road|street|"
    r"avenue|lane|station|park|estate|scale|test|syndrome|criteria)\b)"
)
NAMED_THING = re.compile(
    r"\b(?:the|a|an|some|this|that|leftover|in|back in|near|into)\s+$", re.IGNORECASE
)
SETTINGS = ("place", "time", "people")  # what a calm clause's setting is not
DRINKING_PLACES = {"urges_and_temptations", "pleasant_times_with_others"}  # IDTS of a pub, an offy
LANDMARK = re.compile(
    r"(?:'s)?\s+(?:on|by|near|behind|off|of|beside|opposite|next to|outside|across from|round|"
    r"round the back of|at the back of|at the end of)\s+(?:the|a|an|his|her|their|my|our)?\s*"
)  # "the arcade on the seafront": what lies between a place and its landmark
OWNER_NAMED = re.compile(r",?\s*\[NAME\]'s?\s+\w")
# A message or an acquaintance from a place: "letter from the job centre", "knows him from the
# clinic".
SOURCE_BEFORE = re.compile(
    r"\b(?:letter|call|phone call|text|message|email|note|leaflet|invite|invitation|"
    r"knows?(?: (?:him|her|them))?|knew(?: (?:him|her|them))?)\s+from\s+"
    r"(?:the|a|an|his|her|their|my|our)?\s*$"
)
SENSED_FROM = re.compile(
    r"\b(?:smell|smells|whiff|stink|stench|reek|noise|noises|sound|sounds|music|smoke|advert|adverts|"
    r"ad|ads|advertising|billboard|poster|posters)\b(?:\s+[\w'-]+){0,3}?\s+(?:coming\s+)?(?:from|for)"
    r"\s+(?:the|a|an|his|her|their|my|our|next door's)?\s*$"
)
# A routine given up: "used to be after work every day, but hasn't done that since he changed
# jobs". What it was is no cue now; what follows the "but" may be.
GIVEN_UP = re.compile(
    r"\bused to\b[^.;!?]*?(?=\b(?:but|though|although)\b[^.;!?]*?(?:\bnot\b|n't\b|\bno longer\b|"
    r"\bnever\b|\bstopped\b|\bany ?more\b|\bgave (?:it|that) up\b))"
    # "used to stop at the Red Lion every night; now takes the other route", "my nan used to
    # drink with me. now it's random people": what now is, is what follows
    r"|\bused to\b[^\n]{0,120}?(?=[,;.]\s*(?:but\s+)?\b(?:now|nowadays|these days)\b)",
    re.IGNORECASE,
)
# A denied thought is none: "no thoughts of using", "denies thinking about it".
THOUGHT_DENIED = re.compile(
    r"\b(?:no|denies|denied|without|not having|never has|never had|not|never|wasn't|was not|"
    r"weren't|isn't|didn't|did not)\s+(?:\w+\s+){0,2}(?:thoughts?|thinking|think)\b",
    re.IGNORECASE,
)
# Someone else's, said so: "it was my cousin who got the bad news, not me", "it was his sister
# who lost her job, not him". The sentence up to "not me" is another person's story; its cues
# are not the patient's. ("With her sister, not him" says who she was with: only a cleft
# sentence reads so in the third person.)
NOT_ME = re.compile(
    r"[^.;!?\n]*?,?\s*\bnot (?:me|mine|myself)\b"
    r"|\bit was [^.;!?\n]*?\bwho\b[^.;!?\n]*?,?\s*\bnot (?:him|her|them|the patient|pt)\b",
    re.IGNORECASE,
)
# What did not happen: "if I'd gone to the pub I'd have ended up on the coke, so I stayed home".
# The clause runs to the sentence's end or to what did happen ("so", "but", "instead").
COUNTERFACTUAL = re.compile(
    r"\bif (?:i|he|she|they|we|you|pt)(?:'d| had)\b[^.;!?\n]*?(?=[.;!?\n]|,?\s*\b(?:so|but|"
    r"instead)\b|$)",
    re.IGNORECASE,
)
# No trigger, said so: "pt denies any trigger", "she's lovely, not a trigger at all". Where and
# when it was, and with whom, then is no cue, unless a later "but" or "then" says what was.
TRIGGER_DENIED = re.compile(
    r"\b(?:denies|denied|no|not|nothing|wasn't|isn't|never) (?:any |a |an |obvious |clear |"
    r"particular |real |the )*(?:trigger|triggers|triggered)\b",
    re.IGNORECASE,
)
TRIGGER_AFTER = re.compile(r"\b(?:but|then|until|except|apart from|although)\b", re.IGNORECASE)
# Nobody was there: what else a "who" answer names ("just me and the telly") is no company.
ALONE = re.compile(
    r"\b(?:alone|on (?:my|his|her|their) own|by (?:my|him|her|them)sel(?:f|ves)|just me|"
    r"no ?one|no-one|nobody|(?:wasn't|weren't|was not|not|never) with any(?:one|body)|"
    r"(?:didn't|did not|hadn't) (?:see|seen) any(?:one|body))\b",
    re.IGNORECASE,
)
NAMED = "[NAME]"  # the cue's text: the clinician knows who, the record never does
# What the patient thought, in their words: a quote after a verb of thinking ("she thought
# 'what's the point'", "told himself \"just tonight\"") or what they pictured ("kept picturing
# the bottle under the sink"), when no thought of the lexicon was found in it.
QUOTE_GAP = 3  # between a verb of thinking and the quote it opens: " '", ": \""
PICTURING = re.compile(r"picturing|imagining|fantasi|visuali", re.IGNORECASE)
QUOTED_THOUGHT = re.compile(
    r"\b(?:thought|thinks|thinking|think|ruminating|ruminates|ruminated|ruminating on|"
    r"told (?:him|her|my|them)sel(?:f|ves)|tells? "
    r"(?:him|her|my)self|says? to (?:him|her|my)self|said to (?:him|her|my)self|goes|went)"
    r"[,:]?\s+(['\"])((?:[^'\"\n]|(?<=\w)'(?=\w)){3,80}?)\1(?!\w)"
    r"|\b(?:kept |keeps |was |is )?(?:picturing|imagining|fantasi[sz]ing about|visuali[sz]ing)"
    r"\s+([^,.;:!?\n]{3,60})",
    re.IGNORECASE,
)
NOUNS_ONLY = ("place", "people")  # their words as verbs are no cues: "she works", "he trains"
CONTENT = ("NN", "JJ", "CD")  # Penn tags of a word that names something
# The part of a place a noun after it may name: "school gates", "pub toilets", "station steps".
PLACE_PARTS = frozenset(
    "gate gates entrance door doors doorway steps stairs stairwell yard garden toilets toilet "
    "loos queue foyer lobby reception corridor roof balcony kitchen lounge counter aisle window "
    "front back grounds field pitch terrace forecourt bins shelter platform exit".split()
)
THING = ("NN", "CD")  # an external cue names a thing: "a random" or "so bad" names none
THOUGHT_CONTENT = (*CONTENT, "VB")
TEMPTATION = "urges_and_temptations"  # the IDTS type of a dealer: their things are cues too
OWNED_WITH = ("event", "people")  # "his brother's barbecue", "his brother's mates": there
NO_ONE = frozenset({"nobody", "no one", "noone", "no-one"})
THOUGHT_LENGTH = 3  # a thought may run to three times a cue phrase's words
DENIALS = frozenset(
    {"no", "not", "nothing", "none", "nah", "nope", "never", "wasn't", "didn't", "wasnt", "didnt"}
)
# Words around a thought that are not the thought: "I think, ...", "kept thinking, ..."
THINKING = frozenset(
    "think thinks thought thinking reckon reckoned guess suppose wonder wondered figured "
    "kept keep keeps just like said says".split()
)
COPING_SETTINGS = frozenset({"sponsor", "helpline", "keyworker", "meditation"})
# A coping step the patient was coming back from ("on my way back from my AA meeting") is over:
# where the craving came is no calm scene.
COMING_FROM = re.compile(r"\b(?:from|after)\s+(?:my|his|her|their|the|a|an)?\s*$")
# A time or place that dates or measures something else is not when or where the craving came:
# "hasn't been in one since March", "not seen them since rehab", "insomnia x3 nights".
DATED_BY = ("time", "place")
NOT_WHEN = re.compile(r"(?:\bsince|\bx\s?\d+|\bfor the (?:past|last)(?: \w+)?)\s+(?:the\s+)?$")
# A drink or drug bought or taken is the use, not a cue seen: "stops for fuel, buys cans",
# "like when I used to be on pills", "the lads all go for a pint", "came out with a bottle".
# (Others drinking it, or ordering it, are in sight.)
CONSUMED = re.compile(
    r"\b(?:buys?|bought|buying|(?:be|been|was|were|is|am|are|being|get|got|gets)\s+on|"
    r"(?:go|goes|went|going|gone|out|off)\s+for|(?:came|come|comes|walked|walks)\s+out\s+with|"
    r"(?:ran|run|runs|running)\s+out\s+of|(?:prescription|script|dose)\s+(?:for|of)|"
    r"(?:taking|take|takes|took)\s+(?:my|his|her|their))\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)
# ... and one that ran out was not in sight either: "Tramadol ran out"
RAN_OUT = re.compile(r"\s+(?:ran|runs|run|running|had run)\s+out\b")
# What a smell is of is the smell: "could smell the beer from the street" is one cue
SMELLS = ("smell", "smelt", "whiff", "stink", "stench")
SMELL_OF = re.compile(r"^\s+(?:of\s+)?(?:the\s+|a\s+|some\s+|that\s+)?$")
# What the patient saw or heard is a sensory cue, not where they were: "seeing the needle
# exchange van", "hearing the ice cream van". A person seen stays a person.
PERCEIVED = re.compile(
    r"\b(?:see|seeing|saw|sees|seen|spotted|spotting|noticed|noticing|hearing|heard|hears|"
    r"smelling|smelled|smelt)\s+(?:the|a|an|that|this|those|his|her|my|their|our|some)?\s*"
    r"(?:(?!(?:on|in|at|by|near|outside|from|to|into|round|behind|off|up|down|over|past|of|with|"
    r"and|or)\b)[\w'-]+\s+){0,3}$"
)
# How often is not when: "my ex turning up at the school gates. every time."
HOW_OFTEN = re.compile(
    r"\b(?:every|each)(?: single)? time\b|\ball the time\b|\bevery now and (?:then|again)\b|"
    r"\bwithout fail\b|\bmost of the time\b",
    re.IGNORECASE,
)
# The craving's own course, rated or passing, is what the map leads to, not a cue before it:
# "urge 8/10", "urge passed in about 20 min", "cravings eased", "no urge".
CRAVING_COURSE = re.compile(
    r"\b(?:urges?|cravings?)\b.*(?:\d+\s*(?:/|\s|out of)\s*10\b|"
    r"\b(?:rated|passed|passes|eased|eases|subsided|subsides|faded|fades|dropped|drops|settled|"
    r"lasted|peaked|went away|gone|managed)\b)"
    r"|^no (?:urges?|cravings?)\b"
)
# What would happen, if: "if I ever got invited to a wedding again I think that would be it",
# "hypothetically if she left me I'd be straight back on it". A habit ("if I'm with him I'd
# usually have a few") is no hypothesis.
HYPOTHETICAL_IF = re.compile(r"\b(?:if|hypothetically)\b", re.IGNORECASE)
HYPOTHETICAL_WOULD = re.compile(r"\b(?:would|wd|i'd|id|he'd|she'd|they'd|that'd)\b", re.IGNORECASE)
HABIT = re.compile(r"\b(?:usually|always|normally|often|used to|every)\b", re.IGNORECASE)
TURN = re.compile(r"\b(?:but|so|instead|then)\b", re.IGNORECASE)
# Someone's home where the patient was: "I'd been at my mam's", "being at [NAME]'s".
SOMEONES_PLACE = re.compile(
    r"\b(?:i|i'd|i've|i'm|im|we|we'd|he|she|he'd|she'd|pt|being|been)\b[^,.;:!?\n]{0,25}?"
    r"\b(?:at|round|round at|round to|over at|over to|back at|back to)\s+"
    r"(?P<home>(?:(?:my|his|her|their|our|the)\s+)?(?P<owner>(?:\[NAME\]|[a-z][\w-]*)'s))(?![\w'])",
    re.IGNORECASE,
)
# A likeness is no scene: "heart racing like before a fight", "shaky like after a bender".
SIMILE = re.compile(r"\blike\s+(?:before|after|during)\b[^,.;:!?\n]*", re.IGNORECASE)
# People the patient is out of touch with, said after naming them: "Pt identifies [NAME]
# (dealer) and ex-partner. No longer in contact with either."
OUT_OF_TOUCH = re.compile(
    r"\b(?:no longer|not|no|don't|doesn't|hasn't|haven't|never|nothing)\b[^.;!?\n]{0,20}?"
    r"\b(?:contact|in touch|see|sees|seen|speak|speaks|spoken|talk|talks|to do)\b[^.;!?\n]{0,12}?"
    r"\b(?:either|both|any of them|either of them|neither|them|those)\b",
    re.IGNORECASE,
)
# "no one from the old group": not alone, out of touch with the group
NO_ONE_FROM = re.compile(r"\s+(?:from|of)\b")
# "after work review meeting", "after work drinks": "work" qualifies what comes after
AFTER_WORK_OF = re.compile(r"after work$", re.IGNORECASE)
# IDTS types of an event that comes with cravings, not with a good day
HARD_TIMES = frozenset(
    {
        "unpleasant_emotions",
        "physical_discomfort",
        "conflict_with_others",
        "urges_and_temptations",
        "social_pressure_to_use",
    }
)
VERDICT_WORDS = 6  # "It's a good routine.": a verdict on the sentence before it
Tagger = Callable[[str], list[Token]]
CACHED_ANSWERS = 2048


@dataclass(frozen=True)
class Found:
    """A cue before it is placed in an episode: canonical name, patient's wording, span."""

    category: str
    text: str
    situations: tuple[str, ...]
    source: CueSource
    wording: str = ""
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Prototypes:
    vectors: np.ndarray
    categories: list[str]
    situations: list[tuple[str, ...]]
    names: list[str]  # the entry each phrase belongs to (its canonical cue)


@dataclass(frozen=True)
class Leftover:
    phrase: str
    start: int
    end: int


class CueExtractor:
    def __init__(
        self, lexicon: Lexicon, embedder: Embedder | None = None, tagger: Tagger | None = None
    ) -> None:
        self.lexicon = lexicon
        self.matcher = Matcher(lexicon)
        self._embedder = embedder
        self._tagger = tagger or _spacy_tags
        self._filler = {normalise(w) for w in lexicon.filler}
        self._breaks = {normalise(w) for w in lexicon.clause_breaks}
        self._non_answers = {normalise(w) for w in lexicon.non_answers}
        self._use = {normalise(w) for w in lexicon.use_words}
        self._prototypes: Prototypes | None = None
        self._cache: OrderedDict[tuple[str, tuple[str, ...], str | None], list[Found]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        return f"{EXTRACTOR}.{self.lexicon.version}"

    def extract(self, text: str, question: Question, episode: int) -> list[Cue]:
        if not question.cues or not text.strip():
            return []
        return [
            Cue(
                category=f.category,
                kind=CATEGORY_KINDS[f.category],
                text=f.text,
                question_id=question.id,
                episode=episode,
                situation_tags=list(f.situations) or [NONE_FITS],
                source=f.source,
                wording=f.wording or f.text,
                span=f.span,
                extractor=self.version,
            )
            for f in self.find(text, tuple(question.cues), question.answer_is)
        ]

    def tags_for(self, category: str, text: str) -> list[str]:
        """IDTS tags for a cue the clinician typed: its lexicon entry's, else its category's."""
        for match in self.matcher.find(text):
            if match.category == category and not match.negated:
                return list(match.situations)
        lexicon = self.lexicon.categories.get(category)  # type: ignore[call-overload]
        return list(lexicon.situations) if lexicon else []

    def find(
        self, text: str, categories: tuple[str, ...], answer_is: str | None = None
    ) -> list[Found]:
        key = (text, categories, answer_is)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        named = self._named_people(text)
        words = NOT_WORDS.sub(lambda m: "," * len(m.group(0)), text)  # spans stay valid
        found = self._find(words, categories, answer_is, named)
        if "place" in categories and answer_is != "thought":
            found += self._someones_places(text, found)
        found = _one_per_concept(_named_after_relation(found, named, text))
        found = [f for f in found if not _relation_of_an_owner(f, text)]
        # what was given up, someone else's story, what would have happened: not this episode
        set_aside = [(_clause_start(text, m.start()), m.end()) for m in GIVEN_UP.finditer(text)]
        set_aside += [m.span() for m in NOT_ME.finditer(text)]
        set_aside += [m.span() for m in COUNTERFACTUAL.finditer(text)]
        set_aside += _hypotheses(text)
        set_aside += [m.span() for m in SIMILE.finditer(text)]
        out_of_touch = _out_of_touch(text)
        found = [
            f
            for f in found
            if not (
                f.category == "people"
                and f.span
                and any(a <= f.span[0] < b for a, b in out_of_touch)
            )
        ]
        if denied := TRIGGER_DENIED.search(text):
            after = TRIGGER_AFTER.search(text, denied.end())
            end = after.start() if after else len(text)
            found = [
                f for f in found if not (f.category in SETTINGS and f.span and f.span[0] < end)
            ]
        found = [
            f
            for f in found
            if not (f.span and any(a <= f.span[0] < b for a, b in set_aside))
            and not (f.category == "thought" and THOUGHT_DENIED.search(f.wording or f.text))
        ]
        with self._lock:
            self._cache[key] = found
            if len(self._cache) > CACHED_ANSWERS:
                self._cache.popitem(last=False)
        return found

    def _quoted_thoughts(self, text: str, found: list[Found]) -> list[Found]:
        """Thoughts quoted or pictured (QUOTED_THOUGHT) that hold no thought already found."""
        thoughts = [f.span for f in found if f.category == "thought" and f.span]
        thought = self.lexicon.categories.get("thought")  # type: ignore[call-overload]
        situations = tuple(thought.situations) if thought else ()
        quoted = []
        for m in QUOTED_THOUGHT.finditer(normalise(text)):
            if m.group(2):
                start, end = m.span(2)
            else:  # "picturing the bottle under the sink": the picturing is the thought
                start, end = m.span(0)
                start += PICTURING.search(m.group(0)).start()  # type: ignore[union-attr]
            if any(a < end and start < b for a, b in thoughts):
                continue
            wording = text[start:end].strip()
            quoted.append(Found("thought", wording, situations, "answer", wording, (start, end)))
        return quoted

    def _calm_clauses(self, text: str, matches: list[Match]) -> list[tuple[int, int]]:
        """The clauses holding a calm or good state ("at work he is fine", "relaxed after the
        gym on Wednesday") or a coping step ("went to a meeting instead", "stayed in with her
        sister"): where and when it was, and with whom, is no setting of a craving. A clause
        runs between punctuation and the conjunctions that end a negation."""
        lowered = normalise(text)
        bounds = [0, len(text)]
        bounds += [m.start() for m in CLAUSE_SPLIT.finditer(lowered)]
        bounds += [
            t.start() for t in TOKEN.finditer(lowered) if t.group(0) in self.matcher.clause_ends
        ]
        bounds.sort()
        held = [(m.start, m.end) for m in matches if m.category == NOT_A_CUE and not m.negated]
        negated = self.matcher.negated_spans(lowered)
        for regex in self._coping:
            held += [
                m.span()
                for m in regex.finditer(lowered)
                if not any(a < m.start() < b for a, b in negated)
                and not COMING_FROM.search(lowered, 0, m.start())
            ]
        clauses = [
            (max(b for b in bounds if b <= start), min(b for b in bounds if b >= end))
            for start, end in held
        ]
        sentences = [0, *(m.end() for m in SENTENCE_END.finditer(lowered)), len(text)]
        for regex in self._protective:  # "the gym in the morning keeps me right": the sentence
            for m in regex.finditer(lowered):
                if not any(a < m.start() < b for a, b in negated):
                    start = max(b for b in sentences if b <= m.start())
                    clauses.append((start, min(b for b in sentences if b >= m.end())))
        return clauses

    def _calm_sentences(self, text: str, matches: list[Match]) -> list[tuple[int, int]]:
        """Sentences (up to a turn: "but", "then", "until") that hold good states and nothing a
        craving comes with ("Slept well, attending gym daily, feels calm.", "we had a
        laugh and it was grand"): no place, time, person or event in them is a scene of craving.
        A short verdict after one ("It's a good routine.") makes the sentence before it calm."""
        lowered = normalise(text)
        bounds = sorted(
            {0, len(text)}
            | {m.end() for m in SENTENCE_END.finditer(lowered)}
            | {m.start() for m in TRIGGER_AFTER.finditer(lowered)}
        )
        negated = self.matcher.negated_spans(lowered)
        craving = [
            t.start()
            for t in TOKEN.finditer(lowered)
            if t.group(0) in self._craving and not any(a < t.start() < b for a, b in negated)
        ]
        verdicts = [m.start() for r in self._protective for m in r.finditer(lowered)]
        calm: list[tuple[int, int]] = []
        previous: tuple[int, int, bool] | None = None  # start, end, and whether it held no harm
        for start, end in zip(bounds, bounds[1:], strict=False):
            inside = [m for m in matches if start <= m.start < end and not m.negated]
            good = any(m.category == NOT_A_CUE and is_positive(m.text) for m in inside) or any(
                start <= v < end for v in verdicts
            )
            bad = any(self._comes_with_craving(m) for m in inside) or any(
                start <= c < end for c in craving
            )
            if good and not bad:
                short = len(TOKEN.findall(lowered[start:end])) <= VERDICT_WORDS
                if short and previous and previous[2] and any(start <= v < end for v in verdicts):
                    calm.append(previous[:2])
                calm.append((start, end))
            previous = (start, end, not bad)
        return calm

    def _comes_with_craving(self, m: Match) -> bool:
        """A state or thing that comes with a craving: an unpleasant feeling, a body state, a
        thought, a thing seen, an event of a hard kind (a row, a redundancy, payday)."""
        if m.category == "emotion":
            return not set(m.situations) & set(self.lexicon.fallback.pleasant)
        if m.category == "event":
            return bool(set(m.situations) & HARD_TIMES)
        return m.category in ("body", "thought", "sensory")

    def _scene_of_a_good_time(self, m: Match) -> bool:
        """What a calm sentence's scene is made of: where, when, with whom, what happened, and
        a pleasant feeling."""
        if m.category == "emotion":
            return bool(set(m.situations) & set(self.lexicon.fallback.pleasant))
        return m.category in (*SETTINGS, "event")

    @cached_property
    def _craving(self) -> frozenset[str]:
        return frozenset(normalise(w) for w in self.lexicon.craving_words)

    @cached_property
    def _protective(self) -> list[re.Pattern[str]]:
        return [phrase_regex(p) for p in self.lexicon.protective]

    @cached_property
    def _coping(self) -> list[re.Pattern[str]]:
        """Coping steps that set a scene ("went to a meeting", "stayed in", "rang her sponsor"): the
        lexicon's coping phrases of two words or more, and its one-word nouns. A one-word verb
        ("left", "walked") says nothing of where the patient was, nor does "gym": a craving can
        come on at the gym."""
        phrases = self.lexicon.actions.coping
        return [phrase_regex(p) for p in phrases if len(p.split()) > 1 or p in COPING_SETTINGS]

    def _perceived(self, m: Match, text: str) -> Found:
        """A lexicon match as found; a thing seen or heard where a place was read ("hearing the
        ice cream van") is a sensory cue, worded from the noun phrase's first word."""
        span = (m.start, m.end)
        seen = PERCEIVED.search(normalise(text), 0, m.start) if m.category == "place" else None
        if seen is None:
            return Found(m.category, m.text, m.situations, "lexicon", text[m.start : m.end], span)
        words = list(TOKEN.finditer(normalise(text), seen.start(), m.start))[1:]
        start = next((w.start() for w in words if w.group(0) not in self._filler), m.start)
        sensory = self.lexicon.categories.get("sensory")  # type: ignore[call-overload]
        wording = text[start : m.end]
        situations = tuple(sensory.situations) if sensory else ()
        return Found("sensory", normalise(wording), situations, "lexicon", wording, (start, m.end))

    def _someones_places(self, text: str, found: list[Found]) -> list[Found]:
        """ "I'd been at my mam's", "being at [NAME]'s": someone's home, where the patient was,
        is a place (the kids "at their dad's" were somewhere the patient was not)."""
        place = self.lexicon.categories.get("place")  # type: ignore[call-overload]
        situations = tuple(place.situations) if place else ()
        places: list[Found] = []
        tags = _Tags(text, self._tagger)
        for m in SOMEONES_PLACE.finditer(text):
            start, end = m.span("home")
            after = next((t for t in tags.tokens if t.start >= end), None)
            if after is not None and after.tag.startswith("NN") and after.start <= end + 1:
                continue  # "at his cousin's house": the house is the place
            if any(
                f.category == "place" and f.span and f.span[0] <= start < f.span[1] for f in found
            ):
                continue
            wording = text[start:end]
            owner = normalise(m.group("owner"))
            places.append(Found("place", owner, situations, "lexicon", wording, (start, end)))
        return places

    def _named_people(self, text: str) -> list[Found]:
        """Someone the PHI guard redacted, as a person who was there (see NAMED_PERSON), unless
        a negation reaches them ("wasn't with [NAME]")."""
        people = self.lexicon.categories.get("people")
        situations = tuple(people.situations) if people else ()
        as_words = normalise(text.replace(NAMED, "person"))  # same length: spans stay valid
        negated = self.matcher.negated_spans(as_words)
        return [
            Found("people", NAMED, situations, "lexicon", NAMED, (m.start(), m.end()))
            for m in NAMED_PERSON.finditer(text)
            if not any(start <= m.start() < end for start, end in negated)
            and not NAMED_THING.search(text[max(0, m.start() - 12) : m.start()])
        ]

    def _find(
        self, text: str, categories: tuple[str, ...], answer_is: str | None, named: list[Found]
    ) -> list[Found]:
        if normalise(text).strip(" .!") in self._non_answers:
            return []
        matches = self.matcher.find(text)
        tags = _Tags(text, self._tagger)
        matches = [  # "she works", "the house sale", "a work dinner": other words
            m
            for m in matches
            if not tags.not_a_noun_here(m)
            and not tags.names_a_kind(m, matches, self._filler)
            and not tags.qualifies_a_noun(m)
            and not _no_one_from(m, text)
            and not _qualifies_a_person(m, matches, text)
        ]
        calm = self._calm_clauses(text, matches)
        calm_sentences = self._calm_sentences(text, matches)
        # "[NAME] fine", "went to [NAME]'s meeting instead": no one there for a craving (the
        # caller's list, which find() places after this)
        named[:] = [n for n in named if not (n.span and any(a <= n.span[0] < b for a, b in calm))]
        lowered = normalise(text)
        matches = _smells_with_what_was_smelt(matches, lowered)
        found = [
            self._perceived(m, text)
            for m in _addresses_dropped(_sources_dropped(matches, text), text)
            if not m.negated
            and m.category != NOT_A_CUE
            and not tags.only_an_owner(m, matches)
            and not (m.category in SETTINGS and any(a <= m.start < b for a, b in calm))
            and not (
                self._scene_of_a_good_time(m) and any(a <= m.start < b for a, b in calm_sentences)
            )
            and not (m.category in DATED_BY and NOT_WHEN.search(lowered, 0, m.start))
            and not (m.category == "sensory" and CONSUMED.search(lowered, 0, m.start))
            and not (m.category == "sensory" and RAN_OUT.match(lowered, m.end))
        ]
        quoted = self._quoted_thoughts(text, found)
        if quoted:  # the bottle she pictured is not one she saw, "tonight" not when it was
            inside = [q.span for q in quoted if q.span]
            found = [
                f
                for f in found
                if not f.span
                or (
                    f.category == "thought"  # "ruminating 'they've all got it in for me'": the
                    and not any(0 <= a - f.span[1] <= QUOTE_GAP for a, _ in inside)  # words
                )
                or (
                    f.category != "thought"
                    and not any(a <= f.span[0] and f.span[1] <= b for a, b in inside)
                )
            ]
            found += quoted
        leftovers = self.leftovers(text, matches)
        found += self._by_similarity(text, leftovers, categories, tags)
        if answer_is == "thought":
            # What the patient thought is one sentence, negations, places and people and all:
            # "everyone at the party would think I'm boring" is a thought, not a party.
            found = [f for f in found if f.category == "thought"]
            longest = self.lexicon.fallback.max_words * THOUGHT_LENGTH
            thoughts = [m for m in matches if m.category == "thought"]
            leftovers = self.leftovers(text, thoughts, negations=False, longest=longest)
        if answer_is and not any(f.category == answer_is for f in [*found, *named]):
            states = any(m.category == NOT_A_CUE and not m.negated for m in matches)
            if not states:  # "pretty chilled actually": a neutral state answered it
                found += self._whole_answer(text, leftovers, answer_is, tags)
        return _one_per_concept(found)

    def leftovers(
        self, text: str, matches: list[Match], negations: bool = True, longest: int | None = None
    ) -> list[Leftover]:
        """Short clauses (`longest` words at most) of the answer that no lexicon phrase covered,
        filler trimmed; nothing a negation reaches (unless `negations` is False)."""
        lowered = normalise(text)
        chars = list(lowered)
        for m in matches:
            chars[m.start : m.end] = "|" * (m.end - m.start)
        for start, end in self.matcher.negated_spans(lowered) if negations else []:
            start = max(start, 0)  # a span from the first sentence's start begins at -1
            chars[start:end] = "|" * (end - start)
        for often in HOW_OFTEN.finditer(lowered):  # "every single time": how often, not when
            chars[often.start() : often.end()] = "|" * (often.end() - often.start())
        masked = "".join(chars)
        pieces: list[list[re.Match[str]]] = [[]]
        for token in TOKEN.finditer(masked):
            between = masked[pieces[-1][-1].end() : token.start()] if pieces[-1] else ""
            if token.group(0) in self._breaks or CLAUSE_SPLIT.search(between):
                pieces.append([])
            if token.group(0) not in self._breaks:
                pieces[-1].append(token)
        longest = longest or self.lexicon.fallback.max_words
        return [leftover for tokens in pieces if (leftover := self._phrase(tokens, longest))]

    def _phrase(self, tokens: list[re.Match[str]], longest: int) -> Leftover | None:
        while tokens and tokens[0].group(0) in self._filler:
            tokens = tokens[1:]
        while tokens and tokens[-1].group(0) in self._filler:
            tokens = tokens[:-1]
        if not tokens or len(tokens) > longest:
            return None
        return Leftover(" ".join(t.group(0) for t in tokens), tokens[0].start(), tokens[-1].end())

    def _by_similarity(
        self, text: str, leftovers: list[Leftover], categories: tuple[str, ...], tags: _Tags
    ) -> list[Found]:
        # never a lone word, nor words that name nothing ("walking through", "drive past"), nor
        # the use itself ("smoked cannabis", "drank four cans")
        phrases = [
            lo
            for lo in leftovers
            if " " in lo.phrase
            and tags.has(lo.start, lo.end, CONTENT)
            and lo.phrase.split()[0] not in self._use
            and not CRAVING_COURSE.search(lo.phrase)
        ]
        if not phrases or self._embedder is None:
            return []
        protos = self.prototypes()
        import numpy as np

        allowed = np.array([c in categories for c in protos.categories])
        if not allowed.any():
            return []
        sims = self._embedder.embed([lo.phrase for lo in phrases]) @ protos.vectors.T
        sims[:, ~allowed] = -1.0
        found = []
        for leftover, row in zip(phrases, sims, strict=True):
            best = int(np.argmax(row))
            if protos.categories[best] == "body" and is_positive(leftover.phrase):
                continue  # "full of energy" may sit near "no energy"; a good state is no cue
            external = CATEGORY_KINDS[protos.categories[best]] == "external"
            if external and not tags.has(leftover.start, leftover.end, THING):
                continue
            if row[best] >= self.lexicon.fallback.min_similarity:
                span = (leftover.start, leftover.end)
                found.append(
                    Found(
                        protos.categories[best],
                        protos.names[best],
                        protos.situations[best],
                        "model",
                        text[span[0] : span[1]],
                        span,
                    )
                )
        return found

    def _whole_answer(
        self, text: str, leftovers: list[Leftover], category: str, tags: _Tags
    ) -> list[Found]:
        """The first clause of a short answer to a question that says what its answer is,
        when it names something (a noun, an adjective, a number, a verb for a thought): never
        a bare "actually" or "I'll", nor a denial ("no thoughts, just did it")."""
        longest = self.lexicon.fallback.max_words * (THOUGHT_LENGTH if category == "thought" else 2)
        if not leftovers or len(TOKEN.findall(normalise(text))) > longest:
            return []
        content = THOUGHT_CONTENT if category == "thought" else CONTENT
        if category == "thought":  # "I think, why not, my life is broken": what follows the verb
            leftovers = [
                f
                for f in leftovers
                if not set(f.phrase.split()) <= THINKING and tags.has(f.start, f.end, content)
            ] or leftovers
        first = leftovers[0]
        if not tags.has(first.start, first.end, content) or first.phrase.split()[0] in DENIALS:
            return []
        if first.phrase in self._non_answers:  # "dunno", "no clue": nothing was named
            return []
        if category == "thought" and THOUGHT_DENIED.search(text):  # "wasn't thinking of it"
            return []
        if category == "people" and ALONE.search(text):  # "just me and the telly": nobody
            return []
        positive = category in ("body", "emotion") and is_positive(first.phrase)
        if positive and category == "body":
            return []  # "energetic", "full of life": a good state, not a cue
        lexicon = self.lexicon.categories.get(category)  # type: ignore[call-overload]
        situations = lexicon.situations if lexicon else []
        if positive:  # "hopeful", "chuffed": a pleasant emotion
            situations = self.lexicon.fallback.pleasant
        wording = text[first.start : first.end]
        return [
            Found(
                category,
                first.phrase,
                tuple(situations),
                "answer",
                wording,
                (first.start, first.end),
            )
        ]

    def prototypes(self) -> Prototypes:
        """Every lexicon phrase embedded once, with its category, entry and situation tags."""
        assert self._embedder is not None
        with self._lock:
            if self._prototypes is None:
                phrases: list[str] = []
                categories: list[str] = []
                situations: list[tuple[str, ...]] = []
                names: list[str] = []
                for category, lexicon in self.lexicon.categories.items():
                    for entry in lexicon.entries:
                        labels = [entry.cue] if entry.cue else []
                        for phrase in dict.fromkeys(normalise(p) for p in [*labels, *entry.words]):
                            phrases.append(phrase)
                            categories.append(category)
                            situations.append(tuple(entry.situations or lexicon.situations))
                            names.append(entry.cue or normalise(entry.words[0]))
                vectors = embed_once(self._embedder, phrases)  # on disk after the first time
                self._prototypes = Prototypes(vectors, categories, situations, names)
            return self._prototypes


class _Tags:
    """The answer's part-of-speech tags (spaCy's small English tagger, run once, when asked)."""

    def __init__(self, text: str, tagger: Tagger) -> None:
        self._text = text
        self._tagger = tagger
        self._tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = self._tagger(self._text)
        return self._tokens

    def has(self, start: int, end: int, prefixes: tuple[str, ...]) -> bool:
        return any(start <= t.start < end and t.tag.startswith(prefixes) for t in self.tokens)

    def not_a_noun_here(self, match: Match) -> bool:
        """A place or person word used otherwise: a verb ("where she works", "trains at the
        gym"), or "nobody" as the subject of a verb ("nobody cares": a thought, not alone)."""
        if match.category not in NOUNS_ONLY:
            return False
        wording = normalise(self._text[match.start : match.end])
        if wording in NO_ONE:  # "nobody cares", "no one she knew": a pronoun, not company
            after = [t.tag for t in self.tokens if t.start >= match.end][:2]
            return bool(after) and (
                after[0].startswith(("VB", "MD"))
                or (after[0] == "PRP" and len(after) > 1 and after[1].startswith(("VB", "MD")))
            )
        inside = [t for t in self.tokens if match.start <= t.start < match.end]
        after = next((t for t in self.tokens if t.start >= match.end), None)
        if match.category == "people" and inside and inside[-1].tag == "JJ" and after:
            return after.tag.startswith("NN")  # "a random Wednesday": what kind, not who
        first = next((t for t in self.tokens if t.start == match.start), None)
        if " " in wording or first is None:
            return False
        if self._a_fragment(match):  # "Work. The hotel bar...": a word alone names a thing
            return False
        return first.tag.startswith("VB")  # "she works", "trains at the gym"

    def _a_fragment(self, match: Match) -> bool:
        before = self._text[: match.start].rstrip()
        after = self._text[match.end :].lstrip()
        return (not before or before[-1] in ".,;:!?-\n") and (not after or after[0] in ".,;:!?\n")

    def names_a_kind(self, match: Match, matches: list[Match], filler: set[str]) -> bool:
        """A place that qualifies the noun after it ("the house sale", "a work dinner") names a
        kind of thing, not where the patient was; one whose next noun is a place too, or a part
        of one ("car park", "pub garden", "school gates"), is a place."""
        if match.category != "place":
            return False
        after = next((t for t in self.tokens if t.start >= match.end), None)
        if after is None or after.start != match.end + 1 or not after.tag.startswith("NN"):
            return False
        word = normalise(self._text[after.start : after.end]).rstrip("/.")  # "w/": with
        if word in PLACE_PARTS or word.endswith("ing") or word in filler:  # "buying", "tbh"
            return False
        if word == "home":  # "on the bus home": where the bus was going
            return False
        return not any(m.start <= after.start < m.end and m is not match for m in matches)

    def qualifies_a_noun(self, match: Match) -> bool:
        """ "after work review meeting", "after work drinks": "work" names a kind of meeting, and
        the time is no cue; what follows is read for itself."""
        if match.category != "time" or not AFTER_WORK_OF.search(self._text, 0, match.end):
            return False
        after = next((t for t in self.tokens if t.start >= match.end), None)
        return after is not None and after.start == match.end + 1 and after.tag.startswith("NN")

    def only_an_owner(self, match: Match, matches: list[Match]) -> bool:
        """Someone named only as the owner of a place or thing ("her sister's caravan", "his
        mum's cupboard") need not have been there; the owner of an event ("his brother's
        barbecue", "her partner's birthday") was, and a dealer's car or flat is the dealer's
        signal (an urge or temptation) whoever is in it."""
        wording = normalise(self._text[match.start : match.end])
        if match.category != "people" or not wording.endswith(("'s", "s'")):
            return False
        if TEMPTATION in match.situations:
            return False
        after = next((t for t in self.tokens if t.start >= match.end), None)
        if after is None or not after.tag.startswith("NN"):
            return False
        return not any(m.start == after.start and m.category in OWNED_WITH for m in matches)


def _named_after_relation(found: list[Found], named: list[Found], text: str) -> list[Found]:
    """ "her cousin [NAME]", "my ex, [NAME]": one person, the relation's cue, worded with the
    name; a name on its own is a cue of its own."""
    merged = list(found)
    for name in named:
        assert name.span is not None
        at = next(
            (
                i
                for i, f in enumerate(merged)
                if f.category == "people" and f.span and 0 <= name.span[0] - f.span[1] <= 2
            ),
            None,
        )
        if at is None:
            merged.append(name)
            continue
        relation = merged[at]
        assert relation.span is not None
        span = (relation.span[0], name.span[1])
        merged[at] = replace(relation, wording=text[span[0] : span[1]], span=span)
    return merged


def _relation_of_an_owner(cue: Found, text: str) -> bool:
    """ "my mate [NAME]'s flat": the mate is named only as the flat's owner."""
    return (
        cue.category == "people"
        and cue.span is not None
        and OWNER_NAMED.match(text, cue.span[1]) is not None
    )


def _spacy_tags(text: str) -> list[Token]:
    from assistant.privacy.recogniser import analyse

    return analyse(text)


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts: "my nan used to drink with me" is the nan's."""
    ends = [m.end() for m in CLAUSE_SPLIT.finditer(text, 0, position)]
    return ends[-1] if ends else 0


def _smells_with_what_was_smelt(matches: list[Match], lowered: str) -> list[Match]:
    """ "smell the beer", "the smell of the cans": one cue, the smell's, worded to what was
    smelt (the beer was not in sight)."""
    kept: list[Match] = []
    for m in matches:
        smell = kept[-1] if kept else None
        if (
            smell is not None
            and m.category == smell.category == "sensory"
            and lowered[smell.start : smell.end].startswith(SMELLS)
            and SMELL_OF.match(lowered[smell.end : m.start])
        ):
            kept[-1] = replace(smell, end=m.end)
            continue
        kept.append(m)
    return kept


def _qualifies_a_person(match: Match, matches: list[Match], text: str) -> bool:
    """ "the wine mums", "beer buddies": the drink says what kind of people, none is in sight."""
    if match.category != "sensory":
        return False
    return any(
        m.category == "people" and m.start == match.end + 1 and text[match.end] == " "
        for m in matches
    )


def _no_one_from(match: Match, text: str) -> bool:
    """ "No one from the old group since I moved": out of touch with a group, not alone."""
    wording = normalise(text[match.start : match.end])
    return wording in NO_ONE and NO_ONE_FROM.match(text, match.end) is not None


def _hypotheses(text: str) -> list[tuple[int, int]]:
    """Sentences that say what would happen if ("if she left me I'd be straight back on it"), to
    a turn to what did ("but", "so", "instead", "then")."""
    spans = []
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(text))]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        sentence = text[start:end]
        if (
            (hypothesis := HYPOTHETICAL_IF.search(sentence))
            and HYPOTHETICAL_WOULD.search(sentence, hypothesis.end())
            and not HABIT.search(sentence)
        ):
            turn = TURN.search(sentence, hypothesis.end())
            spans.append((start, start + turn.start() if turn else end))
    return spans


def _out_of_touch(text: str) -> list[tuple[int, int]]:
    """From the sentence before "no longer in contact with either" to its end: whoever was
    named there is out of the patient's life."""
    spans = []
    for m in OUT_OF_TOUCH.finditer(text):
        ends = [e.end() for e in SENTENCE_END.finditer(text, 0, m.start())]
        start = ends[-2] if len(ends) > 1 else 0
        spans.append((start, m.end()))
    return spans


def _sources_dropped(matches: list[Match], text: str) -> list[Match]:
    """ "a letter from the job centre", "knows him from the clinic", "the smell of weed from a
    car", "adverts for the casino": a place a message, an acquaintance, a smell or an advert
    comes from is not where the patient was. Where people are from ("old using mates from the
    hostel") stays: a clinician notes it."""
    return [
        m
        for m in matches
        if not (
            m.category == "place"
            and (
                SOURCE_BEFORE.search(before := normalise(text[max(0, m.start - 40) : m.start]))
                or SENSED_FROM.search(before)
            )
        )
    ]


def _addresses_dropped(matches: list[Match], text: str) -> list[Match]:
    """'the bookies on the high street', 'the arcade on the seafront', 'the car park behind the
    leisure centre': the second place says where the first is; it is no cue of its own, unless
    it is a place of using or drinking itself ("the car outside the offy")."""
    places = [m for m in matches if m.category == "place" and not m.negated]
    if len(places) < 2:
        return matches
    landmarks = {
        id(later)
        for earlier, later in zip(places, places[1:], strict=False)
        if LANDMARK.fullmatch(normalise(text[earlier.end : later.start]))
        and not set(later.situations) & DRINKING_PLACES  # "the car outside the offy": a cue
    }
    return [
        m
        for m in matches
        if not (m.category == "place" and (m.text == "street" or id(m) in landmarks))
    ]


def concept(category: str, text: str) -> tuple[str, str]:
    """What makes two cues one: category and canonical name, possessives aside."""
    words = [POSSESSIVE.sub("", w) for w in normalise(text).split()]
    return category, " ".join(words)


def _one_per_concept(found: list[Found]) -> list[Found]:
    """One cue per concept, where it was first found, in the answer's order; and of two cues
    of a category where one says more ("Friday evening after work", "Friday"), the one that
    says more."""
    first: dict[tuple[str, str], Found] = {}
    for f in found:
        first.setdefault(concept(f.category, f.text), f)
    kept = [
        f
        for key, f in first.items()
        if not any(
            other[0] == key[0] and set(key[1].split()) < set(other[1].split()) for other in first
        )
    ]
    return sorted(kept, key=lambda f: f.span[0] if f.span else 0)
