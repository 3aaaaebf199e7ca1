"""At the terminal: the chain as a file from a scripted interview, after a guided one, and
`cuemap compare` across sessions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app, runtime
from assistant.engine import Engine
from assistant.errors import NothingToCompareError
from tests.charts.conftest import ARGUMENT_EPISODE, FRIDAY_EPISODE, PLAN, png_size, svg_root


@pytest.fixture
def cuemap(fake_engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The real `cuemap` command, on the fast test engine and its temp data dir."""
    monkeypatch.setattr(runtime, "settings", lambda: fake_engine.settings)
    monkeypatch.setattr(runtime, "engine", lambda: fake_engine)
    monkeypatch.setattr(runtime, "interviews", lambda: fake_engine.interviews)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):
        result = runner.invoke(app, list(args), input=stdin, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    return invoke


def _answers(tmp_path: Path, name: str, label: str, episodes: list[dict], plan: dict) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"label": label, "episodes": episodes, "plan": plan}))
    return path


def _printed_paths(output: str, suffix: str) -> list[Path]:
    return [Path(p) for p in re.findall(rf"(/\S+{re.escape(suffix)})", output)]


def test_cli_scripted_interview_writes_the_chain_png_to_out(cuemap, tmp_path: Path) -> None:
    answers = _answers(tmp_path, "pt-a.json", "Pt-A", [FRIDAY_EPISODE, ARGUMENT_EPISODE], PLAN)

    result = cuemap("interview", "--answers", str(answers), "--format", "png", "--out", "pt-a.png")

    assert png_size((tmp_path / "pt-a.png").read_bytes()) == (1200, 800)
    assert "wrote pt-a.png" in result.output


def test_cli_saved_scripted_interview_svg_goes_to_the_exports_folder(
    cuemap, fake_engine: Engine, tmp_path: Path
) -> None:
    answers = _answers(tmp_path, "pt-a.json", "Pt-A", [FRIDAY_EPISODE], PLAN)

    result = cuemap("interview", "--answers", str(answers), "-f", "svg", "--save")

    [path] = _printed_paths(result.output, "-chain.svg")
    assert path.parent == fake_engine.settings.data_dir / "exports"
    assert path.name.startswith("cuemap-pt-a-")
    svg_root(path.read_bytes())


def test_cli_guided_interview_saves_the_picture_next_to_the_note(cuemap) -> None:
    result = cuemap(
        "interview", "--label", "Pt-A", stdin="Friday after work\nthe pub\nfinish\n\ny\n"
    )

    assert "Saved the note and the relapse-chain picture:" in result.output
    [note] = _printed_paths(result.output, ".md")
    [png] = _printed_paths(result.output, "-chain.png")
    [svg] = _printed_paths(result.output, "-chain.svg")
    assert note.parent == png.parent == svg.parent
    assert png_size(png.read_bytes()) == (1200, 800)
    assert f"![Relapse chain]({svg.name})" in note.read_text()
    assert svg.stat().st_mode & 0o077 == 0  # patient material: the clinician's eyes only


def test_cli_compare_prints_the_table_and_saves_the_chart(cuemap, tmp_path: Path) -> None:
    first = _answers(tmp_path, "1.json", "Pt-A", [FRIDAY_EPISODE], PLAN)
    second = _answers(tmp_path, "2.json", "Pt-A", [ARGUMENT_EPISODE], {"coping_1": "leave"})
    cuemap("interview", "--answers", str(first), "--save", "-f", "json", "-o", "1.out")
    cuemap("interview", "--answers", str(second), "--save", "-f", "json", "-o", "2.out")

    result = cuemap("compare", "pt-a")

    assert "session 2 compared with session 1" in result.output
    assert re.search(r"angry .* emotion .* new", result.output)
    assert re.search(r"lonely .* emotion .* resolved", result.output)
    assert "Craving strength" in result.output and "8 → 5" in result.output
    [chart] = _printed_paths(result.output, "-compare.png")
    assert "Chart saved to" in result.output
    assert png_size(chart.read_bytes()) == (1200, 700)

    as_svg = cuemap("compare", "Pt-A", "--format", "svg", "--out", "change.svg")
    svg_root((tmp_path / "change.svg").read_bytes())
    assert "Chart saved to change.svg" in as_svg.output

    in_console = cuemap("console", stdin="compare Pt-A\nquit\n")
    assert "Chart saved to" in in_console.output


def test_cli_compare_with_a_single_session_says_so(cuemap, tmp_path: Path) -> None:
    only = _answers(tmp_path, "1.json", "Pt-A", [FRIDAY_EPISODE], PLAN)
    cuemap("interview", "--answers", str(only), "--save", "-f", "json", "-o", "1.out")

    with pytest.raises(NothingToCompareError, match="only one finished session"):
        cuemap("compare", "Pt-A")
