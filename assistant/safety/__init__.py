"""Clinical safety: crisis language in free text, and the card a clinician is shown on a hit."""

from typing import TYPE_CHECKING

from assistant.safety.models import (
    KINDS,
    STATUSES,
    CrisisResource,
    Kind,
    SafetyCard,
    SafetyHit,
    Status,
)

if TYPE_CHECKING:
    from assistant.safety.guard import SafetyGuard, check, default_guard

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

_GUARD = ("SafetyGuard", "check", "default_guard")


def __getattr__(name: str) -> object:
    """The guard (and the detector, phrases and model behind it) is imported on first use: a
    saved session's models need only the card, and `cuemap interview list` starts faster."""
    if name in _GUARD:
        from assistant.safety import guard

        return getattr(guard, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
