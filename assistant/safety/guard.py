"""The safety guard a surface holds: the detector plus the card for the configured region."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from assistant.safety.config import (
    RESOURCES_FILE,
    Region,
    SafetyConfig,
    load_crisis_resources,
    load_safety_config,
)
from assistant.safety.detector import CrisisDetector
from assistant.safety.models import KINDS, SafetyCard, SafetyHit
from assistant.settings import PROJECT_ROOT, Settings


class SafetyGuard:
    def __init__(self, config: SafetyConfig, region_code: str, region: Region) -> None:
        self._config = config
        self._detector = CrisisDetector(config)
        self.region_code = region_code
        self.region = region

    @classmethod
    def load(cls, prompts_dir: Path, region: str = "US") -> SafetyGuard:
        """Read and validate both prompt files; raises PromptFileError naming file and field."""
        config = load_safety_config(prompts_dir)
        resources = load_crisis_resources(prompts_dir)
        return cls(config, region, resources.region(region, prompts_dir / RESOURCES_FILE))

    @classmethod
    def from_settings(cls, settings: Settings) -> SafetyGuard:
        return cls.load(settings.prompts_dir, settings.crisis_region)

    def check(self, text: str) -> list[SafetyHit]:
        """Crisis phrases in `text` that are not negated, in order."""
        return self._detector.check(text)

    def card(self, hits: Iterable[SafetyHit]) -> SafetyCard | None:
        """The card to show for these hits (None when there are none)."""
        present = {hit.kind for hit in hits}
        if not present:
            return None
        kinds = [kind for kind in KINDS if kind in present]
        wording = self._config.card
        return SafetyCard(
            region=self.region_code,
            kinds=kinds,
            kind_labels=[getattr(self._config.lexicon, kind).label for kind in kinds],
            title=wording.title,
            protocol=wording.protocol,
            confirm=wording.confirm,
            positioning=wording.positioning,
            resources=[r for r in self.region.resources if present.intersection(r.kinds)],
        )


@lru_cache(maxsize=1)
def default_guard() -> SafetyGuard:
    """The guard over the shipped `prompts/` for the default region (US)."""
    return SafetyGuard.load(PROJECT_ROOT / "prompts")


def check(text: str) -> list[SafetyHit]:
    """Crisis phrases in `text` by the shipped lexicon; use a SafetyGuard for settings."""
    return default_guard().check(text)
