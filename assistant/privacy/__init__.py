"""Privacy: a PHI guard for free text (HIPAA Safe Harbor identifiers) and encryption at rest."""

from assistant.privacy.models import PhiFinding, PhiType, Redaction
from assistant.privacy.scanner import redact, scan


def warm_up() -> None:
    """Load the name recogniser and name lists now (once per process; otherwise on first use)."""
    from assistant.privacy import lexicon, recogniser

    recogniser.warm_up()
    lexicon.warm_up()


__all__ = ["PhiFinding", "PhiType", "Redaction", "redact", "scan", "warm_up"]
