"""Person names in free text: a named-entity recogniser, multilingual name lists and context.

A word starts a name when one of these holds (clinical words, drug slang and brands never do,
except right after a title or a naming cue):
- spaCy's recogniser tags it PERSON, or tags a listed, uncommon capitalised word as something
  else ("Aoife" read as an organisation);
- it follows a title ("Dr Patel", "mr o'driscoll") or a naming cue ("called X", "named X",
  "known to everyone as X", "a lad they call X", "my sister X", "my cuz X", "wife = X", "me n X"),
  in any case;
- it follows a weaker cue ("with X", "into X's", "texted X") and is a listed name;
- it is a listed name rare as an English word, in capitals or internal capitals ("McDonald",
  "DuPont", "OKAFOR"), or two such names in lower case ("maria gonzalez"), or, in any case, a
  listed name English hardly has as a word at all ("przemek", "xiaoyu");
- it is a capitalised first name, even one English uses as a word, where a person goes: after
  "met", "texted", "told" ("I met Summer"), after "with" ("with Joy"), as the subject of what
  only a person does ("Will said", "Faith picks me up", "Ivy is the only one who knows", "Bob
  from the allotment gives me a lift"), or in lower case after a family word and before a verb
  ("my girlfriend rose found the vodka");
- it is a first name in lower case as the subject of what only a person does ("dawn drives
  me", "rob's been on the gear again");
- it is "will" or "may" before a verb in the past ("omg will just turned up", "may texted
  me"): a modal takes a bare verb, so this is someone;
- it is a first name that is also a word, doing something to something ("Grace has been buying
  my cigarettes", "Mark keeps leaving bottles"), or doing what only a person does wrong ("has
  been stealing", "walked out of group");
- it is a lower-case word English and the name lists hardly know, after a family or role word
  or beside a name ("my sponsor wanjiru kamau", "me and kiptoo"): the lists miss many African
  and Asian names;
- it is a first name listed with a found name ("Grace and [Faith]", "Summer and [Dawn]", "jaz n
  ricky"), follows initials
  ("J. K. Oyelowo") or a nickname's adjective ("Big Dave"), is a possessive standing for
  someone's home ("went round kasia's", "goin 2 emre's", "at Wilson's flat"), or a pet form of a
  first name ("tommo", "gazza");
- it is a lower-case word English and the name lists hardly know before a feeling only a person
  has ("aroha was fuming").
Never: a unit after a number or a prescription abbreviation in a dose line ("1 mg PRN, max 4
mg in 24 h"), a time of day or season without a person's doing ("Dawn is the worst time"),
a hyphenated scale ("CIWA-Ar", "CIWA-AR"), a family word ("Mam", "Nanna", "Nonna"), a
medicine in the drug dictionary that is no first name ("co-codamol", "Oramorph"), a disease
named after someone ("Parkinson's"), a noun's modifier ("Reggae nights"), a measure of a
drug ("a bit of Billy"), a collective noun telling ("Staff said"), an order or question opening
a sentence ("Rob the till", "Will the cravings stop?"), or a product after a drinks brand
("Pepsi Max", "Coke Zero"). Text all in capitals is truecased first ("KEV IS OUTSIDE" is read
as "Kev is outside"). Each name then takes in the name words, particles and initials beside it
("Jan van der Berg", "DE SOUZA Ana Paula", "Park Ji-hoon", "J. K. Oyelowo", "wiremu te rangi"),
and a family name in capitals before a comma ("COHEN-LEVY, Avraham").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.privacy import lexicon, recogniser
from assistant.privacy.models import PhiType
from assistant.privacy.wordlists import (
    BRAND_PHRASES,
    BRAND_WORDS,
    CAPITALISED_WORDS,
    CLINICAL_WORDS,
    DAY_AND_SEASON_WORDS,
    DOSE_ABBREVIATIONS,
    DOSE_COUNTS,
    DOSE_UNITS,
    FUNCTION_WORDS,
    PARTICLES,
    RELATION_WORDS,
    TITLES,
)

_WORD = re.compile(r"[^\W\d_]+(?:(?:-|['’](?![sS]\b))[^\W\d_]+)*")
# A short word ending in a capital after a small letter is an abbreviation, never a name:
# "MoA" (mechanism of action), "LoE", "SoB". Names with an inner capital go on in small
# letters ("LeBron", "McKenzie").
_ABBREVIATION = re.compile(r"^[A-Za-z]{0,3}[a-z][A-Z]$")
_INNER_CAPITAL = re.compile(r"^(?:Mc|Mac|O['’]|D['’]|De|Di|Du|Da|La|Le|Van|Von|Fitz)[A-Z]\w+$")
_JOIN = re.compile(r"[ \t]{1,2}|[ \t]?-[ \t]?")
_SENTENCE_END = set('.!?:;\n\r"“(*•>#')
_RELATION = "|".join(sorted((re.escape(w) for w in RELATION_WORDS), key=len, reverse=True))
# Naming constructions: "called X", "known (to everyone) as X", "goes by X", "nicknamed X",
# "we used to call him X", "a lad they call X", "calls himself X" (not "I call Samaritans").
_NAMING = r"""called|named|nicknamed|name\s+is|name's|name\s*[:=]|nickname(?:\s+is|'s)?
    |(?:goes|go|went|going)\s+by(?:\s+the\s+name(?:\s+of)?)?|known(?:\s+to\s+\w+)?\s+as|aka
    |answers\s+to|calls?\s+(?:himself|herself|themselves|themself)
    |(?:they|we|people|everyone|everybody|folk|lads|all|you|u|i)(?:\s+used\s+to)?
      \s+call(?:s|ed)?\s+(?:him|her|them)
    |(?:lad|guy|bloke|fella|feller|geezer|girl|woman|man|kid|one|someone|somebody)\s+(?:that\s+
      |who\s+|whom\s+)?(?:they|people|everyone|everybody|folk|(?:the\s+)?lads|all)
      (?:\s+used\s+to)?\s+call(?:s|ed)?"""
_STRONG_CUE = re.compile(
    rf"""(?:\b(?:{_NAMING})
        |\b(?:{_RELATION})(?:'s\s+name\s+is)?\s*(?:[:=,(]|\s-)?
        |\bme\s+(?:n|and|&))\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WEAK_CUE = re.compile(
    r"""\b(?:with|w/|into|and|&|see|seeing|saw|seen|met|meet|meeting|text|texted|texting
        |ring|rang|call|calls|phoned|visit|visited|visiting|by|off|from|told|tell|asked|ask
        |is|was|owe|owes|stayed\s+with|round\s+to|talked\s+to|spoke\s+to)\s*[,(]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_RUN = 5
_RARE = 3.5  # Zipf: "rossi" 3.4, "maria" 4.3, "will" 6.5
_UNCOMMON = 4.0
_PLAIN = 4.5
_NOT_ENGLISH = 2.0  # Zipf: a listed name English hardly uses ("przemek", "xiaoyu", "caoimhe")
_FOREIGN = 3.0  # Zipf: "reggae" 3.5, "aoife" 2.6
_COMMON = 5.5  # Zipf: "hope" 5.4, "summer" 5.2
_VERY_COMMON = 6.6  # Zipf: "will" 6.45
_PERSON_VERB_BEFORE = re.compile(
    r"""\b(?:met|meet|meeting|texted|texting|messaged|messaging|rang|phoned|told|asked|kissed
        |hugged|married|dumped|fancied|fancy|visited|visiting)\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
_COMPANION_BEFORE = re.compile(r"\b(?:with|w/|me\s+and|and\s+me)\s+$", re.IGNORECASE)
# What only a person does, right after the subject: a verb of telling or giving ("Will said",
# "Hope keeps texting me"); taking or minding someone ("Faith picks me up", "Robin looks after
# the kids"); living, working, using ("Heather smokes in the car", "Amber lives below"); or being
# someone ("Ivy is the only one who knows", "Pearl was my drinking buddy"). Abstract nouns that
# are also names do none of these ("Hope is what keeps me going", "Faith helps"). A form in -ing
# counts only after "is", "was", "'s" or "been" ("Dawn's been texting me"): "Will drinking make
# it worse?" asks a question.
_ME = r"(?:me|us|him|her|them|the\s+kids|my)\b"
_BOOZE = {"booze", "drink", "beer", "wine", "cans", "piss"}
_USING = "|".join(re.escape(w) for w in sorted(CLINICAL_WORDS | _BOOZE))
_LIVES_WITH = r"""(?:with|next|near|round|down|up|across|opposite|above|below|upstairs|downstairs
    |in\s+(?:the|a|my|our)\s+(?:flat|house|hostel|room|block|same))"""
_WORKS_AT = r"(?:at|behind|nights|shifts|on\s+the|in\s+(?:the|a)|for\s+(?:the|a|an))"
_TAKES = rf"""(?:pick|drop|drive|walk|take|collect|fetch|babysit|ferry|bring)\s+{_ME}
    |(?:look\s+after|check\s+(?:on|in\s+on)|cover\s+for|mind\s+(?:the|my)|stay\s+with
    |cook\s+(?:for|me|us|tea|dinner)|live\s+{_LIVES_WITH}|work\s+{_WORKS_AT}|smoke|drink|use
    |deal)\b"""
# What only a person does wrong: "Jack has been stealing from his mum", "Kev nicked my phone".
_WRONGS_PAST = "stole|steals|nicked|nicks|hid|hides|begged|begs|borrowed|borrows"
_WRONGS_ING = "stealing|nicking|hiding|begging|borrowing|shoplifting|shouting|fighting"
# Feelings only a person has about what someone did: "aroha was fuming", "Kiri's gutted".
_FEELINGS = r"""fuming|livid|raging|furious|gutted|devastated|heartbroken|distraught|crying
    |sobbing|in\s+tears|worried\s+sick|disgusted\s+with|ashamed\s+of|disappointed\s+in
    |proud\s+of|mad\s+at|angry\s+(?:at|with)|screaming\s+at|raging\s+at"""
_PERSON_PREDICATE = rf"""(?:
    (?:\s+(?:always|usually|still|never|just|often|sometimes|also|even|both|has|had))?\s+(?:
        said|says|told|tells|texted|texts|messaged|rang|rings|phoned|asked|asks|reckons
        |reckoned|gave|gives|lent|lends|bought|buys|sold|sells|offered|offers|picked|drove|drives
        |invited|promised|swore|knows|knew|wants\s+me|wanted\s+me|got\s+me|gets\s+me
        |sorts\s+me|sorted\s+me|(?:was|were|came|come|comes)\s+round
        |(?:keeps|kept)\s+\w+ing\s+(?:me|us|him|her|round|over|up)\b
        |(?:picks|picked|drops|dropped|drives|drove|driven|walks|walked|takes|took|taken
          |collects|collected|fetches|fetched|babysits|babysat|ferries|ferried|brings|brought)
          \s+{_ME}
        |(?:looks|looked)\s+after|(?:checks|checked)\s+(?:on|in\s+on)|(?:covers|covered)\s+for
        |(?:minds|minded)\s+(?:the|my)\b|(?:stays|stayed)\s+with
        |(?:cooks|cooked)\s+(?:for|me|us|tea|dinner)\b
        |(?:lives|lived)\s+{_LIVES_WITH}\b|(?:works|worked)\s+{_WORKS_AT}\b
        |(?:smokes|smoked|drinks|drank|uses|used|deals|dealt|sleeps|slept|relapsed|relapses
          |overdosed)\b(?!\s+to\b)
        |(?:found|finds)\s+out|(?:turned|turns|showed|shows)\s+up|moved\s+(?:in|out|away)
        |passed\s+away|(?:walked|stormed|storms|walks)\s+(?:out|off)|kicked\s+off
        |(?:{_WRONGS_PAST})\b)
    |(?:['’]ll|\s+(?:will|would|can|could))\s+(?:{_TAKES})
    |(?:['’]s|\s+(?:is|was|has|had))(?:\s+been)?(?:\s+(?:always|still|just|never|not))?\s+(?:
        (?:picking|dropping|driving|walking|taking|collecting|fetching|babysitting|ferrying
          |bringing)\s+{_ME}
        |looking\s+after|checking\s+(?:on|in\s+on)|covering\s+for|minding\s+(?:the|my)\b
        |staying\s+with|cooking\s+(?:for|me|us|tea|dinner)\b|living\s+{_LIVES_WITH}\b
        |working\s+{_WORKS_AT}\b|(?:smoking|drinking|using|dealing|texting|messaging
          |ringing|calling|seeing|sleeping\s+(?:on|at|round|in|over)|{_WRONGS_ING})\b
        |(?:so\s+|well\s+|proper\s+|absolutely\s+|really\s+|dead\s+)?(?:{_FEELINGS})\b)
    |(?:['’]s|\s+(?:is|was|has|had))(?:\s+(?:been|gone|got))?(?:\s+\w+)?\s+(?:
        (?:back\s+)?(?:on|off)\s+(?:at\s+me|it\b|the\s+(?:{_USING})\b)
        |(?:started|stopped|quit)\s+(?:using|drinking|smoking|dealing|again)\b
        |back\s+(?:to|with)\s+(?:his|her|their|the)\s+(?:dealer|ex|old)\b)
    |(?:\s+(?:is|was)|['’]s)\s+(?:(?:the\s+)?only\s+one|the\s+one\s+(?:who|that|I)
        |the\s+(?:only\s+)?(?:person|people)\s+(?:who|that|I)
        |(?:my|his|her|our|their|a|an)\s+(?:[\w-]+\s+){{0,2}}(?:{_RELATION})(?:['’]s)?\b))"""
_PERSON_VERB_AFTER = re.compile(_PERSON_PREDICATE, re.IGNORECASE | re.VERBOSE)
# Where a capitalised first name is someone: "Bob from the allotment", "Rose and I".
_PERSON_CONTEXT_AFTER = re.compile(
    r"\s+(?:from\s+(?:the|my|work|group|church|next\s+door)\b|and\s+(?:I|me)\b)", re.IGNORECASE
)
# Nouns that stand bare as the subject of "said" or "told me": "Staff said", "Security told me".
_COLLECTIVE = frozenset(
    "staff security police housing work management family everyone everybody someone somebody"
    " nobody reception admin crew court probation social council".split()
)
_AUXILIARIES = frozenset(
    "had has have was is did does do will would could should can may might must still just"
    " also never always".split()
)
_NOT_NAME_TAGS = frozenset({"RB", "RBR", "MD", "IN", "DT", "CC", "PRP", "TO"})
_SACRED = frozenset("god jesus christ lord allah buddha".split())  # "I met Christ in prison"
_MEASURE_OF = re.compile(
    r"\b(?:bit|bag|baggie|gram|g|lines?|point|eighth|ounce|oz|wrap|tenner|bump)\s+(?:of|o')\s+$",
    re.IGNORECASE,
)
_TIMES_OF_DAY = frozenset(DAY_AND_SEASON_WORDS)
_UNITS = frozenset(w.lower() for w in DOSE_UNITS)
_COUNTS = frozenset(w.lower() for w in DOSE_COUNTS)
_DOSING = frozenset(w.lower() for w in DOSE_ABBREVIATIONS)
_NUMBER_AFTER = re.compile(r"[ \t]*\d")
_NUMBER_BEFORE = re.compile(r"\d(?:[ \t]?/[ \t]?\d+)?[ \t]*$")
_DOSE = re.compile(
    r"\d[ \t]*(?:"
    + "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_UNKNOWN = 2.0  # Zipf: "wanjiru" 1.6, "kiptoo" 0; but "zopiclone" 1.6: only where a name goes
_MODAL_NAMES = frozenset({"will", "may"})
_BE = frozenset({"is", "was", "s"})
# A past or third-person verb after "will"/"may", an adverb between at most: checked by tag.
_MODAL_MISFIT = re.compile(
    r"""(?:[ \t]+(?:[a-z]+ly|just))?[ \t]+(?:[a-z]+ed|said|says|told|tells|went|came|got|gave
    |sold|took|brought|bought|found|left|rang|drove|made|kept|had|has|was|is)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_ONGOING_AFTER = re.compile(
    r"""(?:[ \t]+(?:always|still|just|also|even|now))?
    (?:[ \t]+(?:is|was|keeps|kept|has[ \t]+been|had[ \t]+been)|['’]s[ \t]+been)
    (?:[ \t]+(?:always|still|just|also|even|now|secretly))?[ \t]+""",
    re.IGNORECASE | re.VERBOSE,
)
_OBJECT_TAGS = frozenset({"DT", "PRP$", "NN", "NNS", "CD", "PDT"})
_NICKNAME_FRONTS = frozenset("big little lil young old fat mad wee auld".split())


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    entity: str
    proper: bool  # tagged NNP
    tag: str = ""  # Penn tag of its first token
    next_tag: str = ""  # Penn tag of the token after it ("VBD" in "rose found")

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of likely person names, in order, not overlapping."""
    if text.isupper() and (cased := _true_cased(text)) is not None:
        text = cased  # "KEV IS OUTSIDE": read as "Kev is outside", same spans
    words = _words(text)
    if not words:
        return []
    flat = text.isupper() or text.islower()  # no case to go by: treat all as lower case
    seeds = [i for i in range(len(words)) if _starts_name(text, words, i, flat)]
    seeds = _not_medical(text, words, {*seeds, *_lower_pairs(text, words)})
    seeds = [*_joined(text, words, seeds, flat)]
    return [_with_initials(text, span) for span in _runs(text, words, sorted(set(seeds)), flat)]


def _true_cased(text: str) -> str | None:
    """Text typed all in capitals, written in the case English would use (truecasing): lower
    case, with each sentence's first word, "I", and each word the name lists hold that English
    uses less than as a name (Zipf < 4.5, no clinical word, family word or brand) capitalised:
    "KEV IS OUTSIDE" reads "Kev is outside", "TELL MARCUS I CANT" "Tell Marcus I cant". Same
    length as `text`, so spans found in it are spans of `text`; None when casing changes length."""
    lowered = text.lower()
    chars = list(lowered)
    if len(chars) != len(text):
        return None
    for match in _SENTENCE_OPENING.finditer(text):
        chars[match.start(1)] = chars[match.start(1)].upper()
    for match in _WORD.finditer(lowered):
        lower = match.group()
        if lower in _I or (
            len(lower) > 1
            and not _never(lower)
            and not _ordinary(lower)
            and lower not in PARTICLES
            and lower not in _BARE_CONTRACTIONS
            and lexicon.listed(lower)
            and lexicon.zipf(lower) < _cased_below(lowered[: match.start()][-40:])
        ):
            chars[match.start()] = chars[match.start()].upper()
    cased = "".join(chars)
    return cased if len(cased) == len(text) else None


def _cased_below(before: str) -> float:
    """How rare in English a listed name must be to be written with a capital: a first name
    common as a word too after "tell", "with", "my sister" ("TELL MARCUS"), else a rare one."""
    return _PLAIN if _STRONG_CUE.search(before) or _WEAK_CUE.search(before) else _FOREIGN


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n][ \t\n]*)[\"'“(]?(\w)")
_I = frozenset({"i", "i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll"})
# Contractions texted without their apostrophe ("HED COME", "SHES GONE", "IVE USED"): words.
_BARE_CONTRACTIONS = frozenset(
    """im ive id ill hed hes shed shes wed weve youre youve youd theyre theyve theyd dont cant
    wont didnt isnt wasnt arent werent aint wouldnt couldnt shouldnt thats whats lets its""".split()
)


def _not_medical(text: str, words: list[_Word], seeds: set[int]) -> set[int]:
    """The seeds less the names of medicines and diseases that are no one's first name, unless
    a title goes before: a word the drug dictionary of drug-named-entity-recognition holds
    (generic and brand names from DrugBank, MeSH, Wikipedia and the NHS: "co-codamol",
    "Oramorph", "Zubsolv"; "Camila" and "Kendrick" are brands too, and stay names), and a
    disease named after someone, in the possessive, that the WHO's ICD-10 titles hold
    ("Parkinson's", "Wernicke's", "Huntington's")."""
    asked = {
        i: words[i].lower
        for i in seeds
        if not lexicon.given(words[i].text) and not _after_title(text, words, i)
    }
    if not asked:
        return seeds
    from assistant.retrieval import drug_lexicon  # its table is kept in the model cache

    medical = set(drug_lexicon.lookup(asked.values()))
    if any(_POSSESSIVE.match(text, words[i].end) for i in asked):
        from assistant.retrieval.medical_terms import condition_words

        diseases = condition_words()
        medical |= {
            w for i, w in asked.items() if w in diseases and _POSSESSIVE.match(text, words[i].end)
        }
    return {i for i in seeds if asked.get(i) not in medical}


def _words(text: str) -> list[_Word]:
    """The text's words, tagged by the recogniser when one of them could start a name."""
    brands = _brand_spans(text)
    dosed = _DOSE.search(text) is not None
    found = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in brands) or _in_code(text, start, end):
            continue
        if _dose_word(text, match.group(), start, dosed):  # "1 mg PRN, max 4 mg"
            continue
        if text[start - 1 : start] == "[" and text[end : end + 1] == "]":  # a placeholder
            continue
        found.append(_Word(start, end, match.group(), "", False))
    if not _may_hold_name(text, found):
        return found  # no tagging could make a name of any word: the recogniser is not run
    tokens = recogniser.analyse(text)
    tagged = []
    for word in found:
        inside = [k for k, t in enumerate(tokens) if word.start <= t.start < word.end]
        entity = next((tokens[k].entity for k in inside if tokens[k].entity), "")
        proper = any(tokens[k].tag == "NNP" for k in inside)
        tag = tokens[inside[0]].tag if inside else ""
        after = inside[-1] + 1 if inside else len(tokens)
        next_tag = tokens[after].tag if after < len(tokens) else ""
        tagged.append(_Word(word.start, word.end, word.text, entity, proper, tag, next_tag))
    return tagged


def _may_hold_name(text: str, words: list[_Word]) -> bool:
    """Whether some word could start a name whatever the recogniser says of it.

    Every way `_starts_name` and `_lower_pairs` can say yes, with the recogniser's tags left
    open: a capitalised word after a title or a naming cue; a listed name (any case) common
    enough to be read as a name when tagged PERSON (Zipf < 5), or capitalised in quotes; an
    internal capital ("McDonald"). Most questions ("why does the cue take over from the
    drug?") hold none, and are answered without loading the recogniser (1.4 s, 150 MB).
    """
    flat = text.isupper() or text.islower()
    for i, word in enumerate(words):
        if len(word.text) < 2 or _never(word.lower) or word.lower in PARTICLES:
            continue
        capital = word.capitalised and not flat
        cued = _after_title(text, words, i) or _STRONG_CUE.search(
            text[max(0, word.start - 40) : word.start]
        )
        if cued and (capital or (_listed(word) and not _ordinary(word.lower))):
            return True
        if cued and _unknown_word(word):  # "my cousin nyambura wairimu"
            return True
        if word.lower in _MODAL_NAMES and _MODAL_MISFIT.match(text, word.end):  # "will said"
            return True
        if cued or _ordinary(word.lower) or (word.upper and len(word.text) <= 3):
            continue
        if _listed(word) and (
            lexicon.zipf(word.text) < 5 or (capital and _in_quoted_nickname(text, word))
        ):
            return True
        if capital and _INNER_CAPITAL.match(word.text):
            return True
    return False


def _in_code(text: str, start: int, end: int) -> bool:
    """Letters touching digits are part of a code or a plate ("KX-342-HB"), not a name."""
    return bool(re.search(r"\d-?$", text[max(0, start - 2) : start])) or bool(
        re.match(r"-?\d", text[end : end + 2])
    )


def _dose_word(text: str, word: str, start: int, dosed: bool) -> bool:
    """A unit after a number ("4 mg", "2 pairs"), or, in a text holding a dose, a prescription
    abbreviation ("PRN", "max", "stat", "tds"): part of a dose line, never a name."""
    lower = word.lower()
    after_number = _NUMBER_BEFORE.search(text, max(0, start - 12), start) is not None
    if after_number and (lower in _UNITS or (dosed and lower in _COUNTS)):
        return True
    if lower not in _DOSING:
        return False
    counted = _NUMBER_AFTER.match(text, start + len(word)) is not None  # "max 2 a night"
    if not dosed:
        return counted and not word[:1].isupper()
    # "Max gave me 10 mg of his" is a person; "Max 4 mg in 24 h", "max TDS", "PRN" are not
    return not word.istitle() or counted


def _brand_spans(text: str) -> list[tuple[int, int]]:
    lower = text.lower()
    spans = []
    for phrase in BRAND_PHRASES:
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lower):
            spans.append(match.span())
    return spans


def _starts_name(text: str, words: list[_Word], i: int, flat: bool) -> bool:
    word = words[i]
    if len(word.text) < 2 or _never(word.lower) or word.lower in PARTICLES:
        return False
    if _acronym_compound(word.text) or _ABBREVIATION.match(word.text):  # "CIWA-Ar", "MoA"
        return False
    before = text[max(0, word.start - 40) : word.start]
    capital = word.capitalised and not flat and not _lone_capitals(text, words, i)
    plain = _listed(word) and lexicon.zipf(word.text) < _PLAIN
    if _after_title(text, words, i):
        return capital or (plain and not _ordinary(word.lower)) or _unknown_word(word)
    if capital and _INITIALS.search(before) and not _ordinary(word.lower):  # "J. K. Oyelowo"
        return _listed(word) or word.entity == "PERSON" or lexicon.zipf(word.text) < _RARE
    if capital and _after_nickname_front(text, words, i):  # "Big Dave", "Little Jimmy"
        return True
    if _proper_noun_phrase(text, words, i):  # "the Harvester", "Alton Towers", "St Patrick's"
        return False
    if _STRONG_CUE.search(before):
        return (
            capital
            or (plain and not _ordinary(word.lower))
            or _named_subject(word)
            or _unknown_word(word)  # "my sponsor wanjiru kamau", "me and kiptoo"
            or (_foreign_word(word) and _PARTICLE_AFTER.match(text, word.end) is not None)
        )
    measured = _MEASURE_OF.search(before) and not _POSSESSIVE.match(text, word.end)
    if measured:  # "a bit of Billy", "a bag of Charlie": a drug, not a person
        return False
    if word.next_tag == "NNS" and word.entity != "PERSON":  # a noun's modifier: "Reggae nights"
        return False
    if _modal_misfit(text, words, i):  # "will just turned up", "may texted me": a name, not a modal
        return True
    start = _sentence_start(text, word.start)
    if start and _imperative(text, words, i):  # "Rob the till", "Mark the date in your diary"
        return False
    if start and capital and lexicon.given(word.text) and _role_after(text, words, i):
        return not _ordinary(word.lower)  # "Sam the pharmacist said I was early"
    if capital and _person_slot(text, word, before, start):
        return True
    if capital and _acts_on(text, words, i):  # "Grace has been buying my cigarettes"
        return True
    if _home_of(text, word, before, capital):  # "went round kasia's", "at Cagri's"
        return True
    if not capital and _lower_case_subject(text, word, before):  # "rob's been on the gear"
        return True
    if _ordinary(word.lower) or (word.upper and len(word.text) <= 3):  # acronyms: MRN, CBT
        return False
    if word.lower in _TIMES_OF_DAY:  # "Dawn is the worst time": a person only by what she does
        return False
    if word.entity == "PERSON" and _listed(word) and (word.proper or not start):
        return lexicon.zipf(word.text) < (_PLAIN if start else 5)
    if capital and word.entity and _listed(word):  # at a sentence's start capitals say less
        return lexicon.zipf(word.text) < (_FOREIGN if start else _UNCOMMON)  # "Reggae came on"
    if _WEAK_CUE.search(before) and _listed(word):
        return lexicon.zipf(word.text) < (_PLAIN if capital else _RARE)
    if capital and _listed(word) and _in_quoted_nickname(text, word):  # "Big Mike"
        return True
    if word.entity in _PLACES:
        return False
    if word.upper and not flat and _acronym_shape(word.text) and _lone_capitals(text, words, i):
        return False  # an acronym on its own in mixed case: "CIWA-AR to follow"
    if _listed(word) and lexicon.zipf(word.text) < _NOT_ENGLISH:
        return True  # a name in any case when English has no such word: "went round to cagri's"
    if _pet_form(word.lower):  # "tommo", "gazza", "robbo"
        return True
    if capital and _INNER_CAPITAL.match(word.text):
        return True
    if (capital or (word.upper and len(word.text) > 3 and not flat)) and _listed(word):
        if not capital and _lone_capitals(text, words, i):
            return False
        limit = _RARE if start else _UNCOMMON
        return lexicon.zipf(word.text) < limit
    return False


def _acronym_compound(word: str) -> bool:
    """A hyphenated word mixing a part in capitals with one that is not: "CIWA-Ar", "PHQ-Ads"."""
    parts = [p for p in word.split("-") if p]
    return (
        len(parts) > 1
        and any(len(p) > 1 and p.isupper() for p in parts)
        and not all(p.isupper() for p in parts)
    )


def _acronym_shape(word: str) -> bool:
    """Capitals in parts of at most five letters: "CIWA-AR", "SADQ" (not "CHUKWUEMEKA")."""
    return all(len(part) <= 5 for part in re.split(r"[-'’]", word))


def _after_nickname_front(text: str, words: list[_Word], i: int) -> bool:
    """A first name after "Big", "Little", "Young"... with no article before and no other
    capitalised word after: a nickname ("Big Dave"), not a place ("the Old Garage", "Old Kent
    Road")."""
    word = words[i]
    if i == 0 or not _adjacent(text, words, i - 1, i):
        return False
    front = words[i - 1]
    if front.lower not in _NICKNAME_FRONTS or not front.capitalised:
        return False
    if re.search(
        r"\b(?:the|a|an|our|their)\s+$", text[max(0, front.start - 7) : front.start], re.I
    ):
        return False  # a place or a brand: "the Old Garage", "a Little Chef"
    if i + 1 < len(words) and _adjacent(text, words, i, i + 1) and words[i + 1].capitalised:
        return False
    if word.next_tag in ("NN", "NNS"):  # a band or a brand: "Little Mix concert"
        return False
    if not word.next_tag[:1].isalpha():  # a name alone is a place's label: "Old Garage"
        return False
    return (
        lexicon.given(word.text) and not _ordinary(word.lower) and lexicon.zipf(word.text) < _COMMON
    )


def _unknown_word(word: _Word) -> bool:
    """A word in lower case that English and the name lists hardly know ("wanjiru", "kiptoo",
    "otieno"): read as a name only where a name goes, after a family or role word, or beside
    a name; the name lists miss many African and Asian names, English has no such word."""
    return (
        len(word.text) > 2
        and word.text.islower()
        and not _listed(word)
        and lexicon.zipf(word.text) < _UNKNOWN
        and not word.lower.endswith("ly")  # a misspelt adverb: "my dealer basicaly lives"
        and word.lower not in CLINICAL_WORDS
        and word.tag[:2] not in ("VB", "MD", "IN", "DT", "CC", "PR")
    )


def _modal_misfit(text: str, words: list[_Word], i: int) -> bool:
    """A first name that is also a modal ("will", "may"), then a verb in the past or third
    person: a modal takes a bare verb ("will it stop", "may just go"), so "will just turned
    up", "may texted me", "Will said" have a person as their subject."""
    word = words[i]
    if word.lower not in _MODAL_NAMES or not lexicon.given(word.text):
        return False
    j = i + 1
    while j < len(words) and words[j].tag in ("RB", "RBR") and j - i < 3:
        j += 1
    if j >= len(words) or words[j].tag not in ("VBD", "VBZ", "VBN") or words[j].lower in _BE:
        return False  # "May is my worst month", "Will was a big part of it": the predicate's call
    return re.fullmatch(r"[ \t]+", text[word.end : words[i + 1].start]) is not None


def _acts_on(text: str, words: list[_Word], i: int) -> bool:
    """A first name that is also a word, then a continuing action done to something: "Grace has
    been buying my cigarettes", "Mark keeps leaving bottles", "Rose is hiding her diazepam".
    An idea or a season does not: "Hope is keeping me going" (a person as the object), "Dawn
    is breaking" (no object)."""
    word = words[i]
    if word.lower in _COLLECTIVE or word.lower in _SACRED or not lexicon.given(word.text):
        return False
    match = _ONGOING_AFTER.match(text, word.end)
    if match is None:
        return False
    j = next((k for k in range(i + 1, len(words)) if words[k].start >= match.end()), None)
    if j is None or j + 1 >= len(words) or words[j].tag != "VBG":
        return False
    return words[j + 1].tag in _OBJECT_TAGS and lexicon.zipf(word.text) < _VERY_COMMON


def _named_subject(word: _Word) -> bool:
    """After a family word, a first name in lower case that does something: "my girlfriend
    rose found the vodka" (but not "my sister still drinks", "my mate had gone")."""
    return (
        lexicon.given(word.text)
        and not _ordinary(word.lower)
        and word.lower not in _AUXILIARIES
        and word.tag not in _NOT_NAME_TAGS
        and word.next_tag[:2] in ("VB", "MD")
        and lexicon.zipf(word.text) < _COMMON
    )


def _imperative(text: str, words: list[_Word], i: int) -> bool:
    """A word English uses as a verb, opening a sentence before a determiner: an order or a
    question ("Rob the till", "Sue the landlord", "Will the cravings stop?"), not a name, unless
    a role follows it ("Rob the dealer comes round")."""
    word = words[i]
    match = _DETERMINER_AFTER.match(text, word.end)
    if match is None or lexicon.zipf(word.text) < _UNCOMMON:
        return False
    return not _APPOSITION.match(text, match.end()) and not _role_after(text, words, i)


def _role_after(text: str, words: list[_Word], i: int) -> bool:
    """A first name opening a sentence with its role after it, then a verb: "Sam the pharmacist
    said", "Rob the dealer comes round" (not "Will the cravings stop?", "Hope the meeting goes
    well": an auxiliary, or a word too common in English to be read as a name here)."""
    word = words[i]
    match = _ROLE_AFTER.match(text, word.end)
    if match is None or word.lower in _AUXILIARIES or lexicon.zipf(word.text) >= _PLAIN + 0.5:
        return False
    j = next((k for k in range(i + 1, len(words)) if words[k].start >= match.end()), len(words))
    nouns = j
    while j < len(words) and words[j].tag[:2] in ("NN", "JJ") and words[j].entity != "PERSON":
        j += 1
    return nouns < j < len(words) and words[j].tag in ("VBZ", "VBD", "MD")


def _person_slot(text: str, word: _Word, before: str, start: bool) -> bool:
    """A capitalised first name where English puts a person, even when it is also a word:
    the object of "met", "texted", "told" ("I met Summer at the festival"), a companion after
    "with" ("with Joy"), or the subject of a verb of telling or doing ("Will said he'd drive",
    "Hope keeps texting me", "Bob from the allotment gives me a lift")."""
    if word.lower in CLINICAL_WORDS or word.lower in _COLLECTIVE or word.lower in _SACRED:
        return False
    if not lexicon.given(word.text):
        return False
    score = lexicon.zipf(word.text)
    if _PERSON_VERB_BEFORE.search(before):
        return score < _COMMON
    if _ordinary(word.lower) and word.lower not in _TIMES_OF_DAY:  # "Summer said", not "Jack"
        return False
    if not start and _COMPANION_BEFORE.search(before):
        return score < _PLAIN + 0.5  # "with Joy" (4.6), not "with Hope in my heart" (5.4)
    after = _PERSON_VERB_AFTER.match(text, word.end) or _PERSON_CONTEXT_AFTER.match(text, word.end)
    return score < _VERY_COMMON and after is not None


def _home_of(text: str, word: _Word, before: str, capital: bool) -> bool:
    """A possessive standing for someone's home or things: "went round kasia's after group"."""
    if not _POSSESSIVE.match(text, word.end) or _ordinary(word.lower):
        return False
    if re.search(r"\b(?:the|a|an)\s+$", before, re.IGNORECASE):
        return False
    score = lexicon.zipf(word.text)
    if _HOME_CUE.search(before):
        # "at Wilson's flat": a first name common as a word, with the home named after it
        home = capital and lexicon.given(word.text) and _HOME_AFTER.match(text, word.end)
        limit = _COMMON if home else _PLAIN
        return (_listed(word) and score < limit) or score < _NOT_ENGLISH
    return capital and _listed(word) and score < _PLAIN


def _lower_case_subject(text: str, word: _Word, before: str) -> bool:
    """A first name in lower case as the subject of what only a person does: "rob's been bang on
    the gear again", "ivy is the only one who knows", "since dawn's started using" (not "bob's
    your uncle", "the gas bill's been paid", "brandy's been my downfall"). Where the writer
    opens with a capital, a word English uses often left in lower case is a word: "Hope and
    faith got me through"."""
    if _ordinary(word.lower) or word.lower in _COLLECTIVE or word.lower in _SACRED:
        return False
    if _DETERMINER_BEFORE.search(before) or word.lower in _AUXILIARIES:
        return False
    if word.lower.endswith("s") and word.lower[:-1] in _RELATIONS:  # "my mates from group"
        return False
    return (
        (lexicon.given(word.text) or _unknown_word(word))
        and word.tag not in _NOT_NAME_TAGS
        and word.tag != "NNS"  # "boys drink at the social"
        and lexicon.zipf(word.text) < (_UNCOMMON if text.lstrip()[:1].isupper() else _COMMON)
        and _PERSON_VERB_AFTER.match(text, word.end) is not None
    )


@cache
def _pet_form(lower: str) -> bool:
    """A nickname made from a first name, English not knowing it: "tommo" (Tom), "gazza"."""
    match = _PET.fullmatch(lower)
    return (
        match is not None
        and lexicon.given(match.group(1))
        and lexicon.zipf(lower) < _NOT_ENGLISH + 0.5
    )


def _with_initials(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name's span taking in the initials before it: "[J. K. Oyelowo]"."""
    start, end = span
    match = _INITIALS.search(text[max(0, start - 12) : start])
    return (start - (len(match.group()) if match else 0), end)


def _fronts_name(prev: _Word, name: _Word) -> bool:
    """A capitalised word joined to the front of a name: a nickname's adjective ("Big Dave") or
    a family name written first before a given name English does not know ("Park Ji-hoon")."""
    if not prev.capitalised or not name.capitalised or _never(prev.lower):
        return False
    if prev.lower in _NICKNAME_FRONTS:
        return True
    return (
        prev.lower not in CLINICAL_WORDS
        and lexicon.listed(prev.text)
        and lexicon.zipf(name.text) < _FOREIGN
    )


def _joined(text: str, words: list[_Word], seeds: set[int], flat: bool) -> set[int]:
    """First names listed with a found name: "Grace and [Faith]", "[Wojtek], Amara and Tuan"."""
    grown = set(seeds)
    pending = list(seeds)
    while pending:
        i = pending.pop()
        for j in (i - 2, i - 1, i + 1, i + 2):
            if j in grown or not 0 <= j < len(words):
                continue
            a, b = sorted((words[i], words[j]), key=lambda w: w.start)
            if not _LIST_GAP.fullmatch(text, a.end, b.start):
                continue
            other = words[j]
            same_case = flat or other.capitalised == words[i].capitalised
            limit = _VERY_COMMON - 0.5 if other.capitalised else _PLAIN
            if (
                same_case
                and other.next_tag != "NNS"  # "Jazz and Reggae nights"
                and len(other.text) > 1
                and not _never(other.lower)
                and (not _ordinary(other.lower) or _listed_word_name(text, words, j))
                and lexicon.given(other.text)
                and lexicon.zipf(other.text) < limit
            ):
                grown.add(j)
                pending.append(j)
    return grown


def _listed_word_name(text: str, words: list[_Word], j: int) -> bool:
    """A capitalised word kept as a word elsewhere (a season, a drink) that is also a first
    name, standing alone in a list with a found name: "Summer and [Dawn] from the hostel",
    "Autumn & [Hope]" (not "Green Park", a place, nor a clinical word or a brand)."""
    word = words[j]
    if not word.capitalised or word.lower in CLINICAL_WORDS or word.lower in _BRANDS:
        return False
    if word.entity in _PLACES or word.entity == "ORG" or lexicon.zipf(word.text) >= _COMMON:
        return False
    return not any(
        0 <= k < len(words) and words[k].capitalised and _adjacent(text, words, j, k)
        for k in (j - 1, j + 1)
    )


def _lone_capitals(text: str, words: list[_Word], i: int) -> bool:
    """A word in capitals in mixed-case text, not read as a person and with no capitalised word
    beside it: an acronym ("GABA receptors", "boosting GABA"), not a surname; a surname in
    capitals stands with a given name ("OKAFOR Chidi", "MÜLLER, Jürgen") or after a cue."""
    word = words[i]
    head = word.text.split("-")[0]  # "GABA-like"
    if not (len(head) > 1 and head.isupper()) or word.entity == "PERSON":
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and words[j].capitalised:
            first, second = sorted((words[i], words[j]), key=lambda w: w.start)
            if _NAME_GAP.fullmatch(text, first.end, second.start):
                return False
    return True


_NAME_GAP = re.compile(r",?[ \t]{1,2}|[ \t]?-[ \t]?")
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:and|&|n)[ \t]+|[ \t]*&[ \t]*", re.IGNORECASE)
_INITIALS = re.compile(r"(?:(?<![\w.])[A-Z]\.[ \t]?){1,3}$|(?:(?<![\w.])[A-Z][ \t]){2,3}$")
_POSSESSIVE = re.compile(r"['’]s\b")
_HOME_AFTER = re.compile(
    r"['’]s[ \t]+(?:flat|house|place|gaff|room|bedroom|caravan|van|car|party|birthday|wedding"
    r"|funeral|mum|mam|dad|nan|sofa|couch|settee|garden|garage|shed)\b",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|my|your|his|her|our|their|this|that|these|those)\s+$", re.IGNORECASE
)
_DETERMINER_AFTER = re.compile(
    r"[ \t]+(?:the|a|an|my|your|his|her|our|their|this|that|these|those|some|every)[ \t]+",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(r"[ \t]+the[ \t]+", re.IGNORECASE)
_APPOSITION = re.compile(rf"(?:[\w-]+[ \t]+)?(?:{_RELATION})[ \t]+\w", re.IGNORECASE)
# Where a possessive stands for someone's home, texting spellings too: "round kasia's", "goin 2
# emre's", "stayin @ kaito's", "ova 2 dariusz's".
_HOME_CUE = re.compile(
    r"(?:\b(?:round|rnd|over|ova|at|to|2|from|into|stayed\s+at|staying\s+at|stayin|crashin)|@)\s+$",
    re.I,
)
_PET = re.compile(r"([a-z]{1,}([b-df-hj-np-tv-z]))\2(?:o|a|er)")


def _proper_noun_phrase(text: str, words: list[_Word], i: int) -> bool:
    """After "the"/"a", or beside a capitalised word that is no name: a place, brand or title."""
    before = text[max(0, words[i].start - 6) : words[i].start].lower()
    if re.search(r"\b(?:the|a|an)\s+$", before):
        return True
    if i > 0 and _adjacent(text, words, i - 1, i):
        prev = words[i - 1]
        if prev.capitalised and prev.lower in _PLACE_PREFIXES:
            return True
    if _after_brand(text, words, i):  # "Pepsi Max", "Monster Ultra Rosa"
        return True
    j = i + 1
    while j < len(words) and _adjacent(text, words, j - 1, j) and _name_word(words[j], False):
        j += 1
    if j < len(words) and re.fullmatch(
        r"(?:['’]s)?[ \t]{1,2}", text[words[j - 1].end : words[j].start]
    ):
        nxt = words[j]
        if nxt.lower in PARTICLES or len(nxt.text) < 2:  # "Séamus Ó Súilleabháin"
            return False
        return nxt.capitalised and not _never(nxt.lower) and not _name_word(nxt, False)
    return False


def _after_brand(text: str, words: list[_Word], i: int) -> bool:
    """A capitalised word English knows in a run of capitalised words after a drinks or tobacco
    brand: the product's name ("Pepsi Max", "Coke Zero Cherry", "Monster Ultra Rosa"), not a
    person's; a name English has no word for stays one."""
    if not words[i].capitalised or lexicon.zipf(words[i].text) < _FOREIGN:
        return False
    j = i
    while j > 0 and i - j < 3 and _adjacent(text, words, j - 1, j) and words[j - 1].capitalised:
        j -= 1
        if words[j].lower in _BRANDS:
            return True
    return False


def _in_quoted_nickname(text: str, word: _Word) -> bool:
    """Inside quotes holding one to three capitalised words: a nickname."""
    for match in _QUOTED.finditer(text):
        if match.start(1) <= word.start < match.end(1):
            return True
    return False


_QUOTED = re.compile(r"[\"“‘]((?-i:[A-Z][\w'’-]*)(?:[ \t](?-i:[A-Z][\w'’-]*)){0,2})[\"”’]")


def _lower_pairs(text: str, words: list[_Word]) -> list[int]:
    """Two listed names side by side in lower case, one of them rare: "kofi mensah"."""
    picked = []
    for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        if _JOIN.fullmatch(text, a.end, b.start) and _name_like_pair(a, b):
            picked += [i, i + 1]
        elif i + 2 < len(words) and _LIST_GAP.fullmatch(text, a.end, words[i + 2].start):
            c = words[i + 2]  # "jaz n ricky", "kez and dani": two first names listed
            both = a.text.islower() and c.text.islower() and c.next_tag != "NNS"
            if both and lexicon.given(a.text) and lexicon.given(c.text) and _name_like_pair(a, c):
                picked += [i, i + 2]
    return picked


def _name_like_pair(a: _Word, b: _Word) -> bool:
    pair = (a, b)
    if any(len(w.text) < 3 or (w.upper and len(w.text) <= 3) for w in pair):
        return False
    if any(_never(w.lower) or _ordinary(w.lower) or not _listed(w) for w in pair):
        return False
    if any(w.tag in _NOT_NAME_TAGS for w in pair):  # "bout jaz": a preposition, not a name
        return False
    scores = [lexicon.zipf(w.text) for w in pair]
    return max(scores) < _PLAIN and min(scores) < _RARE


def _runs(text: str, words: list[_Word], seeds: list[int], flat: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    covered = -1
    for i in seeds:
        if i <= covered:
            continue
        first = last = i
        titled = _after_title(text, words, i)
        while last + 1 < len(words) and last - first + 1 < _MAX_RUN:
            nxt = words[last + 1]
            if titled and _adjacent(text, words, last, last + 1) and nxt.capitalised:
                if not _never(nxt.lower):
                    last += 1
                    continue
            step = _joins(text, words, last, +1, flat)
            if not step:
                break
            last += step
        while first > 0 and last - first + 1 < _MAX_RUN:
            step = _joins(text, words, first, -1, flat)
            if not step or first - step <= covered:
                break
            first -= step
        if first - 1 > covered and _surname_first(text, words, first):  # "COHEN-LEVY, Avraham"
            first -= 1
            while first > 0 and last - first + 1 < _MAX_RUN:  # "GARCIA LOPEZ, Maria"
                step = _joins(text, words, first, -1, flat)
                if not step or first - step <= covered:
                    break
                first -= step
        if first - 1 > covered and _adjacent(text, words, first - 1, first):
            first -= _fronts_name(words[first - 1], words[first])
        spans.append((words[first].start, words[last].end))
        covered = last
    return spans


def _surname_first(text: str, words: list[_Word], i: int) -> bool:
    """A family name in capitals, then a comma and the given name: the register's order
    ("COHEN-LEVY, Avraham", "O'BRIEN-KELLY, Niamh"), not an acronym or a word in capitals."""
    if i == 0 or not _COMMA_GAP.fullmatch(text, words[i - 1].end, words[i].start):
        return False
    surname, given = words[i - 1], words[i]
    if not surname.upper or len(surname.text) < 3 or given.upper or not given.capitalised:
        return False
    if _never(surname.lower) or _ordinary(surname.lower) or _acronym_compound(surname.text):
        return False
    return _listed(surname) or lexicon.zipf(surname.text) < _RARE


_COMMA_GAP = re.compile(r"[ \t]*,[ \t]{1,2}")
# A name's particle after a word: "my cuzzy hemi [te whata]", "maria [das graças]".
_PARTICLE_AFTER = re.compile(
    "[ \t]+(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")[ \t]+\w", re.IGNORECASE
)


def _joins(text: str, words: list[_Word], i: int, direction: int, flat: bool) -> int:
    """How many words next to `i` belong to its name: 0, 1, or 2 for a particle and a name."""
    j = i + direction
    if not 0 <= j < len(words) or not _adjacent(text, words, i, j):
        return 0
    k = j
    while words[k].lower in PARTICLES and abs(k - i) < 3:  # "van der", "de la"
        nxt = k + direction
        if not 0 <= nxt < len(words) or not _adjacent(text, words, k, nxt):
            return 0
        k = nxt
    if k == j:
        return 1 if _name_word(words[j], flat) else 0
    beyond = words[k]
    joined = beyond.capitalised and _listed(beyond) and not _never(beyond.lower)
    joined = joined or _foreign_word(beyond)  # "wiremu te [rangi]"
    return abs(k - i) if _name_word(beyond, flat) or joined else 0


def _foreign_word(word: _Word) -> bool:
    """A word English hardly uses (Zipf < 3) that is no English function word or verb: after a
    name's particle it goes on with the name ("wiremu te rangi", "hemi te whata")."""
    return (
        len(word.text) > 2
        and not _never(word.lower)
        and not _ordinary(word.lower)
        and word.tag[:2] not in ("VB", "MD", "IN", "DT", "CC", "PR")
        and lexicon.zipf(word.text) < _FOREIGN
    )


def _adjacent(text: str, words: list[_Word], i: int, j: int) -> bool:
    a, b = (words[i], words[j]) if i < j else (words[j], words[i])
    return _JOIN.fullmatch(text, a.end, b.start) is not None


def _name_word(word: _Word, flat: bool) -> bool:
    """A word that continues a name beside it: "Sven [Lindqvist]", "[DE] SOUZA"."""
    if len(word.text) < 2 or _never(word.lower) or _ordinary(word.lower):
        return False
    if _ABBREVIATION.match(word.text):
        return False
    if word.entity == "PERSON":
        return True
    if (word.capitalised or word.upper) and not flat:
        return _listed(word) or word.proper or lexicon.zipf(word.text) < _UNCOMMON
    if _unknown_word(word):  # "amani [okello]", "nyambura [wairimu]"
        return True
    return _listed(word) and lexicon.zipf(word.text) < _UNCOMMON


def _after_title(text: str, words: list[_Word], i: int) -> bool:
    if i == 0:
        return False
    title = words[i - 1]
    gap = text[title.end : words[i].start]
    return title.lower in _TITLES and re.fullmatch(r"\.?[ \t]{1,2}", gap) is not None


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 8) : position].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _listed(word: _Word) -> bool:
    return lexicon.listed(word.text)


