"""CUEMAP_LLM picks the composer: empty means extractive, a bad value stops start-up clearly."""

from __future__ import annotations

from importlib.util import find_spec

import pytest

from assistant.answers.extractive import ExtractiveComposer
from assistant.answers.factory import make_composer
from assistant.answers.llm import LLMComposer
from assistant.engine import Engine
from assistant.errors import LLMConfigError
from assistant.settings import Settings
from tests.answers.fake_chat import ScriptedChatModel
from tests.fakes import HashingEmbedder


def test_without_cuemap_llm_the_engine_answers_extractively(settings: Settings) -> None:
    engine = Engine.from_settings(settings, embedder=HashingEmbedder())
    assert settings.llm is None
    assert isinstance(engine.explainer.composer, ExtractiveComposer)


def test_an_injected_chat_model_gets_the_llm_composer(settings: Settings) -> None:
    composer = make_composer(settings, HashingEmbedder(), chat_model=ScriptedChatModel.replying())
    assert isinstance(composer, LLMComposer)


def test_an_unknown_provider_stops_start_up_with_a_clear_message(settings: Settings) -> None:
    bad = settings.model_copy(update={"llm": "acme:chatbot-9"})
    with pytest.raises(LLMConfigError, match=r"CUEMAP_LLM='acme:chatbot-9'.*provider:model"):
        Engine.from_settings(bad, embedder=HashingEmbedder())


@pytest.mark.skipif(find_spec("langchain_openai") is not None, reason="openai extra installed")
def test_a_provider_without_its_extra_names_the_extra_to_install(settings: Settings) -> None:
    wanting = settings.model_copy(update={"llm": "openai:gpt-4o-mini"})
    with pytest.raises(LLMConfigError, match=r"needs the openai extra: .*\.\[openai\]"):
        Engine.from_settings(wanting, embedder=HashingEmbedder())
