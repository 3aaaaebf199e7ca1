"""Load a YAML file from `prompts/` into a pydantic model; every error names the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from assistant.errors import PromptFileError

M = TypeVar("M", bound=BaseModel)
# libyaml's parser when PyYAML was built with it: every command reads the interview template,
# the cue lexicon and the safety wording, and the pure-Python parser spends ~0.2 s on them.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_prompt_file(
    path: Path, model: type[M], error: type[PromptFileError] = PromptFileError
) -> M:
    """Validate the YAML at `path` as `model`; a problem reads `file: field.path: message`."""
    raw = read_yaml(path, error)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{field_path(raw, err['loc'])}: {err['msg']}" for err in exc.errors(include_url=False)
        ]
        raise error(f"{path}: " + "; ".join(problems)) from exc


def read_yaml(path: Path, error: type[PromptFileError] = PromptFileError) -> dict[str, Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError as exc:
        raise error(f"{path}: cannot be read ({type(exc).__name__}).") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "syntax"
        raise error(f"{path}: is not valid YAML ({where}).") from exc
    if not isinstance(raw, dict):
        raise error(f"{path}: expected a mapping at the top level.")
    return raw


def field_path(raw: Any, loc: tuple[int | str, ...]) -> str:
    """`episode.questions[where].kind` rather than `episode.questions.1.kind`: items by id."""
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            label = item.get("id") if isinstance(item, dict) else None
            index = f"[{label or step}]"
            if parts:
                parts[-1] += index
            else:
                parts.append(index)
            node = item
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "(top level)"
