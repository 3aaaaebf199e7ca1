"""The load drill: many clinicians at once against one `cuemap serve`, then the database check.

Each clinician starts an interview with `/cuemap start`, asks one `/explain` question, and
answers questions by replying in the session's thread, waiting for each next question as a
person would; some replies are re-sent by "Slack" as retries (X-Slack-Retry-Num) at once,
the hardest case for de-duplication. Bounded by the plan's counts and its time limit; every
request goes to 127.0.0.1.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from integrations.slack.drills.clinician import Clinician
from integrations.slack.drills.deliveries import DeliveryLog
from integrations.slack.drills.router import Router
from integrations.slack.drills.server_process import AppConfig, run_cuemap, serving
from integrations.slack.drills.stored import StoredCheck, check_stored
from integrations.slack.drills.watched_slack import WatchedSlack, watched_slack
from integrations.slack.testing.signed import SignedSender

SIGNING_SECRET = "drill-signing-secret"
QUESTIONS = (
    "how does the brain learn to seek the drug before the drug is present?",
    "why does the cue take over from the drug?",
    "what does the insula add to craving?",
)
EXPLAIN_WAIT_S = 60.0


@dataclass(frozen=True)
class LoadPlan:
    clinicians: int = 60
    concurrency: int = 30  # clinicians working at the same moment
    answers_each: int = 12
    retry_every: int = 4  # every 4th answer is also re-sent as a Slack retry; 0: never
    time_limit_s: float = 120.0  # no new answer is sent after this
    database_url: str | None = None  # SQLite in the drill's folder when unset


@dataclass(frozen=True)
class LoadResult:
    plan: LoadPlan
    seconds: float  # from the first request to the last clinician done
    log: DeliveryLog
    finished: int  # clinicians who gave all their answers
    stalled: int  # clinicians left waiting: no ack, or no next question in time
    explained: int  # /explain answers that reached the clinician
    stored: StoredCheck
    ingest_s: float
    warm_s: float  # process start to model loaded

    @property
    def requests_per_s(self) -> float:
        return self.log.count() / self.seconds if self.seconds else 0.0


def run_load(plan: LoadPlan, workdir: Path) -> LoadResult:
    with watched_slack() as slack:
        config = AppConfig(
            data_dir=workdir / "data",
            slack_api_url=slack.api_url,
            signing_secret=SIGNING_SECRET,
            database_url=plan.database_url,
        )
        started = time.perf_counter()
        run_cuemap(config, "ingest")  # /explain needs the index
        ingest_s = time.perf_counter() - started
        with serving(config) as server:
            started = time.perf_counter()
            server.wait_for_model()
            warm_s = time.perf_counter() - started
            app = SignedSender(server.url, SIGNING_SECRET)
            return _drive(plan, config, slack, app, ingest_s=ingest_s, warm_s=warm_s)


def _drive(
    plan: LoadPlan,
    config: AppConfig,
    slack: WatchedSlack,
    app: SignedSender,
    *,
    ingest_s: float,
    warm_s: float,
) -> LoadResult:
    log, route = DeliveryLog(), Router(app)
    run = uuid.uuid4().hex[:6].upper()  # a shared database may hold earlier runs
    clinicians = [
        Clinician(f"U0LOAD{run}{n:04d}", route, slack, log) for n in range(plan.clinicians)
    ]
    deadline = time.monotonic() + plan.time_limit_s
    started = time.perf_counter()
    with ThreadPoolExecutor(plan.concurrency, thread_name_prefix="clinician") as pool:
        outcomes = list(pool.map(lambda c: _interview(c, plan, deadline), clinicians))
    seconds = time.perf_counter() - started
    return LoadResult(
        plan=plan,
        seconds=seconds,
        log=log,
        finished=outcomes.count("done"),
        stalled=outcomes.count("stalled"),
        explained=_explained(slack, len(clinicians)),
        stored=check_stored(config.sqlalchemy_url, [a for c in clinicians for a in c.sent]),
        ingest_s=ingest_s,
        warm_s=warm_s,
    )


def _interview(clinician: Clinician, plan: LoadPlan, deadline: float) -> str:
    n = int(clinician.user[-4:])
    if clinician.start(f"Load-{n:04d}") is None:
        return "stalled"
    clinician.command(QUESTIONS[n % len(QUESTIONS)], command="/explain")
    for answered in range(plan.answers_each):
        if time.monotonic() > deadline:
            return "time limit"
        retried = plan.retry_every and answered % plan.retry_every == plan.retry_every - 1
        if clinician.reply(retries=1 if retried else 0) is None:
            return "stalled"
    return "done"


def _explained(slack: WatchedSlack, asked: int) -> int:
    """/explain answers posted back to their response URLs (waiting for the last ones)."""

    def answered() -> int:
        return len({c.path for c in slack.calls_to("response_url") if "/explain-" in c.path})

    deadline = time.monotonic() + EXPLAIN_WAIT_S
    while answered() < asked and time.monotonic() < deadline:
        time.sleep(0.1)
    return answered()
