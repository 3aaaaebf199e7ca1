"""What the crisis detector reports and what the clinician is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["suicide", "self_harm", "harm_to_others", "overdose"]
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True)
class SafetyHit:
    """One crisis phrase: its kind and where it sits in the text (never the text itself)."""

    kind: Kind
    start: int
    end: int


class CrisisResource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    contact: str = Field(min_length=1)
    detail: str = ""
    kinds: list[Kind] = Field(default_factory=lambda: list(KINDS), min_length=1)


class SafetyCard(BaseModel):
    """Shown on a hit, before the interview goes on: the protocol reminder and resources."""

    model_config = ConfigDict(frozen=True)

    region: str
    kinds: list[Kind]
    kind_labels: list[str]
    title: str
    protocol: str
    confirm: str
    positioning: str
    resources: list[CrisisResource]

    def to_text(self) -> str:
        """Plain text for the console: title, what was flagged, protocol, resources."""
        lines = [self.title, f"Flagged: {', '.join(self.kind_labels)}.", self.protocol, ""]
        for resource in self.resources:
            detail = f" {resource.detail}" if resource.detail else ""
            lines.append(f"- {resource.name}: {resource.contact}.{detail}")
        lines += ["", self.positioning]
        return "\n".join(lines)
