"""Clinical safety: crisis language in free text, and the card a clinician is shown on a hit."""

from assistant.safety.guard import SafetyGuard, check, default_guard
from assistant.safety.models import KINDS, CrisisResource, Kind, SafetyCard, SafetyHit

__all__ = [
    "KINDS",
    "CrisisResource",
    "Kind",
    "SafetyCard",
    "SafetyGuard",
    "SafetyHit",
    "check",
    "default_guard",
]
