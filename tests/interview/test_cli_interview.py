"""`cuemap interview` at the terminal: scripted from a file, interactive, paused and resumed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse as ResponseR4B
from rich.console import Console

from assistant.cli import runtime
from assistant.cli.console import run_console
from assistant.interview import InvalidAnswerError, Owner
from assistant.interview.exports.conformance import check_response
from assistant.interview.exports.questionnaire import questionnaire
from assistant.settings import PROJECT_ROOT
from tests.cli_runner import Invoke, fast_cuemap
from tests.interview.conftest import EPISODE_ONE

CLINICIAN = Owner("local", "dr-rivera")
FLAT = {"label": "Pt-A", "answers": {**EPISODE_ONE, "coping_1": "leave", "confidence_1": 60}}
EPISODES = {
    "label": "client 7",
    "episodes": [EPISODE_ONE, {"before_craving": "Sunday, bored and lonely", "where": "home"}],
    "plan": {"coping_1": "urge-surf", "confidence_1": "70%", "after_lapse": "call the keyworker"},
}


@pytest.fixture
def cuemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    """The real `cuemap` app in-process, on a temp data dir, with the fast hashing embedder."""
    yield from fast_cuemap(tmp_path, monkeypatch, CLINICIAN.user_id)


def flat(text: str) -> str:
    """Terminal output with rich's line wrapping undone."""
    return " ".join(text.split())


def write(tmp_path: Path, content: dict) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(content))
    return str(path)


def test_cli_answers_file_prints_the_markdown_note_and_keeps_nothing(cuemap, tmp_path) -> None:
    result = cuemap("interview", "--answers", write(tmp_path, FLAT), "--format", "markdown")
    assert result.exit_code == 0
    note = result.stdout
    assert note.startswith("# Cue map: Pt-A\n")
    assert "1. **pub** (place, external)" in note
    assert "- **Trigger 1: pub:** leave, confidence 60%" in note
    assert cuemap("interview", "list", "--all").stdout.strip() == "No interview sessions."


def test_cli_answers_file_with_episodes_prints_json(cuemap, tmp_path) -> None:
    result = cuemap("interview", "--answers", write(tmp_path, EPISODES), "--format", "json")
    doc = json.loads(result.stdout)
    assert (doc["label"], doc["episodes"], doc["status"]) == ("client 7", 2, "finished")
    assert len(doc["answers"]) == len(EPISODE_ONE) + 2 + 3
    assert [a["episode"] for a in doc["answers"] if a["question_id"] == "where"] == [1, 2]
    assert doc["top_triggers"][0]["text"] == "lonely"


def test_cli_answers_file_prints_fhir_r4b_that_conforms(cuemap, tmp_path) -> None:
    result = cuemap(
        "interview", "--answers", write(tmp_path, FLAT), "-f", "fhir", "--fhir-version", "R4B"
    )
    doc = json.loads(result.stdout)
    ResponseR4B.model_validate(doc)
    template = runtime.engine().interviews.template
    assert check_response(questionnaire(template, "R4B"), doc) == []
    assert doc["author"]["identifier"]["value"] == CLINICIAN.user_id


def test_cli_saved_session_can_be_listed_exported_and_deleted(cuemap, tmp_path) -> None:
    saved = cuemap("interview", "--answers", write(tmp_path, FLAT), "--save", "-o", "note.md")
    session_id = saved.stderr.split("saved as session ")[1].split()[0]
    assert (tmp_path / "note.md").read_text().startswith("# Cue map: Pt-A")

    listing = cuemap("interview", "list", "--all").stdout
    assert session_id in listing and "Pt-A" in listing and "finished" in listing
    assert cuemap("interview", "list").stdout.strip() == "No open interviews."
    exported = json.loads(cuemap("interview", "export", session_id, "-f", "json").stdout)
    assert exported["session_id"] == session_id

    assert "Deleted Pt-A" in cuemap("interview", "delete", session_id, "--yes").stdout
    assert cuemap("interview", "list", "--all").stdout.strip() == "No interview sessions."


def test_cli_guided_interview_with_back_skip_why_and_quick_picks(cuemap) -> None:
    script = [
        "Payday, then straight to the pub with old mates",  # before_craving
        "3",  # where: quick pick 3 = pub
        "skip",  # who
        "back",  # back to who
        "old mates",  # who
        "why",  # routine: why we ask
        "Friday after work",  # routine
        "lonely",  # feeling
        "shaky",  # body
        "just one won't hurt",  # thoughts
        "skip",  # vulnerability
        "8",  # craving strength: a number, not a quick pick
        "finish",
        "",  # the episode's cues: keep them
        "y",  # the plan is unanswered: finish anyway
    ]
    result = cuemap("interview", "--label", "Pt-T", stdin="\n".join(script) + "\n")
    out = flat(result.stdout)
    assert result.exit_code == 0
    assert "Episode 1 · 1/25 · Before the craving" in out
    assert "[1] home [2] bar [3] pub" in out
    assert "Why we ask: Routine and time" in out and "Sources" in out
    assert "Cue map: Pt-T" in out and "Top triggers" in out
    assert "Cues found in episode 1" in out and "The relapse-prevention plan is unanswered" in out

    engine = runtime.engine()
    [summary] = engine.interviews.list(CLINICIAN)
    assert (summary.label, summary.status, summary.answered) == ("Pt-T", "finished", 8)
    answers = {
        a.slot.question_id: a.text for a in engine.interviews.store.answers(summary.session_id)
    }
    assert answers["where"] == "pub" and answers["craving_strength"] == "8"
    assert answers["who"] == "old mates" and answers["vulnerability"] is None


