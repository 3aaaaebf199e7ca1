"""The interview as a state machine over stored sessions: the one entry point every surface calls.

Each call loads the session, checks it belongs to the caller, applies one change, commits it,
and returns what the clinician should see next. Nothing is kept in memory between calls, so a
restart (or another process) picks up exactly where the last committed answer left off.

Free text is checked before it is stored (see guards.py): identifiers are refused or redacted,
and crisis language flags the answer and holds the interview until the clinician confirms the
safety card. Sessions untouched for the retention period are erased by `purge_expired`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial

from assistant.answers.models import Answer
from assistant.answers.service import Explainer
from assistant.errors import (
    InvalidAnswerError,
    NotYourSessionError,
    SafetyConfirmationRequiredError,
    SessionNotFoundError,
)
from assistant.interview import flow
from assistant.interview.cuemap import CueMapBuilder
from assistant.interview.cues import CueExtractor
from assistant.interview.exports import render_export, render_questionnaire
from assistant.interview.guards import (
    CONFIRM_FIRST,
    PhiPolicy,
    SafetyCheck,
    pending,
    private_text,
)
from assistant.interview.lexicon import load_lexicon
from assistant.interview.models import (
    PLAN_EPISODE,
    AnswerRecord,
    CueMap,
    Export,
    ExportFormat,
    FhirVersion,
    Owner,
    QuestionView,
    SessionRecord,
    SessionState,
    SessionSummary,
    SessionView,
    Slot,
)
from assistant.interview.store import SessionChange, SessionStore, SqlSessionStore
from assistant.interview.template import Question, Template, load_template, render_prompt
from assistant.interview.validation import clean_answer, clean_label
from assistant.privacy.encryption import cipher_from_settings
from assistant.privacy.labels import SUGGESTION as LABEL_SUGGESTION
from assistant.privacy.labels import is_pseudonym
from assistant.retrieval.embedder import Embedder
from assistant.safety import SafetyGuard
from assistant.settings import Settings

MAX_EPISODES = 10
Answers = dict[Slot, AnswerRecord]


def utc_now() -> datetime:
    return datetime.now(UTC)


class InterviewService:
    def __init__(
        self,
        store: SessionStore,
        template: Template,
        extractor: CueExtractor,
        explainer: Explainer | None = None,
        clock: Callable[[], datetime] = utc_now,
        safety: SafetyGuard | None = None,
        retention: timedelta = timedelta(days=30),
    ) -> None:
        self.store = store
        self.template = template
        self.extractor = extractor
        self.explainer = explainer
        self.maps = CueMapBuilder(template, extractor, explainer)
        self._clock = clock
        self.safety = SafetyCheck(safety)
        self.retention = retention

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        explainer: Explainer | None = None,
        embedder: Embedder | None = None,
        safety: SafetyGuard | None = None,
    ) -> InterviewService:
        template = load_template(settings.prompts_dir)
        lexicon = load_lexicon(settings.prompts_dir, template.situation_ids())
        store = SqlSessionStore(settings.sqlalchemy_url, cipher_from_settings(settings))
        return cls(
            store,
            template,
            CueExtractor(lexicon, embedder),
            explainer,
            safety=safety or SafetyGuard.from_settings(settings),
            retention=timedelta(days=settings.retention_days),
        )

    # -- the session's life ---------------------------------------------------------------------

    def start(self, owner: Owner, label: str = "", phi: PhiPolicy = "refuse") -> SessionView:
        """A new session under a pseudonymous label (generated when empty)."""
        label = private_text(clean_label(label), phi, "This label")
        if label and phi == "refuse" and not is_pseudonym(label):
            raise InvalidAnswerError(f"This label could be a name or a date. {LABEL_SUGGESTION}")
        label = clean_label(label) or f"session-{secrets.token_hex(2)}"  # redacted may be longer
        now = self._clock()
        state = SessionState("open", 1, flow.first_of_episode(self.template, 1), now)
        record = SessionRecord(secrets.token_hex(8), owner, label, state, created_at=now)
        self.store.create(record)
        return self._view(record, {})

    def view(self, owner: Owner, session_id: str) -> SessionView:
        record, answers = self._open(owner, session_id)
        return self._view(record, answers)

    def answer(
        self,
        owner: Owner,
        session_id: str,
        question_id: str,
        text: str,
        episode: int | None = None,
        phi: PhiPolicy = "refuse",
    ) -> SessionView:
        """Answer a question: the current one moves the interview on; an earlier one is an edit.

        Identifiers refuse the answer (PhiFoundError) unless `phi="redact"`; crisis language
        is flagged and the interview waits for `confirm_safety`."""
        question = self._question(question_id)
        text = private_text(clean_answer(question, text), phi)
        subject = None
        if question.trigger is not None:  # ranking triggers may embed: done outside the lock
            subject = self._subject(question, *self._open(owner, session_id))
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            slot = self._slot(record, question, episode)
            now = self._clock()
            answers[slot] = AnswerRecord(slot, text, subject, now)
            cursor = record.state.cursor
            if cursor == slot:
                cursor = flow.next_unvisited(self._order(record), set(answers), slot)
            state = replace(record.state, cursor=cursor, updated_at=now)
            change.save_answer(answers[slot])
            change.save_flags(self.safety.flags(text, slot, now))
            change.save_state(state)
        return self._view(replace(record, state=state), answers)

    def confirm_safety(self, owner: Owner, session_id: str) -> SessionView:
        """The clinician has seen the safety card and follows their risk protocol: go on."""
        with self._change(owner, session_id, guarded=False) as (change, answers):
            record = change.record
            change.confirm_flags(self._clock())
        return self._view(record, answers)

    def edit(
        self, owner: Owner, session_id: str, question_id: str, text: str, episode: int = 1
    ) -> SessionView:
        return self.answer(owner, session_id, question_id, text, episode)

    def skip(self, owner: Owner, session_id: str) -> SessionView:
        """Leave the current question (an answer it already has is kept) and move on."""
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            current = record.state.cursor
            if current is None:
                return self._view(record, answers)
            cursor = flow.next_unvisited(self._order(record), set(answers) | {current}, current)
            state = replace(record.state, cursor=cursor, updated_at=self._clock())
            if current not in answers:
                answers[current] = AnswerRecord(current, None, None, state.updated_at)
                change.save_answer(answers[current])
            change.save_state(state)
        return self._view(replace(record, state=state), answers)

    def back(self, owner: Owner, session_id: str) -> SessionView:
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            cursor = flow.previous(self._order(record), record.state.cursor)
            state = replace(record.state, cursor=cursor, updated_at=self._clock())
            change.save_state(state)
        return self._view(replace(record, state=state), answers)

    def add_episode(self, owner: Owner, session_id: str) -> SessionView:
        """Another craving episode: its questions come next, before the plan."""
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            episodes = record.state.episodes + 1
            if episodes > MAX_EPISODES:
                raise InvalidAnswerError(f"One session holds at most {MAX_EPISODES} episodes.")
            first = flow.first_of_episode(self.template, episodes)
            state = SessionState("open", episodes, first, self._clock())
            change.save_state(state)
        return self._view(replace(record, state=state), answers)

    def finish(self, owner: Owner, session_id: str) -> CueMap:
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            state = replace(record.state, status="finished", updated_at=self._clock())
            change.save_state(state)
        return self.maps.build(replace(record, state=state), answers)

    def delete(self, owner: Owner, session_id: str) -> None:
        """Erase the session and every answer (rows deleted, not flagged)."""
        self._open(owner, session_id)
        self.store.delete(session_id)

    def erase(self, session_id: str) -> bool:
        """Erase a session whoever owns it (`cuemap purge --session`); False if there is none."""
        return self.store.delete(session_id)

    def purge_expired(self) -> list[str]:
        """Erase every session untouched for the retention period; the ids erased."""
        expired = self.store.untouched_since(self._clock() - self.retention)
        return [session_id for session_id in expired if self.store.delete(session_id)]

    # -- reading --------------------------------------------------------------------------------

    def cue_map(self, owner: Owner, session_id: str) -> CueMap:
        record, answers = self._open(owner, session_id)
        return self.maps.build(record, answers)

    def list(self, owner: Owner, include_finished: bool = True) -> list[SessionSummary]:
        records = self.store.sessions_of(owner, include_finished)
        answered = self.store.count_answered([r.id for r in records])
        return [
            SessionSummary(
                r.id,
                r.label,
                r.state.status,
                r.state.updated_at,
                answered[r.id],
                len(self._order(r)),
            )
            for r in records
        ]

    def why(self, question_id: str) -> Answer:
        """Why we ask: the question's rationale, answered from the sources with citations."""
        question = self._question(question_id)
        if self.explainer is None:
            raise InvalidAnswerError("The sources are not available in this setting.")
        return self.explainer.ask(question.why)

    def export(
        self,
        owner: Owner,
        session_id: str,
        fmt: ExportFormat | str,
        fhir_version: FhirVersion | str = "R5",
    ) -> Export:
        """The Markdown note, JSON, or FHIR QuestionnaireResponse (R5, or R4B on request)."""
        record, answers = self._open(owner, session_id)
        cue_map = partial(self.maps.build, record, answers)
        flags = self.store.flags(session_id)
        return render_export(fmt, self.template, record, answers, cue_map, fhir_version, flags)

    def questionnaire(self, fhir_version: FhirVersion | str = "R5") -> Export:
        """The template published as a FHIR Questionnaire."""
        return render_questionnaire(self.template, fhir_version)

    # -- internals ------------------------------------------------------------------------------

    def _open(self, owner: Owner, session_id: str) -> tuple[SessionRecord, Answers]:
        record = self.store.get(session_id)
        if record is None:
            raise SessionNotFoundError("No such interview session.")
        if record.owner != owner:
            raise NotYourSessionError("This interview belongs to another clinician.")
        return record, {a.slot: a for a in self.store.answers(session_id)}

    @contextmanager
    def _change(
        self, owner: Owner, session_id: str, guarded: bool = True
    ) -> Iterator[tuple[SessionChange, Answers]]:
        """The caller's own session, locked until the change is committed (or rolled back).
        A `guarded` change waits for an unconfirmed safety card."""
        with self.store.change(session_id) as change:
            if change is None:
                raise SessionNotFoundError("No such interview session.")
            if change.record.owner != owner:
                raise NotYourSessionError("This interview belongs to another clinician.")
            if guarded and pending(change.flags()):
                raise SafetyConfirmationRequiredError(CONFIRM_FIRST)
            yield change, {a.slot: a for a in change.answers()}

    def _question(self, question_id: str) -> Question:
        question = self.template.question(question_id)
        if question is None:
            raise InvalidAnswerError(f"There is no question {question_id!r} in this interview.")
        return question

    def _slot(self, record: SessionRecord, question: Question, episode: int | None) -> Slot:
        if not self.template.repeats(question.id):
            return Slot(question.id, PLAN_EPISODE)
        cursor = record.state.cursor
        if episode is None:
            in_episode = cursor is not None and cursor.episode != PLAN_EPISODE
            episode = cursor.episode if in_episode and cursor else record.state.episodes
        if not 1 <= episode <= record.state.episodes:
            raise InvalidAnswerError(f"Episode {episode} has not been started.")
        return Slot(question.id, episode)

    def _order(self, record: SessionRecord) -> Sequence[Slot]:
        return flow.slots(self.template, record.state.episodes)

    def _subject(self, question: Question, record: SessionRecord, answers: Answers) -> str | None:
        """The main trigger a plan question is about, as the clinician was shown it."""
        if question.trigger is None:
            return None
        triggers = self.maps.top_triggers(answers, record.state.episodes)
        return triggers[question.trigger - 1].text if len(triggers) >= question.trigger else None

    def _view(self, record: SessionRecord, answers: Answers) -> SessionView:
        order = self._order(record)
        cursor = record.state.cursor
        if cursor is not None and cursor not in order:  # the template changed since
            cursor = flow.next_unvisited(order, set(answers), None)
        return SessionView(
            session_id=record.id,
            label=record.label,
            status=record.state.status,
            question=self._question_view(record, answers, order, cursor) if cursor else None,
            answered=sum(1 for s in order if s in answers and not answers[s].skipped),
            total=len(order),
            episodes=record.state.episodes,
            safety=self.safety.card(self.store.flags(record.id)),
        )

    def _question_view(
        self, record: SessionRecord, answers: Answers, order: Sequence[Slot], slot: Slot
    ) -> QuestionView:
        question = self._question(slot.question_id)
        stored = answers.get(slot)
        in_episode = self.template.repeats(question.id)
        return QuestionView(
            id=question.id,
            episode=slot.episode if in_episode else None,
            section=self.template.episode.title if in_episode else self.template.plan.title,
            prompt=self._prompt(question, record, answers),
            hint=question.hint,
            quick_picks=list(question.quick_picks),
            kind=question.kind,
            position=order.index(slot) + 1,
            total=len(order),
            current_answer=stored.text if stored else None,
            label=question.label,
            skipped=stored is not None and stored.skipped,
        )

    def _prompt(self, question: Question, record: SessionRecord, answers: Answers) -> str:
        if question.trigger is None:
            return question.prompt
        return render_prompt(question, self._subject(question, record, answers))
