"""What the crisis detector reports and what the clinician is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["suicide", "self_harm", "harm_to_others", "overdose"]
KINDS: tuple[Kind, ...] = get_args(Kind)

# Whose risk, and when: said of the patient now; past history (a dated attempt, "used to");
# raised as a possibility ("if the urges come back"); about someone else (a relative, a friend).
Status = Literal["current", "hypothetical", "historical", "other_person"]
STATUSES: tuple[Status, ...] = get_args(Status)  # most urgent first

Subject = Literal["answer", "question"]


def most_urgent(statuses: list[Status]) -> Status:
    return min(statuses, key=STATUSES.index)


@dataclass(frozen=True)
class SafetyHit:
    """One crisis phrase: its kind, its status and where it sits in the text (never the text)."""

    kind: Kind
    start: int
    end: int
    status: Status = "current"


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
    kind_labels: list[str]  # with the status when it is not current: "self-harm (past history)"
    statuses: dict[Kind, Status]  # the most urgent status each kind was flagged with
    title: str
    protocol: str
    notes: list[str]  # what to do about past, possible or someone else's risk
    confirm: str
    positioning: str
    resources: list[CrisisResource]

    def to_text(self) -> str:
        """Plain text for the console: title, what was flagged, protocol, resources."""
        lines = [self.title, f"Flagged: {', '.join(self.kind_labels)}.", self.protocol, *self.notes]
        lines.append("")
        for resource in self.resources:
            detail = f" {resource.detail}" if resource.detail else ""
            lines.append(f"- {resource.name}: {resource.contact}.{detail}")
        lines += ["", self.positioning]
        return "\n".join(lines)
