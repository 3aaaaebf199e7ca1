"""The core knows no framework at its edges."""

from __future__ import annotations

import ast
import subprocess
import sys

from assistant.settings import PROJECT_ROOT

FORBIDDEN = ("slack_bolt", "slack_sdk")


def test_the_core_never_imports_slack() -> None:
    offenders = []
    for path in (PROJECT_ROOT / "assistant").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


# Not configuration reads: the embedder pins Hugging Face offline before loading the model, and
# the benchmark hands its child processes the caller's environment minus CueMap's own settings.
ENVIRONMENT_WRITERS = {"assistant/retrieval/embedder.py", "assistant/benchmark/processes.py"}


def test_only_settings_reads_the_environment() -> None:
    readers = {
        path.relative_to(PROJECT_ROOT).as_posix()
        for path in (PROJECT_ROOT / "assistant").rglob("*.py")
        if "os.environ" in path.read_text() or "getenv" in path.read_text()
    }
    assert readers - ENVIRONMENT_WRITERS - {"assistant/settings.py"} == set()


def test_starting_the_cli_or_the_slack_app_loads_no_model_drawing_or_format_library() -> None:
    """The start-up budget (Slack acknowledges within 2 s, `cuemap ingest` with nothing to do
    within 2 s) holds only while these heavy imports wait for the code that needs them."""
    probe = (
        "import sys, assistant.cli, integrations.slack.server; "
        "print(' '.join(m for m in ('matplotlib', 'sentence_transformers', 'torch', "
        "'langchain', 'pypdf', 'docx', 'bs4', 'spacy', 'wordfreq') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    )
    assert result.stdout.strip() == ""
