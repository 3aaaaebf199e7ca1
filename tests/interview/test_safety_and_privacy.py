"""The interview's clinical-safety and privacy rules, whatever surface calls it.

Crisis language flags the answer (kind and question, never the text) and holds the interview
until the clinician confirms the safety card; identifiers are never stored; sessions expire and
are erased for real; answer text can be encrypted at rest.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from assistant.errors import AnswerKeyError, PhiFoundError, SafetyConfirmationRequiredError
from assistant.interview import InterviewService
from assistant.interview.store import SqlSessionStore
from assistant.privacy.encryption import generate_key
from assistant.settings import Settings
from tests.interview.conftest import ALICE, EPISODE_ONE, answer_episode

CRISIS = "the pub, and he said he wants to end his life"
PRIVATE = "Dave Okafor rang from 07700 900123 before the pub"


def database_bytes(settings: Settings) -> bytes:
    """Every file SQLite keeps for the database: the file, its WAL and its journal."""
    return b"".join(p.read_bytes() for p in sorted(settings.data_dir.glob("cuemap.db*")))


def test_safety_crisis_answer_is_flagged_and_holds_the_interview(
    interviews: InterviewService,
) -> None:
    sid = interviews.start(ALICE, "Pt-S").session_id
    interviews.answer(ALICE, sid, "before_craving", "payday")

    view = interviews.answer(ALICE, sid, "where", CRISIS)

    assert view.safety is not None and view.safety.kinds == ["suicide"]
    assert "988" in " ".join(r.contact for r in view.safety.resources)
    for held in (
        lambda: interviews.answer(ALICE, sid, "who", "old mates"),
        lambda: interviews.skip(ALICE, sid),
        lambda: interviews.back(ALICE, sid),
        lambda: interviews.add_episode(ALICE, sid),
        lambda: interviews.finish(ALICE, sid),
    ):
        with pytest.raises(SafetyConfirmationRequiredError, match="risk protocol"):
            held()
    assert interviews.view(ALICE, sid).question.id == "who"  # nothing moved
    [flag] = interviews.store.flags(sid)
    assert (flag.kind, flag.slot.question_id, flag.slot.episode) == ("suicide", "where", 1)
    assert flag.confirmed_at is None


def test_safety_confirmation_survives_a_restart_and_reaches_the_exports(
    interviews: InterviewService, settings: Settings
) -> None:
    sid = interviews.start(ALICE, "Pt-S").session_id
    interviews.answer(ALICE, sid, "before_craving", "payday")
    interviews.answer(ALICE, sid, "where", CRISIS)

    restarted = InterviewService.from_settings(settings)  # a new process on the same database
    assert restarted.view(ALICE, sid).safety is not None, "the card is still waiting"
    confirmed = restarted.confirm_safety(ALICE, sid)
    assert confirmed.safety is None and confirmed.question.id == "who"
    restarted.answer(ALICE, sid, "who", "old mates")

    doc = json.loads(restarted.export(ALICE, sid, "json").content)
    assert [(s["kind"], s["question_id"], s["episode"]) for s in doc["safety"]] == [
        ("suicide", "where", 1)
    ]
    assert doc["safety"][0]["confirmed_at"] is not None
    assert CRISIS not in json.dumps(doc["safety"])
    note = restarted.export(ALICE, sid, "markdown").content
    sections = [line for line in note.splitlines() if line.startswith("## ")]
    assert sections[0] == "## Safety flags"
    assert "**suicide** in the answer to Place (episode 1) · card confirmed" in note


def test_safety_negated_crisis_language_is_not_a_hit(interviews: InterviewService) -> None:
    sid = interviews.start(ALICE, "Pt-N").session_id
    view = interviews.answer(ALICE, sid, "feeling", "low, but denies suicidal thoughts")
    assert view.safety is None and interviews.store.flags(sid) == []
    assert json.loads(interviews.export(ALICE, sid, "json").content)["safety"] == []


def test_privacy_answer_with_identifiers_is_refused_and_nothing_is_stored(
    interviews: InterviewService, settings: Settings
) -> None:
    sid = interviews.start(ALICE, "Pt-P").session_id

    with pytest.raises(PhiFoundError) as refused:
        interviews.answer(ALICE, sid, "before_craving", PRIVATE)

    assert refused.value.summary == "1 name, 1 phone number"
    assert refused.value.redacted == "[NAME] rang from [PHONE] before the pub"
    assert "Okafor" not in str(refused.value) and "07700" not in str(refused.value)
    assert interviews.store.answers(sid) == []
    assert b"Okafor" not in database_bytes(settings)


def test_privacy_accepted_redaction_stores_only_the_redacted_text(
    interviews: InterviewService, settings: Settings
) -> None:
    sid = interviews.start(ALICE, "Pt-P").session_id

    view = interviews.answer(ALICE, sid, "before_craving", PRIVATE, phi="redact")

    assert view.question.id == "where"
    [stored] = interviews.store.answers(sid)
    assert stored.text == "[NAME] rang from [PHONE] before the pub"
    cues = {(c.category, c.text) for c in interviews.cue_map(ALICE, sid).cues}
    assert ("place", "pub") in cues
    assert ("people", "[NAME]") in cues  # the caller: the clinician knows who, the record never
    assert not [text for _, text in cues if "phone" in text.lower()], "a number is never a cue"
    assert b"Okafor" not in database_bytes(settings) and b"07700" not in database_bytes(settings)


def test_privacy_label_with_identifiers_is_refused_or_redacted(
    interviews: InterviewService,
) -> None:
    with pytest.raises(PhiFoundError, match="This label seems to hold identifiers"):
        interviews.start(ALICE, "Mr Okafor 07700 900123")
    view = interviews.start(ALICE, "Mr Okafor follow-up", phi="redact")
    assert "Okafor" not in view.label and "[NAME]" in view.label
    assert [s.label for s in interviews.list(ALICE)] == [view.label]


def test_retention_purge_erases_only_sessions_untouched_for_the_period(
    settings: Settings, interviews: InterviewService
) -> None:
    now = [datetime(2026, 3, 1, 9, tzinfo=UTC)]
    service = InterviewService(
        interviews.store,
        interviews.template,
        interviews.extractor,
        clock=lambda: now[0],
        retention=timedelta(days=30),
    )
    old = service.start(ALICE, "Pt-Old").session_id
    answer_episode(service, old, {"before_craving": "the Tuesday market with his cousin"})
    now[0] += timedelta(days=20)
    recent = service.start(ALICE, "Pt-Recent").session_id
    now[0] += timedelta(days=11)  # Pt-Old untouched for 31 days, Pt-Recent for 11

    assert service.purge_expired() == [old]

    assert [s.session_id for s in service.list(ALICE)] == [recent]
    assert service.store.answers(old) == []
    assert b"Tuesday market" not in database_bytes(settings)
    assert service.purge_expired() == []


def test_retention_period_comes_from_settings(settings: Settings) -> None:
    service = InterviewService.from_settings(settings.model_copy(update={"retention_days": 7}))
    assert service.retention == timedelta(days=7)


def test_delete_leaves_no_trace_of_the_answers_in_the_database_file(
    interviews: InterviewService, settings: Settings
) -> None:
    sid = interviews.start(ALICE, "Pt-D").session_id
    answer_episode(interviews, sid, EPISODE_ONE)
    interviews.answer(ALICE, sid, "where", "the pub by the canal lock")  # an edit: two versions
    assert b"canal lock" in database_bytes(settings)

    interviews.delete(ALICE, sid)

    raw = database_bytes(settings)
    for text in [*EPISODE_ONE.values(), "the pub by the canal lock"]:
        if len(text) > 5:
            assert text.encode() not in raw, text


def encrypted(settings: Settings, key: str) -> InterviewService:
    return InterviewService.from_settings(
        settings.model_copy(update={"answer_key": SecretStr(key)})
    )


def test_encryption_at_rest_keeps_answer_text_out_of_the_file_and_round_trips(
    settings: Settings,
) -> None:
    service = encrypted(settings, generate_key())
    sid = service.start(ALICE, "Pt-E").session_id
    answer_episode(service, sid, EPISODE_ONE)
    service.answer(ALICE, sid, "coping_1", "walk the long way home past the canal")

    raw = database_bytes(settings)
    for text in [*EPISODE_ONE.values(), "walk the long way home past the canal"]:
        if len(text) > 5:
            assert text.encode() not in raw, text
    assert b"fernet:v1:" in raw

    stored = {a.slot.question_id: a.text for a in service.store.answers(sid)}
    assert stored["before_craving"] == EPISODE_ONE["before_craving"]
    doc = json.loads(service.export(ALICE, sid, "json").content)
    assert doc["answers"][0]["answer"] == EPISODE_ONE["before_craving"]
    plan = [entry for entry in doc["plan"] if entry["trigger"]]
    assert plan and plan[0]["strategy"] == "walk the long way home past the canal"


def test_encryption_with_a_missing_or_wrong_key_is_a_clear_error(settings: Settings) -> None:
    service = encrypted(settings, generate_key())
    sid = service.start(ALICE, "Pt-E").session_id
    service.answer(ALICE, sid, "where", "the pub")

    with pytest.raises(AnswerKeyError, match="CUEMAP_ANSWER_KEY is not set"):
        InterviewService.from_settings(settings).view(ALICE, sid)
    with pytest.raises(AnswerKeyError, match="not the one they were written with"):
        encrypted(settings, generate_key()).view(ALICE, sid)


def test_store_statement_parameters_are_hidden(tmp_path: Path) -> None:
    store = SqlSessionStore(f"sqlite:///{tmp_path / 'x.db'}")
    assert store.engine.hide_parameters
