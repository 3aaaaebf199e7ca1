"""`cuemap eval` from the terminal: every system on the same questions, dev and test apart."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


def test_eval_scores_dev_and_test_apart_with_the_same_systems(cuemap) -> None:
    result = cuemap("eval", "--json", "--every", "11")

    report = json.loads(result.stdout)
    assert set(report["splits"]) == {"dev", "test"}
    for split in report["splits"].values():
        systems = split["systems"]
        assert split["questions"]["in_scope"] > 0 and split["questions"]["out_of_scope"] > 0
        assert set(systems) == {
            "CueMap hybrid",
            "LangChain stock recipe",
            "BM25 alone",
            "dense alone",
        }
        assert systems["LangChain stock recipe"]["declined/partial (out)"] == 0.0
        cuemap_row = systems["CueMap hybrid"]
        for column in ("cited right", "cite prec.", "1st cite right", "1st sentence", "read@500"):
            assert 0.0 <= cuemap_row[column] <= 1.0
        assert 0.0 < split["calibration"]["chosen"]["threshold"] < 1.0
    assert set(report["cue_extraction"]["lexicon_only"]) >= {"place", "thought", "all (micro)"}
    crisis = report["crisis_detection"]["test"]
    assert crisis["recall"] >= 0.95 and crisis["false_flag_rate"] <= 0.05
    assert set(report["phi_guard"]) == {"dev", "test"}
    assert report["phi_guard"]["test"]["clean_changed"][0] == 0


def test_eval_shows_each_split_and_each_question_style(cuemap) -> None:
    result = cuemap("eval", "--every", "11")

    assert "Crisis detection: blind cases" in result.stdout
    assert "dev split" in result.stdout and "test split" in result.stdout
    assert "| by style |" in result.stdout and "1st sentence answers" in result.stdout
    by_style = json.loads(cuemap("eval", "--json", "--every", "11").stdout)["splits"]["dev"]
    styles = set(by_style["mrr_by_style"]["CueMap hybrid"])
    assert styles and styles <= {"close", "paraphrase", "lay", "story", "shorthand"}
    assert set(by_style["first_sentence_by_style"]) == styles


def test_eval_cues_scores_cue_extraction_on_dev_and_test_alone(cuemap) -> None:
    report = json.loads(cuemap("eval", "--cues", "--json").stdout)["cue_extraction"]

    assert set(report) == {"dev", "test"}
    for split in report.values():
        micro = split["lexicon_and_model"]["all (micro)"]
        assert micro["tp"] > 100 and 0.0 < micro["precision"] <= 1.0
        assert set(split["lexicon_only"]) >= {"place", "thought", "all (micro)"}
