"""Safety and privacy at the terminal: the clinician rephrases or accepts a redacted answer,
confirms the safety card before going on, scripted runs redact by themselves and say what by
type, questions get the card, and expired or unwanted sessions are purged."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from assistant.cli import runtime
from assistant.cli.console import run_console
from assistant.errors import SessionNotFoundError
from assistant.interview import Owner
from tests.cli_runner import Invoke, fast_cuemap

CLINICIAN = Owner("local", "dr-okoye")
PRIVATE = "Dave Okafor rang from 07700 900123"
CRISIS = "the pub, he said he wants to kill himself"


@pytest.fixture
def cuemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    """The real `cuemap` app in-process, on a temp data dir, with the fast hashing embedder."""
    yield from fast_cuemap(tmp_path, monkeypatch, CLINICIAN.user_id)


def flat(text: str) -> str:
    return " ".join(text.split())


def stored_answers(session_id: str) -> dict[str, str | None]:
    answers = runtime.engine().interviews.store.answers(session_id)
    return {a.slot.question_id: a.text for a in answers}


def only_session() -> str:
    [summary] = runtime.engine().interviews.list(CLINICIAN)
    return summary.session_id


def test_cli_guided_answer_with_identifiers_is_rephrased_or_used_redacted(cuemap) -> None:
    script = [
        PRIVATE,  # before_craving: holds a name and a phone number
        "n",  # rephrase instead
        "he rang about money",
        "Mr Okafor's flat",  # where: holds a name
        "y",  # use the redacted version
        "pause",
    ]
    result = cuemap("interview", "--label", "Pt-Q", stdin="\n".join(script) + "\n")

    out = flat(result.stdout)
    assert "This answer seems to hold identifiers (1 name, 1 phone number)" in out
    assert "redacted: [NAME] rang from [PHONE]" in out
    assert "Not saved. Type the answer again without identifiers." in out
    assert "Okafor" not in out and "07700" not in out
    answers = stored_answers(only_session())
    assert answers == {"before_craving": "he rang about money", "where": "Mr [NAME]'s flat"}


def test_cli_guided_label_with_identifiers_can_be_replaced(cuemap) -> None:
    result = cuemap("interview", "--label", "Dave Okafor", stdin="n\nPt-R\npause\n")

    assert "This label seems to hold identifiers (1 name)" in flat(result.stdout)
    assert [s.label for s in runtime.engine().interviews.list(CLINICIAN)] == ["Pt-R"]


def test_cli_guided_crisis_answer_shows_the_card_and_waits_for_confirmation(cuemap) -> None:
    script = ["payday", CRISIS, "not yet", "yes", "old mates", "pause"]
    result = cuemap("interview", "--label", "Pt-S", stdin="\n".join(script) + "\n")

    out = flat(result.stdout)
    assert "Possible crisis language" in out and "Flagged: suicidal thoughts or intent." in out
    assert "988 Suicide & Crisis Lifeline: Call or text 988." in out
    assert out.count("type yes to go on") == 2, "asked again until confirmed"
    answers = stored_answers(only_session())
    assert answers["who"] == "old mates"
    [flag] = runtime.engine().interviews.store.flags(only_session())
    assert flag.kind == "suicide" and flag.confirmed_at is not None


def test_cli_unconfirmed_card_comes_back_first_on_resume(cuemap) -> None:
    cuemap("interview", "--label", "Pt-S", stdin=f"payday\n{CRISIS}\n")  # input ends at the card
    session_id = only_session()
    assert runtime.engine().interviews.view(CLINICIAN, session_id).safety is not None

    resumed = flat(cuemap("interview", "resume", session_id, stdin="yes\nold mates\n").stdout)

    assert resumed.index("Possible crisis language") < resumed.index("Who were they with")
    assert stored_answers(session_id)["who"] == "old mates"


def test_cli_answers_file_redacts_by_itself_and_reports_by_type(cuemap, tmp_path: Path) -> None:
    script = {
        "label": "Pt-A",
        "answers": {"before_craving": PRIVATE, "where": CRISIS, "who": "with Dave and his mates"},
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(script))

    result = cuemap("interview", "--answers", str(path), "--format", "json")

    assert "redacted: 2 names, 1 phone number" in flat(result.stderr)
    assert "Possible crisis language" in flat(result.stderr)
    doc = json.loads(result.stdout)
    assert doc["safety"][0]["kind"] == "suicide" and doc["safety"][0]["question_id"] == "where"
    assert doc["answers"][0]["answer"] == "[NAME] rang from [PHONE]"
    for shown in (result.stdout, result.stderr):
        assert "Okafor" not in shown and "07700" not in shown


def age_session(data_dir: Path, session_id: str, days: int) -> None:
    """As if the session had last been touched `days` ago."""
    then = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(data_dir / "cuemap.db") as db:
        db.execute("UPDATE interview_sessions SET updated_at = ? WHERE id = ?", (then, session_id))


def test_cli_purge_erases_expired_sessions_and_one_on_request(cuemap, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"label": "Pt-A", "answers": {"where": "the Tuesday market"}}))
    ids = []
    for _ in range(3):
        saved = cuemap("interview", "--answers", str(path), "--save", "-o", "note.md")
        ids.append(saved.stderr.split("saved as session ")[1].split()[0])
    data_dir = tmp_path / "data"
    age_session(data_dir, ids[0], days=31)

    assert "Erased 1 interview session untouched for 30 days" in flat(cuemap("purge").stdout)
    assert "Erased 0 interview sessions" in flat(cuemap("purge").stdout)
    assert "Erased session" in cuemap("purge", "--session", ids[1]).stdout
    with pytest.raises(SessionNotFoundError):
        cuemap("purge", "--session", ids[1])

    age_session(data_dir, ids[2], days=45)
    console = Console(file=StringIO(), width=100)
    run_console(runtime.ready_engine(), console, ask=lambda _prompt: "quit")
    assert "Erased 1 interview session untouched for 30 days" in flat(console.file.getvalue())
    assert runtime.engine().interviews.list(CLINICIAN) == []
    raw = b"".join(p.read_bytes() for p in data_dir.glob("cuemap.db*"))
    assert b"Tuesday market" not in raw


def test_cli_ask_with_crisis_language_shows_the_card_and_leaves_identifiers_out(cuemap) -> None:
    question = "Dave Okafor says he wants to kill himself; why does craving spike at night?"

    shown = flat(cuemap("ask", question).stdout)
    as_json = json.loads(cuemap("ask", "--json", question).stdout)

    assert "Possible crisis language" in shown and "988" in shown
    assert "Your question seemed to hold identifiers (1 name)" in shown
    assert as_json["safety"]["kinds"] == ["suicide"] and as_json["redacted"] == "1 name"
    assert as_json["question"].startswith("[NAME] says")
    assert "Okafor" not in shown and "Okafor" not in json.dumps(as_json)


def test_cli_console_question_gets_the_card(cuemap) -> None:
    lines = iter(["my patient took the whole bottle of pills last night, what now?", "quit"])
    console = Console(file=StringIO(), width=100)
    run_console(runtime.ready_engine(), console, ask=lambda _prompt: next(lines))
    out = flat(console.file.getvalue())
    assert "Flagged: overdose or a medical emergency." in out
    assert "Call 911 and give naloxone" in out
