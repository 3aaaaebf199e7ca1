"""Privacy: a PHI guard for free text (HIPAA Safe Harbor identifiers) and encryption at rest.

The scanner (its name lists and patterns) is imported on first use: a command that only opens
the encrypted session store (`cuemap interview list`) does not load it.
"""

from typing import TYPE_CHECKING

from assistant.privacy.models import PhiFinding, PhiType, Redaction

if TYPE_CHECKING:
    from assistant.privacy.scanner import redact, scan


def warm_up() -> None:
    """Load the name recogniser, name lists and drug names, and compile the identifier
    patterns, now (once per process; otherwise on first use)."""
    from assistant.privacy import lexicon, recogniser
    from assistant.privacy.patterns import SHAPES
    from assistant.retrieval import drug_lexicon

    recogniser.warm_up()
    lexicon.warm_up()
    drug_lexicon.lookup(["co-codamol"])  # medicines are never names: the table, made or read
    for shape in SHAPES:
        shape.regex  # noqa: B018 (compiled on first access)


__all__ = ["PhiFinding", "PhiType", "Redaction", "redact", "scan", "warm_up"]


def __getattr__(name: str) -> object:
    if name in ("redact", "scan"):
        from assistant.privacy import scanner

        return getattr(scanner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
