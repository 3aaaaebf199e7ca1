"""Answers composed only from retrieved posts, each statement with its citation."""

from assistant.answers.models import Answer, Citation, Statement
from assistant.answers.service import Explainer

__all__ = ["Answer", "Citation", "Explainer", "Statement"]
