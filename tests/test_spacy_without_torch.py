"""The answer checks (identifiers, crisis language) run on spaCy without loading torch (about
4 s and 300 MB less in every process that checks an answer), and medspaCy's ConText without
QuickUMLS, NLTK or SciPy (1.1 s and 95 MB less), nor spaCy's command line (11 MB)."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.settings import PROJECT_ROOT

SCRIPT = """
import json, sys
from assistant.privacy import warm_up
from assistant.privacy.scanner import scan
from assistant.safety import SafetyGuard
from assistant.settings import PROJECT_ROOT

warm_up()
names = [f.type.value for f in scan("Went drinking with maria gonzalez on payday")]
hits = [h.kind for h in SafetyGuard.load(PROJECT_ROOT / "prompts").check(
    "No cravings, not using, but I have a plan to end my life"
)]
loaded = "torch" in sys.modules
unused = [m for m in ("quickumls", "nltk", "scipy", "spacy.cli", "requests") if m in sys.modules]
import quickumls  # the stand-in was only for medspaCy's import
import spacy.cli  # and spaCy's real command line is there when asked for
assert callable(spacy.cli.download)
import torch  # still importable afterwards, for the torch backend and the one-time export
print(json.dumps({"torch_loaded": loaded, "unused": unused, "names": names, "hits": hits}))
"""


def test_answer_checks_load_spacy_without_torch_quickumls_or_the_spacy_cli_all_importable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert result["torch_loaded"] is False
    assert result["unused"] == []
    assert result["names"]  # the recogniser still finds the name
    assert result["hits"]  # and the crisis pipeline the plan
