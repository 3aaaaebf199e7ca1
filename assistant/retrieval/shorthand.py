"""Clinicians' shorthand read as words the sources use: "MPH" is methylphenidate, "pt w/ sx"
a patient with symptoms.

A question typed as a note ("MPH - NAT blockade, what does it do in PFC?") holds abbreviations
the threads spell out, so neither the model nor the lexical index finds what it asks, and
coverage takes them for terms the sources lack. An abbreviation below is replaced by its
meaning unless the corpus itself uses it (the methylphenidate thread writes "NAT" and "DAT":
those stay as typed). Only abbreviations with one meaning in psychiatry are listed: "NA"
(noradrenaline or Narcotics Anonymous) and "BPD" (borderline or bipolar) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Upper-case acronyms, matched as typed (a word "Dat" or "pfc" in lower case is left alone)
ACRONYMS = {
    "MPH": "methylphenidate",
    "PGB": "pregabalin",
    "DA": "dopamine",
    "NE": "norepinephrine",
    "5-HT": "serotonin",
    "NAT": "noradrenaline transporter",
    "NET": "noradrenaline transporter",
    "DAT": "dopamine transporter",
    "SERT": "serotonin transporter",
    "PFC": "prefrontal cortex",
    "VTA": "ventral tegmental area",
    "NAc": "nucleus accumbens",
    "OFC": "orbitofrontal cortex",
    "SCZ": "schizophrenia",
    "MDD": "depression",
    "AUD": "alcohol use disorder",
    "OUD": "opioid use disorder",
    "SUD": "substance use disorder",
    "GAD": "generalised anxiety",
    "AOD": "alcohol and other drugs",
    "MoA": "mechanism of action",
    "RP": "relapse prevention",
}
# Note-taking shorthand, in any case
NOTES = {
    "pt": "patient",
    "pts": "patients",
    "sx": "symptoms",
    "fxn": "function",
    "tx": "treatment",
    "dx": "diagnosis",
    "hx": "history",
    "w/": "with",
    "w/o": "without",
    "+ve": "positive",
    "-ve": "negative",
    "b/c": "because",
    "abt": "about",
}
_ACRONYM = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(a) for a in sorted(ACRONYMS, key=len, reverse=True))
    + r")s?(?![\w-])"
)
_NOTE = re.compile(
    r"(?<![\w/+-])("
    + "|".join(re.escape(n) for n in sorted(NOTES, key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)


def expand(query: str, known: Callable[[str], bool]) -> str:
    """The query with each listed abbreviation the corpus does not use (`known` says which it
    does) replaced by its meaning."""

    def acronym(m: re.Match[str]) -> str:
        word = m.group(1)
        return m.group(0) if known(word) else ACRONYMS[word]

    def note(m: re.Match[str]) -> str:
        word = m.group(1)
        return NOTES[word.lower()]

    return _NOTE.sub(note, _ACRONYM.sub(acronym, query))
