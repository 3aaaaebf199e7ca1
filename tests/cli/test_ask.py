"""A clinician at the terminal: ingest, ask, search, batch questions, the console."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model


def test_ingest_then_ask_prints_a_cited_answer_and_sources(cuemap) -> None:
    first = cuemap("ingest")
    assert "20 passages indexed: 20 new" in first.stdout
    again = cuemap("ingest")
    assert "0 new, 20 unchanged, 0 removed" in again.stdout

    result = cuemap("ask", "why does the cue take over from the drug?")
    assert result.exit_code == 0
    assert "[1]" in result.stdout and "Sources" in result.stdout
    assert "The drug may start the addiction." in result.stdout
    assert "post " in result.stdout and "/16" in result.stdout


def test_ask_json_has_the_documented_shape(cuemap) -> None:
    cuemap("ingest")
    payload = json.loads(cuemap("ask", "--json", "what does the insula add?").stdout)
    assert payload["abstained"] is False
    assert payload["coverage"] == "full" and payload["not_covered"] == []
    assert payload["citations"][0]["post"].endswith("/16")
    numbers = {c["n"] for c in payload["citations"]}
    assert re.fullmatch(r"(.+? \[\d+\] ?)+", payload["answer"])
    assert {int(n) for n in re.findall(r"\[(\d+)\]", payload["answer"])} == numbers


def test_ask_a_near_miss_says_first_what_the_sources_do_not_mention(cuemap) -> None:
    cuemap("ingest")
    question = "does naltrexone stop cues from triggering craving?"
    payload = json.loads(cuemap("ask", "--json", question).stdout)
    assert payload["coverage"] == "partial" and payload["not_covered"] == ["naltrexone"]
    assert payload["answer"].startswith("The sources do not mention naltrexone. What they do say:")
    assert payload["citations"] and payload["abstained"] is False

    printed = cuemap("ask", question).stdout
    assert printed.lstrip().startswith("The sources do not mention naltrexone.")


def test_batch_questions_from_stdin_give_one_json_line_each(cuemap) -> None:
    cuemap("ingest")
    questions = "what is mentalisation?\n\nwhat is the capital of France?\nwhat is epigenetics?\n"
    lines = cuemap("ask", "--json", "-", stdin=questions).stdout.strip().splitlines()
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == [
        "what is mentalisation?",
        "what is the capital of France?",
        "what is epigenetics?",
    ]
    assert [a["abstained"] for a in answers] == [False, True, False]
    assert [a["coverage"] for a in answers] == ["full", "none", "full"]


def test_search_json_ranks_passages_with_scores_and_provenance(cuemap) -> None:
    cuemap("ingest")
    payload = json.loads(cuemap("search", "insula body state", "-k", "3", "--json").stdout)
    assert len(payload["results"]) == 3
    top = payload["results"][0]
    assert top["post"] == "13-14/16" and top["rank"] == 1
    assert {"score", "similarity", "thread", "author", "date", "chunk_id", "text"} <= set(top)


def test_console_answers_lists_topics_and_shows_sources(cuemap) -> None:
    cuemap("ingest")
    script = "topics\nwhat does the prefrontal cortex do in craving?\nsources\nquit\n"
    out = cuemap(stdin=script).stdout
    assert "not for emergencies" in out
    assert "Methylphenidate is not simply" in out
    assert "[1]" in out and "The prefrontal cortex also matters." in out
    assert "Goodbye." in out


def test_a_missing_corpus_is_a_clean_error_not_a_traceback(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CUEMAP_DATA_DIR": str(tmp_path / "data"),
        "CUEMAP_CORPUS_DIR": str(tmp_path / "missing"),
    }
    cuemap = Path(sys.executable).with_name("cuemap")
    done = subprocess.run(
        [str(cuemap), "ingest"], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 1
    assert "does not exist" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_a_bug_in_one_question_leaves_the_console_running(cuemap, monkeypatch) -> None:
    from assistant.answers.service import Explainer

    cuemap("ingest")
    real_ask = Explainer.ask

    def ask(self, question: str):
        if "insula" in question:
            raise ZeroDivisionError("a secret detail about Pt-A")
        return real_ask(self, question)

    monkeypatch.setattr(Explainer, "ask", ask)
    out = cuemap(stdin="what does the insula do?\nwhat is epigenetics?\nquit\n").stdout

    assert "failed unexpectedly (ZeroDivisionError)" in out and "Answers already given" in out
    assert "secret detail" not in out and "Traceback" not in out
    assert "[1]" in out and "Goodbye." in out  # the next question was answered


def test_a_bug_ends_a_command_with_a_short_notice_not_a_traceback(
    monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    from assistant.cli import runtime

    broken = typer.Typer()

    @broken.command()
    def crash() -> None:
        raise KeyError("Pt-A's phone number")

    monkeypatch.setattr(sys, "argv", ["cuemap"])
    monkeypatch.delenv("CUEMAP_DEBUG", raising=False)
    runtime.settings.cache_clear()
    with pytest.raises(SystemExit) as exited:
        runtime.run_safely(broken)

    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert "failed unexpectedly (KeyError)" in err
    assert "phone number" not in err and "Traceback" not in err

    monkeypatch.setenv("CUEMAP_DEBUG", "1")
    runtime.settings.cache_clear()
    with pytest.raises(KeyError):
        runtime.run_safely(broken)
    runtime.settings.cache_clear()
