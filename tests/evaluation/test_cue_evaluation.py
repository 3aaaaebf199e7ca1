"""Cue extraction scored per category against labelled interview answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import EvaluationDataError
from assistant.evaluation.cue_eval import evaluate_cues
from assistant.evaluation.cue_labels import load_cue_set
from assistant.evaluation.cue_scoring import score_categories
from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import load_lexicon
from assistant.interview.models import CATEGORY_KINDS, NONE_FITS
from assistant.interview.template import Template, load_template
from assistant.settings import Settings

# Lexicon alone, measured on the test split (168 answers written blind, `cuemap eval --cues`);
# the margin allows a lexicon edit or two.
MEASURED_LEXICON_F1 = 0.841
MARGIN = 0.03


@pytest.fixture(scope="module")
def template() -> Template:
    return load_template(Settings(_env_file=None).prompts_dir)


def _no_names(category: str, phrase: str) -> set[str]:
    return set()


def test_cue_scoring_credits_shared_words_and_counts_misses_and_extras() -> None:
    predicted = {"people": ["mates", "dealer"], "time": ["Friday night"]}
    labelled = {"people": ("old mates",), "time": ("Friday nights",), "place": ("pub",)}

    scores = {s.category: s for s in score_categories([(predicted, labelled)], _no_names)}

    assert (scores["people"].true_positives, scores["people"].false_positives) == (1, 1)
    assert scores["time"].f1 == 1.0
    assert scores["place"].false_negatives == 1 and scores["place"].recall == 0.0


def test_cue_scoring_accepts_the_lexicon_name_for_a_labelled_phrase() -> None:
    def names(category: str, phrase: str) -> set[str]:
        return {"payday"} if (category, phrase) == ("event", "getting paid") else set()

    predicted = {"event": ["payday"]}
    scores = score_categories([(predicted, {"event": ("getting paid",)})], names)

    assert next(s for s in scores if s.category == "event").precision == 1.0


def test_cue_set_holds_every_category_in_real_sounding_answers(template: Template) -> None:
    answers = load_cue_set(template)
    categories = {category for a in answers for category in a.cues}

    assert len(answers) >= 150
    assert categories == set(CATEGORY_KINDS)
    test = load_cue_set(template, split="test")
    assert len(test) >= 60 and len(load_cue_set(template, split="dev")) >= 60
    assert sum(1 for a in test if not a.cues) >= 5  # answers with nothing to tag


def test_cue_set_refuses_a_cue_that_is_not_in_its_answer(
    template: Template, tmp_path: Path
) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(
        "answers:\n  - {question_id: where, answer: At the pub., cues: {place: [casino]}}\n"
    )
    with pytest.raises(EvaluationDataError, match="casino.*not a phrase of the answer"):
        load_cue_set(template, path)


def test_cue_extraction_with_the_lexicon_alone_holds_its_measured_f1(settings: Settings) -> None:
    scores = evaluate_cues(settings, embedder=None)
    overall = scores[-1]

    assert [s.category for s in scores[:-1]] == list(CATEGORY_KINDS)
    assert overall.f1 >= MEASURED_LEXICON_F1 - MARGIN


def test_cue_extraction_tags_every_cue_with_an_idts_type_or_none_fits(
    settings: Settings, template: Template
) -> None:
    extractor = CueExtractor(load_lexicon(settings.prompts_dir, template.situation_ids()))
    known = template.situation_ids() | {NONE_FITS}
    for item in load_cue_set(template):
        for cue in extractor.extract(item.answer, template.question(item.question_id), 1):
            assert cue.situation_tags and set(cue.situation_tags) <= known, cue
