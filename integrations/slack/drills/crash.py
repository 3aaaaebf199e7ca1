"""The crash drill: SIGKILL `cuemap serve` while clinicians are mid-interview, restart it on
the same database, and check nothing acknowledged was lost and every session resumes.

Clinicians answer by replying in their sessions' threads (some replies re-sent at once as
Slack retries). Once `kill_after` answers have been acknowledged in all, the app's master and
worker are killed together, with requests in flight. A new process is started on the same
database; before it gets any request the database must hold every acknowledged answer
exactly once. Then each clinician types `/cuemap resume LABEL`: CueMap must post the first
question the database has no answer for, and take an answer to it.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from assistant.interview import flow
from assistant.interview.models import PLAN_EPISODE, Slot
from assistant.interview.store import SqlSessionStore
from assistant.interview.template import load_template
from assistant.settings import PROJECT_ROOT
from integrations.slack.drills.clinician import Clinician
from integrations.slack.drills.deliveries import DeliveryLog
from integrations.slack.drills.router import Router
from integrations.slack.drills.server_process import AppConfig, ServerProcess, serving
from integrations.slack.drills.stored import StoredCheck, check_stored
from integrations.slack.drills.watched_slack import watched_slack
from integrations.slack.testing.signed import SignedSender

SIGNING_SECRET = "drill-signing-secret"
ORDER = flow.slots(load_template(PROJECT_ROOT / "prompts"), 1)


@dataclass(frozen=True)
class CrashPlan:
    clinicians: int = 6
    kill_after: int = 20  # acknowledged answers, in all, before the SIGKILL
    retry_every: int = 3  # 1 answer in 3 is re-sent at once as a Slack retry; 0: never
    database_url: str | None = None  # SQLite in the drill's folder when unset
    kill_within_s: float = 60.0  # kill anyway after this long


@dataclass(frozen=True)
class Resume:
    user: str
    expected: Slot | None  # the first question the database holds no answer for
    shown: Slot | None  # what CueMap posted after `/cuemap resume`
    continued: bool  # it took an answer to that question and asked the next one

    @property
    def ok(self) -> bool:
        return self.shown == self.expected and self.continued


@dataclass(frozen=True)
class CrashResult:
    plan: CrashPlan
    answered_before_kill: int  # acknowledged answers
    in_flight: int  # answers sent whose ack never came: the app died under them
    restart_s: float  # from the kill to the new process answering /healthz
    after_restart: StoredCheck  # before the new process got any request
    resumes: list[Resume]
    at_end: StoredCheck  # with the answers given after resuming
    log: DeliveryLog
    session_ids: list[str]

    @property
    def ok(self) -> bool:
        return (
            self.after_restart.exactly_once
            and self.at_end.exactly_once
            and bool(self.resumes)
            and all(r.ok for r in self.resumes)
        )


def run_crash(plan: CrashPlan, workdir: Path) -> CrashResult:
    with watched_slack() as slack:
        config = AppConfig(
            data_dir=workdir / "data",
            slack_api_url=slack.api_url,
            signing_secret=SIGNING_SECRET,
            database_url=plan.database_url,
        )
        log, stop = DeliveryLog(), threading.Event()
        route = Router()
        run = uuid.uuid4().hex[:6].upper()  # a shared database may hold earlier runs
        clinicians = [
            Clinician(f"U0CRASH{run}{n:03d}", route, slack, log, stop)
            for n in range(plan.clinicians)
        ]
        _until_killed(ServerProcess(config, "killed"), plan, clinicians, route, stop)
        killed_at = time.perf_counter()
        with serving(config, "restarted") as restarted:
            restart_s = time.perf_counter() - killed_at
            sent = [a for c in clinicians for a in c.sent]
            after_restart = check_stored(config.sqlalchemy_url, sent)
            route.send_to(SignedSender(restarted.url, SIGNING_SECRET))
            stop.clear()
            resumes = [_resume(c, config.sqlalchemy_url) for c in clinicians if c.sent]
            at_end = check_stored(config.sqlalchemy_url, [a for c in clinicians for a in c.sent])
    return CrashResult(
        plan=plan,
        answered_before_kill=sum(1 for a in sent if a.acknowledged),
        in_flight=sum(1 for a in sent if not a.acknowledged),
        restart_s=restart_s,
        after_restart=after_restart,
        resumes=resumes,
        at_end=at_end,
        log=log,
        session_ids=sorted({a.session_id for a in sent}),
    )


def _until_killed(
    server: ServerProcess,
    plan: CrashPlan,
    clinicians: list[Clinician],
    route: Router,
    stop: threading.Event,
) -> None:
    """Clinicians answer until `kill_after` answers were acknowledged; then SIGKILL."""
    try:
        server.start()
        route.send_to(SignedSender(server.url, SIGNING_SECRET))
        workers = [
            threading.Thread(target=_keep_answering, args=(c, n, plan), name=c.user)
            for n, c in enumerate(clinicians)
        ]
        for worker in workers:
            worker.start()
        deadline = time.monotonic() + plan.kill_within_s
        while _acknowledged(clinicians) < plan.kill_after and time.monotonic() < deadline:
            time.sleep(0.005)
        server.kill()
        stop.set()
        for worker in workers:
            worker.join()
    finally:
        server.stop()


def _acknowledged(clinicians: list[Clinician]) -> int:
    return sum(1 for c in clinicians for a in list(c.sent) if a.acknowledged)


def _keep_answering(clinician: Clinician, n: int, plan: CrashPlan) -> None:
    if clinician.start(f"Crash-{n}") is None:
        return
    answered = 0
    while not clinician.stop.is_set() and clinician.shown is not None:
        if not clinician.shown.is_question:
            return  # every question answered before the kill
        retried = plan.retry_every and answered % plan.retry_every == plan.retry_every - 1
        if clinician.reply(retries=1 if retried else 0) is None:
            return
        answered += 1


def _resume(clinician: Clinician, database_url: str) -> Resume:
    expected = _first_unanswered(database_url, clinician.sent[0].session_id)
    seen = len(clinician.thread())
    clinician.command(f"resume {clinician.label}")
    shown = clinician.next_after(seen - 1)
    at = None
    if shown is not None and shown.is_question:
        at = Slot(shown.ref.question_id, shown.ref.episode or PLAN_EPISODE)
    continued = at is not None and clinician.reply() is not None
    return Resume(clinician.user, expected, at, continued)


def _first_unanswered(database_url: str, session_id: str) -> Slot | None:
    store = SqlSessionStore(database_url)
    answered = {a.slot for a in store.answers(session_id)}
    store.engine.dispose()
    return next((slot for slot in ORDER if slot not in answered), None)
