"""While the app serves, interview sessions past the retention period are erased: at start-up
and then every hour, in every process (erasing the same session twice is harmless). The links
to the DM threads they lived in go too, as after `/cuemap delete`."""

from __future__ import annotations

import logging
import threading

from assistant.interview import InterviewService
from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)

PURGE_EVERY_S = 3600.0


class RetentionPurge:
    def __init__(
        self, interviews: InterviewService, store: SlackStore, every_s: float = PURGE_EVERY_S
    ) -> None:
        self._interviews = interviews
        self._store = store
        self._every_s = every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> list[str]:
        """Erase what has expired now; the session ids erased."""
        erased = self._interviews.purge_expired()
        for session_id in erased:
            self._store.unlink_session(session_id)
        if erased:
            logger.info("retention purge erased %d interview sessions", len(erased))
        return erased

    def start(self) -> RetentionPurge:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="cuemap-purge", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception as exc:  # e.g. the database unreachable: try again next time
                logger.error("retention purge failed (%s)", type(exc).__name__)
            self._stop.wait(self._every_s)
