"""Coverage: do the sources cover what the question asks about, fully, partly or not at all?

A similarity threshold alone cannot tell a question the sources answer from one that sits next
to them: a question about a craving medicine the corpus never names is as similar to the
addiction thread as a patient's story is. So coverage is decided from what the question names:

- none: the passages are not relevant enough, or the question asks for a kind of fact the
  passages never hold (a dose or a taper, a billing code, side effects, interactions or use in
  pregnancy, a monitoring schedule: the threads explain mechanisms), or it names something
  the corpus lacks and nothing else it asks about is in the corpus;
- partial: it names specific terms absent from the corpus vocabulary (a drug, a scale, an
  acronym, a condition); the answer says first that the sources do not mention them;
- full: otherwise.

Relevant enough: the best passage's cosine reaches `min_relevance` (calibrated by `cuemap
eval`), or it is above `LOWEST_RELEVANCE` and the passage holds a fifth of the question's
words weighted by rarity (term_weights.py). A paraphrase or a patient's story ("the day her
wages come in", "a row at home") can sit far from the thread in embedding space and still
share its telling words; an unrelated question at that distance shares none.

A term is specific when it is a name of two or more capitalised words (a scale, a guideline,
a named therapy: "Brief Psychiatric Rating Scale") whose words the corpus does not all use, a
drug name (the `drug-named-entity-recognition` dictionary; a brand whose generic name the
corpus uses, Ritalin for methylphenidate, counts as covered), an acronym or code (PHQ-9,
rTMS), a word used less than once per million words of general English (wordfreq Zipf < 3,
verb and adverb forms left out: rare enough to name a thing, not to phrase a question), or a
word of the WHO's ICD-10 titles used less than 25 times per million words (medical_terms.py):
a condition or body site, "pneumonia", "stroke", "wrist", which lay questions and patients'
stories about cues rarely need. On the dev questions the in-scope words between Zipf 3 and
3.5 the corpus lacks were ordinary ones ("messengers", "shortcomings", "uncover"); below 3
were names ("Lyrica", "SSRIs", "postpartum", "vagus", "nalmefene"), which the near-misses are
made of. A question word counts as in the corpus when its stem, or a longer stem of its
family ("impulse" for "impulsivity"), is.

A named method in ordinary words is specific too: an uncommon modifier before a method's head
(`METHOD_HEADS`: "motivational interviewing", "contingency management") when no adjacent word
pair of the corpus joins the modifier to the head or to a word holding it ("psychodynamic
psychotherapy" covers "psychodynamic therapy"). On dev it held both therapy near-misses and
made no in-scope question partial.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from assistant.privacy.names import find_names

if TYPE_CHECKING:
    from assistant.retrieval.models import Hit

NOT_COVERED = "The sources do not cover this question."
RARE_ZIPF = 3.0  # below: used less than once per million words of general English
CONDITION_ZIPF = 4.4  # an ICD-10 title word below this names a condition, not a phrasing
LOWEST_RELEVANCE = 0.10  # below: unrelated, whatever words the passages share
LEXICAL_RELEVANCE = 0.20  # weighted share of the question's words the best passage holds
FAMILY_STEM = 5  # a stem this long also matches the longer stems it begins
# A named method is an uncommon modifier and one of these heads ("motivational interviewing",
# "contingency management", "cognitive remediation", "exposure therapy"): stems, matched
# within a corpus word too ("psychotherapy" holds "therapy").
METHOD_HEADS = ("therapi", "interview", "manag", "remedi", "train", "stimul", "counsel")
METHOD_MODIFIER_ZIPF = 4.5  # "best approach", "talking therapy": too common to name a method
Level = Literal["full", "partial", "none"]

WORD = re.compile(r"\[[A-Z_ ]+\]|[^\W_][\w'’/-]*")
INFLECTED = re.compile(r"(ed|ing|ly)$", re.IGNORECASE)
ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z]{2,}s?$|^(?=.*[A-Za-z])(?=.*\d)[\w-]+$")


@dataclass(frozen=True)
class FactNeed:
    asks: re.Pattern[str]
    evidence: re.Pattern[str]
    reason: str


NEVER = re.compile(r"(?!)")  # no source holds it: the question is declined whatever was found
FACT_NEEDS = (
    FactNeed(  # how to misuse a medicine or hide use: never answered, cited or not
        asks=re.compile(
            r"\b(how (do|can|could|should|would|to) (i|you|we|he|she|they|someone|one|people)?\s?|"
            r"(best|easiest|quickest|safest) way to |"
            r"(can|could|should|may) (i|you|we|he|she|they|someone|one|people) |"
            r"is it (ok|okay|alright|safe|possible|fine) (for \w+ )?to )"
            r"[^?]*?\b(snort|crush(ing)? (and|to|it|them)|inject|shoot up|boof|parachute|cook up|"
            r"stronger high|better high|bigger high|get more high|get higher|get high (on|off)|"
            r"(more|stronger|bigger) (of an? )?(effect|buzz|hit|rush)|"
            r"(hide|conceal) (my |his |her |their |the )?(\w+ )?(use|using|drinking|habit|pills|"
            r"it from)|"
            r"(pass|beat|cheat) (a|the|my|his|her|on) [^?]*(test|screen)|"
            r"get (more|extra|an early|early) (of )?(\w+ )?(script|prescription|pills|tablets|"
            r"scripts)|"
            r"without (raising suspicion|getting caught|anyone (knowing|noticing)|being caught))\b"
            r"|\bwithout (raising suspicion|getting caught|anyone (knowing|noticing))\b",
            re.IGNORECASE,
        ),
        evidence=NEVER,
        reason="CueMap does not explain how to misuse a medicine or a drug, or how to hide use. "
        "If a patient is at risk, follow your service's safety protocol.",
    ),
    FactNeed(
        asks=re.compile(
            r"\b(dose|doses|dosage|dosing|mg|mcg|milligrams?|titrat\w*|max(imum)? daily|"
            r"tapers?|tapering|tapered|wean(ed|ing)? (\w+ )?off|"
            r"how (fast|quickly|slowly) (\w+ ){0,3}(reduce|stop|come off|withdraw|cut down)|"
            r"how (much|many) (\w+ )*(should|do|can|to) (i |we )?(give|take|prescribe|start))\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|micrograms?|milligrams?|ml)\b", re.I),
        reason="The sources do not give doses; they explain mechanisms. Check a formulary.",
    ),
    FactNeed(
        asks=re.compile(
            r"\b(bill|billing|billed|cpt|icd(-?10)?|reimburs\w*|insurance|copay|invoice|"
            r"price|fee|fees|how much (does|do|will|would|is|are) [^?]*\bcosts?|"
            r"costs? of (an? |the )?(treatment|session|visit|therapy|assessment|appointment)s?)\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(r"(\$\s?\d|\bCPT\b|\bICD\b|\b\d{5}\b)"),
        reason="The sources do not cover billing or costs.",
    ),
    FactNeed(
        asks=re.compile(
            r"\b(side[- ]effects?|adverse (effects?|events?|reactions?)|interactions?|interact|"
            r"contraindicat\w*|combin\w* (safely|with)|safe(ly)? (to )?(take|combine|mix|use)|"
            r"drink on it|pregnan\w*|breast-?fe(eding|d)|lactati\w*|overdose risk)\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(
            r"\b(side[- ]effects?|adverse|interact\w*|contraindicat\w*|pregnan\w*)\b", re.I
        ),
        reason="The sources do not cover side effects, interactions or safety in use; they "
        "explain mechanisms. Check a formulary.",
    ),
    FactNeed(
        asks=re.compile(
            r"\b(blood (tests?|levels?|pressure)|(ecg|ekg)s?|baseline checks?|"
            r"(pulse|heart rate|weight|liver|kidney|levels?) (\w+ ){0,2}(checks?|checked|"
            r"monitor\w*|measured|tested)|"
            r"(how often|when) (should|do|must) (\w+ ){0,4}(be )?(checked|measured|tested|"
            r"monitored))\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(r"\b(monitor\w*|blood pressure|ecg|ekg|blood tests?)\b", re.I),
        reason="The sources do not cover monitoring schedules; they explain mechanisms. Check a "
        "formulary or guideline.",
    ),
    FactNeed(  # "Which study first showed...?": quoting a mechanism would pass for a citation
        asks=re.compile(
            r"\b(which|what) (\w+ ){0,2}(stud(y|ies)|trials?|papers?|experiments?|researchers?|"
            r"scientists?|authors?)\b|\bwho (first )?(showed|discovered|found|proved|described|"
            r"coined|named|invented)\b|\b(cite|reference|name) (a|the|any) (study|paper|trial|"
            r"source)\b|\b(in )?what (year|decade)\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(
            r"\b(stud(y|ies)|trials?|et al\.?|published|journal|experiment\w*|(19|20)\d\d)\b", re.I
        ),
        reason="The sources do not name studies, trials or their authors; they explain mechanisms.",
    ),
    FactNeed(  # rates and proportions: a mechanism quoted as a figure would mislead
        asks=re.compile(
            r"\bwhat (proportion|percentage|percent|fraction|share) of\b|"
            r"\bhow many (\w+ ){0,2}(people|patients|adults|children|users|cases|percent)\b|"
            r"\b(prevalence|incidence|success rate|response rate|remission rate|relapse rates?|"
            r"recovery rate|odds|life expectancy|mortality)\b|"
            r"\bwhat (are|is) the (chances?|odds|rates?) (of|that)\b|\bhow (likely|common) is\b",
            re.IGNORECASE,
        ),
        evidence=re.compile(
            r"\d+(\.\d+)?\s?%|\b\d+ (in|out of) \d+\b|\bper ?cent\b|"
            r"\b(half|a third|a quarter|most|the majority) of (people|patients)\b",
            re.I,
        ),
        reason="The sources give no figures (rates, proportions, outcome statistics); they "
        "explain mechanisms.",
    ),
)
# A comparison the sources must hold both sides of: "the difference between a psychiatrist and a
# psychologist", "CBT vs DBT", "who is better placed, a nurse or a GP?". Quoting what the corpus
# says of one side, or of neither, would pass for an answer.
SIDE = r"(?:an? |the )?([\w'-]+(?: [\w'-]+){0,2}?)"
COMPARISONS = (
    re.compile(
        rf"\bdifferences? between {SIDE} and {SIDE}(?=\s*(?:[?,.;]|$|\bin\b|\bfor\b))", re.I
    ),
    re.compile(rf"\b{SIDE} (?:vs\.?|versus|compared (?:to|with)) {SIDE}(?=\s*(?:[?,.;]|$))", re.I),
    re.compile(
        r"\b(?:better|best|more (?:effective|helpful|useful|suitable)|better placed)\b[^?]*?,\s*"
        rf"(?:an? |the ){SIDE} or (?:an? |the ){SIDE}(?=\s*[?.]|$)",
        re.I,
    ),
)
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof"}
# An eponym before an instrument or a named entity of medicine: "Conners rating scale", "Beck
# inventory", "Korsakoff syndrome"; a person's name before such a head names a thing, not a
# person in the story (also when the PHI guard has redacted it: "[NAME]'s criteria").
CAPITALISED = re.compile(r"\[NAME\]|\b[A-Z][a-z\u00c0-\u024f]+(?:-[A-Z][a-z\u00c0-\u024f]+)?\b")
EPONYM_HEAD = re.compile(
    r"(?:'s)?((?: [\w-]+){0,2} (?:scales?|inventory|questionnaires?|tests?|criteria|index|"
    r"checklist|syndrome|disease|protocol|technique|method|model))\b"
)
COMMON_CAPITAL = 5.0  # Zipf: "The", "What", "How" open a sentence; they are no eponym
NAME_PHRASE = re.compile(r"(?<!^)(?<![.?!] )\b((?:[A-Z][\w-]+ ){1,4}[A-Z][\w-]+)")


@dataclass(frozen=True)
class Coverage:
    level: Level
    not_covered: tuple[str, ...] = ()
    reason: str = ""  # why the question is declined (level "none")

    @property
    def notice(self) -> str:
        """What a partial answer says first."""
        if self.level != "partial":
            return ""
        return f"The sources do not mention {_listed(self.not_covered)}."


Stems = Callable[[str], list[str]]


def assess(
    query: str, hits: list[Hit], min_relevance: float, vocabulary: Collection[str], stems: Stems
) -> Coverage:
    """How far the hits and the corpus vocabulary cover the query."""
    if not relevant(query, hits, min_relevance, stems):
        return Coverage("none", reason=NOT_COVERED)
    for need in FACT_NEEDS:
        if need.asks.search(query) and not any(need.evidence.search(h.chunk.text) for h in hits):
            return Coverage("none", reason=need.reason)
    if sides := uncompared(query, hits, stems):
        return Coverage("none", sides, reason=f"The sources do not compare {' and '.join(sides)}.")
    missing, covered = uncovered_terms(query, vocabulary, stems)
    if not missing:
        return Coverage("full")
    if not covered:
        return Coverage("none", missing, reason=NOT_COVERED)
    return Coverage("partial", missing)


def relevant(query: str, hits: list[Hit], min_relevance: float, stems: Stems) -> bool:
    """Whether the best passage is close enough in meaning, or in telling words, to answer."""
    if not hits:
        return False
    best = max(hit.similarity for hit in hits)
    if best >= min_relevance:
        return True
    if best < LOWEST_RELEVANCE:
        return False
    from assistant.retrieval.term_weights import lexical_share, question_weights

    weights = question_weights(query, stems)
    return max(lexical_share(weights, h.chunk.text, stems) for h in hits) >= LEXICAL_RELEVANCE


def uncompared(query: str, hits: list[Hit], stems: Stems) -> tuple[str, ...]:
    """The sides of a comparison the question asks for, when a side's head word is in none of
    the passages; () when nothing is compared or the passages name both sides."""
    for pattern in COMPARISONS:
        if found := pattern.search(query):
            sides = tuple(side.strip() for side in found.groups())
            held = {_root(stem) for h in hits for stem in stems(h.chunk.text)}
            heads = [stems(side.split()[-1]) for side in sides]
            if not all(head and _root(head[-1]) in held for head in heads):
                return sides
    return ()


def _root(stem: str) -> str:
    """A stem without the ending that makes a noun of an adjective or a person of a field:
    "striatum" and "striatal", "psychiatrist" and "psychiatry" share one."""
    for ending in ("ist", "ic", "al", "um", "y", "i"):
        if stem.endswith(ending) and len(stem) - len(ending) >= FAMILY_STEM:
            return stem[: -len(ending)]
    return stem


def uncovered_terms(
    query: str, vocabulary: Collection[str], stems: Stems
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(specific terms the corpus lacks, content words it has), in question order."""
    missing: list[str] = []
    covered: list[str] = []
    people = {w for start, end in find_names(query) for w in query[start:end].split()}
    drugs = _drug_names(query.replace("-", " "))
    for capital in CAPITALISED.finditer(query):
        eponym, head = capital.group(0), EPONYM_HEAD.match(query, capital.end())
        if head and (
            eponym.startswith("[")
            or (
                _zipf(eponym.lower()) < COMMON_CAPITAL
                and eponym.lower() not in drugs  # "Ritalin test": a drug, judged below
                and not all(_in(stem, vocabulary) for stem in stems(eponym))
            )
        ):
            missing.append(f"{eponym}{head.group(1)}")
            people.add(eponym)
    for name in NAME_PHRASE.findall(query.strip()):
        if name.split()[0] in TITLES or set(name.split()) & people:
            people.update(name.split())
        elif not all(_in(stem, vocabulary) for stem in stems(name)):
            missing.append(name)  # a named scale, guideline or therapy: "Brief Psychiatric ..."
    missing += _methods(query, vocabulary, stems)
    inside_names = people | {word for name in missing for word in name.split()}

    def judge(word: str) -> None:
        word_stems = stems(word)
        if not word_stems:
            return  # a stop word
        if all(_in(stem, vocabulary) for stem in word_stems):
            covered.append(word)
        elif word.lower() in drugs:
            generic = drugs[word.lower()]
            if generic and all(_in(stem, vocabulary) for stem in stems(generic)):
                covered.append(word)
            elif word not in missing:
                missing.append(word)
        elif _substance(word_stems, stems) and word not in missing:
            missing.append(word)  # "alcohol", "cannabis": everyday words that name the topic
        elif _specific(word) and not _personal_name(word) and word not in missing:
            missing.append(word)
        elif "-" in word and not ACRONYM.match(word):
            for part in word.split("-"):  # "psilocybin-assisted", "community-acquired"
                judge(part)

    for word in WORD.findall(query):
        if word.startswith("[") or "'" in word or "’" in word:
            continue  # a redaction placeholder or a contraction: never a topic
        word = word.strip("-/")
        if word not in inside_names:
            judge(word)
    return tuple(missing), tuple(covered)


