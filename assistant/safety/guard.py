"""The safety guard a surface holds: the detector plus the card for the configured region."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.retrieval.embedder import make_embedder
from assistant.safety.case_bank import BANK_FILE
from assistant.safety.config import (
    RESOURCES_FILE,
    Region,
    SafetyConfig,
    load_crisis_resources,
    load_safety_config,
)
from assistant.safety.detector import CrisisDetector
from assistant.safety.models import KINDS, SafetyCard, SafetyHit, Status, Subject, most_urgent
from assistant.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from assistant.retrieval.embedder import Embedder


class SafetyGuard:
    def __init__(
        self,
        config: SafetyConfig,
        region_code: str,
        region: Region,
        embedder: Embedder | None = None,
    ) -> None:
        self._config = config
        # with a model: statements by meaning, beside a case bank when `cuemap fit-crisis` wrote one
        self._detector = CrisisDetector(config, embedder, BANK_FILE)
        self.region_code = region_code
        self.region = region

    @classmethod
    def load(
        cls, prompts_dir: Path, region: str = "US", embedder: Embedder | None = None
    ) -> SafetyGuard:
        """Read and validate both prompt files; raises PromptFileError naming file and field."""
        config = load_safety_config(prompts_dir)
        resources = load_crisis_resources(prompts_dir)
        return cls(config, region, resources.region(region, prompts_dir / RESOURCES_FILE), embedder)

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder | None = None) -> SafetyGuard:
        """The guard for the settings, reading meaning with `embedder` (the settings' model
        when none is given; it loads on the first check that needs it)."""
        return cls.load(
            settings.prompts_dir, settings.crisis_region, embedder or make_embedder(settings)
        )

    def check(self, text: str) -> list[SafetyHit]:
        """Crisis phrases in `text` that are not negated, in order, each with its status."""
        return self._detector.check(text)

    def warm_up(self) -> None:
        """Load the NLP pipeline now (a few seconds) rather than on the first check."""
        self._detector.warm_up()

    def card(self, hits: Iterable[SafetyHit], subject: Subject = "answer") -> SafetyCard | None:
        """The card to show for these hits (None when there are none)."""
        found: dict[str, list[Status]] = {}
        for hit in hits:
            found.setdefault(hit.kind, []).append(hit.status)
        if not found:
            return None
        kinds = [kind for kind in KINDS if kind in found]
        statuses = {kind: most_urgent(found[kind]) for kind in kinds}
        wording = self._config.card
        return SafetyCard(
            region=self.region_code,
            kinds=kinds,
            kind_labels=[self._label(kind, statuses[kind]) for kind in kinds],
            statuses=statuses,
            title=wording.title,
            protocol=wording.protocol.format(subject=subject),
            notes=[
                wording.status_notes[status]
                for status in dict.fromkeys(statuses[kind] for kind in kinds)
                if status in wording.status_notes
            ],
            confirm=wording.confirm,
            positioning=wording.positioning,
            resources=[r for r in self.region.resources if set(found).intersection(r.kinds)],
        )

    def _label(self, kind: str, status: Status) -> str:
        label = getattr(self._config.lexicon, kind).label
        extra = self._config.card.status_labels.get(status)
        return f"{label} ({extra})" if extra else label


@lru_cache(maxsize=1)
def default_guard() -> SafetyGuard:
    """The guard over the shipped `prompts/` for the default region (US), with the default
    model."""
    return SafetyGuard.from_settings(Settings(prompts_dir=PROJECT_ROOT / "prompts"))


def check(text: str) -> list[SafetyHit]:
    """Crisis phrases in `text` by the shipped lexicon; use a SafetyGuard for settings."""
    return default_guard().check(text)
