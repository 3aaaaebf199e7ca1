"""The files CueMap saves for sessions under `<data dir>/exports/`, erased with the session.

A note or a chart holds what was answered, so erasing a session (`delete`, `purge --session`,
the retention purge) must erase its files too. Each file written here is recorded in its
session's ledger, `exports/.sessions/<session id>`, one file name a line (a comparison chart
is recorded under every session it compares). Erasing a session deletes every file its ledger
names, then the ledger. Files saved before ledgers existed are found by the session id in
their name (`cuemap-<label>-<id prefix>.md`, `…-chain.png`, `…-chain.svg`, `….json`).
A ledger whose session was never stored (a scripted run without --save) is erased once it is
older than the retention period. Files a clinician saved elsewhere with --out are theirs.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

LEDGERS = ".sessions"
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
SESSION_ID = re.compile(r"^[0-9a-f]{8,64}$")
LEGACY_NAME = r"^cuemap-[a-z0-9-]*-{prefix}(-chain)?\.(md|json|png|svg)$"


class SavedFiles:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def write(self, name: str, content: bytes, session_ids: Iterable[str]) -> Path:
        """`content` saved as `name` in the exports folder (readable by its owner only) and
        recorded under each session; the path."""
        path = self.directory / Path(name).name
        _private_dir(self.directory)
        path.write_bytes(content)
        path.chmod(PRIVATE_FILE)
        for session_id in session_ids:
            self._record(session_id, path.name)
        return path

    def erase(self, session_id: str) -> list[Path]:
        """Delete every file saved for the session, and its ledger; the paths deleted."""
        if not SESSION_ID.match(session_id) or not self.directory.is_dir():
            return []
        ledger = self._ledger(session_id)
        names = set(ledger.read_text().split()) if ledger.exists() else set()
        legacy = re.compile(LEGACY_NAME.format(prefix=re.escape(session_id[:8])))
        names |= {p.name for p in self.directory.iterdir() if legacy.match(p.name)}
        erased = []
        for name in sorted(names):
            path = self.directory / Path(name).name  # never outside the folder
            if path.is_file():
                path.unlink()
                erased.append(path)
        ledger.unlink(missing_ok=True)
        return erased

    def stale_ledgers(self, older_than_s: float) -> list[str]:
        """Sessions whose ledger has not been written for `older_than_s` seconds."""
        folder = self.directory / LEDGERS
        if not folder.is_dir():
            return []
        cutoff = time.time() - older_than_s
        return [ledger.name for ledger in folder.iterdir() if ledger.stat().st_mtime < cutoff]

    def _record(self, session_id: str, name: str) -> None:
        if not SESSION_ID.match(session_id):
            raise ValueError("not a session id")
        _private_dir(self.directory / LEDGERS)
        descriptor = os.open(
            self._ledger(session_id), os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE
        )
        with os.fdopen(descriptor, "a") as ledger:
            ledger.write(name + "\n")

    def _ledger(self, session_id: str) -> Path:
        return self.directory / LEDGERS / session_id


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
