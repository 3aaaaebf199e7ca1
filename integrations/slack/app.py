"""build_app: the Bolt app wired to CueMap's engine; one object serves HTTP and Socket Mode."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from sqlalchemy import Engine as Database
from sqlalchemy import create_engine, event

from assistant.engine import Engine
from assistant.log_hygiene import guard_logs
from assistant.settings import Settings
from integrations.slack import error_handler, listeners
from integrations.slack.dedupe import drop_repeats
from integrations.slack.oauth import oauth_settings
from integrations.slack.response_urls import only_slack_response_urls
from integrations.slack.services import SlackServices, attach
from integrations.slack.store import SlackStore
from integrations.slack.warmup import ModelWarmUp

BACKGROUND_WORKERS = 8  # answers computed after the ack; acks never queue behind them
RATE_LIMIT_RETRIES = 3


def web_client(settings: Settings, token: str | None) -> WebClient:
    """A Web API client for SLACK_API_URL that waits out 429s (Retry-After) and retries drops."""
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        retry_handlers=[
            ConnectionErrorRetryHandler(),
            RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
    )


def database(settings: Settings) -> Database:
    db = create_engine(settings.sqlalchemy_url, hide_parameters=True)
    if db.dialect.name == "sqlite":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        event.listen(db, "connect", _quick_sqlite_commits)
    return db


def _quick_sqlite_commits(connection, _record) -> None:
    """Every request writes its retry key before the ack; a rollback-journal commit waits
    for an fsync (~20 ms here), a WAL commit does not (~0.2 ms). WAL also lets readers and
    this writer work at once; it survives a crash, at worst losing the latest retry keys."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


def build_app(
    settings: Settings,
    engine: Engine,
    *,
    db: Database | None = None,
    warm_up: ModelWarmUp | None = None,
) -> App:
    """Token mode with SLACK_BOT_TOKEN; an OAuth install when SLACK_CLIENT_ID/SECRET are set.

    Listeners run with `process_before_response`: each request's ack function runs on the
    request's own thread and returns at once, and slow work goes to lazy listeners on a
    separate pool, so an acknowledgement never waits behind an answer or the model.
    """
    guard_logs()  # no patient text in any log record, Bolt's and the SDK's included
    db = db or database(settings)
    store = SlackStore(db)
    app = App(
        client=web_client(settings, _bot_token(settings)),
        signing_secret=_secret(settings.slack_signing_secret),
        oauth_settings=oauth_settings(settings, db) if settings.slack_oauth_configured else None,
        process_before_response=True,
        listener_executor=ThreadPoolExecutor(BACKGROUND_WORKERS, thread_name_prefix="cuemap-slack"),
        request_verification_enabled=settings.slack_signing_secret is not None,
    )
    shared = SlackServices(settings, engine, store, warm_up or ModelWarmUp(engine))
    app.use(attach(shared))
    app.use(only_slack_response_urls)
    app.use(drop_repeats(store))
    error_handler.register(app)
    listeners.register(app)
    return app


def _bot_token(settings: Settings) -> str | None:
    return None if settings.slack_oauth_configured else _secret(settings.slack_bot_token)


def _secret(value) -> str | None:
    return value.get_secret_value() if value is not None else None
