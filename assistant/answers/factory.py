"""Choose the answer composer from settings: extractive by default, an LLM when `CUEMAP_LLM` is set.

A misconfigured `CUEMAP_LLM` (unknown provider, provider extra not installed, no API key) is a
start-up error with a clear message, not a silent fallback: a clinic that asked for prose should
learn at once that it is not getting it. Failures while answering fall back per question.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from assistant.answers.extractive import ExtractiveComposer
from assistant.answers.query_adapter import QueryAdapter, load_adapter
from assistant.answers.service import Composer
from assistant.errors import LLMConfigError
from assistant.retrieval.embedder import Embedder, model_name, resolve_model_path
from assistant.settings import Settings

if TYPE_CHECKING:  # LangChain is imported only when an LLM is configured: it costs ~0.5 s
    from langchain_core.language_models import BaseChatModel

EXTRAS = ("openai", "anthropic", "ollama")  # optional-dependencies in pyproject.toml
TIMEOUT_KWARG = {"openai": "timeout", "anthropic": "timeout"}  # provider-side request timeout


def make_composer(
    settings: Settings, embedder: Embedder, chat_model: BaseChatModel | None = None
) -> Composer:
    """The extractive composer, or an LLM composer falling back to it. Tests inject `chat_model`."""
    extractive = ExtractiveComposer(embedder, partial(adapter_for, settings))
    if chat_model is None:
        if not settings.llm:
            return extractive
        chat_model = build_chat_model(settings.llm, settings.llm_timeout_s)
    from assistant.answers.llm import LLMComposer
    from assistant.answers.llm_prompt import load_answer_prompt

    prompt = load_answer_prompt(settings.prompts_dir)
    return LLMComposer(chat_model, prompt, fallback=extractive, timeout_s=settings.llm_timeout_s)


def adapter_for(settings: Settings) -> QueryAdapter | None:
    """The shipped query adapter, when the settings want it and it was fitted for their model."""
    if not settings.query_adapter:
        return None
    return load_adapter(model_name(resolve_model_path(settings.embedding_model)))


def build_chat_model(spec: str, timeout_s: float) -> BaseChatModel:
    """A chat model from 'provider:model' through LangChain's `init_chat_model`."""
    from langchain.chat_models import init_chat_model  # only when an LLM is configured

    provider = spec.partition(":")[0] if ":" in spec else ""
    kwargs: dict[str, Any] = (
        {TIMEOUT_KWARG[provider]: timeout_s} if provider in TIMEOUT_KWARG else {}
    )
    try:
        return init_chat_model(spec, **kwargs)
    except ImportError as exc:
        raise LLMConfigError(f"CUEMAP_LLM={spec!r} needs {_install_hint(provider)}.") from exc
    except Exception as exc:
        raise LLMConfigError(
            f"CUEMAP_LLM={spec!r} could not be set up ({type(exc).__name__}). Use "
            "'provider:model' (e.g. 'openai:gpt-4o-mini') and set the provider's API key; "
            "leave CUEMAP_LLM empty for extractive answers."
        ) from exc


def _install_hint(provider: str) -> str:
    if provider in EXTRAS:
        return f"the {provider} extra: .venv/bin/pip install -e '.[{provider}]'"
    return "the LangChain package for its provider (see LangChain's init_chat_model)"
