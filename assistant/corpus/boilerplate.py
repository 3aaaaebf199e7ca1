"""Site furniture of Thread Reader captures that must never reach the index."""

from __future__ import annotations

import re

# Lines that belong to the page, not to any thread. Matched against a stripped line.
_PAGE_LINE_PATTERNS = [
    r"^• • •$",
    r"^Missing some Tweet in this thread\?",
    r"^Keep Current with ",
    r"Profile picture$",
    r"^Stay in touch and get notified",
    r"^Read all threads$",
    r"^This Thread may be Removed Anytime!?$",
    r"^PDF$",
    r"^Twitter may remove this content",
    r"^Try unrolling a thread yourself!?$",
    r"^how to unroll video$",
    r"^\d+\.\s+(Follow @ThreadReaderApp|From a Twitter thread mention us)",
    r"^@threadreaderapp unroll$",
    r"^Practice here first or read more on our help page",
    r"^Did Thread Reader help you today\?",
    r"^Support us!",
    r"^This site is made by just two indie developers",
    r"^Become a Premium Member",
    r"^Become Premium$",
    r"^Don't want to be a Premium member",
    r"^Make a small donation",
    r"^Donate via Paypal$",
    r"^Or Donate anonymously using crypto",
    r"^(Ethereum|Bitcoin)$",
    r"^(0x[0-9a-fA-F]{40}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|bc1[a-z0-9]{25,60})\b",
    r"^Thank you for your support!?$",
    r"^Follow Us!?$",
    r"^:\($",
    r"^Read \d+ tweets$",
]
PAGE_LINE = re.compile("|".join(f"(?:{p})" for p in _PAGE_LINE_PATTERNS))

# Inside a thread: the author's own promotion of a course or link, not clinical content.
PROMO_PARAGRAPH = re.compile(
    r"(click the link below|check out the full course|sign up|subscribe|"
    r"^(https?://)?[\w-]+(\.[\w-]+)+/\S*$)",
    re.IGNORECASE,
)

# Strings that prove boilerplate leaked; the tests look for every one of them in the index.
FORBIDDEN_IN_INDEX = (
    "Premium",
    "Donate",
    "donation",
    "Paypal",
    "Bitcoin",
    "Ethereum",
    "0xfe58350B80634f60Fa6Dc149a72b4DFbc17D341E",
    "3ATGMxNzCUFzxpMCHL5sWSt4DVtS8UqXpi",
    "ThreadReaderApp",
    "unroll",
    "Profile picture",
    "Read on X",
    "tweets",
    "psychscene.co",
    "Image",
)


def is_page_line(line: str) -> bool:
    return bool(PAGE_LINE.search(line.strip()))
