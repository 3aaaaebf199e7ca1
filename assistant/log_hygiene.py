"""Library loggers that would write patient text at DEBUG are silenced there, at the source.

SQLAlchemy logs result rows at DEBUG (an answer's text is a row); the Slack SDK logs whole
request and response bodies at DEBUG. Even when an operator turns DEBUG on, those records are
dropped: a filter on the emitting logger itself, so it holds whatever handlers are attached.
(Statement parameters are hidden by `hide_parameters`; see assistant/interview/store.py.)
"""

from __future__ import annotations

import logging

SQL_ROWS = "sqlalchemy.engine.Engine"


class NoDebugPayloads(logging.Filter):
    """Lets through INFO and above; drops the DEBUG records that dump rows and bodies."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def silence_debug_payloads(*logger_names: str) -> None:
    """Add the filter to each named logger once (safe to call again)."""
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, NoDebugPayloads) for f in logger.filters):
            logger.addFilter(NoDebugPayloads())
