"""An interview fed the test split's identifier answers leaves none of them on disk.

Each answer is accepted as the clinician would accept it after the guard's notice ("Use
redacted"), then the raw bytes of every file SQLite keeps (the database, its WAL, its journal)
are searched for each identifying word the evaluation counts as redacted (words the stored,
redacted answers hold anyway, such as "one", cannot be told apart and are skipped).
"""

from __future__ import annotations

import re

from assistant.evaluation.phi_eval import fully_redacted, load_identifier_cases
from assistant.interview import InterviewService
from assistant.privacy import redact
from assistant.settings import Settings
from tests.interview.conftest import ALICE

_GLUE = {"van", "der", "de", "la", "del", "dos", "bin", "al", "at", "dot", "com", "the"}


def database_bytes(settings: Settings) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(settings.data_dir.glob("cuemap.db*")))


def test_phi_on_disk_no_redacted_identifier_reaches_the_database_files(
    interviews: InterviewService, settings: Settings
) -> None:
    cases = [c for c in load_identifier_cases() if c.split == "test"]
    redacted = [c for c in cases if fully_redacted(c.text, redact(c.text).text, c.values)]
    assert len(redacted) >= 0.95 * len(cases)
    sid = interviews.start(ALICE, "Pt-D").session_id
    for case in redacted:
        interviews.answer(ALICE, sid, "who", case.text, phi="redact")

    on_disk = database_bytes(settings)
    kept = " ".join(redact(c.text).text for c in redacted)  # what was meant to be stored
    for case in redacted:
        for value in case.values:
            for word in re.findall(r"\w{3,}", value):
                if word.lower() in _GLUE or _whole_word(word, kept):
                    continue  # "one" of "one hundred and two" is also in "the one I call"
                assert not _whole_word(word, on_disk.decode("utf-8", "ignore")), (
                    f"{case.id}: an identifier reached disk"
                )


def _whole_word(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
