"""The CueMap services every listener reaches through Bolt's context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext

from assistant.engine import Engine
from assistant.settings import Settings
from integrations.slack.store import SlackStore
from integrations.slack.warmup import ModelWarmUp

CONTEXT_KEY = "cuemap"


@dataclass(eq=False)
class SlackServices:
    settings: Settings
    engine: Engine
    store: SlackStore
    warm_up: ModelWarmUp

    def __deepcopy__(self, memo: dict[int, Any]) -> SlackServices:
        # Bolt deep-copies the context for lazy listeners; these are shared, thread-safe
        # services, not request data, so every copy is this same object.
        return self


def services(context: BoltContext) -> SlackServices:
    return context[CONTEXT_KEY]


def attach(shared: SlackServices):
    """Global middleware putting the services into every request's context."""

    def attach_services(context: BoltContext, next) -> None:  # Bolt injects by name: `next`
        context[CONTEXT_KEY] = shared
        next()

    return attach_services
