"""`prompts/safety.yaml` and `prompts/crisis_resources.yaml` as validated models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from assistant.errors import PromptFileError
from assistant.prompt_files import load_prompt_file
from assistant.safety.models import CrisisResource

SAFETY_FILE = "safety.yaml"
RESOURCES_FILE = "crisis_resources.yaml"
_FRAGMENT = re.compile(r"\{([A-Z_]+)\}")


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from exc
    return pattern


Pattern = Annotated[str, Field(min_length=1), AfterValidator(_compiles)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KindLexicon(_Strict):
    label: str = Field(min_length=1)
    patterns: list[str] = Field(min_length=1)


class Lexicon(_Strict):
    suicide: KindLexicon
    self_harm: KindLexicon
    harm_to_others: KindLexicon
    overdose: KindLexicon


class CueGroup(_Strict):
    window: int = Field(ge=0, le=30, description="How many words may stand between cue and phrase.")
    cues: list[Pattern] = Field(min_length=1)


class Negation(_Strict):
    before: list[CueGroup]
    after: list[CueGroup]
    pseudo: list[Pattern]
    terminators: list[Pattern]


class CardWording(_Strict):
    title: str = Field(min_length=1)
    protocol: str = Field(min_length=1)
    confirm: str = Field(min_length=1)
    positioning: str = Field(min_length=1)


class SafetyConfig(_Strict):
    """The lexicon with fragments already expanded, so every pattern is ready to compile."""

    fragments: dict[str, str] = Field(default_factory=dict)
    lexicon: Lexicon
    idioms: list[str] = Field(default_factory=list)
    negation: Negation
    card: CardWording

    @model_validator(mode="before")
    @classmethod
    def _expand_fragments(cls, raw: object) -> object:
        if not isinstance(raw, dict) or not isinstance(raw.get("fragments", {}), dict):
            return raw
        fragments = raw.get("fragments") or {}
        expanded = dict(raw)
        if isinstance(raw.get("lexicon"), dict):
            expanded["lexicon"] = {
                kind: _expand_kind(entry, fragments, f"lexicon.{kind}")
                for kind, entry in raw["lexicon"].items()
            }
        if isinstance(raw.get("idioms"), list):
            expanded["idioms"] = [
                _expand(p, fragments, f"idioms.{i}") for i, p in enumerate(raw["idioms"])
            ]
        return expanded

    @model_validator(mode="after")
    def _patterns_compile(self) -> SafetyConfig:
        for kind, entry in self.lexicon:
            for i, pattern in enumerate(entry.patterns):
                _named_compile(pattern, f"lexicon.{kind}.patterns.{i}")
        for i, pattern in enumerate(self.idioms):
            _named_compile(pattern, f"idioms.{i}")
        return self


def _expand_kind(entry: object, fragments: dict[str, str], where: str) -> object:
    if not isinstance(entry, dict) or not isinstance(entry.get("patterns"), list):
        return entry
    patterns = [
        _expand(p, fragments, f"{where}.patterns.{i}") for i, p in enumerate(entry["patterns"])
    ]
    return {**entry, "patterns": patterns}


def _expand(pattern: object, fragments: dict[str, str], where: str) -> object:
    if not isinstance(pattern, str):
        return pattern

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ValueError(f"{where}: unknown fragment {{{name}}}")
        return str(fragments[name])

    return _FRAGMENT.sub(substitute, pattern)


def _named_compile(pattern: str, where: str) -> None:
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: not a valid regular expression ({exc})") from exc


class Region(_Strict):
    name: str = Field(min_length=1)
    resources: list[CrisisResource] = Field(min_length=1)


class CrisisResources(_Strict):
    regions: dict[str, Region] = Field(min_length=1)

    def region(self, code: str, source: Path) -> Region:
        """The region's resources; an unknown code names the file and the codes it has."""
        if code in self.regions:
            return self.regions[code]
        known = ", ".join(sorted(self.regions))
        raise PromptFileError(
            f"{source}: no crisis resources for region {code!r} (CUEMAP_CRISIS_REGION); "
            f"it has {known}."
        )


def load_safety_config(prompts_dir: Path) -> SafetyConfig:
    return load_prompt_file(prompts_dir / SAFETY_FILE, SafetyConfig)


def load_crisis_resources(prompts_dir: Path) -> CrisisResources:
    return load_prompt_file(prompts_dir / RESOURCES_FILE, CrisisResources)
