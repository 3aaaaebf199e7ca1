"""Clinical safety: crisis language in free text, and the card a clinician is shown on a hit."""

from assistant.safety.guard import SafetyGuard, check, default_guard
from assistant.safety.models import (
    KINDS,
    STATUSES,
    CrisisResource,
    Kind,
    SafetyCard,
    SafetyHit,
    Status,
)

__all__ = [
    "KINDS",
    "STATUSES",
    "CrisisResource",
    "Kind",
    "SafetyCard",
    "SafetyGuard",
    "SafetyHit",
    "Status",
    "check",
    "default_guard",
]
