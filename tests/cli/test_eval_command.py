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
    assert set(report["phi_guard"]) == {"dev", "test"}
    assert report["phi_guard"]["test"]["clean_changed"][0] == 0


def test_eval_shows_where_each_system_wins_by_question_style(cuemap) -> None:
    result = cuemap("eval", "--every", "11")

    assert "| MRR by style |" in result.stdout
    by_style = json.loads(cuemap("eval", "--json", "--every", "11").stdout)["mrr_by_style"]
    styles = set(by_style["CueMap hybrid"])
    assert styles and styles <= {"close", "paraphrase", "lay", "story"}
    assert all(set(scores) == styles for scores in by_style.values())
    assert all(0.0 <= mrr <= 1.0 for scores in by_style.values() for mrr in scores.values())
