"""Arbitrary and hostile text never crashes the PHI guard, and redaction never leaks a value."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.privacy import redact, scan

# ASCII digits: what clinicians type ([0-9] would also draw Arabic-Indic and other digits).
IDENTIFIERS = st.one_of(
    st.from_regex(r"[a-z]{1,8}\.[a-z]{1,8}@[a-z]{2,8}\.(com|org|net)", fullmatch=True),
    st.from_regex(r"\([2-7][0-9][0-9]\) [2-9][0-9][0-9]-[0-9]{4}", fullmatch=True),
    st.from_regex(r"07[0-9]{3} [0-9]{6}", fullmatch=True),
    st.from_regex(r"[1-5][0-9][0-9]-[1-9][0-9]-[1-9][0-9]{3}", fullmatch=True),
    st.from_regex(
        r"(0[1-9]|1[0-2])/(0[1-9]|1[0-9]|2[0-8])/(19[5-9][0-9]|20[01][0-9])", fullmatch=True
    ),
    st.from_regex(r"MRN: [A-Z]?[0-9]{6,9}", fullmatch=True),
    st.from_regex(r"https://www\.[a-z]{3,10}\.org/[a-z]{1,8}", fullmatch=True),
    st.from_regex(r"(Dr|Mrs|Mr) [A-Z][a-z]{2,9}", fullmatch=True),
    st.from_regex(r"[0-9]{1,4} [A-Z][a-z]{2,9} (Street|Road|Avenue)", fullmatch=True),
)
FILLER = st.sampled_from(
    ["Friday nights at the pub", "payday", "after work", "with old mates", ",", ".", "\n", " "]
)
hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=500),
    st.lists(st.one_of(FILLER, IDENTIFIERS, st.text(max_size=5)), max_size=40).map(" ".join),
)


def leaked(value: str, output: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", output) is not None


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_fuzz_scan_and_redact_never_crash_and_never_leak_a_found_value(text: str) -> None:
    findings = scan(text)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))
    result = redact(text)
    assert sum(result.counts_by_type.values()) == len(findings)
    for finding in findings:
        assert not leaked(text[finding.start : finding.end], result.text)


@settings(max_examples=200, deadline=None)
@given(st.lists(IDENTIFIERS, min_size=1, max_size=6), st.lists(FILLER, max_size=6))
def test_fuzz_planted_identifiers_are_all_redacted(planted: list[str], filler: list[str]) -> None:
    padded = filler[: len(planted)] + [""] * (len(planted) - len(filler))
    text = " and ".join(f"{f} {p}" for f, p in zip(padded, planted, strict=True))
    output = redact(text).text
    for value in planted:
        core = (
            value.split(" ", 1)[1] if value.startswith(("MRN: ", "Dr ", "Mrs ", "Mr ")) else value
        )
        assert core not in output


def test_fuzz_huge_text_is_handled() -> None:
    text = (
        "Dave rang from 07700 900123 about MRN: 1234567 on 03/04/2024. " * 2_000
    ) + "a" * 100_000
    result = redact(text)
    assert result.counts_by_type["PHONE"] == 2_000
    assert "07700" not in result.text and "Dave" not in result.text
