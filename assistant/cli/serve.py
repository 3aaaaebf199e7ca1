"""`cuemap serve`: run the Slack app (the Slack adapter is imported only when asked for)."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli import runtime


def serve(
    port: Annotated[int, typer.Option(help="HTTP port (ignored in Socket Mode).")] = 3000,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "0.0.0.0",
    workers: Annotated[int, typer.Option(help="Server processes; each loads the model.")] = 1,
) -> None:
    """Run the Slack app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on --port."""
    from integrations.slack.server import serve as serve_slack

    serve_slack(runtime.settings(), host=host, port=port, workers=workers)


def register(app: typer.Typer) -> None:
    app.command()(serve)
