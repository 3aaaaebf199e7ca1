"""The record factory behind every log record: a body, a row or an exception's message never
leaves it, whichever logger made the record (gunicorn's and unknown ones too) and at any level;
CueMap's own plain messages pass unchanged. CUEMAP_LOG_LEVEL sets the level."""

from __future__ import annotations

import logging

import pytest

from assistant.log_hygiene import guard_logs, set_level
from assistant.settings import Settings

ANSWER = "the Marigold laundrette on Quillan Row"


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    guard_logs()
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.mark.parametrize(
    ("name", "level", "message", "args"),
    [
        ("gunicorn.error", logging.ERROR, "Error handling request %s", ({"text": ANSWER},)),
        ("some.new.library", logging.INFO, "got body: %s", (f"text={ANSWER}&user_id=U1",)),
        ("slack_bolt.App", logging.WARNING, f"Unhandled request ({{'text': '{ANSWER}'}})", ()),
        ("sqlalchemy.engine.Engine", logging.DEBUG, "Row %r", ((ANSWER, 3),)),
        ("uvicorn.error", logging.DEBUG, "%s", (ANSWER,)),
        ("integrations.slack.x", logging.ERROR, "bad %s", ({"answer": ANSWER},)),
        ("websocket", logging.INFO, "received %s", (ANSWER.encode(),)),
    ],
)
def test_log_guard_withholds_bodies_from_any_logger(
    records: pytest.LogCaptureFixture, name: str, level: int, message: str, args: tuple
) -> None:
    records.set_level(logging.DEBUG, logger=name)
    logging.getLogger(name).log(level, message, *args)

    [record] = [r for r in records.records if r.name == name]
    assert "Marigold" not in record.getMessage()
    assert "withheld" in record.getMessage()


def test_log_guard_keeps_exception_type_and_frames_but_not_its_message(
    records: pytest.LogCaptureFixture,
) -> None:
    try:
        raise ValueError(f"could not parse {ANSWER}")
    except ValueError:
        logging.getLogger("slack_bolt.App").exception("listener failed")

    text = records.text
    assert "ValueError" in text and "test_log_guard" in text
    assert "Marigold" not in text


def test_log_guard_lets_cuemaps_plain_messages_through(records: pytest.LogCaptureFixture) -> None:
    logging.getLogger("integrations.slack.wsgi").info("refused a %s request", "malformed")
    assert records.records[-1].getMessage() == "refused a malformed request"


def test_log_level_setting_defaults_to_info_and_is_applied(tmp_path) -> None:
    assert Settings(_env_file=None, data_dir=tmp_path).log_level == "INFO"
    chosen = Settings(_env_file=None, data_dir=tmp_path, log_level="warning").log_level
    before = logging.getLogger().level
    try:
        set_level(chosen)
        assert logging.getLogger().level == logging.WARNING
    finally:
        logging.getLogger().setLevel(before)