def test_cli_interview_pauses_at_end_of_input_and_resumes(cuemap) -> None:
    first = cuemap("interview", "--label", "Pt-P", stdin="payday\nthe pub\n")
    assert "Paused; every answer is saved." in flat(first.stdout)
    session_id = first.stdout.split("cuemap interview resume ")[1].split()[0]

    answers = ["old mates", *["skip"] * 12, "", "n", "leave", "60", *["skip"] * 8, ""]
    resumed = flat(
        cuemap("interview", "resume", session_id, stdin="\n".join(answers) + "\n").stdout
    )
    assert "Episode 1 · 3/25 · People" in resumed
    assert "Map another craving episode before the plan?" in resumed
    assert "When “payday” (main trigger 1) shows up" in resumed
    assert "Every question has been visited." in resumed
    assert (
        "- **Trigger 1: payday:** leave, confidence 60%"
        in cuemap("interview", "export", session_id).stdout
    )


def test_cli_console_interview_command(cuemap) -> None:
    engine = runtime.ready_engine()
    lines = iter(["interview Pt-C", "argument with his dad", "finish", "", "y", "quit"])
    out = Console(file=StringIO(), width=100)
    run_console(engine, out, ask=lambda _prompt: next(lines))
    text = flat(out.file.getvalue())
    assert "Interview Pt-C" in text and "Cue map: Pt-C" in text
    assert [s.label for s in engine.interviews.list(CLINICIAN)] == ["Pt-C"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"label": "x", "answers": {"where": "pub", "shoe_size": 9}}, "['shoe_size']"),
        ("{not json", "is not valid JSON (line 1)"),
    ],
)
def test_cli_answers_file_problems_are_clean_errors(
    tmp_path: Path, content: dict | str, message: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUEMAP_")}
    env["CUEMAP_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", "from assistant.cli import main; main()"]
        + ["interview", "--answers", str(path)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and message in flat(done.stderr)
    assert "Traceback" not in done.stderr


def test_cli_answers_file_in_both_shapes_is_refused(cuemap, tmp_path) -> None:
    content = {"label": "x", "answers": {"where": "pub"}, "plan": {"supports": "sister"}}
    with pytest.raises(InvalidAnswerError, match='give either "answers", or "episodes"'):
        cuemap("interview", "--answers", write(tmp_path, content))


def test_cli_answers_file_with_an_impossible_answer_is_refused(cuemap, tmp_path) -> None:
    content = {"label": "x", "answers": {"craving_strength": 14}}
    with pytest.raises(InvalidAnswerError, match="Craving strength is a number from 0 to 10."):
        cuemap("interview", "--answers", write(tmp_path, content))


def test_cli_episode_cues_are_confirmed_and_edited_by_the_clinician(cuemap) -> None:
    script = [
        "Friday payday at the pub, wasn't with his brother, slept well",  # before_craving
        *["skip"] * 14,  # the rest of the episode
        "r 1",  # the review: remove the first cue (Friday)
        "c 1 time",  # payday is a time for this patient
        "a sensory the clink of glasses",  # one the extractor missed
        "x",  # not a review command: the usage is shown, nothing changes
        "",  # keep the rest
        "n",  # no other episode
        "leave",  # coping_1
        *["skip"] * 8,
        "",  # finish
    ]
    out = flat(cuemap("interview", "--label", "Pt-R", stdin="\n".join(script) + "\n").stdout)

    assert "Cues found in episode 1" in out and "Type r N, c N CATEGORY" in out
    [summary] = runtime.engine().interviews.list(CLINICIAN)
    review = runtime.engine().interviews.cue_review(CLINICIAN, summary.session_id, 1)
    kept = {(c.category, c.text, c.status) for c in review.cues}
    assert review.confirmed
    assert kept == {
        ("time", "Friday", "removed"),
        ("time", "payday", "kept"),
        ("place", "pub", "kept"),
        ("sensory", "the clink of glasses", "kept"),
    }  # not the brother (negated), not "slept well" (a positive state)
    note = cuemap("interview", "show", summary.session_id).stdout
    assert "clink of glasses" in note and "Friday" not in note.split("Answers as given")[0]
