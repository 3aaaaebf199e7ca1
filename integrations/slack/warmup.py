"""Load the embedding model, the crisis-language pipeline and the identifier recogniser in the
background, so acknowledgements never wait for them.

Slack wants an answer to every request within 3 seconds; loading the model takes longer on
a cold start. Listeners acknowledge at once; the answers they compute afterwards simply wait
for the model (the embedder loads once, under its own lock). The PHI guard's recogniser loads
first: an interview answer is checked for identifiers before it is acknowledged.
"""

from __future__ import annotations

import logging
import threading
import time

from assistant.engine import Engine
from assistant.privacy import warm_up as privacy_warm_up

logger = logging.getLogger(__name__)


class ModelWarmUp:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()

    def start(self, after_s: float = 0.0) -> ModelWarmUp:
        """Load in the background, beginning `after_s` seconds from now."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, args=(after_s,), name="cuemap-warm-up", daemon=True
            )
            self._thread.start()
        return self

    def _safety(self) -> None:
        try:
            self._engine.safety.warm_up()
        except Exception as exc:  # the first crisis check loads it again, or reports why
            logger.error("crisis-language warm-up failed: %s", type(exc).__name__)

    def _run(self, after_s: float) -> None:
        time.sleep(after_s)
        # An interview answer is acknowledged once it is saved, after its crisis check: that
        # pipeline loads beside the model, not after it; `ready` waits for both.
        safety = threading.Thread(target=self._safety, name="cuemap-warm-up-safety", daemon=True)
        safety.start()
        try:
            privacy_warm_up()  # an interview answer is checked for identifiers before its ack
            self._engine.index.warm_up()
        except Exception as exc:  # reported again, to the clinician, by the first answer
            logger.error("warm-up failed: %s", type(exc).__name__)
        else:
            logger.info("model and index loaded")
        finally:
            safety.join()
            self.ready.set()