_TITLES = frozenset(w.lower().rstrip(".") for w in TITLES)


@cache
def _never(lower: str) -> bool:
    """Never a name, even after a cue: function words, family words, titles, calendar words."""
    lower = lower.replace("’", "'")  # "I’m" as "I'm"
    return (
        lower in _FUNCTION
        or lower in _RELATIONS
        or lower in _TITLES
        or all(_CALENDAR.fullmatch(part) for part in _SPAN.split(lower))  # "Mon-Fri"
        or lower.upper() in PhiType.__members__  # placeholder and label words: MRN, NAME
    )


@cache
def _ordinary(lower: str) -> bool:
    return lower in _ORDINARY or (
        len(lower) > 4 and lower.endswith("s") and lower[:-1] in _ORDINARY
    )


_FUNCTION = frozenset(w.lower() for w in FUNCTION_WORDS)
_RELATIONS = frozenset(RELATION_WORDS)
_BRANDS = frozenset(w.lower() for w in BRAND_WORDS)
_ORDINARY = frozenset(w.lower() for w in CAPITALISED_WORDS) | CLINICAL_WORDS | _BRANDS
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREFIXES = frozenset(
    "st saint mount mt lake port fort child royal general national grand north south east west"
    " upper lower great little new old".split()
)
_SPAN = re.compile(r"[-/–]")  # a run of days or months: "Mon-Fri", "Jan/Feb"
_CALENDAR = re.compile(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|june|july"
    r"|august|september|october|november|december|christmas|easter"
)
