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


WARM_UP_IN_TWO_THREADS = """
import sys, threading
from assistant.privacy import warm_up
from assistant.safety import SafetyGuard
from assistant.settings import PROJECT_ROOT

guard = SafetyGuard.load(PROJECT_ROOT / "prompts")
failures = []

def run(load):
    try:
        load()
    except Exception as exc:
        failures.append(repr(exc))

threads = [threading.Thread(target=run, args=(load,)) for load in (warm_up, guard.warm_up)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(failures)
"""


def test_the_bots_warm_up_loads_the_recogniser_and_the_crisis_pipeline_side_by_side() -> None:
    # The bot loads both at once, in two threads. Before the load lock, one full bot start in
    # three lost its warm-up (medspaCy half-imported while spaCy read its plug-ins); the race
    # needs the bot's timing and is rare here, so this keeps the plain case honest: four
    # fresh processes, none may fail.
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", WARM_UP_IN_TWO_THREADS],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(4)
    ]
    reported = [start.communicate(timeout=120)[0].strip().splitlines()[-1] for start in starts]

    assert reported == ["[]"] * 4
