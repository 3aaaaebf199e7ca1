"""The drills' results as the plain lines `scripts/loadtest.py` prints."""

from __future__ import annotations

from integrations.slack.drills.crash import CrashResult, Resume
from integrations.slack.drills.deliveries import DeliveryLog
from integrations.slack.drills.load import LoadResult
from integrations.slack.drills.stored import StoredCheck


def load_report(result: LoadResult) -> list[str]:
    plan, log = result.plan, result.log
    retries = f", 1 answer in {plan.retry_every} re-sent as a Slack retry" * bool(plan.retry_every)
    return [
        f"Load: {plan.clinicians} clinicians, {plan.concurrency} at a time, "
        f"{plan.answers_each} answers each{retries}",
        f"set-up: index built in {result.ingest_s:.1f} s, model loaded "
        f"{result.warm_s:.1f} s after the app was up",
        f"requests: {log.count()} in {result.seconds:.1f} s "
        f"({result.requests_per_s:.1f} requests/s, "
        f"{result.stored.acknowledged / result.seconds:.1f} answers/s)",
        *ack_lines(log),
        f"clinicians: {result.finished} finished, {result.stalled} stalled; "
        f"/explain answers delivered: {result.explained} of {plan.clinicians}",
        *stored_lines(result.stored),
    ]


def crash_report(result: CrashResult) -> list[str]:
    plan = result.plan
    resumed = sum(1 for r in result.resumes if r.ok)
    return [
        f"Crash: {plan.clinicians} clinicians answering at once (1 reply in {plan.retry_every} "
        f"re-sent as a Slack retry); SIGKILL of master and worker after {plan.kill_after} "
        "acknowledged answers",
        f"at the kill: {result.answered_before_kill} answers acknowledged, "
        f"{result.in_flight} in flight (sent, never acknowledged)",
        f"restart: the new process answered /healthz {result.restart_s:.1f} s after the kill",
        "right after the restart:",
        *("  " + line for line in stored_lines(result.after_restart)),
        f"resume: {resumed} of {len(result.resumes)} sessions resumed at the first unanswered "
        "question and took the next answer",
        *(_resume_problem(r) for r in result.resumes if not r.ok),
        "at the end:",
        *("  " + line for line in stored_lines(result.at_end)),
        *ack_lines(result.log),
        "RESULT: " + ("OK" if result.ok else "FAILED"),
    ]


def _resume_problem(resume: Resume) -> str:
    return (
        f"  {resume.user}: expected {resume.expected}, CueMap showed {resume.shown}, "
        f"next answer taken: {resume.continued}"
    )


def ack_lines(log: DeliveryLog) -> list[str]:
    lines = ["acks (HTTP round trip of acknowledged requests):"]
    for kind in [*log.kinds(), None]:
        times = log.times(kind)
        lines.append(
            f"  {kind or 'all':>13}: n={times.count:5d}  p50 {times.p50_ms:7.1f} ms  "
            f"p99 {times.p99_ms:7.1f} ms  max {times.max_ms:7.1f} ms  errors {times.failed}"
        )
    return lines


def stored_lines(check: StoredCheck) -> list[str]:
    verdict = "OK" if check.exactly_once else "FAILED"
    return [
        f"database check: {verdict}: {check.stored_once} of {check.acknowledged} acknowledged "
        f"answers stored exactly once in their own question, over {check.sessions} sessions",
        f"  missing {check.missing}, changed {check.changed}, unexpected rows {check.unexpected}, "
        f"extra sessions {check.extra_sessions}; "
        f"sent without an ack but stored {check.unacknowledged_kept}",
    ]
