"""Commands that need no model start light: no torch, no index, no drawing or NLP library.

A clinician listing or deleting sessions, or reading `--help`, waits well under a second only
while these imports wait for the commands that use them. Each command runs in a fresh process,
as from the terminal, and reports what it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import PROJECT_ROOT
from tests.conftest import CORPUS

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
PROBE = (
    "import atexit, json, sys\n"
    "heavy = {heavy!r}\n"
    "atexit.register(lambda: print(json.dumps([m for m in heavy if m in sys.modules]), "
    "file=sys.stderr))\n"
    "from assistant.cli import main\n"
    "sys.argv = ['cuemap', *sys.argv[1:]]\n"
    "main()\n"
)
NO_MODEL_COMMANDS = [
    ["--help"],
    ["--version"],
    ["interview", "--help"],
    ["interview", "list", "--all"],
    ["interview", "show", "0123456789abcdef"],
    ["interview", "export", "0123456789abcdef", "-f", "fhir"],
    ["interview", "delete", "0123456789abcdef", "--yes"],
    ["compare", "Pt-A"],
    ["purge"],
]


def imported_by(args: list[str], data_dir: Path) -> tuple[list[str], subprocess.CompletedProcess]:
    env = {
        **os.environ,
        "CUEMAP_DATA_DIR": str(data_dir),
        "CUEMAP_CORPUS_DIR": str(CORPUS),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    return json.loads(done.stderr.strip().splitlines()[-1]), done


@pytest.mark.parametrize("args", NO_MODEL_COMMANDS, ids=" ".join)
def test_startup_commands_without_a_model_import_none_of_the_heavy_libraries(
    args: list[str], tmp_path: Path
) -> None:
    loaded, done = imported_by(args, tmp_path / "data")

    assert loaded == [], f"cuemap {' '.join(args)} imported {loaded}"
    assert "Traceback" not in done.stderr


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

    probe = PROBE.format(heavy=NOT_FOR_A_QUESTION)
    env = {**os.environ, "CUEMAP_DATA_DIR": str(data_dir), "CUEMAP_CORPUS_DIR": str(CORPUS)}
    done = subprocess.run(
        [sys.executable, "-c", probe, "ask", "why does the cue take over from the drug?"],
        capture_output=True,
        text=True,
        env={**env, "CUEMAP_EMBEDDING_BACKEND": "onnx"},
        cwd=PROJECT_ROOT,
        timeout=120,
    )

    assert "Sources" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
