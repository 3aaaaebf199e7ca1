"""Load a YAML file from `prompts/` into a pydantic model; errors name the file and the field."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from assistant.errors import PromptFileError

M = TypeVar("M", bound=BaseModel)


def load_prompt_file(path: Path, model: type[M]) -> M:
    """Read `path` as YAML and validate it as `model` (which should forbid extra fields)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PromptFileError(f"{path}: cannot be read ({type(exc).__name__}).") from exc
    except yaml.YAMLError as exc:
        raise PromptFileError(f"{path}: is not valid YAML ({_yaml_place(exc)}).") from exc
    if not isinstance(raw, dict):
        raise PromptFileError(f"{path}: expected a mapping at the top level.")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise PromptFileError(f"{path}: {describe_validation_error(exc)}") from exc


def describe_validation_error(exc: ValidationError) -> str:
    """Each problem as `field.path: message`, joined by '; '."""
    return "; ".join(_describe(err["loc"], err["msg"]) for err in exc.errors())


def _describe(loc: tuple[int | str, ...], msg: str) -> str:
    return f"{'.'.join(str(part) for part in loc)}: {msg}" if loc else msg


def _yaml_place(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else type(exc).__name__
