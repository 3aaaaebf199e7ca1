"""chromadb without the OpenTelemetry exporter CueMap never turns on.

chromadb's telemetry module imports OpenTelemetry's gRPC span exporter at its top, for the
tracing its `chroma_otel_*` settings can switch on; CueMap never sets them. That import pulls
in gRPC and protobuf: 21 MB in every process that opens the index (a bot worker, a cold
`ask`), a fifteenth of a worker's budget. `import_chromadb()` imports chromadb with a stand-in
for that one module whose exporter imports the real one if it is ever built, as the stand-in
for spaCy's command line does (assistant/spacy_runtime.py).
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType
from typing import Any

SPAN_EXPORTER = "opentelemetry.exporter.otlp.proto.grpc.trace_exporter"

_lock = threading.Lock()


def import_chromadb() -> ModuleType:
    """The `chromadb` module, imported (once) without OpenTelemetry's gRPC exporter."""
    with _lock:
        if "chromadb" in sys.modules:
            return sys.modules["chromadb"]
        stand_in = None
        if SPAN_EXPORTER not in sys.modules:
            stand_in = sys.modules[SPAN_EXPORTER] = _exporter_stand_in()
        try:
            return importlib.import_module("chromadb")
        finally:
            if stand_in is not None and sys.modules.get(SPAN_EXPORTER) is stand_in:
                del sys.modules[SPAN_EXPORTER]  # a later `import` gets the real exporter


def _exporter_stand_in() -> ModuleType:
    module = ModuleType(SPAN_EXPORTER)

    def otlp_span_exporter(*args: Any, **kwargs: Any) -> Any:
        real = importlib.import_module(SPAN_EXPORTER)
        return real.OTLPSpanExporter(*args, **kwargs)

    module.OTLPSpanExporter = otlp_span_exporter  # type: ignore[attr-defined]
    return module
