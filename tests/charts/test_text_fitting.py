"""The patient's words fitted into the picture: wrapped, cut with "…", counted if left out."""

from __future__ import annotations

import re

from assistant.charts.cue_lines import cue_lines, episode_mark
from assistant.charts.text import fits_in, shorten, wrap
from assistant.interview import Cue


def _chars(n: int):
    return lambda line: len(line) <= n


def _cue(category: str, text: str, episode: int = 1) -> Cue:
    kind = "internal" if category in ("emotion", "body", "thought") else "external"
    return Cue(category, kind, text, "before_craving", episode)


def test_fitting_short_text_is_left_as_it_is() -> None:
    assert shorten("  the   pub ", _chars(20)) == "the pub"
    assert wrap("the pub", _chars(20), 2) == ["the pub"]


def test_fitting_cuts_at_a_word_and_ends_with_an_ellipsis() -> None:
    assert shorten("walking past the off-licence on the corner", _chars(20)) == "walking past the…"
    lines = wrap("walking past the off-licence on the corner of the high street", _chars(16), 2)
    assert lines == ["walking past the", "off-licence on…"]
    assert all(len(line) <= 16 for line in lines)


def test_fitting_a_word_longer_than_the_line_is_cut_not_overflowing() -> None:
    lines = wrap("Supercalifragilisticexpialidocious feeling", _chars(12), 3)
    assert lines == ["Supercalifr…", "feeling"]


def test_fitting_breaks_stage_names_at_hyphens_when_asked() -> None:
    assert wrap("Drug-seeking", _chars(8), 2, at_hyphens=True) == ["Drug-", "seeking"]
    assert wrap("Drug-seeking", _chars(20), 2, at_hyphens=True) == ["Drug-seeking"]


def test_fitting_measures_real_glyph_widths() -> None:
    fits = fits_in(60, 12, 100)
    assert fits("iiiiiiii")
    assert not fits("WWWWWWWW")  # same number of letters, far wider
    assert shorten("WWWWWWWWWW", fits).endswith("…")


def test_cue_lines_every_cue_is_shown_or_counted_in_plus_n_more() -> None:
    places = [_cue("place", f"place {n}") for n in range(12)]
    people = [_cue("people", f"person {n}") for n in range(7)]

    lines = cue_lines({"place": places, "people": people}, {}, 5, _chars(26))

    assert len(lines) == 5
    assert [line.category for line in lines if line.category] == ["Place", "People"]
    shown = sum(len(re.findall(r"(?:place|person) \d+", line.text)) for line in lines)
    hidden = sum(int(n) for line in lines for n in re.findall(r"\+(\d+) more", line.text))
    assert shown + hidden == len(places) + len(people)
    assert all(len(line.text) <= 26 for line in lines)


def test_cue_lines_one_cue_a_line_while_there_is_room() -> None:
    cues = [_cue("emotion", "lonely"), _cue("emotion", "angry", 2), _cue("body", "shaky")]
    marks = {cue.key: episode_mark([cue.episode]) for cue in cues}

    lines = cue_lines({"emotion": cues[:2], "body": cues[2:]}, marks, 6, _chars(30))

    assert [(line.category, line.text) for line in lines] == [
        ("Emotion", "lonely ¹"),
        ("", "angry ²"),
        ("Body", "shaky ¹"),
    ]


def test_episode_marks_stay_readable_past_nine_episodes() -> None:
    assert episode_mark([2, 1]) == " ¹²"
    assert episode_mark([1, 10]) == " ¹·¹⁰"
