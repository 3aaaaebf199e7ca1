"""The cited explanations a map was finished with, as stored JSON (corpus text, no answers)."""

from __future__ import annotations

import json
from dataclasses import asdict

from assistant.answers.models import Citation
from assistant.interview.models import Explanation

Sources = tuple[list[Explanation], list[Citation]]


def dump_sources(sources: Sources) -> str:
    explanations, citations = sources
    return json.dumps(
        {
            "explanations": [asdict(e) for e in explanations],
            "citations": [asdict(c) for c in citations],
        }
    )


def load_sources(body: str | None) -> Sources | None:
    if body is None:
        return None
    data = json.loads(body)
    return (
        [Explanation(**e) for e in data["explanations"]],
        [Citation(**c) for c in data["citations"]],
    )
