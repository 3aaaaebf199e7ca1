"""Commands that need no model start light: no torch, no index, no drawing or NLP library, and
nothing else they do not use.

A clinician listing or deleting sessions, or reading `--help`, waits well under a second only
while these imports wait for the commands that use them. Each command runs in a fresh process,
as from the terminal, on a data dir holding the clinician's saved sessions, and reports every
module it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.interview import InterviewService, Owner
from assistant.interview.scripted import AnswersFile, run_scripted
from assistant.safety import SafetyGuard
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import CORPUS
from tests.fakes import HashingEmbedder
from tests.interview.conftest import EPISODE_ONE

CLINICIAN = Owner("local", "dr-okafor")
HEAVY = (
    "torch",
    "sentence_transformers",
    "transformers",
    "onnxruntime",
    "chromadb",
    "bm25s",
    "matplotlib",
    "spacy",
    "presidio_analyzer",
    "langchain",
)
# Printing help or the version reads no settings, opens no database, checks no text.
BEFORE_ANY_COMMAND = (
    "assistant.settings",
    "pydantic_settings",
    "sqlalchemy",
    "yaml",
    "assistant.interview.service",
    "assistant.interview.template",
    "assistant.safety.guard",
    "assistant.screening",
    "assistant.retrieval.models",
    "assistant.privacy.scanner",
    "assistant.charts.comparison",
)
# Reading or erasing saved sessions on SQLite checks no text for crisis language or names,
# asks the sources nothing, and never loads PostgreSQL's dialect.
SESSIONS_ONLY = (
    "sqlalchemy.dialects.postgresql",
    "assistant.safety.guard",
    "assistant.screening",
    "assistant.privacy.scanner",
    "assistant.retrieval.models",
    "assistant.answers.service",
    "assistant.cli.render",
    "assistant.cli.safety_render",
)
NO_CUE_MAP = (
    "assistant.interview.lexicon",
    "assistant.interview.cues",
    "assistant.interview.cuemap",
)
NO_NOTE = ("assistant.interview.exports", "rich.markdown")
PROBE = (
    "import atexit, json, sys\n"
    "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
    "from assistant.cli import main\n"
    "sys.argv = ['cuemap', *sys.argv[1:]]\n"
    "main()\n"
)
# the command (a saved session's id in braces), what it must not import, its exit code
NO_MODEL_COMMANDS = [
    (["--help"], BEFORE_ANY_COMMAND, 0),
    (["--version"], (*BEFORE_ANY_COMMAND, "rich", "pydantic"), 0),
    (["interview", "--help"], BEFORE_ANY_COMMAND, 0),
    (["interview", "list", "--all"], (*SESSIONS_ONLY, *NO_CUE_MAP, *NO_NOTE), 0),
    (["interview", "show", "{finished}"], SESSIONS_ONLY, 0),
    (["interview", "export", "{finished}", "-f", "fhir"], (*SESSIONS_ONLY, *NO_CUE_MAP), 0),
    (["interview", "delete", "{open}", "--yes"], (*SESSIONS_ONLY, *NO_CUE_MAP, *NO_NOTE), 0),
    (["compare", "Pt-A"], (*SESSIONS_ONLY, "assistant.interview.exports"), 1),  # one finished
    (["purge"], (*SESSIONS_ONLY, *NO_CUE_MAP, *NO_NOTE), 0),
]


def imported_by(args: list[str], data_dir: Path) -> tuple[set[str], subprocess.CompletedProcess]:
    env = {
        **os.environ,
        "CUEMAP_DATA_DIR": str(data_dir),
        "CUEMAP_CORPUS_DIR": str(CORPUS),
        "CUEMAP_CONSOLE_USER": CLINICIAN.user_id,
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1])), done


@pytest.fixture
def saved_sessions(tmp_path: Path) -> dict[str, str]:
    """The clinician's data dir: one finished session under Pt-A, one still open under Pt-B."""
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path / "data",
        corpus_dir=CORPUS,
        console_user=CLINICIAN.user_id,
    )
    guard = SafetyGuard.from_settings(settings, HashingEmbedder())
    service = InterviewService.from_settings(settings, embedder=HashingEmbedder(), safety=guard)
    script = AnswersFile(label="Pt-A", episodes=[EPISODE_ONE], plan={"coping_1": "leave"})
    finished = run_scripted(service, CLINICIAN, script)
    still_open = service.start(CLINICIAN, "Pt-B").session_id
    return {"finished": finished, "open": still_open}


@pytest.mark.parametrize(
    ("args", "unneeded", "exit_code"),
    NO_MODEL_COMMANDS,
    ids=[" ".join(c[0]) for c in NO_MODEL_COMMANDS],
)
def test_startup_commands_without_a_model_import_only_what_they_use(
    args: list[str],
    unneeded: tuple[str, ...],
    exit_code: int,
    saved_sessions: dict[str, str],
    tmp_path: Path,
) -> None:
    command = [arg.format(**saved_sessions) for arg in args]

    loaded, done = imported_by(command, tmp_path / "data")

    assert "Traceback" not in done.stderr
    assert done.returncode == exit_code, done.stderr
    assert [m for m in HEAVY if m in loaded] == [], f"cuemap {' '.join(args)}"
    assert [m for m in unneeded if m in loaded] == [], f"cuemap {' '.join(args)}"


def test_startup_version_names_the_release(tmp_path: Path) -> None:
    from assistant import __version__

    _loaded, done = imported_by(["--version"], tmp_path / "data")

    assert done.stdout.strip() == f"cuemap {__version__}"


NOT_FOR_A_QUESTION = (
    "torch",
    "sentence_transformers",
    "transformers",
    "pandas",
    "drug_named_entity_recognition",
    "spacy",
    "matplotlib",
    "langchain",
)


@pytest.mark.model
def test_startup_cold_ask_on_onnx_loads_no_torch_drug_dictionary_or_name_model(
    tmp_path: Path, shared_model_cache: Path
) -> None:
    """A clinician's plain question in a new process: ONNX embeds it, coverage looks its words
    up in the drug table made at ingest, and no word could be a name, so spaCy stays unloaded."""
    data_dir = tmp_path / "data"
    ingest, _ = imported_by(["ingest"], data_dir)
    assert "torch" not in ingest  # the export, made once, runs in a child process

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CUEMAP_EMBEDDING_BACKEND", "onnx")
        loaded, done = imported_by(["ask", "why does the cue take over from the drug?"], data_dir)

    assert "Sources" in done.stdout
    assert [m for m in NOT_FOR_A_QUESTION if m in loaded] == []
