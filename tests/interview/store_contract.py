"""What every session store must do, whatever database is behind it.

Subclass `SessionStoreContract` and provide a `store` fixture (see test_store_sqlite.py and
test_store_postgres.py). Each test works under its own workspace id, so a shared database is fine.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Literal

import pytest

from assistant.interview.models import (
    PLAN_EPISODE,
    AnswerRecord,
    Cue,
    Owner,
    SafetyFlag,
    SessionRecord,
    SessionState,
    Slot,
)
from assistant.interview.store import SessionStore

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


class SessionStoreContract:
    @pytest.fixture
    def owner(self, store: SessionStore) -> Iterator[Owner]:
        """A fresh workspace; its sessions (and its neighbours') are erased afterwards."""
        owner = Owner(f"T-{uuid.uuid4().hex[:8]}", "U-alice")
        yield owner
        for who in (owner, colleague(owner), elsewhere(owner)):
            for record in store.sessions_of(who):
                store.delete(record.id)

    def new_session(
        self, store: SessionStore, owner: Owner, label: str = "Pt-A", minutes: int = 0
    ) -> SessionRecord:
        at = T0 + timedelta(minutes=minutes)
        state = SessionState("open", 1, Slot("before_craving", 1), at)
        record = SessionRecord(uuid.uuid4().hex[:16], owner, label, state, created_at=at)
        store.create(record)
        return record

    def test_store_returns_the_session_as_created(self, store: SessionStore, owner: Owner) -> None:
        record = self.new_session(store, owner)
        assert store.get(record.id) == record
        assert store.get("no-such-session") is None

    def test_store_keeps_one_row_per_question_and_episode(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        save(store, record.id, AnswerRecord(Slot("where", 1), "the pub", None, T0))
        save(store, record.id, AnswerRecord(Slot("where", 1), "the pub by the station", None, T0))
        save(store, record.id, AnswerRecord(Slot("where", 2), "home", None, T0))
        texts = {a.slot: a.text for a in store.answers(record.id)}
        assert texts == {Slot("where", 1): "the pub by the station", Slot("where", 2): "home"}

    def test_store_saves_the_answer_and_the_new_state_together(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        later = SessionState("open", 2, Slot("coping_1", PLAN_EPISODE), T0 + timedelta(hours=1))
        answer = AnswerRecord(Slot("coping_1", PLAN_EPISODE), "leave", "pub", T0)
        save(store, record.id, answer, state=later)
        assert store.get(record.id).state == later
        [saved] = store.answers(record.id)
        assert (saved.text, saved.subject) == ("leave", "pub")

    def test_store_change_sees_the_session_and_its_answers(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        save(store, record.id, AnswerRecord(Slot("who", 1), "alone", None, T0))
        with store.change(record.id) as change:
            assert change is not None and change.record == store.get(record.id)
            assert [a.text for a in change.answers()] == ["alone"]
        with store.change("no-such-session") as missing:
            assert missing is None

    def test_store_change_that_fails_leaves_nothing_behind(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        with pytest.raises(RuntimeError), store.change(record.id) as change:
            change.save_answer(AnswerRecord(Slot("where", 1), "the pub", None, T0))
            change.save_state(replace_status(record.state, "finished"))
            raise RuntimeError("the service refused half-way")
        assert store.answers(record.id) == []
        assert store.get(record.id) == record

    def test_store_changes_to_one_session_happen_one_at_a_time(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)

        def add_one_episode(_: int) -> None:
            with store.change(record.id) as change:
                state = change.record.state
                time.sleep(0.01)  # a slow service between reading and writing the state
                change.save_state(SessionState("open", state.episodes + 1, None, state.updated_at))

        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(add_one_episode, range(12)))
        assert store.get(record.id).state.episodes == 1 + 12

    def test_store_keeps_skips_as_answers_without_text(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        save(store, record.id, AnswerRecord(Slot("who", 1), None, None, T0))
        save(store, record.id, AnswerRecord(Slot("body", 1), "shaky", None, T0))
        assert [a.skipped for a in store.answers(record.id)] == [True, False]
        assert store.count_answered([record.id]) == {record.id: 1}

    def test_store_keeps_text_exactly(self, store: SessionStore, owner: Owner) -> None:
        record = self.new_session(store, owner)
        text = "Ça va? “quotes”, emoji 🍺, <!channel>, 'single' and a long tail " + "x" * 1900
        save(store, record.id, AnswerRecord(Slot("feeling", 1), text, None, T0))
        assert store.answers(record.id)[0].text == text

    def test_store_lists_only_the_owners_sessions_newest_first(
        self, store: SessionStore, owner: Owner
    ) -> None:
        older = self.new_session(store, owner, "Pt-A", minutes=0)
        newer = self.new_session(store, owner, "Pt-B", minutes=5)
        self.new_session(store, colleague(owner), "Pt-C")
        self.new_session(store, elsewhere(owner), "Pt-D")
        save(store, older.id, state=replace_status(older.state, "finished"))
        assert [r.label for r in store.sessions_of(owner)] == ["Pt-A", "Pt-B"]
        assert [r.id for r in store.sessions_of(owner, include_finished=False)] == [newer.id]

    def test_store_delete_removes_the_session_and_its_answers(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        save(store, record.id, AnswerRecord(Slot("where", 1), "pub", None, T0))
        assert store.delete(record.id) is True
        assert store.get(record.id) is None
        assert store.answers(record.id) == []
        assert store.delete(record.id) is False

    def test_store_keeps_safety_flags_until_confirmed_and_erases_them_with_the_session(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        suicide = SafetyFlag("suicide", Slot("where", 1), T0)
        with store.change(record.id) as change:
            change.save_flags([suicide, SafetyFlag("overdose", Slot("used", 1), T0)])
        confirmed_at = T0 + timedelta(minutes=2)
        with store.change(record.id) as change:
            change.save_flags([suicide])  # flagged again: still one row per kind and slot
            change.confirm_flags(confirmed_at)
            assert len(change.flags()) == 2
        flags = sorted(store.flags(record.id), key=lambda f: f.kind)
        assert [(f.kind, f.slot, f.confirmed_at) for f in flags] == [
            ("overdose", Slot("used", 1), confirmed_at),
            ("suicide", Slot("where", 1), confirmed_at),
        ]
        store.delete(record.id)
        assert store.flags(record.id) == []

    def test_store_finds_sessions_untouched_since_a_moment(
        self, store: SessionStore, owner: Owner
    ) -> None:
        old = self.new_session(store, owner, "Pt-Old", minutes=0)
        recent = self.new_session(store, owner, "Pt-New", minutes=60)
        found = store.untouched_since(T0 + timedelta(minutes=30))
        assert old.id in found and recent.id not in found

    def test_store_keeps_each_answers_cues_with_their_review_until_the_session_is_erased(
        self, store: SessionStore, owner: Owner
    ) -> None:
        record = self.new_session(store, owner)
        pub = Cue(
            "place",
            "external",
            "pub",
            "where",
            1,
            ["pleasant_times_with_others"],
            "lexicon",
            "the boozer",
            (4, 14),
            "2.2",
        )
        with store.change(record.id) as change:
            change.save_cues(Slot("where", 1), [pub, replace(pub, text="bar", span=None)])
            change.save_cues(Slot("where", 1), [pub])  # the answer edited: found again
            change.add_cue(
                Cue(
                    "sensory",
                    "external",
                    "clink",
                    "added",
                    1,
                    ["none_fits"],
                    "clinician",
                    status="kept",
                )
            )
        [found, added] = store.cues(record.id)
        assert (found.text, found.wording, found.span, found.extractor) == (
            "pub",
            "the boozer",
            (4, 14),
            "2.2",
        )
        assert (added.source, added.status, added.situation_tags) == (
            "clinician",
            "kept",
            ["none_fits"],
        )
        with store.change(record.id) as change:
            change.update_cue(replace(found, category="event", status="removed"))
            change.confirm_cues(1, T0)
            change.save_sources('{"explanations": [], "citations": []}')
        assert [(c.category, c.status) for c in store.cues(record.id)][0] == ("event", "removed")
        assert store.confirmed_episodes(record.id) == {1}
        assert store.sources(record.id) == '{"explanations": [], "citations": []}'
        store.delete(record.id)
        assert store.cues(record.id) == [] and store.confirmed_episodes(record.id) == set()
        assert store.sources(record.id) is None


def save(
    store: SessionStore,
    session_id: str,
    *answers: AnswerRecord,
    state: SessionState | None = None,
) -> None:
    """One change: the answers, then the state (unchanged unless given)."""
    with store.change(session_id) as change:
        assert change is not None
        for answer in answers:
            change.save_answer(answer)
        change.save_state(state or change.record.state)


def replace_status(state: SessionState, status: Literal["open", "finished"]) -> SessionState:
    return SessionState(status, state.episodes, state.cursor, state.updated_at + timedelta(hours=1))


def colleague(owner: Owner) -> Owner:
    return Owner(owner.workspace_id, "U-bob")


def elsewhere(owner: Owner) -> Owner:
    return Owner(f"{owner.workspace_id}-2", owner.user_id)
