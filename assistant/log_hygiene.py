"""No patient text in any log record, at any level, from any logger.

Libraries log what clinicians typed: SQLAlchemy result rows at DEBUG, the Slack SDK whole
request and response bodies at DEBUG, Bolt a self-sent message at DEBUG and the raw body of a
stale or wrongly signed request at INFO, and an exception's message can quote its input.
Filters on named loggers miss records from loggers nobody listed, and filters on the root
logger never see records that propagate to it. So the check sits where every record is made:
a log record factory (`logging.setLogRecordFactory`), which gunicorn's and pytest's handlers
alike only ever receive records from.

What is withheld (the record stays, with its logger, level and a notice in place of the
message, so an operator still sees that something was logged):
- every DEBUG record from a library (not CueMap's own `assistant`/`integrations` loggers);
- any record whose message carries a structure: a dict or JSON object, a form-encoded body,
  bytes, a result row; and, from a library, any message naming a body, payload or text;
- the message of any exception attached to a record: its type and frames are kept.
(Statement parameters are hidden as well by `hide_parameters`; see assistant/interview/store.py.)
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
OWN_LOGGERS = ("assistant", "integrations")
WITHHELD = "[withheld by CueMap: this %s record may carry a request, a reply or stored text]"
# A dict/JSON opening ({"k" or {'k'), a "key": value pair, bytes (b'..'), a SQLAlchemy row
# (Row ('..' / ('..', ..)), or two form fields (a=b&c=d).
STRUCTURE = re.compile(
    r"""[{\[]\s*['"]|['"]\s*:\s*\S|\bb['"]|\bRow\s*\(|\(\s*['"].*['"]\s*,|\w=[^&\s]*&\w+="""
)
LIBRARY_WORDS = re.compile(r"\b(body|payload|text|blocks|envelope|message)\b", re.IGNORECASE)


def guard_logs() -> None:
    """Install the checking record factory (once; safe to call again)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _GuardedFactory):
        logging.setLogRecordFactory(_GuardedFactory(current))


def set_level(level: str) -> None:
    """The root level every logger inherits (CUEMAP_LOG_LEVEL), with the guard installed."""
    guard_logs()
    logging.getLogger().setLevel(level)


class _GuardedFactory:
    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self._inner(*args, **kwargs)
        try:
            _clean(record)
        except Exception:  # never let the check itself lose a record: withhold it instead
            _withhold(record)
        return record


def _clean(record: logging.LogRecord) -> None:
    ours = record.name.split(".")[0] in OWN_LOGGERS
    if not ours and record.levelno <= logging.DEBUG:
        _withhold(record)
    else:
        message = record.getMessage()
        if STRUCTURE.search(message) or (not ours and LIBRARY_WORDS.search(message)):
            _withhold(record)
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        frames = "".join(traceback.format_tb(error.__traceback__))
        record.exc_text = f"Traceback (most recent call last):\n{frames}{type(error).__name__}"


def _withhold(record: logging.LogRecord) -> None:
    record.msg = WITHHELD % logging.getLevelName(record.levelno)
    record.args = ()