def _methods(query: str, vocabulary: Collection[str], stems: Stems) -> list[str]:
    """Named methods of the question ("motivational interviewing") the corpus never uses: no
    corpus word pair joins the modifier to the head or a word holding it."""
    found = []
    words = WORD.findall(query)
    for modifier, head in zip(words, words[1:], strict=False):
        head_stems, modifier_stems = stems(head), stems(modifier)
        if len(head_stems) != 1 or head_stems[0] not in METHOD_HEADS or not modifier_stems:
            continue
        if modifier[:1].isupper() or _zipf(modifier.lower()) >= METHOD_MODIFIER_ZIPF:
            continue  # a capitalised name is judged whole above; "best", "talking" name nothing
        head_stem, modifier_stem = head_stems[0], modifier_stems[-1]
        joined = (
            pair.split(" ", 1)[1]
            for pair in vocabulary
            if " " in pair and pair.startswith(modifier_stem + " ")
        )
        if not any(head_stem in word for word in joined):
            found.append(f"{modifier} {head}")
    return found


def _in(stem: str, vocabulary: Collection[str]) -> bool:
    """The stem, or a longer one of its family, is in the vocabulary."""
    if stem in vocabulary:
        return True
    return len(stem) >= FAMILY_STEM and any(known.startswith(stem) for known in vocabulary)


