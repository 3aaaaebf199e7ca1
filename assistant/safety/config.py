"""`prompts/safety.yaml` and `prompts/crisis_resources.yaml` as validated models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from assistant.errors import PromptFileError
from assistant.prompt_files import load_prompt_file
from assistant.safety.models import CrisisResource, Kind, Status

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
    patterns: list[Pattern] = Field(min_length=1)


class Lexicon(_Strict):
    suicide: KindLexicon
    self_harm: KindLexicon
    harm_to_others: KindLexicon
    overdose: KindLexicon


# ConText modifier categories (Harkema et al. 2009, as in medspaCy): what a cue says about the
# crisis phrases in its scope. RECENT ("again", "last night") outweighs HISTORICAL; YEAR is a
# four-digit year, historical when it is before this year. TOPIC is a crisis told as a topic: of a
# film, the news, a book or a lesson ("a documentary about a man who killed his wife", "a session
# on why mixing benzos and opiates is dangerous"): not the patient's, no hit.
# QUESTION is a clinician's question ("Have you had thoughts of hurting yourself?"): asked, not
# said, no hit, unless the asker brings themself in ("Do you think my family would be better off?").
# TERMINATE ends every scope; PSEUDO looks like a cue but is none ("no longer denies", "not sure").
Category = Literal[
    "NEGATED_EXISTENCE",
    "HISTORICAL",
    "YEAR",
    "RECENT",
    "HYPOTHETICAL",
    "OTHER_PERSON",
    "TOPIC",
    "QUESTION",
    "TERMINATE",
    "PSEUDO",
]


class ContextRule(_Strict):
    category: Category
    direction: Literal["forward", "backward", "bidirectional"] = "forward"
    max_scope: int | None = Field(default=None, ge=1, le=40, description="Tokens, at most.")
    stops_at_subject: bool = Field(
        default=False, description="A subject pronoun starts a new clause ('without X, he ...')."
    )
    past_narrative: bool = Field(
        default=False,
        description="A past-tense phrase right after a clause break stays in scope: 'a near "
        "miss last year, took a load of tramadol'.",
    )
    patterns: list[Pattern] = Field(min_length=1)


class Context(_Strict):
    rules: list[ContextRule] = Field(min_length=1)
    clause_breaks: list[str] = Field(
        min_length=1, description="Tokens that end a clause unless a list of phrases runs on."
    )
    clause_openers: list[str] = Field(
        default_factory=list, description="Words that start a new clause after a break."
    )
    list_glue: list[str] = Field(
        default_factory=list, description="Words a list of crisis phrases may hold between items."
    )
    subject_pronouns: list[str] = Field(
        default_factory=list, description="Pronouns that open a clause of their own."
    )
    patient_pronouns: list[str] = Field(
        min_length=1, description="Words that bring a sentence back to the patient."
    )
    possessive: list[str] = Field(
        default_factory=list,
        description="First-person words that tell whose story it is but bring no phrase back "
        "to the patient: 'I gave my mate naloxone' is the mate's overdose.",
    )
    past_tense: list[str] = Field(
        default_factory=list,
        description="Clause openers in the past tense, which a past_narrative cue reads on into.",
    )
    first_person: list[str] = Field(
        default_factory=list,
        description="In a sentence told in the first person, only these bring it back to the "
        "patient: 'my brother says he will kill himself' is the brother's.",
    )


class CardWording(_Strict):
    title: str = Field(min_length=1)
    protocol: str = Field(min_length=1, description="{subject}: answer or question.")
    confirm: str = Field(min_length=1)
    positioning: str = Field(min_length=1)
    status_labels: dict[Status, str]
    status_notes: dict[Status, str]

    @model_validator(mode="after")
    def _protocol_names_only_the_subject(self) -> CardWording:
        unknown = set(re.findall(r"\{(\w*)\}", self.protocol)) - {"subject"}
        if unknown:
            raise ValueError(f"protocol: unknown placeholder {{{sorted(unknown)[0]}}}")
        return self


class Semantic(_Strict):
    """Statements by meaning (semantic.py): each sentence against examples of each kind and
    of what is not a crisis, by the engine's embedding model."""

    min_similarity: float = Field(gt=0, le=1)
    margin: float = Field(ge=0, le=1, description="over the closest not-a-crisis example")
    case_similarity: float = Field(
        default=1.0,
        gt=0,
        le=1,
        description="how close a sentence must come to a statement of the case bank, rather "
        "than to an example, to be flagged by it (case_bank.py)",
    )
    examples: dict[Kind, list[str]]
    not_crisis: list[str] = Field(min_length=1)


class SafetyConfig(_Strict):
    """The lexicon with fragments already expanded, so every pattern is ready to compile."""

    fragments: dict[str, str] = Field(default_factory=dict)
    lexicon: Lexicon
    lookalikes: list[Pattern] = Field(default_factory=list)
    semantic: Semantic | None = None
    context: Context
    card: CardWording

    @model_validator(mode="before")
    @classmethod
    def _expand_fragments(cls, raw: object) -> object:
        if not isinstance(raw, dict) or not isinstance(raw.get("fragments", {}), dict):
            return raw
        fragments = _resolve_fragments(raw.get("fragments") or {})
        expanded = dict(raw)
        if isinstance(raw.get("lexicon"), dict):
            expanded["lexicon"] = {
                kind: _expand_patterns(entry, fragments, f"lexicon.{kind}")
                for kind, entry in raw["lexicon"].items()
            }
        if isinstance(raw.get("lookalikes"), list):
            expanded["lookalikes"] = _expand_list(raw["lookalikes"], fragments, "lookalikes")
        context = raw.get("context")
        if isinstance(context, dict) and isinstance(context.get("rules"), list):
            rules = [
                _expand_patterns(rule, fragments, f"context.rules.{i}")
                for i, rule in enumerate(context["rules"])
            ]
            expanded["context"] = {**context, "rules": rules}
        return expanded


def _resolve_fragments(raw: dict[str, Any]) -> dict[str, str]:
    """Each fragment with the fragments it names ("{DOWNERS}") filled in, in any order."""
    resolved: dict[str, str] = {}

    def resolve(name: str, using: tuple[str, ...]) -> str:
        if name not in resolved:
            if name in using:
                raise ValueError(f"fragments.{name}: refers to itself through {using[-1]}")

            def substitute(match: re.Match[str]) -> str:
                if match.group(1) not in raw:
                    raise ValueError(f"fragments.{name}: unknown fragment {{{match.group(1)}}}")
                return resolve(match.group(1), (*using, name))

            resolved[name] = _FRAGMENT.sub(substitute, str(raw[name]))
        return resolved[name]

    for name in raw:
        resolve(name, ())
    return resolved


def _expand_patterns(entry: object, fragments: dict[str, str], where: str) -> object:
    if not isinstance(entry, dict) or not isinstance(entry.get("patterns"), list):
        return entry
    return {**entry, "patterns": _expand_list(entry["patterns"], fragments, f"{where}.patterns")}


def _expand_list(patterns: list[Any], fragments: dict[str, str], where: str) -> list[Any]:
    return [_expand(p, fragments, f"{where}.{i}") for i, p in enumerate(patterns)]


def _expand(pattern: object, fragments: dict[str, str], where: str) -> object:
    if not isinstance(pattern, str):
        return pattern

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ValueError(f"{where}: unknown fragment {{{name}}}")
        return str(fragments[name])

    return _FRAGMENT.sub(substitute, pattern)


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
