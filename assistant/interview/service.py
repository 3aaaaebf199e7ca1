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
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

from assistant.errors import (
    InvalidAnswerError,
    NotYourSessionError,
    SafetyConfirmationRequiredError,
    SessionNotFoundError,
)
from assistant.interview import flow
from assistant.interview.guards import (
    CONFIRM_FIRST,
    PhiPolicy,
    SafetyCheck,
    pending,
    private_text,
)
from assistant.interview.models import (
    CATEGORY_KINDS,
    NONE_FITS,
    PLAN_EPISODE,
    AnswerRecord,
    Cue,
    CueMap,
    CueReview,
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
from assistant.interview.saved_files import SavedFiles
from assistant.interview.store import SessionChange, SessionStore, SqlSessionStore
from assistant.interview.stored_sources import dump_sources, load_sources
from assistant.interview.template import Question, Template, load_template, render_prompt
from assistant.interview.validation import clean_answer, clean_label
from assistant.privacy.encryption import cipher_from_settings

if TYPE_CHECKING:  # loaded where used: listing saved sessions needs none of them
    from assistant.answers.models import Answer
    from assistant.answers.service import Explainer
    from assistant.interview.cuemap import CueMapBuilder
    from assistant.interview.cues import CueExtractor
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
        extractor: CueExtractor | Callable[[], CueExtractor],
        explainer: Explainer | None = None,
        clock: Callable[[], datetime] = utc_now,
        safety: SafetyGuard | Callable[[], SafetyGuard] | None = None,
        retention: timedelta = timedelta(days=30),
        files: SavedFiles | None = None,
    ) -> None:
        self.store = store
        self.files = files  # what was saved under exports/ for sessions, erased with them
        self.template = template
        self._extractor = extractor  # or its loader: listing or erasing sessions needs none
        self.explainer = explainer
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
        store = SqlSessionStore(settings.sqlalchemy_url, cipher_from_settings(settings))
        return cls(
            store,
            template,
            partial(_cue_extractor, settings, template, embedder),
            explainer,
            safety=safety or partial(_safety_guard, settings),
            retention=timedelta(days=settings.retention_days),
            files=SavedFiles(settings.data_dir / "exports"),
        )

    @cached_property
    def extractor(self) -> CueExtractor:
        """Cues from answers: the lexicon is read on first use, not to list or erase sessions."""
        from assistant.interview.cues import CueExtractor

        if not isinstance(self._extractor, CueExtractor):
            return self._extractor()
        return self._extractor

    @cached_property
    def maps(self) -> CueMapBuilder:
        """The cue map from stored answers and cues (the lexicon reads the plan's actions)."""
        from assistant.interview.actions import ActionReader
        from assistant.interview.cuemap import CueMapBuilder

        return CueMapBuilder(self.template, self.explainer, ActionReader(self.extractor.lexicon))

    # -- the session's life ---------------------------------------------------------------------

    def start(self, owner: Owner, label: str = "", phi: PhiPolicy = "refuse") -> SessionView:
        """A new session under a pseudonymous label (generated when empty)."""
        from assistant.privacy.labels import SUGGESTION as LABEL_SUGGESTION
        from assistant.privacy.labels import is_pseudonym

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
        record, answers = self._open(owner, session_id)
        subject = self._subject(question, record, answers)
        # Cues are found once, here, outside the lock (the model may run) and stored with it.
        found = self.extractor.extract(
            text, question, self._slot(record, question, episode).episode
        )
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            slot = self._slot(record, question, episode)
            now = self._clock()
            answers[slot] = AnswerRecord(slot, text, subject, now)
            if question.cues:
                change.save_cues(slot, [replace(c, episode=slot.episode) for c in found])
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
                change.save_cues(current, [])
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
            if not any(s.episode == record.state.episodes for s in answers):
                raise InvalidAnswerError(
                    f"Episode {record.state.episodes} has no answers yet: map it first "
                    "(answer or skip its questions), then add another."
                )
            if episodes > MAX_EPISODES:
                raise InvalidAnswerError(f"One session holds at most {MAX_EPISODES} episodes.")
            first = flow.first_of_episode(self.template, episodes)
            state = SessionState("open", episodes, first, self._clock())
            change.save_state(state)
        return self._view(replace(record, state=state), answers)

    def finish(self, owner: Owner, session_id: str) -> CueMap:
        """Finished, with the cited explanations stored so the map is shown without a model.
        An unanswered plan or unconfirmed cues are the map's `gaps`, never silent."""
        record, answers = self._open(owner, session_id)
        stored = self.store.cues(session_id)
        sources = self.maps.explanations(self.maps.cues(answers, stored, record.state.episodes))
        with self._change(owner, session_id) as (change, answers):
            record = change.record
            state = replace(record.state, status="finished", updated_at=self._clock())
            change.save_state(state)
            if self.explainer is not None:
                change.save_sources(dump_sources(sources))
        return self._build(replace(record, state=state), answers, sources)

    def plan_answered(self, owner: Owner, session_id: str) -> bool:
        _, answers = self._open(owner, session_id)
        return _plan_answered(answers)

    # -- the clinician's say on the cues --------------------------------------------------------

    def cue_review(self, owner: Owner, session_id: str, episode: int) -> CueReview:
        """An episode's cues as extracted and edited so far (removed ones included, marked)."""
        record, _ = self._open(owner, session_id)
        self._check_episode(record, episode)
        cues = [c for c in self.store.cues(session_id) if c.episode == episode]
        return CueReview(episode, cues, episode in self.store.confirmed_episodes(session_id))

    def remove_cue(self, owner: Owner, session_id: str, cue_id: int) -> CueReview:
        return self._edit_cue(owner, session_id, cue_id, lambda c: replace(c, status="removed"))

    def keep_cue(self, owner: Owner, session_id: str, cue_id: int) -> CueReview:
        return self._edit_cue(owner, session_id, cue_id, lambda c: replace(c, status="kept"))

    def recategorise_cue(
        self, owner: Owner, session_id: str, cue_id: int, category: str
    ) -> CueReview:
        self._check_category(category)

        def moved(cue: Cue) -> Cue:  # its IDTS tags follow the new category
            tags = self.extractor.tags_for(category, cue.wording or cue.text) or [NONE_FITS]
            kind = CATEGORY_KINDS[category]
            return replace(cue, category=category, kind=kind, situation_tags=tags, status="kept")

        return self._edit_cue(owner, session_id, cue_id, moved)

    def add_cue(
        self, owner: Owner, session_id: str, episode: int, category: str, text: str
    ) -> CueReview:
        """A cue the extractor missed, in the clinician's words (checked like an answer)."""
        self._check_category(category)
        text = private_text(clean_label(text), "refuse", "This cue")
        if not text:
            raise InvalidAnswerError("A cue needs a few words.")
        tags = self.extractor.tags_for(category, text)
        with self._change(owner, session_id) as (change, _):
            self._check_episode(change.record, episode)
            cue = Cue(
                category,
                CATEGORY_KINDS[category],
                text,
                "added",
                episode,
                tags or [NONE_FITS],
                "clinician",
                wording=text,
                status="kept",
            )
            change.add_cue(cue)
        return self.cue_review(owner, session_id, episode)

    def confirm_cues(self, owner: Owner, session_id: str, episode: int) -> CueReview:
        """The clinician has seen the episode's cues: what is not removed is kept."""
        with self._change(owner, session_id) as (change, _):
            self._check_episode(change.record, episode)
            for cue in change.cues():
                if cue.episode == episode and cue.status == "proposed":
                    change.update_cue(replace(cue, status="kept"))
            change.confirm_cues(episode, self._clock())
        return self.cue_review(owner, session_id, episode)

    def edit_cues(
        self, owner: Owner, session_id: str, episode: int, wanted: list[tuple[str, str]]
    ) -> CueReview:
        """The episode's cues set to `wanted` (category, text) and confirmed: a cue left out
        is removed, one under another category re-categorised, one not there added."""
        review = self.cue_review(owner, session_id, episode)
        standing = {c.text.lower(): c for c in review.cues if c.status != "removed"}
        for category, _ in wanted:
            self._check_category(category)
        wanted_texts = {text.lower() for _, text in wanted}
        for text, cue in standing.items():
            if text not in wanted_texts and cue.id is not None:
                self.remove_cue(owner, session_id, cue.id)
        for category, text in wanted:
            found = standing.get(text.lower())
            if found is None:
                self.add_cue(owner, session_id, episode, category, text)
            elif found.category != category and found.id is not None:
                self.recategorise_cue(owner, session_id, found.id, category)
        return self.confirm_cues(owner, session_id, episode)

    def reextract(self, owner: Owner, session_id: str) -> int:
        """Extract the cues of every answer again (a session saved before cues were stored,
        or after a lexicon upgrade); the clinician's removals and additions are lost for
        the answers extracted again. The number of cues found."""
        record, answers = self._open(owner, session_id)
        found: dict[Slot, list[Cue]] = {}
        for slot, answer in answers.items():
            question = self.template.question(slot.question_id)
            if question and question.cues and answer.text:
                found[slot] = self.extractor.extract(answer.text, question, slot.episode)
        with self._change(owner, session_id) as (change, _):
            for slot, cues in found.items():
                change.save_cues(slot, cues)
        return sum(len(cues) for cues in found.values())

    def delete(self, owner: Owner, session_id: str) -> None:
        """Erase the session, every answer (rows deleted, not flagged) and its saved files."""
        self._open(owner, session_id)
        self.store.delete(session_id)
        self._erase_files(session_id)

    def erase(self, session_id: str) -> bool:
        """Erase a session whoever owns it (`cuemap purge --session`), files included; False
        if there is no such session (files saved for that id are erased all the same)."""
        erased = self.store.delete(session_id)
        self._erase_files(session_id)
        return erased

    def purge_expired(self) -> list[str]:
        """Erase every session untouched for the retention period, with its saved files, and
        files saved for sessions never stored once as old; the ids of sessions erased."""
        expired = self.store.untouched_since(self._clock() - self.retention)
        erased = [session_id for session_id in expired if self.store.delete(session_id)]
        for session_id in expired:
            self._erase_files(session_id)
        if self.files is not None:
            for session_id in self.files.stale_ledgers(self.retention.total_seconds()):
                if self.store.get(session_id) is None:
                    self.files.erase(session_id)
        return erased

    def _erase_files(self, session_id: str) -> None:
        if self.files is not None:
            self.files.erase(session_id)

    # -- reading --------------------------------------------------------------------------------

    def cue_map(self, owner: Owner, session_id: str) -> CueMap:
        """The map from stored cues; a finished session's stored explanations (no model)."""
        record, answers = self._open(owner, session_id)
        return self._build(record, answers, load_sources(self.store.sources(session_id)))

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
        from assistant.interview.exports import render_export

        record, answers = self._open(owner, session_id)
        sources = load_sources(self.store.sources(session_id))
        cue_map = partial(self._build, record, answers, sources)
        flags = self.store.flags(session_id)
        return render_export(fmt, self.template, record, answers, cue_map, fhir_version, flags)

    def questionnaire(self, fhir_version: FhirVersion | str = "R5") -> Export:
        """The template published as a FHIR Questionnaire."""
        from assistant.interview.exports import render_questionnaire

        return render_questionnaire(self.template, fhir_version)

    # -- internals ------------------------------------------------------------------------------

    def _build(self, record: SessionRecord, answers: Answers, sources: Any) -> CueMap:
        stored = self.store.cues(record.id)
        gaps = self._gaps(record, answers, stored)
        if sources is None and record.state.status == "finished" and self.explainer is None:
            sources = ([], [])  # finished before explanations were stored: none, no model
        return self.maps.build(record, answers, stored, sources, gaps)

    def _gaps(
        self, record: SessionRecord, answers: Answers, stored: Sequence[Cue]
    ) -> Sequence[str]:
        gaps: list[str] = []
        if not any(a.slot.episode == PLAN_EPISODE and not a.skipped for a in answers.values()):
            gaps.append("The relapse-prevention plan is unanswered.")
        mined = [
            a
            for a in answers.values()
            if not a.skipped and (q := self.template.question(a.slot.question_id)) and q.cues
        ]
        if mined and not stored:
            gaps.append(
                "Cues were not stored with this session's answers (it was saved by an older "
                f"version): `cuemap interview reextract {record.id}` extracts them."
            )
            return gaps
        confirmed = self.store.confirmed_episodes(record.id)
        unconfirmed = [
            n
            for n in range(1, record.state.episodes + 1)
            if n not in confirmed and any(c.episode == n for c in stored)
        ]
        if unconfirmed:
            which = ", ".join(str(n) for n in unconfirmed)
            gaps.append(f"The cues of episode {which} are not yet confirmed by the clinician.")
        return gaps

    def _check_episode(self, record: SessionRecord, episode: int) -> None:
        if not 1 <= episode <= record.state.episodes:
            raise InvalidAnswerError(f"Episode {episode} has not been started.")

    def _check_category(self, category: str) -> None:
        if category not in CATEGORY_KINDS:
            options = ", ".join(CATEGORY_KINDS)
            raise InvalidAnswerError(f"A cue's category is one of {options}.")

    def _edit_cue(
        self, owner: Owner, session_id: str, cue_id: int, edit: Callable[[Cue], Cue]
    ) -> CueReview:
        """The edit applies to the concept: the same cue found in several answers of the
        episode is removed or re-categorised everywhere it was found."""
        with self._change(owner, session_id) as (change, _):
            cues = change.cues()
            cue = next((c for c in cues if c.id == cue_id), None)
            if cue is None:
                raise InvalidAnswerError("There is no such cue in this session.")
            for same in cues:
                if same.episode == cue.episode and same.key == cue.key:
                    change.update_cue(edit(same))
        return self.cue_review(owner, session_id, cue.episode)

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
        stored = self.store.cues(record.id)
        triggers = self.maps.top_triggers(answers, stored, record.state.episodes)
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


def _cue_extractor(
    settings: Settings, template: Template, embedder: Embedder | None
) -> CueExtractor:
    from assistant.interview.cues import CueExtractor
    from assistant.interview.lexicon import load_lexicon

    return CueExtractor(load_lexicon(settings.prompts_dir, template.situation_ids()), embedder)


def _safety_guard(settings: Settings) -> SafetyGuard:
    """The settings' guard, loaded with the first answer checked (listing sessions needs none)."""
    from assistant.safety.guard import SafetyGuard

    return SafetyGuard.from_settings(settings)


def _plan_answered(answers: Answers) -> bool:
    return any(a.slot.episode == PLAN_EPISODE and not a.skipped for a in answers.values())
