"""Killed with SIGKILL between two answers: a fresh service resumes with nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.interview import InterviewService
from assistant.settings import PROJECT_ROOT, Settings
from tests.interview.conftest import ALICE

CHILD = Path(__file__).with_name("answering_child.py")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def fresh_service(data_dir: Path) -> InterviewService:
    """A new service on the same SQLite file, as after a restart."""
    return InterviewService.from_settings(Settings(_env_file=None, data_dir=data_dir))


def start_child(data_dir: Path, session_id: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUEMAP_")}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), session_id, ALICE.workspace_id, ALICE.user_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def give(child: subprocess.Popen[str], answer: str) -> None:
    assert child.stdin is not None
    child.stdin.write(answer + "\n")
    child.stdin.flush()


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL


def test_crash_killed_between_two_answers_resumes_at_the_next_question(data_dir: Path) -> None:
    session_id = fresh_service(data_dir).start(ALICE, "Pt-K").session_id
    child = start_child(data_dir, session_id)
    given = ["payday at the pub", "the pub", "old mates"]
    for answer in given:
        give(child, answer)
        assert child.stdout.readline().startswith("answered ")
    kill(child)  # waiting for the fourth answer

    service = fresh_service(data_dir)
    view = service.view(ALICE, session_id)
    assert (view.question.id, view.question.episode, view.answered) == ("routine", 1, 3)
    stored = [(a.slot.question_id, a.text) for a in service.store.answers(session_id)]
    assert stored == list(zip(["before_craving", "where", "who"], given, strict=True))
    assert service.answer(ALICE, session_id, "routine", "Friday night").question.id == "feeling"


def test_crash_killed_during_an_answer_leaves_it_whole_or_absent(data_dir: Path) -> None:
    session_id = fresh_service(data_dir).start(ALICE, "Pt-K2").session_id
    child = start_child(data_dir, session_id)
    give(child, "argument with his brother")
    assert child.stdout.readline().strip() == "answered before_craving"
    give(child, "his brother's flat")
    kill(child)  # with the second answer perhaps half-way through

    service = fresh_service(data_dir)
    view = service.view(ALICE, session_id)
    stored = {a.slot.question_id: a.text for a in service.store.answers(session_id)}
    if "where" in stored:
        assert stored["where"] == "his brother's flat" and view.question.id == "who"
    else:
        assert view.question.id == "where"
    assert stored["before_craving"] == "argument with his brother"
