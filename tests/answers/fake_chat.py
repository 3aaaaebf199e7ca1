"""Chat models standing in for a provider: scripted replies, a stalled call, a failing call.

Each records the messages it was sent, so tests can check what the model saw.
"""

from __future__ import annotations

import threading
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from pydantic import Field


class ScriptedChatModel(GenericFakeChatModel):
    """Replies with the scripted messages in turn and keeps every prompt it received."""

    sent: list[list[BaseMessage]] = Field(default_factory=list)

    @classmethod
    def replying(cls, *replies: str) -> ScriptedChatModel:
        return cls(messages=iter([AIMessage(content=reply) for reply in replies]))

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.sent.append(list(messages))
        return super()._generate(messages, *args, **kwargs)


class StalledChatModel(ScriptedChatModel):
    """A provider that hangs: the call returns only after the test sets `release`."""

    release: threading.Event = Field(default_factory=threading.Event)

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.release.wait(timeout=30)
        return super()._generate(messages, *args, **kwargs)


class FailingChatModel(ScriptedChatModel):
    """A provider that is down."""

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.sent.append(list(messages))
        raise ConnectionError("provider unreachable")
