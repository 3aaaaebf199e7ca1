"""Find HIPAA Safe Harbor identifiers in free text and redact them. Never logs a value."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from assistant.privacy.models import PhiFinding, PhiType, Redaction
from assistant.privacy.names import find_names
from assistant.privacy.patterns import SHAPES

# When findings overlap, the merged span takes the type earliest in this order.
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        [
            PhiType.EMAIL,
            PhiType.URL,
            PhiType.IP,
            PhiType.SSN,
            PhiType.MRN,
            PhiType.ACCOUNT,
            PhiType.LICENSE,
            PhiType.VEHICLE,
            PhiType.DEVICE,
            PhiType.FAX,
            PhiType.PHONE,
            PhiType.DATE,
            PhiType.AGE,
            PhiType.ADDRESS,
            PhiType.ZIP,
            PhiType.NAME,
            PhiType.ID,
        ]
    )
}
_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")
_FREEPHONE = ("0800", "0808")
_FAX_LABEL = re.compile(r"\bfax\b\D{0,12}$", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")


def scan(text: str) -> list[PhiFinding]:
    """Every identifier in `text`, in order, overlaps merged; each repeat of a value included."""
    found = [*_shapes(text), *(PhiFinding(PhiType.NAME, s, e) for s, e in find_names(text))]
    found += _repeats(text, found)
    return _merge(found)


def redact(text: str) -> Redaction:
    """`text` with each identifier replaced by its placeholder ("[NAME]", "[PHONE]"...)."""
    parts: list[str] = []
    counts: Counter[PhiType] = Counter()
    last = 0
    for finding in scan(text):
        parts += [text[last : finding.start], finding.type.placeholder]
        counts[finding.type] += 1
        last = finding.end
    parts.append(text[last:])
    ordered = {kind: counts[kind] for kind in PhiType if counts[kind]}
    return Redaction("".join(parts), ordered)


def _shapes(text: str) -> Iterable[PhiFinding]:
    for shape in SHAPES:
        for match in shape.regex.finditer(text):
            start, end = _value_span(match)
            if end <= start:
                continue
            kind = shape.type
            if kind is PhiType.PHONE:
                if _business_number(match.group()):
                    continue
                if _FAX_LABEL.search(text, max(0, start - 24), start):
                    kind = PhiType.FAX
            yield PhiFinding(kind, start, end)


def _value_span(match: re.Match[str]) -> tuple[int, int]:
    for name in ("v", "v2"):
        if name in match.re.groupindex and match.group(name) is not None:
            return match.span(name)
    return match.span()


def _business_number(number: str) -> bool:
    """US toll-free and UK freephone numbers belong to services, not to a patient."""
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits.startswith(_TOLL_FREE) and len(digits) == 10 or digits.startswith(_FREEPHONE)


def _repeats(text: str, found: list[PhiFinding]) -> list[PhiFinding]:
    """Every other whole-word occurrence of a found value, and of each word of a found name."""
    wanted: dict[str, PhiType] = {}
    for finding in found:
        value = text[finding.start : finding.end]
        wanted.setdefault(value, finding.type)
        if finding.type is PhiType.NAME:
            for word in value.split():
                wanted.setdefault(word, PhiType.NAME)
    if not wanted:
        return []
    runs: defaultdict[str, list[int]] = defaultdict(list)
    for match in _WORD_RUN.finditer(text):
        runs[match.group()].append(match.start())
    return [
        PhiFinding(kind, start, start + len(value))
        for value, kind in wanted.items()
        for start in _occurrences(text, value, runs)
    ]


def _occurrences(text: str, value: str, runs: dict[str, list[int]]) -> Iterable[int]:
    """Starts of `value` in `text` with no word character right before or after it."""
    first = _WORD_RUN.match(value)
    if first is None:  # starts with a non-word character: search for it directly
        pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
        return (m.start() for m in pattern.finditer(text))
    candidates = runs.get(first.group(), [])
    return (
        start
        for start in candidates
        if text.startswith(value, start) and not _word_char_at(text, start + len(value))
    )


def _word_char_at(text: str, position: int) -> bool:
    return position < len(text) and _WORD_RUN.match(text[position]) is not None


def _merge(found: list[PhiFinding]) -> list[PhiFinding]:
    merged: list[PhiFinding] = []
    for finding in sorted(found, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.type, finding.type, key=_PRIORITY.__getitem__)
            merged[-1] = PhiFinding(kind, last.start, max(last.end, finding.end))
        else:
            merged.append(finding)
    return merged
