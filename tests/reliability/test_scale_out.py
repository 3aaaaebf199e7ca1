"""Two app processes behind a round-robin balancer share one interview: PostgreSQL holds the
sessions and Slack's retry keys, a Chroma server holds the index.

Both `cuemap serve` processes start at the same moment with their own empty data folders.
Every request goes to the other process than the one before: the clinician's `/cuemap start`
to A, the first answer to B, and so on to the exported FHIR file; one reply is re-sent by
Slack as a retry, and the retry reaches the other process.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest

from assistant.engine import Engine
from assistant.interview.store import SqlSessionStore
from assistant.settings import Settings
from integrations.slack import ids
from integrations.slack.drills.clinician import ANSWERS, Clinician
from integrations.slack.drills.deliveries import DeliveryLog
from integrations.slack.drills.router import Router
from integrations.slack.drills.server_process import AppConfig, ServerProcess, serving_together
from integrations.slack.drills.stored import check_stored
from integrations.slack.drills.watched_slack import WatchedSlack, watched_slack
from integrations.slack.testing.signed import SignedSender, find_button
from tests.reliability.conftest import SharedServices

pytestmark = pytest.mark.model  # the apps and the index use the real model
SECRET = "scale-out-signing-secret"
RETRIED_AT = 3  # the fourth answer is re-sent as a Slack retry
WHY_AT = 5  # "Why we ask" is clicked on the sixth question


@pytest.fixture
def slack() -> Iterator[WatchedSlack]:
    with watched_slack() as fake:
        yield fake


@pytest.fixture
def two_apps(
    tmp_path: Path, shared_services: SharedServices, real_engine: Engine, slack: WatchedSlack
) -> Iterator[list[ServerProcess]]:
    """Two processes, each with its own empty data folder, sharing PostgreSQL and a Chroma
    collection of this test's own; the corpus is indexed into it while they start."""
    collection = f"scale_out_{uuid.uuid4().hex[:8]}"
    configs = [
        AppConfig(
            data_dir=tmp_path / name,
            slack_api_url=slack.api_url,
            signing_secret=SECRET,
            database_url=shared_services.database_url,
            chroma=shared_services.chroma,
            collection=collection,
        )
        for name in ("app-a", "app-b")
    ]
    with serving_together(*configs) as servers:
        _index_into_chroma(shared_services, collection, real_engine, tmp_path / "indexer")
        for server in servers:
            server.wait_until_up()
            server.wait_for_model()
        yield servers
    chromadb.HttpClient(*shared_services.chroma).delete_collection(collection)


def _index_into_chroma(
    shared_services: SharedServices, collection: str, real_engine: Engine, data_dir: Path
) -> None:
    host, port = shared_services.chroma
    settings = Settings(
        _env_file=None, data_dir=data_dir, chroma_host=host, chroma_port=port, collection=collection
    )
    Engine.from_settings(settings, embedder=real_engine.embedder).ingest()


def test_scale_out_two_processes_answer_one_interview_alternately(
    two_apps: list[ServerProcess], slack: WatchedSlack, shared_services: SharedServices
) -> None:
    route = Router(*(SignedSender(server.url, SECRET) for server in two_apps))
    clinician = Clinician(f"U0SCALE{uuid.uuid4().hex[:6].upper()}", route, slack, DeliveryLog())
    try:
        clinician.start("Pt-S2")
        rationale = _answer_everything(clinician)
        fhir = _finish_and_export(clinician, slack)
        stored = check_stored(shared_services.database_url, clinician.sent)
    finally:
        _erase(clinician, shared_services.database_url)

    assert all(a.acknowledged for a in clinician.sent) and len(clinician.sent) >= 20
    assert stored.exactly_once and stored.acknowledged == len(clinician.sent)
    asked = [
        ids.QuestionRef.parse(find_button(m["blocks"], ids.SKIP)[1]["value"])[0].question_id
        for m in clinician.thread()
        if _has(m, ids.SKIP)
    ]
    assert Counter(asked).most_common(1)[0][1] == 1  # the retry did not ask anything twice
    assert "[1]" in json.dumps(rationale["blocks"])  # cited from the Chroma server's index
    assert fhir["resourceType"] == "QuestionnaireResponse" and fhir["status"] == "completed"
    exported = json.dumps(fhir, ensure_ascii=False)
    assert ANSWERS["before_craving"] in exported and ANSWERS["after_lapse"] in exported
    for server in two_apps:
        assert _requests_served(server) >= 10
        assert not (server.config.data_dir / "chroma").exists()
        assert not (server.config.data_dir / "cuemap.db").exists()


def _answer_everything(clinician: Clinician) -> dict:
    """Replies and quick picks in turn until every question is visited; returns the cited
    rationale "Why we ask" posted on the way."""
    rationale: dict = {}
    answered = 0
    while clinician.shown is not None and clinician.shown.is_question:
        if answered == WHY_AT:
            rationale = _why_we_ask(clinician)
        if answered % 2 and _has(clinician.shown.message, f"{ids.PICK}_0"):
            clinician.pick(0)
        else:
            clinician.reply(retries=1 if answered == RETRIED_AT else 0)
        answered += 1
    assert clinician.shown is not None, "the interview stalled"
    return rationale


def _why_we_ask(clinician: Clinician) -> dict:
    assert clinician.shown is not None
    seen = len(clinician.thread())
    clinician.click(clinician.shown.message, ids.WHY)
    return clinician.slack.wait(lambda: _posted_after(clinician, seen), 15.0) or {}


def _finish_and_export(clinician: Clinician, slack: WatchedSlack) -> dict:
    assert clinician.shown is not None
    seen = len(clinician.thread())
    clinician.click(clinician.shown.message, ids.FINISH)
    cue_map = slack.wait(lambda: _with_button(clinician, f"{ids.EXPORT}_fhir_0", seen), 30.0)
    assert cue_map is not None, "no cue map was posted"
    clinician.click(cue_map, f"{ids.EXPORT}_fhir_0")
    slack.wait_for_calls("files.completeUploadExternal", timeout=30.0)
    [uploaded] = slack.uploads.values()
    return json.loads(uploaded)


def _posted_after(clinician: Clinician, seen: int) -> dict | None:
    posts = clinician.thread()
    return posts[seen] if len(posts) > seen else None


def _with_button(clinician: Clinician, action_id: str, seen: int) -> dict | None:
    return next((m for m in clinician.thread()[seen:] if _has(m, action_id)), None)


def _has(message: dict, action_id: str) -> bool:
    try:
        find_button(message.get("blocks") or [], action_id)
    except KeyError:
        return False
    return True


def _requests_served(server: ServerProcess) -> int:
    """Slack requests in the process's access log."""
    return server.log_path.read_text().count('"POST /slack/events')


def _erase(clinician: Clinician, database_url: str) -> None:
    """Leave the shared PostgreSQL as it was found."""
    store = SqlSessionStore(database_url)
    for session_id in {a.session_id for a in clinician.sent}:
        store.delete(session_id)
    store.engine.dispose()
