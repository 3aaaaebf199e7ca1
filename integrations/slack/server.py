"""`cuemap serve`: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP under gunicorn.

Gunicorn rather than Bolt's development server (single-threaded, not for production): it is
already a CueMap dependency and manages the worker processes (graceful restarts, a crashed
worker replaced). Its worker is gunicorn's own `asgi` worker (an asyncio event loop, no new
dependency) running the WSGI app through `BufferedWSGI`: a request's body is read on the
loop, under a deadline, and only a complete request takes one of the WSGI threads, so
clients that never finish their body cannot hold the threads acknowledgements need (with
the threaded `gthread` worker, eight such clients stopped every acknowledgement). Uvicorn,
installed with chromadb, would do the same behind the same bridge, but without gunicorn's
process management; gunicorn's gevent worker would need gevent and monkey-patching.
One worker process by default: it holds one copy of the embedding model and runs the lazy
listeners in its own threads; more workers are safe (retries are de-duplicated in the shared
database) but each loads its own model.
With the default ONNX backend a worker never imports torch and holds one repacked copy of the
weights (mapped from the exported file, not read into memory first): about 320 MB in all once
its warm-up has loaded the recogniser and the crisis pipeline too.
"""

from __future__ import annotations

import logging
from typing import Any

from gunicorn.app.base import BaseApplication

from assistant.engine import Engine
from assistant.errors import CueMapError
from assistant.log_hygiene import set_level
from assistant.settings import Settings
from integrations.slack.app import build_app, database
from integrations.slack.asgi import BufferedWSGI
from integrations.slack.malloc import return_freed_memory
from integrations.slack.retention import RetentionPurge
from integrations.slack.store import SlackStore
from integrations.slack.warmup import ModelWarmUp
from integrations.slack.wsgi import wsgi_app

logger = logging.getLogger(__name__)

CONNECTIONS_PER_WORKER = 1000  # open connections a worker holds; a waiting one costs a socket
# The warm-up (model, recogniser, crisis pipeline: imports that hold the GIL) begins this long
# after the app is built, once the worker is listening: started at once, it slowed the first
# acknowledgement by about 0.1 s (bench, 6 starts each: median 0.98 -> 0.89 s to the first
# ack); the first answer came no later (2.8 -> 2.6 s).
WARM_UP_AFTER_S = 0.3


class SlackNotConfiguredError(CueMapError):
    """Neither Socket Mode nor HTTP can be used with the Slack settings given."""


def start_app(settings: Settings) -> tuple[Any, ModelWarmUp]:
    """Engine and Bolt app built in the serving process, the model loading in the background,
    expired interview sessions erased now and every hour."""
    engine = Engine.from_settings(settings)
    warm_up = ModelWarmUp(engine)
    db = database(settings)
    app = build_app(settings, engine, db=db, warm_up=warm_up)
    RetentionPurge(engine.interviews, SlackStore(db)).start()
    warm_up.start(after_s=WARM_UP_AFTER_S)
    return app, warm_up


def serve(settings: Settings, host: str = "0.0.0.0", port: int = 3000, workers: int = 1) -> None:
    set_level(settings.log_level)
    return_freed_memory()  # inherited by every worker
    if settings.slack_app_token is not None:
        serve_socket_mode(settings)
    elif settings.slack_signing_secret is not None:
        serve_http(settings, host, port, workers)
    else:
        raise SlackNotConfiguredError(
            "Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP) to serve Slack."
        )


def serve_socket_mode(settings: Settings) -> None:
    app, _ = start_app(settings)
    logger.warning("CueMap is connected to Slack over Socket Mode")
    socket_mode_handler(app, settings).start()


def socket_mode_handler(app: Any, settings: Settings) -> Any:
    """Bolt's built-in Socket Mode client for `app`: `connect()` it, or `start()` to block.
    It asks `apps.connections.open` at SLACK_API_URL (through the app's client) where to
    connect; envelopes come in over that WebSocket and are acknowledged on it."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    assert settings.slack_app_token is not None
    return SocketModeHandler(app, settings.slack_app_token.get_secret_value())


def serve_http(settings: Settings, host: str, port: int, workers: int) -> None:
    def load() -> BufferedWSGI:
        assert settings.slack_signing_secret is not None
        secret = settings.slack_signing_secret.get_secret_value()
        return BufferedWSGI(wsgi_app(*start_app(settings), secret))

    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "asgi",
        "worker_connections": CONNECTIONS_PER_WORKER,
        "timeout": 60,
        "graceful_timeout": 20,
        "accesslog": "-",
        "loglevel": settings.log_level.lower(),
    }
    GunicornServer(load, options).run()


class GunicornServer(BaseApplication):
    """Gunicorn driven from Python; the app is built in each worker, after the fork."""

    def __init__(self, load: Any, options: dict[str, Any]) -> None:
        self._load = load
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> BufferedWSGI:
        return self._load()
