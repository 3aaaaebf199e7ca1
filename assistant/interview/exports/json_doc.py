"""The JSON export: answers, cues, sequence and citations, in the shape the issue fixes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from assistant.interview.exports.common import answered
from assistant.interview.exports.safety import safety_json
from assistant.interview.models import AnswerRecord, Cue, CueMap, SafetyFlag, SessionRecord, Slot
from assistant.interview.template import Template


def json_document(
    template: Template,
    record: SessionRecord,
    answers: Mapping[Slot, AnswerRecord],
    cue_map: CueMap,
    safety: Sequence[SafetyFlag] = (),
) -> dict[str, Any]:
    return {
        "session_id": record.id,
        "label": record.label,
        "status": record.state.status,
        "gaps": list(cue_map.gaps),
        "template": {"id": template.id, "version": template.version},
        "created_at": record.created_at.isoformat(),
        "updated_at": record.state.updated_at.isoformat(),
        "episodes": record.state.episodes,
        "safety": safety_json(safety),
        "answers": [
            {
                "question_id": item.question.id,
                "question": item.prompt,
                "answer": item.text,
                "episode": item.episode,
            }
            for item in answered(template, record, answers)
        ],
        "cues": [_cue(cue) for cue in cue_map.cues],
        "top_triggers": [_cue(cue) for cue in cue_map.top_triggers],
        "craving": {str(n): strength for n, strength in cue_map.craving.items()},
        "sequence": [
            {
                "stage": stage.id,
                "label": stage.label,
                "explanation": stage.explanation,
                "items": [asdict(item) for item in stage.items],
            }
            for stage in cue_map.sequence
        ],
        "upstream": [asdict(target) for target in cue_map.upstream],
        "findings": [asdict(finding) for finding in cue_map.findings],
        "plan": [asdict(entry) for entry in cue_map.plan],
        "explanations": [asdict(explanation) for explanation in cue_map.explanations],
        "citations": [
            {
                "n": c.n,
                "thread": c.thread,
                "author": c.author,
                "date": c.date,
                "post": c.post,
                "url": c.url,
                "source": c.source,
                "chunk_id": c.chunk_id,
            }
            for c in cue_map.citations
        ],
    }


def render_json(
    template: Template,
    record: SessionRecord,
    answers: Mapping[Slot, AnswerRecord],
    cue_map: CueMap,
    safety: Sequence[SafetyFlag] = (),
) -> str:
    document = json_document(template, record, answers, cue_map, safety)
    return json.dumps(document, ensure_ascii=False, indent=2)


def _cue(cue: Cue) -> dict[str, Any]:
    return {
        "category": cue.category,
        "kind": cue.kind,
        "text": cue.text,
        "question_id": cue.question_id,
        "episode": cue.episode,
        "situation_tags": list(cue.situation_tags),
        "source": cue.source,
        "wording": cue.wording or cue.text,
        "status": cue.status,
        "extractor": cue.extractor,
    }
