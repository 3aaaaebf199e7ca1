"""The shipped LLM prompt loads, keeps its rules in the system message, and rejects bad edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.llm_prompt import PROMPT_FILE, load_answer_prompt
from assistant.errors import PromptFileError
from assistant.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "prompts"


def test_shipped_answer_prompt_states_the_rules_in_the_system_message() -> None:
    prompt = load_answer_prompt(SHIPPED)
    assert "educational" in prompt.system and "not patient-specific advice" in prompt.system
    assert "square brackets" in prompt.system and "NOT_COVERED" in prompt.system
    assert "{passages}" in prompt.user and "{question}" in prompt.user


def edited_prompt(tmp_path: Path, change: dict[str, str]) -> Path:
    text = (SHIPPED / PROMPT_FILE).read_text(encoding="utf-8")
    for old, new in change.items():
        assert old in text
        text = text.replace(old, new)
    (tmp_path / PROMPT_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_answer_prompt_without_the_question_placeholder_is_refused(tmp_path: Path) -> None:
    prompts = edited_prompt(tmp_path, {"  {question}\n": "  (the question)\n"})
    with pytest.raises(PromptFileError, match=rf"{PROMPT_FILE}.*user: .*passages.*question"):
        load_answer_prompt(prompts)


def test_answer_prompt_with_an_unknown_field_is_refused(tmp_path: Path) -> None:
    prompts = edited_prompt(tmp_path, {"description:": "temperature: 0\ndescription:"})
    with pytest.raises(PromptFileError, match=rf"{PROMPT_FILE}.*temperature"):
        load_answer_prompt(prompts)


def test_a_missing_answer_prompt_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PromptFileError, match=PROMPT_FILE):
        load_answer_prompt(tmp_path)
