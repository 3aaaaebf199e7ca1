"""What the interview service hands out and what it stores: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # annotations only: `--help` and the session list load no pydantic model
    from assistant.answers.models import Citation
    from assistant.safety.models import Kind, SafetyCard, Status

# The cue categories of CRA functional analysis, as the issue names them.
CATEGORY_KINDS: dict[str, Literal["external", "internal"]] = {
    "place": "external",
    "people": "external",
    "time": "external",
    "event": "external",
    "sensory": "external",
    "emotion": "internal",
    "body": "internal",
    "thought": "internal",
}
CueCategory = Literal["place", "people", "time", "event", "sensory", "emotion", "body", "thought"]
QuestionKind = Literal["text", "scale", "percent", "choice"]
ExportFormat = Literal["markdown", "json", "fhir"]
FhirVersion = Literal["R5", "R4B"]
CueSource = Literal["lexicon", "model", "answer", "clinician"]  # how a cue was found
CueStatus = Literal["proposed", "kept", "removed"]  # the clinician's say on an extracted cue
NONE_FITS = "none_fits"  # the IDTS tag of a cue no Inventory of Drug-Taking Situations type fits
ADDED = "added"  # the question id of a cue the clinician added at the episode's review
PLAN_EPISODE = 0  # stored episode number of plan questions, which do not repeat


@dataclass(frozen=True)
class Owner:
    """Who may see and change a session: the clinician, in their workspace."""

    workspace_id: str
    user_id: str


@dataclass(frozen=True)
class Slot:
    """One place in the interview: a question in an episode (PLAN_EPISODE for the plan)."""

    question_id: str
    episode: int


# -- stored ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionState:
    status: Literal["open", "finished"]
    episodes: int
    cursor: Slot | None
    updated_at: datetime


@dataclass(frozen=True)
class SessionRecord:
    id: str
    owner: Owner
    label: str
    state: SessionState
    created_at: datetime


@dataclass(frozen=True)
class SafetyFlag:
    """Crisis language found in an answer: its kind and where, never the text."""

    kind: Kind
    slot: Slot
    flagged_at: datetime
    confirmed_at: datetime | None = None  # when the clinician confirmed the safety card
    status: Status = "current"  # the most urgent status the kind was flagged with


@dataclass(frozen=True)
class AnswerRecord:
    slot: Slot
    text: str | None  # None when skipped
    subject: str | None = None  # the trigger a plan question was asked about, as shown
    answered_at: datetime | None = None

    @property
    def skipped(self) -> bool:
        return self.text is None


# -- views ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionView:
    id: str
    episode: int | None  # None for plan questions
    section: str
    prompt: str
    hint: str
    quick_picks: list[str]
    kind: QuestionKind
    position: int  # 1-based
    total: int
    current_answer: str | None
    label: str = ""
    skipped: bool = False


@dataclass(frozen=True)
class SessionView:
    session_id: str
    label: str
    status: Literal["open", "finished"]
    question: QuestionView | None  # None: every question visited, ready to finish
    answered: int
    total: int
    episodes: int
    safety: SafetyCard | None = None  # crisis language not yet confirmed: show this first


@dataclass(frozen=True)
class SessionSummary:
    session_id: str
    label: str
    status: Literal["open", "finished"]
    updated_at: datetime
    answered: int
    total: int


# -- the cue map ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One concept: `text` is its canonical form (sessions compare by it), `wording` the
    patient's own words it was found in; `span` is where in the answer (characters)."""

    category: str
    kind: Literal["external", "internal"]
    text: str
    question_id: str
    episode: int
    situation_tags: list[str] = field(default_factory=list)  # IDTS ids, or [NONE_FITS]
    source: CueSource = "lexicon"
    wording: str = ""
    span: tuple[int, int] | None = None
    extractor: str = ""  # the extractor version that found it ("" for a clinician's own)
    status: CueStatus = "proposed"
    id: int | None = None  # the stored row

    @property
    def key(self) -> tuple[str, str]:
        return self.category, self.text.lower()


@dataclass(frozen=True)
class CueReview:
    """An episode's cues as the clinician reviews them, and whether they have confirmed them."""

    episode: int
    cues: list[Cue]
    confirmed: bool

    def standing(self) -> list[Cue]:
        """Each concept not removed, once (a cue found in two answers is one line)."""
        first: dict[tuple[str, str], Cue] = {}
        for cue in self.cues:
            if cue.status != "removed":
                first.setdefault(cue.key, cue)
        return list(first.values())


@dataclass(frozen=True)
class SequenceItem:
    text: str
    source: Literal["cue", "answer"]
    question_id: str
    episode: int


@dataclass(frozen=True)
class SequenceStage:
    id: str
    label: str
    explanation: str
    items: list[SequenceItem]


@dataclass(frozen=True)
class PlanEntry:
    """One line of the plan: a trigger's coping strategy and confidence, or another plan item."""

    label: str
    text: str
    question_ids: list[str]
    trigger: str | None = None
    strategy: str | None = None
    confidence: int | None = None
    target_stage: str | None = None  # the link of the chain the strategy works on


@dataclass(frozen=True)
class Finding:
    """An answer reported in its own section of the map (consequences, vulnerability, ...)."""

    section: str
    label: str
    text: str
    question_id: str
    episode: int


@dataclass(frozen=True)
class UpstreamTarget:
    id: str
    label: str
    items: list[str]


@dataclass(frozen=True)
class Explanation:
    id: str
    title: str
    text: str  # statements with [n] markers into CueMap.citations
    citations: list[int]


@dataclass(frozen=True)
class CueMap:
    session_id: str
    label: str
    status: Literal["open", "finished"]
    episodes: int
    cues: list[Cue]
    top_triggers: list[Cue]
    by_category: dict[str, list[Cue]]  # distinct cues, categories in CATEGORY_KINDS order
    sequence: list[SequenceStage]
    findings: list[Finding]
    plan: list[PlanEntry]
    upstream: list[UpstreamTarget]
    explanations: list[Explanation]
    citations: list[Citation]
    craving: dict[int, int]  # episode -> craving strength 0-10, where answered
    gaps: list[str] = field(default_factory=list)  # what the map lacks: "the plan is unanswered"

    @property
    def complete(self) -> bool:
        return not self.gaps

    def external(self) -> dict[str, list[Cue]]:
        return {c: cues for c, cues in self.by_category.items() if CATEGORY_KINDS[c] == "external"}

    def internal(self) -> dict[str, list[Cue]]:
        return {c: cues for c, cues in self.by_category.items() if CATEGORY_KINDS[c] == "internal"}


@dataclass(frozen=True)
class Export:
    filename: str
    mime: str
    content: str
