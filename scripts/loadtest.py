"""Reliability drills against the real Slack HTTP app, on 127.0.0.1 only; prints a report.

    .venv/bin/python scripts/loadtest.py            # load: concurrent signed commands and answers
    .venv/bin/python scripts/loadtest.py --crash    # SIGKILL mid-interview, restart, check
    .venv/bin/python scripts/loadtest.py --slow-clients 50   # acks while 50 bodies stall

Each run starts `cuemap serve` (gunicorn) in a temporary folder against a fake Slack Web API,
stops by itself within its limits, and exits non-zero when the database check fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from integrations.slack.drills.crash import CrashPlan, run_crash
from integrations.slack.drills.load import LoadPlan, run_load
from integrations.slack.drills.report import crash_report, load_report
from integrations.slack.drills.slow_clients import (
    SlowClientPlan,
    run_slow_clients,
    slow_client_report,
)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cuemap-drill-") as workdir:
        if args.slow_clients:
            plan = SlowClientPlan(slow_clients=args.slow_clients, commands=args.commands)
            slow = run_slow_clients(plan, Path(workdir))
            lines, ok = slow_client_report(slow), slow.all_acknowledged
        elif args.crash:
            crash_plan = CrashPlan(clinicians=args.clinicians or 6, database_url=args.database_url)
            crash = run_crash(crash_plan, Path(workdir))
            lines, ok = crash_report(crash), crash.ok
        else:
            plan = LoadPlan(
                clinicians=args.clinicians or LoadPlan.clinicians,
                concurrency=args.concurrency,
                answers_each=args.answers,
                time_limit_s=args.time_limit,
                database_url=args.database_url,
            )
            load = run_load(plan, Path(workdir))
            lines, ok = load_report(load), load.stored.exactly_once
    print("\n".join(lines))
    return 0 if ok else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crash", action="store_true", help="run the crash drill instead")
    parser.add_argument(
        "--slow-clients", type=int, help="run the slow-client drill with this many stalled bodies"
    )
    parser.add_argument(
        "--commands", type=int, default=50, help="slow-client drill: concurrent signed commands"
    )
    parser.add_argument("--clinicians", type=int, help="interviews (load: 60, crash: 6)")
    parser.add_argument("--concurrency", type=int, default=LoadPlan.concurrency)
    parser.add_argument("--answers", type=int, default=LoadPlan.answers_each)
    parser.add_argument("--time-limit", type=float, default=LoadPlan.time_limit_s)
    parser.add_argument(
        "--database-url", help="e.g. postgresql://... (default: SQLite in a temporary folder)"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
