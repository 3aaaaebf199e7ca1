"""Property-based tests of the interview's transitions: any sequence of answer, skip, back,
edit, another episode, finish and confirm, with arbitrary text, never crashes (only clean
CueMapErrors) and never corrupts a session: the counts and cursor stay valid, nothing stored
holds an identifier, and a restart reads exactly the same state."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from assistant.errors import CueMapError
from assistant.interview import InterviewService, Owner
from assistant.interview.cues import CueExtractor
from assistant.interview.flow import slots
from assistant.interview.lexicon import load_lexicon
from assistant.interview.service import MAX_EPISODES
from assistant.interview.store import SqlSessionStore
from assistant.interview.template import Template, load_template
from assistant.privacy import scan
from assistant.safety import default_guard
from assistant.settings import PROJECT_ROOT

OWNER = Owner("T-props", "U-props")
TEXT = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=40),
    st.sampled_from(
        [
            "8",
            "70%",
            "pub",
            "used",
            "he wants to kill himself",
            "denies suicidal thoughts",
            "Dave Okafor rang from 07700 900123",
            "nearly overdosed on Friday",
            "x" * 2500,
            "",
        ]
    ),
)


@cache
def parts() -> tuple[Template, CueExtractor]:
    template = load_template(PROJECT_ROOT / "prompts")
    lexicon = load_lexicon(PROJECT_ROOT / "prompts", template.situation_ids())
    return template, CueExtractor(lexicon)


QUESTION_IDS = [q.id for q in parts()[0].episode.questions + parts()[0].plan.questions]


def service_on(url: str) -> InterviewService:
    template, extractor = parts()
    return InterviewService(SqlSessionStore(url), template, extractor, safety=default_guard())


class InterviewTransitions(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="cuemap-props-"))
        self.url = f"sqlite:///{self.folder / 'cuemap.db'}"
        self.service = service_on(self.url)
        self.sid = self.service.start(OWNER, "Pt-H").session_id

    def teardown(self) -> None:
        self.service.store.engine.dispose()  # type: ignore[attr-defined]
        shutil.rmtree(self.folder, ignore_errors=True)

    def attempt(self, change) -> None:
        try:
            change()
        except CueMapError:
            pass  # a clean, clinician-safe refusal; anything else fails the test

    @rule(text=TEXT, phi=st.sampled_from(["refuse", "redact"]))
    def answer_current(self, text: str, phi: str) -> None:
        question = self.service.view(OWNER, self.sid).question
        if question is not None:
            self.attempt(
                lambda: self.service.answer(
                    OWNER, self.sid, question.id, text, question.episode, phi=phi
                )
            )

    @rule(
        question_id=st.sampled_from([*QUESTION_IDS, "no_such_question"]),
        text=TEXT,
        episode=st.one_of(st.none(), st.integers(-1, MAX_EPISODES + 1)),
    )
    def answer_any(self, question_id: str, text: str, episode: int | None) -> None:
        self.attempt(lambda: self.service.answer(OWNER, self.sid, question_id, text, episode))

    @rule(
        question_id=st.sampled_from(QUESTION_IDS), text=TEXT, episode=st.integers(0, MAX_EPISODES)
    )
    def edit(self, question_id: str, text: str, episode: int) -> None:
        self.attempt(lambda: self.service.edit(OWNER, self.sid, question_id, text, episode))

    @rule()
    def skip(self) -> None:
        self.attempt(lambda: self.service.skip(OWNER, self.sid))

    @rule()
    def back(self) -> None:
        self.attempt(lambda: self.service.back(OWNER, self.sid))

    @rule()
    def add_episode(self) -> None:
        self.attempt(lambda: self.service.add_episode(OWNER, self.sid))

    @rule()
    def finish(self) -> None:
        self.attempt(lambda: self.service.finish(OWNER, self.sid))

    @rule()
    def confirm_safety(self) -> None:
        self.service.confirm_safety(OWNER, self.sid)

    @rule()
    def restart(self) -> None:
        """A new process on the same database picks up exactly the same session."""
        before = self.service.view(OWNER, self.sid)
        self.service.store.engine.dispose()  # type: ignore[attr-defined]
        self.service = service_on(self.url)
        assert self.service.view(OWNER, self.sid) == before

    @invariant()
    def session_is_consistent(self) -> None:
        view = self.service.view(OWNER, self.sid)
        order = slots(self.service.template, view.episodes)
        stored = self.service.store.answers(self.sid)
        flags = self.service.store.flags(self.sid)

        assert 1 <= view.episodes <= MAX_EPISODES
        assert view.total == len(order)
        assert 0 <= view.answered <= view.total
        assert view.answered == sum(1 for a in stored if not a.skipped)
        assert len({a.slot for a in stored}) == len(stored)
        assert all(a.slot in order for a in stored)
        if view.question is not None:
            assert 1 <= view.question.position <= view.total
        for answer in stored:
            assert answer.text is None or scan(answer.text) == [], "an identifier was stored"
        unconfirmed = [f for f in flags if f.confirmed_at is None]
        assert (view.safety is not None) == bool(unconfirmed)
        assert all(f.slot in order for f in flags)


InterviewTransitions.TestCase.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None
)
test_interview_transitions_never_crash_or_corrupt_a_session = InterviewTransitions.TestCase
