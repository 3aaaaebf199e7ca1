"""A whole interview at the terminal with every logger at DEBUG: none of the answers appears
in any log record, message or traceback. (The same story in Slack is in tests/slack.)"""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from rich.console import Console

from assistant.cli.interview_loop import InterviewLoop
from assistant.engine import Engine
from assistant.interview import Owner

# Distinctive words no library would log by chance, one answer per question where typed.
ANSWERS = {
    "before_craving": "quarrelled with Wexford about the zebrafish aquarium",
    "where": "the Marigold laundrette on Quillan Row",
    "who": "with Dave and the tangerine van crew",
    "feeling": "wants to end his life since the Quillan eviction",
    "thoughts": "one pint of Brackwater porter will not matter",
}
LIBRARY_LOGGERS = [
    "slack_bolt",
    "slack_sdk",
    "urllib3",
    "sqlalchemy",
    "sqlalchemy.engine",
    "sqlalchemy.pool",
    "chromadb",
    "httpx",
    "gunicorn",
    "gunicorn.error",
    "uvicorn",
    "websocket",
    "asyncio",
    "assistant",
    "integrations",
]


def every_logger_at(caplog: pytest.LogCaptureFixture, level: int) -> None:
    """The root, the libraries' loggers and every existing logger below them (Bolt gives
    each of its loggers its own level, copied from the root's when it is made)."""
    caplog.set_level(level)
    existing = list(logging.root.manager.loggerDict)
    for name in LIBRARY_LOGGERS:
        for child in [name] + [n for n in existing if n.startswith(name + ".")]:
            caplog.set_level(level, logger=child)


def everything_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    every_logger_at(caplog, logging.DEBUG)


def leaks(caplog: pytest.LogCaptureFixture, secrets: list[str]) -> list[str]:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    logged = "\n".join(formatter.format(record) for record in caplog.records)
    fragments = [word for text in secrets for word in text.split() if len(word) >= 7]
    return sorted({f for f in fragments if f in logged})


def test_logs_console_interview_holds_no_answer_at_any_level(
    fake_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    everything_at_debug(caplog)
    owner = Owner("local", "dr-logs")
    replies = iter(
        [
            ANSWERS["before_craving"],
            ANSWERS["where"],
            ANSWERS["who"],  # holds a name: not stored
            "y",  # use the redacted version
            ANSWERS["feeling"],  # crisis language: the card
            "yes",
            "finish",
            "",  # the episode's cues: keep them
            "y",  # the plan is unanswered: finish anyway
        ]
    )
    console = Console(file=StringIO(), width=120)
    loop = InterviewLoop(fake_engine.interviews, owner, console, lambda _p: next(replies))

    cue_map = loop.run(loop.start("Pt-L"))

    assert cue_map is not None and len(caplog.records) > 10, "the loggers were listening"
    for fmt in ("markdown", "json", "fhir"):
        fake_engine.interviews.export(owner, cue_map.session_id, fmt)
    assert leaks(caplog, list(ANSWERS.values())) == []
