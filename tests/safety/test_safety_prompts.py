"""The safety prompt files load strictly: a mistake names the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assistant.errors import PromptFileError
from assistant.safety import SafetyGuard
from assistant.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "prompts"


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    target.mkdir()
    for name in ("safety.yaml", "crisis_resources.yaml"):
        shutil.copy(SHIPPED / name, target / name)
    return target


def edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")


def test_prompts_shipped_files_load_for_every_region() -> None:
    for region in ("US", "UK", "AU"):
        guard = SafetyGuard.load(SHIPPED, region)
        assert guard.region.resources


def test_prompts_extra_field_is_named(prompts: Path) -> None:
    edit(prompts / "safety.yaml", lambda d: d["card"].update(colour="red"))
    with pytest.raises(PromptFileError, match=r"safety\.yaml: card\.colour: Extra inputs"):
        SafetyGuard.load(prompts)


def test_prompts_broken_regex_is_named(prompts: Path) -> None:
    edit(prompts / "safety.yaml", lambda d: d["lexicon"]["overdose"]["patterns"].append("(od"))
    with pytest.raises(
        PromptFileError,
        match=r"safety\.yaml: .*lexicon\.overdose\.patterns\[\d+\]: .*regular expression",
    ):
        SafetyGuard.load(prompts)


def test_prompts_unknown_fragment_is_named(prompts: Path) -> None:
    edit(prompts / "safety.yaml", lambda d: d["lookalikes"].append(r"\bkill {NOPE}"))
    with pytest.raises(PromptFileError, match=r"lookalikes\.\d+: unknown fragment \{NOPE\}"):
        SafetyGuard.load(prompts)


def test_prompts_fragment_built_from_other_fragments_and_a_loop_is_named(prompts: Path) -> None:
    def loop(d: dict) -> None:  # type: ignore[type-arg]
        d["fragments"].update(A="(?:{B}|x)", B="(?:{A}|y)")
        d["lookalikes"].append(r"\b{A}\b")

    edit(prompts / "safety.yaml", loop)
    with pytest.raises(PromptFileError, match=r"fragments\.[AB]: refers to itself"):
        SafetyGuard.load(prompts)


def test_prompts_missing_kind_is_named(prompts: Path) -> None:
    edit(prompts / "safety.yaml", lambda d: d["lexicon"].pop("self_harm"))
    with pytest.raises(PromptFileError, match=r"lexicon\.self_harm: Field required"):
        SafetyGuard.load(prompts)


def test_prompts_resource_for_unknown_kind_is_named(prompts: Path) -> None:
    def add_bad_kind(data: dict) -> None:  # type: ignore[type-arg]
        data["regions"]["US"]["resources"][0]["kinds"] = ["gambling"]

    edit(prompts / "crisis_resources.yaml", add_bad_kind)
    with pytest.raises(
        PromptFileError, match=r"crisis_resources\.yaml: regions\.US\.resources\[0\]\.kinds\[0\]"
    ):
        SafetyGuard.load(prompts)


def test_prompts_missing_file_and_bad_yaml_are_clear(prompts: Path) -> None:
    (prompts / "crisis_resources.yaml").unlink()
    with pytest.raises(PromptFileError, match=r"crisis_resources\.yaml: cannot be read"):
        SafetyGuard.load(prompts)
    (prompts / "safety.yaml").write_text("lexicon: [unclosed\n", encoding="utf-8")
    with pytest.raises(PromptFileError, match=r"safety\.yaml: is not valid YAML \(line"):
        SafetyGuard.load(prompts)


def test_prompts_clinic_can_add_its_own_phrase(prompts: Path) -> None:
    edit(prompts / "safety.yaml", lambda d: d["lexicon"]["suicide"]["patterns"].append(r"\bkms\b"))
    guard = SafetyGuard.load(prompts)
    assert [hit.kind for hit in guard.check("texted her mate 'kms' at 2am")] == ["suicide"]
    assert guard.check("denies kms") == []
