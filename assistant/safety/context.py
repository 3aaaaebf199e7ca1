"""ConText over crisis phrases: negated, historical, hypothetical or about someone else?

The ConText algorithm (Harkema et al., J Biomed Inform 2009) as medspaCy implements it: cue
phrases ("denies", "history of", "if", "her brother") modify the crisis phrases in their scope,
which runs in one direction to the end of the sentence, at most `max_scope` tokens, and stops at
a terminating cue ("but", "so", "says"). CueMap adds real clause scope (`clauses.py`): a cue
does not reach past a comma, "and" or a colon into a new clause, only along a list of crisis
phrases ("denies SI, HI or self-harm"), and a QUESTION cue drops what a clinician asks
("Have you had thoughts of hurting yourself?"). spaCy and medspaCy load on first use (a few
seconds), so nothing that starts CueMap waits for them; `warm_up` loads them ahead of time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from assistant.safety.clauses import Clauses
from assistant.safety.config import Context
from assistant.safety.models import Status

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

GROUP = "crisis"  # the span group the crisis phrases go in
WINDOW = 1500  # characters of text given to ConText at once, at most
MARGIN = 200  # characters kept on each side of a phrase: beyond every cue's reach
NEVER = "\u2063\u2063"  # two invisible separators: a token no text is tokenised into
# What ConText reads of a phrase: its status, or that it is negated ("denies SI"), or that it is
# the topic of a film, the news, a book or a lesson (no hit, whether phrase or meaning).
Reading = Status | Literal["negated", "topic"]
SENTENCE_ENDS = frozenset({".", "!", "?", ";", "...", "…"})


@dataclass(frozen=True)
class Target:
    start: int  # character offsets in the text
    end: int
    kind: str


class ContextPipeline:
    """A blank English tokenizer, sentence ends, and medspaCy's ConText with CueMap's rules."""

    def __init__(self, context: Context) -> None:
        self._context = context
        self._nlp: Language | None = None

    def warm_up(self) -> None:
        self._pipeline()

    def statuses(self, text: str, targets: list[Target]) -> list[Reading]:
        """For each target (in text order), its status, or "negated" or "topic" (not a hit)."""
        nlp = self._pipeline() if targets else None
        statuses: list[Reading] = []
        for lo, hi, group in _windows(len(text), targets):
            assert nlp is not None
            shifted = [Target(t.start - lo, t.end - lo, t.kind) for t in group]
            statuses += _window_statuses(nlp, text[lo:hi], shifted)
        return statuses

    def _pipeline(self) -> Language:
        if self._nlp is None:
            self._nlp = _shared_pipeline(self._context)
        return self._nlp


_built: dict[str, Language] = {}
_building = threading.Lock()


def _shared_pipeline(context: Context) -> Language:
    """One pipeline per process for the same rules: every guard (one per engine) shares it."""
    key = context.model_dump_json()
    with _building:
        if key not in _built:
            _built[key] = _build(context)
        return _built[key]


def _windows(length: int, targets: list[Target]) -> list[tuple[int, int, list[Target]]]:
    """The text around the targets in pieces of at most WINDOW characters (ConText compares
    every pair of cues in a text: a long text in one piece would take quadratic time)."""
    windows: list[tuple[int, int, list[Target]]] = []
    for target in targets:
        lo, hi = max(0, target.start - MARGIN), min(length, target.end + MARGIN)
        if windows and lo <= windows[-1][1] and hi - windows[-1][0] <= WINDOW:
            first, _, group = windows[-1]
            windows[-1] = (first, hi, [*group, target])
        else:
            windows.append((lo, hi, [target]))
    return windows


def _window_statuses(nlp: Language, text: str, targets: list[Target]) -> list[Reading]:
    doc = nlp.make_doc(text)
    spans = [_span(doc, t) for t in targets]
    doc.spans[GROUP] = [s for s in spans if s is not None]
    for _, component in nlp.pipeline:
        doc = component(doc)
    modifiers: dict[tuple[int, int], list[Any]] = {}
    for target, modifier in doc._.context_graph.edges:
        modifiers.setdefault((target.start, target.end), []).append(modifier)
    return [
        _status(doc, modifiers.get((s.start, s.end), [])) if s is not None else "current"
        for s in spans
    ]


def _span(doc: Doc, target: Target) -> Span | None:
    return doc.char_span(target.start, target.end, label=target.kind, alignment_mode="expand")


def _status(doc: Doc, modifiers: list[Any]) -> Reading:
    categories = {m.category for m in modifiers}
    if categories & {"TOPIC", "QUESTION"}:  # a film, a lesson or a question asked: no hit
        return "topic"
    if "NEGATED_EXISTENCE" in categories:
        return "negated"
    if "OTHER_PERSON" in categories:
        return "other_person"
    if "HYPOTHETICAL" in categories:
        return "hypothetical"
    if "RECENT" in categories:
        return "current"
    past_year = any(
        m.category == "YEAR" and _year(doc, m) < datetime.now(UTC).year for m in modifiers
    )
    if "HISTORICAL" in categories or past_year:
        return "historical"
    return "current"


def _year(doc: Doc, modifier: Any) -> int:
    start, end = modifier.modifier_span
    digits = "".join(ch for ch in doc[start:end].text if ch.isdigit())
    return int(digits[:4]) if len(digits) >= 4 else datetime.now(UTC).year


def _build(context: Context) -> Language:
    from assistant.spacy_runtime import load_lock

    with load_lock():
        return _build_pipeline(context)


def _build_pipeline(context: Context) -> Language:
    from assistant.spacy_runtime import import_medspacy_context, import_spacy

    spacy = import_spacy()
    ConTextRule = import_medspacy_context().ConTextRule  # noqa: N806 (a class)
    from spacy.language import Language

    if "cuemap_sentence_ends" not in Language.factories:
        Language.component("cuemap_sentence_ends", func=_sentence_ends)
    nlp = spacy.blank("en")
    nlp.add_pipe("cuemap_sentence_ends")
    component: Any = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
            "span_attrs": None,
            "input_span_type": "group",
            "span_group_name": GROUP,
            "prune_on_modifier_overlap": True,
        },
    )
    clauses = Clauses(context, GROUP)
    for i, rule in enumerate(context.rules):
        terminal = rule.category in ("TERMINATE", "PSEUDO")
        component.add(
            ConTextRule(
                literal=f"{rule.category.lower()}-{i}",
                category=rule.category,
                pattern="|".join(f"(?:{p})" for p in rule.patterns),  # one pass per rule
                direction=rule.category if terminal else rule.direction.upper(),
                on_modifies=None if terminal else clauses.reaches(rule),
            )
        )
    # Our cues are regular expressions; medspaCy still runs spaCy's token Matcher, which warns
    # on every text when it has no pattern. One pattern that never matches keeps it quiet.
    component.add(ConTextRule(literal="nothing", category="PSEUDO", pattern=[{"ORTH": NEVER}]))
    return nlp


def _sentence_ends(doc: Doc) -> Doc:
    """A sentence starts after . ! ? ; and after a line break; nowhere else."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        token.is_sent_start = before.text in SENTENCE_ENDS or (
            before.is_space and "\n" in before.text
        )
    if len(doc):
        doc[0].is_sent_start = True
    return doc