def _personal_name(word: str) -> bool:
    """A single capitalised word that is no drug and no acronym ("Siobhán"): a person or a
    place in a clinician's story, not a topic the sources could cover."""
    return word[:1].isupper() and word[1:].islower()


def _specific(word: str) -> bool:
    if ACRONYM.match(word):
        return True
    if INFLECTED.search(word):
        return False  # "dampened", "boosting": a rare verb or adverb describes, it names nothing
    frequency = _zipf(word.lower())
    if frequency < RARE_ZIPF:
        return True
    if frequency >= CONDITION_ZIPF:
        return False
    from assistant.retrieval.medical_terms import condition_words

    return word.lower() in condition_words()


def _substance(word_stems: list[str], stems: Stems) -> bool:
    """Whether the word names a substance of ICD-10's F10-F19 ("cannabis" for "cannabinoids")."""
    from assistant.retrieval.medical_terms import substance_words

    known = {stem for word in substance_words() for stem in stems(word)}
    return any(
        stem == substance
        or min(len(stem), len(substance)) >= FAMILY_STEM
        and (stem.startswith(substance) or substance.startswith(stem))
        for stem in word_stems
        for substance in known
    )


@cache
def _zipf(word: str) -> float:
    from assistant.word_frequency import zipf

    return zipf(word)


def _drug_names(query: str) -> dict[str, str]:
    """Lower-cased drug words of the query -> the drug's generic name (see drug_lexicon)."""
    words = [w.strip("-/,.?!;:") for w in query.split()]
    candidates = [w for w in words if w and _zipf(w.lower()) < 4.0]
    if not candidates:
        return {}
    from assistant.retrieval.drug_lexicon import find_drugs

    found = find_drugs(words)
    names: dict[str, str] = {}
    rare = {w.lower() for w in candidates}
    for drug, start, end in found:
        generic = str(drug.get("name", ""))
        for word in words[start:end]:
            if word.lower() in rare:
                names[word.lower()] = generic
    return names


def warm_up() -> None:
    """Make the drug name table now rather than on the first question naming a rare word."""
    from assistant.retrieval.drug_lexicon import ensure

    ensure()


def _listed(terms: tuple[str, ...]) -> str:
    if len(terms) == 1:
        return terms[0]
    return ", ".join(terms[:-1]) + f" or {terms[-1]}"
