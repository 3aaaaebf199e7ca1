"""Privacy: a PHI guard for free text (HIPAA Safe Harbor identifiers) and encryption at rest."""

from assistant.privacy.models import PhiFinding, PhiType, Redaction
from assistant.privacy.scanner import redact, scan


def warm_up() -> None:
    """Load the name recogniser and name lists, and compile the identifier patterns, now (once
    per process; otherwise on first use)."""
    from assistant.privacy import lexicon, recogniser
    from assistant.privacy.patterns import SHAPES

    recogniser.warm_up()
    lexicon.warm_up()
    for shape in SHAPES:
        shape.regex  # noqa: B018 (compiled on first access)


__all__ = ["PhiFinding", "PhiType", "Redaction", "redact", "scan", "warm_up"]
