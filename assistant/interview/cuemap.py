"""The cue map: cues by category, ranked triggers, the relapse sequence, the plan, cited whys."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answers.models import Answer, Citation
from assistant.errors import CueMapError
from assistant.interview.actions import Action, ActionReader
from assistant.interview.models import (
    CATEGORY_KINDS,
    PLAN_EPISODE,
    AnswerRecord,
    Cue,
    CueMap,
    Explanation,
    Finding,
    PlanEntry,
    SequenceItem,
    SequenceStage,
    SessionRecord,
    Slot,
    UpstreamTarget,
)
from assistant.interview.template import Question, Template
from assistant.interview.validation import display

if TYPE_CHECKING:  # the retrieval's models: only where a map is explained, not where it is shown
    from assistant.answers.service import Explainer

log = logging.getLogger(__name__)
TOP_TRIGGERS = 3
Answers = Mapping[Slot, AnswerRecord]


Sources = tuple[list[Explanation], list[Citation]]


class CueMapBuilder:
    """The map from stored answers and stored cues: nothing is extracted here."""

    def __init__(
        self, template: Template, explainer: Explainer | None, actions: ActionReader | None = None
    ) -> None:
        self.template = template
        self.explainer = explainer
        self.actions = actions

    def action(self, question: Question, answers: Answers, episode: int) -> Action | None:
        """Seeking, coping or neutral for an answer to a `coping_section` question; else None."""
        text = _text(answers, Slot(question.id, episode))
        if question.coping_section is None or self.actions is None or not text:
            return None
        use = next((q for q in self.template.episode.questions if q.stage == "use"), None)
        used = _text(answers, Slot(use.id, episode)) if use else None
        return self.actions.read(text, used)

    def _on_stage(self, question: Question, answers: Answers, episode: int) -> bool:
        """Is this answer a link of the chain (an action question's only when seeking)?"""
        action = self.action(question, answers, episode)
        return action is None or action == "seeking" or question.coping_section is None

    def cues(self, answers: Answers, stored: Sequence[Cue], episodes: int) -> list[Cue]:
        """The cues standing (not removed; their answer still there), in interview order
        (episode by episode, question by question, the clinician's own last)."""
        order = {q.id: n for n, q in enumerate(self.template.episode.questions)}
        standing = [
            c
            for c in stored
            if c.status != "removed"
            and 1 <= c.episode <= episodes
            and (c.source == "clinician" or _text(answers, Slot(c.question_id, c.episode)))
        ]
        return sorted(standing, key=lambda c: (c.episode, order.get(c.question_id, len(order))))

    def top_triggers(self, answers: Answers, stored: Sequence[Cue], episodes: int) -> list[Cue]:
        cues = self.cues(answers, stored, episodes)
        return rank_triggers(cues, self.craving(answers, episodes))

    def craving(self, answers: Answers, episodes: int) -> dict[int, int]:
        question = next((q for q in self.template.episode.questions if q.kind == "scale"), None)
        if question is None:
            return {}
        ratings = {n: _text(answers, Slot(question.id, n)) for n in range(1, episodes + 1)}
        return {n: int(text) for n, text in ratings.items() if text}

    def build(
        self,
        record: SessionRecord,
        answers: Answers,
        stored: Sequence[Cue],
        sources: Sources | None = None,
        gaps: Sequence[str] = (),
    ) -> CueMap:
        """The map; `sources` are the stored cited explanations (asked for when None)."""
        episodes = record.state.episodes
        cues = self.cues(answers, stored, episodes)
        craving = self.craving(answers, episodes)
        explanations, citations = sources or self.explanations(cues)
        return CueMap(
            session_id=record.id,
            label=record.label,
            status=record.state.status,
            episodes=episodes,
            cues=cues,
            top_triggers=rank_triggers(cues, craving),
            by_category=by_category(cues),
            sequence=self._sequence(cues, answers, episodes),
            findings=self._findings(answers, episodes),
            plan=self._plan(answers),
            upstream=self._upstream(cues, answers, episodes),
            explanations=explanations,
            citations=citations,
            craving=craving,
            gaps=list(gaps),
        )

    def explanations(self, cues: Sequence[Cue]) -> Sources:
        """The cited 'why' passages for the categories mapped (none without the sources)."""
        return self._explanations({c.category for c in cues})

    def _answered(
        self, question: Question, answers: Answers, episodes: int
    ) -> list[tuple[int, str]]:
        """(episode, shown text) for each answer to `question`."""
        numbers = range(1, episodes + 1) if self.template.repeats(question.id) else [PLAN_EPISODE]
        return [
            (n, display(question, text))
            for n in numbers
            if (text := _text(answers, Slot(question.id, n)))
        ]

    def _sequence(self, cues: list[Cue], answers: Answers, episodes: int) -> list[SequenceStage]:
        """Cues on the stages that collect their category; stage questions' answers on theirs,
        unless the answer's own cues are already there (the thoughts behind a prediction)."""
        stages = []
        for stage in self.template.sequence:
            items = [
                SequenceItem(c.text, "cue", c.question_id, c.episode)
                for c in distinct(cues)
                if c.category in stage.categories
            ]
            for question in self.template.questions:
                if question.stage == stage.id:
                    items += [
                        SequenceItem(text, "answer", question.id, n)
                        for n, text in self._answered(question, answers, episodes)
                        if not _covered(cues, question.id, n, stage.categories)
                        and self._on_stage(question, answers, n)
                    ]
            stages.append(SequenceStage(stage.id, stage.label, stage.explanation, items))
        return stages

    def _findings(self, answers: Answers, episodes: int) -> list[Finding]:
        findings = [
            Finding(question.map_section, question.label, text, question.id, n)
            for question in self.template.episode.questions
            if question.map_section
            for n, text in self._answered(question, answers, episodes)
        ]
        for question in self.template.episode.questions:
            for n, text in self._answered(question, answers, episodes):
                action = self.action(question, answers, n)
                if action == "coping" and question.coping_section:
                    label = f"{question.label} (coping, not drug-seeking)"
                    findings.append(Finding(question.coping_section, label, text, question.id, n))
                elif action == "neutral":
                    label = "Neither drug-seeking nor coping"
                    findings.append(Finding(question.label, label, text, question.id, n))
        return findings

    def _plan(self, answers: Answers) -> list[PlanEntry]:
        plan: list[PlanEntry] = []
        slots = sorted({q.trigger for q in self.template.plan.questions if q.trigger})
        for number in slots:
            entry = self._trigger_plan(number, answers)
            if entry:
                plan.append(entry)
        for question in self.template.plan.questions:
            text = _text(answers, Slot(question.id, PLAN_EPISODE))
            if question.trigger is None and text:
                plan.append(PlanEntry(question.label, text, [question.id]))
        return plan

    def _trigger_plan(self, number: int, answers: Answers) -> PlanEntry | None:
        questions = [q for q in self.template.plan.questions if q.trigger == number]
        pairs = [(q, r) for q in questions if (r := answers.get(Slot(q.id, PLAN_EPISODE)))]
        strategy = next((r.text for q, r in pairs if q.kind == "text" and r.text), None)
        confidence = next((int(r.text) for q, r in pairs if q.bounds and r.text), None)
        if strategy is None and confidence is None:
            return None
        trigger = next((r.subject for _, r in pairs if r.subject), None)
        shown = [strategy or "no strategy yet"]
        if confidence is not None:
            shown.append(f"confidence {confidence}%")
        return PlanEntry(
            label=f"Trigger {number}: {trigger}" if trigger else f"Trigger {number}",
            text=", ".join(shown),
            question_ids=[q.id for q in questions],
            trigger=trigger,
            strategy=strategy,
            confidence=confidence,
            target_stage=self._target_stage(strategy),
        )

    def _target_stage(self, strategy: str | None) -> str | None:
        if not strategy:
            return None
        stages = self.template.plan.strategy_stages.items()
        return next((stage for pick, stage in stages if pick in strategy.lower()), None)

    def _upstream(self, cues: list[Cue], answers: Answers, episodes: int) -> list[UpstreamTarget]:
        targets = []
        for target in self.template.upstream:
            items = [c.text for c in distinct(cues) if c.category in target.categories]
            for question_id in target.questions:
                question = self.template.question(question_id)
                if question:
                    items += [
                        text
                        for n, text in self._answered(question, answers, episodes)
                        if not _covered(cues, question.id, n, target.categories)
                        and self._on_stage(question, answers, n)
                    ]
            targets.append(UpstreamTarget(target.id, target.label, list(dict.fromkeys(items))))
        return targets

    def _explanations(self, categories: set[str]) -> tuple[list[Explanation], list[Citation]]:
        explanations: list[Explanation] = []
        citations: dict[str, Citation] = {}
        said: set[str] = set()  # a passage quoted once is not repeated under the next heading
        for query in self.template.explanations:
            if query.when_categories and not categories & set(query.when_categories):
                continue
            answer = self._ask(query.query)
            if answer is None or answer.abstained:
                continue
            statements = [s for s in answer.statements if s.text not in said]
            if not statements:
                continue
            said.update(s.text for s in statements)
            by_n = {c.n: c for c in answer.citations}
            numbers = {}
            for s in statements:
                citation = by_n[s.citation]
                if citation.chunk_id not in citations:
                    citations[citation.chunk_id] = replace(citation, n=len(citations) + 1)
                numbers[s.citation] = citations[citation.chunk_id].n
            text = " ".join(f"{s.text} [{numbers[s.citation]}]" for s in statements)
            explanations.append(
                Explanation(query.id, query.title, text, sorted(set(numbers.values())))
            )
        return explanations, list(citations.values())

    def _ask(self, query: str) -> Answer | None:
        if self.explainer is None:
            return None
        try:
            return self.explainer.ask(query)
        except CueMapError as exc:  # no index yet: the map stands without its sources
            log.warning("Cue map built without cited explanations: %s", exc)
            return None


def rank_triggers(cues: list[Cue], craving: Mapping[int, int]) -> list[Cue]:
    """Most episodes first, then most mentions, then the strongest craving, then first said."""
    first: dict[tuple[str, str], Cue] = {}
    episodes: dict[tuple[str, str], set[int]] = {}
    mentions: dict[tuple[str, str], int] = {}
    for cue in cues:
        first.setdefault(cue.key, cue)
        episodes.setdefault(cue.key, set()).add(cue.episode)
        mentions[cue.key] = mentions.get(cue.key, 0) + 1
    order = list(first)

    def score(key: tuple[str, str]) -> tuple[int, int, int, int]:
        strongest = max((craving.get(n, -1) for n in episodes[key]), default=-1)
        return (-len(episodes[key]), -mentions[key], -strongest, order.index(key))

    return [first[key] for key in sorted(order, key=score)[:TOP_TRIGGERS]]


def distinct(cues: list[Cue]) -> list[Cue]:
    """Each cue once (category and text), where it was first said."""
    first: dict[tuple[str, str], Cue] = {}
    for cue in cues:
        first.setdefault(cue.key, cue)
    return list(first.values())


def by_category(cues: list[Cue]) -> dict[str, list[Cue]]:
    unique = distinct(cues)
    grouped = {name: [c for c in unique if c.category == name] for name in CATEGORY_KINDS}
    return {name: found for name, found in grouped.items() if found}


def _covered(cues: list[Cue], question_id: str, episode: int, categories: Sequence[str]) -> bool:
    """Did this answer yield cues of these categories (so the cues stand in for it)?"""
    return any(
        c.question_id == question_id and c.episode == episode and c.category in categories
        for c in cues
    )


def _text(answers: Answers, slot: Slot) -> str | None:
    record = answers.get(slot)
    return record.text if record else None
