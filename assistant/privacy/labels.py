"""Session labels: only pseudonym shapes, never anything that could be a name or a date.

A label is accepted when every part of it (split at anything but letters, digits and slashes)
is a generic word ("Pt", "client", "group", a weekday...), a single letter, a number of at
most four digits, a short code of letters and digits with a digit in it ("GRP3", "Q2"), or a
common English word that is in no name list and is not a month ("open", "old").
So "Pt-A", "client 7", "Tuesday group 2" and "Cohort B-3" pass; "Pt-Okafor", "Bed 4 Maria",
"JS", "03/04/1990", "Dec 5" and "client 07700900123" do not.
"""

from __future__ import annotations

import re

from assistant.privacy import lexicon
from assistant.privacy.models import PhiType
from assistant.privacy.scanner import redact

SUGGESTION = (
    "Use a pseudonym made of a generic word, letters and digits, such as Pt-A, client 7 or "
    "Tuesday group 2: a label that could be a name or a date is not stored."
)
_GENERIC = frozenset(
    """
    pt patient client case group grp session intake participant subject cohort id no number
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun morning afternoon evening night am pm team clinic service user su new follow
    up review week weekly day
    """.split()
)
_PART = re.compile(r"[A-Za-z]|\d{1,4}|(?=[A-Za-z0-9]{2,6}$)(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+")
_SPLIT = re.compile(r"[^\w/]+")


def is_pseudonym(label: str) -> bool:
    """True when `label` is built only of generic words, single letters, short numbers and codes."""
    parts = [p for p in _SPLIT.split(label.strip()) if p]
    if not parts or not all(_pseudonym_part(p) for p in parts):
        return False
    if sum(p.isdigit() for p in parts) > 2:  # "12 03 1990" could be a date
        return False
    # The shape rule already keeps names out; anything else the guard finds is refused.
    return all(kind is PhiType.NAME for kind in redact(label).counts_by_type)


def _pseudonym_part(part: str) -> bool:
    lower = part.lower()
    if lower in _GENERIC or _PART.fullmatch(part):
        return True
    # A common English word that is no one's name and no month: "Pt-open", "Pt-Old".
    return (
        part.isalpha()
        and lexicon.zipf(part) >= _COMMON
        and not lexicon.listed(part)
        and _MONTH.fullmatch(lower) is None
    )


_COMMON = 4.0
_MONTH = re.compile(
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
