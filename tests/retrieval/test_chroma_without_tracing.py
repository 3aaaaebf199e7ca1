"""The index opens without OpenTelemetry's gRPC exporter (21 MB in every bot worker and every
cold `ask`), which chromadb imports for tracing CueMap never switches on; the exporter is
still there for whoever builds one."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.settings import PROJECT_ROOT

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from assistant.retrieval.chroma import make_chroma_client, open_collection
from assistant.settings import Settings

with tempfile.TemporaryDirectory() as folder:
    client = make_chroma_client(Settings(data_dir=Path(folder), chroma_host=None))
    collection = open_collection(client, "story")
    collection.add(ids=["post-1"], embeddings=[[1.0, 0.0]], documents=["The cue can drive it."])
    found = collection.query(query_embeddings=[[1.0, 0.0]], n_results=1)["documents"][0]
    loaded = [m for m in ("grpc", "opentelemetry.exporter.otlp.proto.grpc") if m in sys.modules]
    from chromadb.telemetry.opentelemetry import OTLPSpanExporter
    exporter = OTLPSpanExporter(endpoint="http://127.0.0.1:4317")
    print(json.dumps({"found": found, "loaded": loaded, "exporter": type(exporter).__module__}))
"""


def test_the_index_opens_without_the_tracing_exporter_which_stays_importable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert result["found"] == ["The cue can drive it."]
    assert result["loaded"] == []
    assert result["exporter"].startswith("opentelemetry.exporter.otlp.proto.grpc")
