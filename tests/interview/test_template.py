"""The shipped interview template and cue lexicon load; a broken file names the file and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.engine import Engine
from assistant.errors import TemplateError
from assistant.interview.lexicon import LEXICON_FILE, load_lexicon
from assistant.interview.template import TEMPLATE_FILE, load_template
from assistant.settings import PROJECT_ROOT, Settings
from tests.fakes import HashingEmbedder

PROMPTS = PROJECT_ROOT / "prompts"
CORE_IDS = ["before_craving", "where", "who", "feeling", "body", "routine"]
IDTS = {
    "unpleasant_emotions",
    "physical_discomfort",
    "pleasant_emotions",
    "testing_personal_control",
    "urges_and_temptations",
    "conflict_with_others",
    "social_pressure_to_use",
    "pleasant_times_with_others",
}


def test_template_shipped_has_the_core_questions_as_repeatable_episode_questions() -> None:
    template = load_template(PROMPTS)
    episode_ids = [q.id for q in template.episode.questions]
    assert set(CORE_IDS) <= set(episode_ids)
    assert all(template.question(qid).required for qid in CORE_IDS)
    assert all(template.repeats(qid) for qid in CORE_IDS)


def test_template_shipped_grounds_the_structure_in_the_instruments() -> None:
    template = load_template(PROMPTS)
    assert template.situation_ids() == IDTS
    assert [s.id for s in template.sequence] == [
        "cue",
        "prediction",
        "craving",
        "narrowed_attention",
        "habit",
        "drug_seeking",
        "use",
    ]
    kinds = {q.id: q.kind for q in template.questions}
    assert kinds["craving_strength"] == "scale"
    assert {kinds[f"confidence_{n}"] for n in (1, 2, 3)} == {"percent"}
    plan_ids = {q.id for q in template.plan.questions}
    assert {"warning_signs", "high_risk_times", "supports", "after_lapse"} <= plan_ids
    sections = {q.map_section for q in template.episode.questions if q.map_section}
    assert any("CRA" in s for s in sections) and any("DBT" in s for s in sections)


def test_template_shipped_offers_the_quick_picks_clinicians_expect() -> None:
    template = load_template(PROMPTS)
    picks = {p for q in template.questions for p in q.quick_picks}
    assert {"argument", "payday", "bar", "loneliness", "withdrawal"} <= picks
    assert all(q.why.strip() and q.prompt.strip() for q in template.questions)


def test_lexicon_shipped_loads_with_the_templates_situations() -> None:
    lexicon = load_lexicon(PROMPTS, IDTS)
    assert set(lexicon.categories) == {
        "place",
        "people",
        "time",
        "event",
        "sensory",
        "emotion",
        "body",
        "thought",
    }


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS, target)
    return target


def rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def question(data: dict[str, Any], question_id: str) -> dict[str, Any]:
    return next(q for q in data["episode"]["questions"] if q["id"] == question_id)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda d: question(d, "where").update(kind="free"),
            "episode.questions[where].kind",
            "Input should be 'text', 'scale', 'percent' or 'choice'",
        ),
        (
            lambda d: question(d, "body").update(colour="red"),
            "episode.questions[body].colour",
            "Extra inputs are not permitted",
        ),
        (
            lambda d: question(d, "who").pop("why"),
            "episode.questions[who].why",
            "Field required",
        ),
        (
            lambda d: question(d, "craving_strength").update(quick_picks=["low", "high"]),
            "episode.questions[craving_strength]",
            "a scale question takes a number",
        ),
        (
            lambda d: question(d, "routine").update(stage="habbit"),
            "episode.questions[routine].stage",
            "unknown stage 'habbit'",
        ),
        (
            lambda d: question(d, "feeling").update(id="where"),
            "question ids",
            "'where' is used twice",
        ),
        (
            lambda d: d["upstream"][0].update(categories=["places"]),
            "upstream[cues].categories[0]",
            "Input should be 'place'",
        ),
    ],
)
def test_template_broken_names_file_and_field(
    prompts: Path, change: Callable[[dict[str, Any]], None], field: str, message: str
) -> None:
    rewrite(prompts / TEMPLATE_FILE, change)
    with pytest.raises(TemplateError) as caught:
        load_template(prompts)
    text = str(caught.value)
    assert text.startswith(f"{prompts / TEMPLATE_FILE}: ")
    assert field in text and message in text


def test_template_not_yaml_says_where(prompts: Path) -> None:
    (prompts / TEMPLATE_FILE).write_text("id: x\nepisode: [unclosed\n")
    with pytest.raises(TemplateError, match=r"interview\.yaml: is not valid YAML \(line 3"):
        load_template(prompts)


def test_template_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"interview\.yaml: cannot be read"):
        load_template(tmp_path)


def test_lexicon_unknown_situation_names_file_and_entry(prompts: Path) -> None:
    def tag_payday_wrongly(data: dict[str, Any]) -> None:
        payday = data["categories"]["event"]["entries"][0]
        payday["situations"] = ["money_trouble"]

    rewrite(prompts / LEXICON_FILE, tag_payday_wrongly)
    with pytest.raises(TemplateError) as caught:
        load_lexicon(prompts, IDTS)
    assert str(caught.value) == (
        f"{prompts / LEXICON_FILE}: categories.event.entries[payday].situations: "
        "unknown situation 'money_trouble'"
    )


def test_lexicon_bad_pattern_is_refused(prompts: Path) -> None:
    rewrite(
        prompts / LEXICON_FILE,
        lambda d: d["categories"]["time"]["entries"].append({"patterns": ["(unclosed"]}),
    )
    with pytest.raises(TemplateError, match=r"categories\.time\.entries\[\d+\].*not a valid regex"):
        load_lexicon(prompts, IDTS)


def test_engine_fails_at_start_with_a_broken_template(prompts: Path, settings: Settings) -> None:
    rewrite(prompts / TEMPLATE_FILE, lambda d: question(d, "where").update(kind="free"))
    broken = settings.model_copy(update={"prompts_dir": prompts})
    with pytest.raises(TemplateError, match=r"episode\.questions\[where\]\.kind"):
        Engine.from_settings(broken, embedder=HashingEmbedder())


def test_engine_fails_at_start_with_a_broken_lexicon(prompts: Path, settings: Settings) -> None:
    """Listing sessions reads no lexicon, but the engine (console, Slack, ask) still checks it
    when it starts, as it checks the template."""
    rewrite(
        prompts / LEXICON_FILE,
        lambda d: d["categories"]["time"]["entries"].append({"patterns": ["(unclosed"]}),
    )
    broken = settings.model_copy(update={"prompts_dir": prompts})
    with pytest.raises(TemplateError, match=r"not a valid regex"):
        Engine.from_settings(broken, embedder=HashingEmbedder())
