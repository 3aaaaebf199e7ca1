"""Answers composed only from retrieved posts, each statement with its citation."""

from typing import TYPE_CHECKING

from assistant.answers.models import Answer, Citation, Statement

if TYPE_CHECKING:
    from assistant.answers.service import Explainer

__all__ = ["Answer", "Citation", "Explainer", "Statement"]


def __getattr__(name: str) -> object:
    """`Explainer` (and the retrieval stack behind it) is imported on first use."""
    if name == "Explainer":
        from assistant.answers.service import Explainer

        return Explainer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
