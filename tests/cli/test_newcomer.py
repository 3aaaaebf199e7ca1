"""A clinician's first day at the terminal: the small things that must not cost them a minute."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from assistant.cli import runtime
from assistant.cli.console import run_console
from assistant.errors import InvalidAnswerError
from assistant.interview import Owner
from assistant.interview.template import load_template
from assistant.interview.validation import clean_answer
from assistant.settings import PROJECT_ROOT
from tests.cli_runner import Invoke, fast_cuemap

CLINICIAN = Owner("local", "dr-okafor")
ONE_EPISODE = {
    "label": "Pt-N",
    "answers": {"before_craving": "payday at the pub", "where": "pub", "coping_1": "leave"},
}


@pytest.fixture
def cuemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    yield from fast_cuemap(tmp_path, monkeypatch, CLINICIAN.user_id)


def flat(text: str) -> str:
    return " ".join(text.split())


def answers_file(tmp_path: Path, content: dict) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(content))
    return str(path)


# -- cuemap ask - ----------------------------------------------------------------------------


def test_ask_batch_text_mode_reads_like_single_ask(cuemap) -> None:
    questions = (
        "what does the prefrontal cortex do in craving?\n"
        "\n"
        "my patient john.smith@example.org asks why the pub sets off craving\n"
    )
    result = cuemap("ask", "-", stdin=questions)
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Q1: what does the prefrontal cortex do in craving?" in out
    assert "Q2: my patient [EMAIL] asks why the pub sets off craving" in out
    assert out.count("Sources") == 2 and "post " in out
    assert "john.smith" not in result.stdout
    assert "1 email address" in out  # the redaction notice, as single ask shows it
    assert "line 2: empty, skipped" in result.stderr


def test_ask_batch_json_mode_also_says_which_lines_were_skipped(cuemap) -> None:
    result = cuemap("ask", "--json", "-", stdin="what is craving?\n   \n")
    [line] = result.stdout.strip().splitlines()
    assert json.loads(line)["question"] == "what is craving?"
    assert "line 2: empty, skipped" in result.stderr


# -- cuemap search -k ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "bound"),
    [("0", "greater than or equal to 1"), ("-3", "1"), ("1000", "less than or equal to 50")],
)
def test_search_refuses_a_k_outside_its_range(cuemap, k: str, bound: str) -> None:
    result = cuemap("search", "cue", "-k", k)
    assert result.exit_code == 2
    assert "Invalid value for '-k': Input should be" in flat(result.stderr)
    assert bound in flat(result.stderr)
    assert result.stdout == ""


def test_search_k_one_gives_one_passage(cuemap) -> None:
    payload = json.loads(cuemap("search", "cue", "-k", "1", "--json").stdout)
    assert len(payload["results"]) == 1


# -- cuemap --version ------------------------------------------------------------------------


def test_version_answers_without_loading_the_model(tmp_path: Path) -> None:
    from importlib.metadata import version

    program = (
        "import sys\n"
        "sys.argv = ['cuemap', '--version']\n"
        "from assistant.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    heavy = {'torch', 'sentence_transformers', 'transformers', 'matplotlib'}\n"
        "    print('heavy:', sorted(heavy & set(sys.modules)), 'code:', exit.code)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUEMAP_")}
    env["CUEMAP_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=120,
    )
    assert done.stdout.splitlines() == [f"cuemap {version('cuemap')}", "heavy: [] code: 0"]
    assert not (tmp_path / "data").exists()


# -- cuemap interview ------------------------------------------------------------------------


def test_interview_unknown_format_lists_every_format(cuemap, tmp_path: Path) -> None:
    path = answers_file(tmp_path, ONE_EPISODE)
    result = cuemap("interview", "--answers", path, "-f", "pdf")
    assert result.exit_code == 2
    assert "use markdown, json, fhir, png or svg" in flat(result.stderr)


def test_interview_help_names_every_format(cuemap) -> None:
    for command in (["interview"], ["interview", "export"]):
        help_text = flat(cuemap(*command, "--help").stdout)
        assert "markdown, json, fhir, png or svg" in help_text
    assert "the chain" in flat(cuemap("interview", "--help").stdout)


def test_interview_answer_over_the_limit_says_which_answer(cuemap, tmp_path: Path) -> None:
    content = {
        "label": "Pt-L",
        "episodes": [{"where": "pub"}, {"where": "home", "feeling": "bored " * 400}],
    }
    with pytest.raises(InvalidAnswerError, match=r"episode 2, feeling: .* at most 2000"):
        cuemap("interview", "--answers", answers_file(tmp_path, content))


def test_interview_plan_answer_problem_names_the_question(cuemap, tmp_path: Path) -> None:
    content = {"label": "Pt-L", "episodes": [{"where": "pub"}], "plan": {"confidence_1": 140}}
    with pytest.raises(InvalidAnswerError, match=r"plan, confidence_1: .* from 0 to 100"):
        cuemap("interview", "--answers", answers_file(tmp_path, content))


def test_interview_half_point_craving_is_rounded_to_the_whole_scale(cuemap, tmp_path: Path) -> None:
    content = {"label": "Pt-H", "answers": {"where": "pub", "craving_strength": 7.5}}
    note = cuemap("interview", "--answers", answers_file(tmp_path, content), "-f", "json")
    assert note.exit_code == 0
    document = json.loads(note.stdout)
    [strength] = [a for a in document["answers"] if a["question_id"] == "craving_strength"]
    assert strength["answer"] == "8" and document["craving"] == {"1": 8}


@pytest.mark.parametrize(
    ("question_id", "given", "stored"),
    [
        ("craving_strength", "6.4", "6"),
        ("craving_strength", "7,5/10", "8"),
        ("confidence_1", "62.5%", "63"),
    ],
)
def test_interview_decimals_round_half_up_as_the_question_says(
    question_id: str, given: str, stored: str
) -> None:
    template = load_template(PROJECT_ROOT / "prompts")
    assert clean_answer(template.question(question_id), given) == stored
    assert "7.5 is recorded as 8" in template.question("craving_strength").prompt


def test_interview_declining_delete_keeps_the_session_and_says_so(cuemap, tmp_path: Path) -> None:
    saved = cuemap("interview", "--answers", answers_file(tmp_path, ONE_EPISODE), "--save")
    session_id = saved.stderr.split("saved as session ")[1].split()[0]
    declined = cuemap("interview", "delete", session_id, stdin="n\n")
    assert declined.exit_code == 0
    assert "Not deleted." in declined.stdout
    assert session_id in cuemap("interview", "list", "--all").stdout


def test_interview_chart_without_save_or_out_goes_to_the_current_folder(
    cuemap, tmp_path: Path
) -> None:
    result = cuemap("interview", "--answers", answers_file(tmp_path, ONE_EPISODE), "-f", "png")
    assert result.exit_code == 0
    [picture] = list(tmp_path.glob("cuemap-pt-n-*-chain.png"))
    assert f"wrote {picture}" in result.stderr
    assert not (tmp_path / "data" / "exports").exists()


# -- the console -----------------------------------------------------------------------------


def test_console_help_shows_interview_with_its_label(cuemap) -> None:
    lines = iter(["help", "quit"])
    out = Console(file=StringIO(), width=120)
    run_console(runtime.ready_engine(), out, ask=lambda _prompt: next(lines))
    text = out.file.getvalue()
    assert "interview [label] | list | resume ID | show ID" in text


def test_interview_pause_prints_the_resume_command_whole_on_its_own_line(cuemap) -> None:
    paused = cuemap("interview", "--label", "Pt-P", stdin="payday\npause\n")
    [command] = [line for line in paused.stdout.splitlines() if "interview resume" in line]
    assert command.split() == ["cuemap", "interview", "resume", command.split()[-1]]
    assert len(command.split()[-1]) == 16


def test_console_pause_says_how_to_resume_in_the_console(cuemap) -> None:
    lines = iter(["interview Pt-Q", "payday", "pause", "quit"])
    out = Console(file=StringIO(), width=120)
    run_console(runtime.ready_engine(), out, ask=lambda _prompt: next(lines))
    text = out.file.getvalue()
    [command] = [line.strip() for line in text.splitlines() if "interview resume" in line]
    assert command.startswith("interview resume ")  # a console command, not the shell's
