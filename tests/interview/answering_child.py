"""Run by test_crash.py as its own process: answer the current question with each stdin line.

Prints "ready" once the service is up and "answered <question id>" after each answer returns
(that is, after it was committed), then waits for the next line, until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.interview import InterviewService, Owner
from assistant.settings import Settings


def main(data_dir: str, session_id: str, workspace_id: str, user_id: str) -> None:
    service = InterviewService.from_settings(Settings(_env_file=None, data_dir=Path(data_dir)))
    owner = Owner(workspace_id, user_id)
    print("ready", flush=True)
    for line in sys.stdin:
        question = service.view(owner, session_id).question
        assert question is not None
        service.answer(owner, session_id, question.id, line.strip())
        print(f"answered {question.id}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
