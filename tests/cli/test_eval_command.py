"""`cuemap eval` from the terminal: every system on the same questions, one JSON document."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


def test_eval_scores_cuemap_and_the_baselines_on_the_same_questions(cuemap) -> None:
    result = cuemap("eval", "--json", "--every", "11")

    report = json.loads(result.stdout)
    systems = report["systems"]
    assert report["questions"] == {"in_scope": 6, "out_of_scope": 2}
    assert set(systems) == {"CueMap hybrid", "LangChain stock recipe", "BM25 alone", "dense alone"}
    assert systems["LangChain stock recipe"]["declined (out)"] == 0.0
    assert systems["CueMap hybrid"]["declined (out)"] == 1.0
    assert 0.0 < report["calibration"]["chosen"]["threshold"] < 1.0
    assert set(report["cue_extraction"]["lexicon_only"]) >= {"place", "thought", "all (micro)"}
