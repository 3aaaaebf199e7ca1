"""A saved interview shown and exported by a new process: no model, about a second.

The session is made in the bench's process (the model is loaded there already); then
`cuemap interview show ID` and `cuemap interview export ID --format json` run as new processes
that report which heavy modules they imported. Stored cues and stored explanations mean neither
should import the embedding model, torch or chromadb.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.benchmark.processes import child_env
from assistant.interview.models import Owner
from assistant.interview.scripted import AnswersFile, run_scripted
from assistant.interview.service import InterviewService

HEAVY = ("torch", "sentence_transformers", "transformers", "chromadb", "langchain_core")
EPISODE: dict[str, str | int | float] = {
    "before_craving": "Friday nights after payday at the pub with old mates, feeling lonely",
    "where": "the pub",
    "who": "old mates from the building site",
    "feeling": "lonely since the break-up",
    "body": "shaky hands, sweating",
    "craving_strength": 8,
    "what_next": "went to the cash machine",
    "used": "used",
}
CHILD = """
import json, sys, time
started = time.perf_counter()
from assistant.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    heavy = [m for m in {heavy!r} if m in sys.modules]
    print(json.dumps({{"heavy": heavy}}), file=sys.stderr)
"""


@dataclass(frozen=True)
class SavedShow:
    show_seconds: float  # `cuemap interview show ID`, a new process
    export_seconds: float  # `cuemap interview export ID --format json`, a new process
    heavy_modules: list[str]  # of HEAVY, what either process imported (should be none)


def saved_interview(
    service: InterviewService, owner: Owner, data_dir: Path, corpus_dir: Path
) -> SavedShow:
    script = AnswersFile(label="bench", episodes=[EPISODE], plan={"coping_1": "leave"})
    session_id = run_scripted(service, owner, script)
    env = child_env(data_dir, corpus_dir, CUEMAP_CONSOLE_USER=owner.user_id)
    show, heavy_show = _run(["interview", "show", session_id], env)
    export, heavy_export = _run(["interview", "export", session_id, "--format", "json"], env)
    return SavedShow(show, export, sorted(set(heavy_show) | set(heavy_export)))


def _run(args: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    seconds = time.perf_counter() - started
    last = done.stderr.strip().splitlines()[-1]
    return seconds, json.loads(last)["heavy"]
