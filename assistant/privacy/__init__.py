"""Privacy: a PHI guard for free text (HIPAA Safe Harbor identifiers) and encryption at rest."""

from assistant.privacy.models import PhiFinding, PhiType, Redaction
from assistant.privacy.scanner import redact, scan

__all__ = ["PhiFinding", "PhiType", "Redaction", "redact", "scan"]
