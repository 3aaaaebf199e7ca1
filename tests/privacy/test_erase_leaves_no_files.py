"""Erasing a session erases everything CueMap saved for it: after `delete`, after `purge
--session` and after the retention purge, no byte of any file under the data dir (database,
its journals, the index, the exports folder with its notes, PNG and SVG charts and ledgers)
holds an answer. Two sessions under one label are interviewed at the terminal, each saves its
note and chain pictures, a comparison chart is drawn across both; erasing either erases the
comparison too, and a session never stored (a scripted run) loses its chart once expired."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from io import StringIO
from pathlib import Path

from rich.console import Console

from assistant.charts import compare
from assistant.charts.chain import chain_chart
from assistant.charts.comparison_chart import comparison_chart
from assistant.cli.chart_files import announce_saved, saved_files, write_chart
from assistant.cli.interview_loop import InterviewLoop
from assistant.engine import Engine
from assistant.interview import InterviewService, Owner
from assistant.retrieval import drug_lexicon, medical_terms
from assistant.settings import Settings
from tests.privacy.test_logs_hold_no_patient_text import ANSWERS

OWNER = Owner("local", "dr-erase")
LABEL = "Pt-E"


def interview(engine: Engine, replies: list[str]) -> str:
    """A finished console interview whose note and pictures are saved; its session id."""
    # finish; keep the episode's cues as found; the plan is unanswered: finish anyway
    script = iter([*replies, "finish", "", "y"])
    console = Console(file=StringIO(), width=120)
    loop = InterviewLoop(engine.interviews, OWNER, console, lambda _p: next(script))
    cue_map = loop.run(loop.start(LABEL))
    assert cue_map is not None
    announce_saved(console, engine.interviews, OWNER, cue_map)
    return cue_map.session_id


def first_session(engine: Engine) -> str:
    return interview(engine, [ANSWERS["before_craving"], ANSWERS["where"]])


def second_session(engine: Engine) -> str:
    replies = ["the Vauxhall pawnbroker's window display", "after the Thornbury funeral"]
    return interview(engine, replies)


def fragments(*texts: str) -> list[bytes]:
    return sorted({word.encode() for text in texts for word in text.split() if len(word) >= 7})


def found_in_data_dir(settings: Settings, *texts: str) -> dict[str, list[str]]:
    """Which fragments of `texts` appear in which file under the data dir, byte for byte."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in settings.data_dir.rglob("*") if p.is_file()):
        if path.match("drug-names-*.sqlite"):
            assert_only_drug_names(path)  # dictionary words ("zebrafish proteins") may match
            continue
        if path.match("icd10-words-*.txt"):  # ICD-10 title words ("funeral" could match)
            assert frozenset(path.read_text().split()) == medical_terms._derive()
            continue
        raw = path.read_bytes()
        hits = [f.decode() for f in fragments(*texts) if f in raw]
        if hits:
            found[str(path.relative_to(settings.data_dir))] = hits
    return found


def assert_only_drug_names(path: Path) -> None:
    """Coverage's drug table holds exactly what is derived from the drug package, nothing else."""
    with closing(sqlite3.connect(path)) as connection:
        rows = dict(connection.execute("SELECT variant, generic FROM drugs").fetchall())
    assert rows == drug_lexicon.derive_table()


def exports(settings: Settings) -> list[str]:
    folder = settings.data_dir / "exports"
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_erase_delete_leaves_no_answer_in_any_file_of_the_data_dir(
    fake_engine: Engine, settings: Settings
) -> None:
    first = first_session(fake_engine)
    second = second_session(fake_engine)
    comparison = comparison_chart(compare(fake_engine.interviews, OWNER, LABEL), "svg")
    write_chart(comparison, None, saved_files(fake_engine.interviews), [first, second])
    saved = exports(settings)
    assert any(name.endswith(".md") for name in saved) and any("compare" in n for n in saved)
    assert found_in_data_dir(settings, ANSWERS["where"]), "the note holds the answer"

    fake_engine.interviews.delete(OWNER, first)

    assert found_in_data_dir(settings, ANSWERS["before_craving"], ANSWERS["where"]) == {}
    left = exports(settings)
    assert not [name for name in left if first[:8] in name or name == first]
    assert not [name for name in left if "compare" in name]  # it showed the erased session
    assert [name for name in left if second[:8] in name]  # the other session keeps its files


def test_erase_purge_session_and_retention_leave_no_answer_anywhere(
    fake_engine: Engine, settings: Settings
) -> None:
    first = first_session(fake_engine)
    second = second_session(fake_engine)
    service = fake_engine.interviews

    assert service.erase(first) is True  # `cuemap purge --session ID`
    assert found_in_data_dir(settings, ANSWERS["before_craving"], ANSWERS["where"]) == {}

    expired = InterviewService(
        service.store,
        service.template,
        service.extractor,
        clock=lambda: service._clock() + timedelta(days=31),
        retention=timedelta(days=30),
        files=service.files,
    )
    assert expired.purge_expired() == [second]
    assert found_in_data_dir(settings, "the Vauxhall pawnbroker's window display") == {}
    assert exports(settings) == []


def test_erase_retention_purge_takes_the_files_of_a_session_never_stored(
    fake_engine: Engine, settings: Settings
) -> None:
    """`interview --answers` without --save keeps no session, but its chart is in exports/:
    it goes once it is older than the retention period."""
    kept = first_session(fake_engine)
    service = fake_engine.interviews
    scratch_id = "0123456789abcdef"
    cue_map = service.cue_map(OWNER, kept)
    chart = chain_chart(replace(cue_map, session_id=scratch_id), "svg")
    path = write_chart(chart, None, saved_files(service), [scratch_id])
    ledger = settings.data_dir / "exports" / ".sessions" / scratch_id
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(ledger, (month_ago, month_ago))

    service.purge_expired()

    assert not path.exists() and not ledger.exists()
    assert [name for name in exports(settings) if kept[:8] in name]  # still in use: kept


def test_erase_files_never_reach_outside_the_exports_folder(tmp_path: Path) -> None:
    from assistant.interview.saved_files import SavedFiles

    outside = tmp_path / "notes.md"
    outside.write_text("the clinician's own file")
    files = SavedFiles(tmp_path / "exports")
    files.write("../notes.md", b"x", ["0123456789abcdef"])  # a name is only ever a name

    files.erase("0123456789abcdef")
    files.erase("../../etc")

    assert outside.read_text() == "the clinician's own file"
