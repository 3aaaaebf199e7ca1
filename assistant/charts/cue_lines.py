"""The text of the picture: cues packed into lines per category, stage answers into a box.

Everything here is plain strings, so what the picture says can be tested without drawing it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.charts.text import Fits, shorten, wrap
from assistant.interview.models import Cue, CueMap, SequenceStage

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SEPARATOR = ", "
MAX_ANSWER_LINES = 3
GAP_SHARE = 0.4


@dataclass(frozen=True)
class CueLine:
    category: str  # shown on the first line of a category only
    text: str


def episode_mark(episodes: Iterable[int]) -> str:
    """' ¹²' for a cue said in episodes 1 and 2 (' ¹·¹⁰' once numbers have two digits)."""
    numbers = sorted(set(episodes))
    joiner = "·" if numbers and numbers[-1] >= 10 else ""
    return " " + joiner.join(str(n).translate(SUPERSCRIPT) for n in numbers)


def episode_marks(cue_map: CueMap) -> dict[tuple[str, str], str]:
    """Each distinct cue's episode mark; none when the session has a single episode."""
    if cue_map.episodes <= 1:
        return {}
    seen: dict[tuple[str, str], set[int]] = {}
    for cue in cue_map.cues:
        seen.setdefault(cue.key, set()).add(cue.episode)
    return {key: episode_mark(episodes) for key, episodes in seen.items()}


def cue_lines(
    groups: dict[str, list[Cue]], marks: dict[tuple[str, str], str], max_lines: int, fits: Fits
) -> list[CueLine]:
    """Cues by category, at most `max_lines`: one a line when there is room, else joined with
    commas ('Place  pub, bar'); '+N more' where some had to be left out."""
    items = {
        category: [_item(c, marks.get(c.key, ""), fits) for c in cues]
        for category, cues in groups.items()
        if cues
    }
    one_a_line = sum(len(found) for found in items.values()) <= max_lines
    packed = {
        c: [[i] for i in found] if one_a_line else _pack(found, fits) for c, found in items.items()
    }
    allotted = _allot({c: len(lines) for c, lines in packed.items()}, max_lines)
    out: list[CueLine] = []
    for category, lines in packed.items():
        if category not in allotted:
            continue
        kept = _fit(lines, allotted[category], fits)
        out += [CueLine(category.capitalize() if n == 0 else "", t) for n, t in enumerate(kept)]
    hidden = len(packed) - len(allotted)
    if hidden and out:
        more = sum(len(line) for c in packed if c not in allotted for line in packed[c])
        tail = f" +{more} more"
        out[-1] = CueLine(out[-1].category, _ending_with(out[-1].text, tail, fits))
    return out


def stage_lines(
    stage: SequenceStage, episodes: int, fits: Fits, max_lines: float
) -> list[list[str]]:
    """What was said at a stage, each answer once (marked by episode), wrapped to fit: one list
    of lines per answer. A gap between answers costs GAP_SHARE of a line of `max_lines`."""
    said: dict[str, tuple[str, set[int]]] = {}
    for item in stage.items:
        text, seen = said.setdefault(item.text.lower(), (item.text, set()))
        seen.add(item.episode)
    shown: list[list[str]] = []
    used = 0.0
    each = max(MAX_ANSWER_LINES, int(max_lines) // max(len(said), 1))  # a lone answer gets room
    for text, seen in said.values():
        room = int(max_lines - used - (GAP_SHARE if shown else 0))
        if room <= 0:
            break
        mark = episode_mark(seen) if episodes > 1 else ""
        shown.append(wrap(text + mark, fits, min(room, each)))
        used += len(shown[-1]) + (GAP_SHARE if len(shown) > 1 else 0)
    hidden = len(said) - len(shown)
    if hidden:
        shown[-1][-1] = _ending_with(shown[-1][-1], f" +{hidden} more", fits)
    return shown


def _item(cue: Cue, mark: str, fits: Fits) -> str:
    """The cue's text with its episode mark, short enough to fit a line."""
    return shorten(cue.text, lambda text: fits(text + mark)) + mark


def _pack(items: list[str], fits: Fits) -> list[list[str]]:
    """Items joined with commas into lines that fit; an item is never split across lines."""
    lines: list[list[str]] = []
    for item in items:
        if lines and fits(SEPARATOR.join([*lines[-1], item]) + ","):
            lines[-1].append(item)
        else:
            lines.append([item])
    return lines


def _allot(needs: dict[str, int], max_lines: int) -> dict[str, int]:
    """Lines per category: one each in order while they last, then more to those that need it."""
    allotted = {c: 1 for c in list(needs)[: max(max_lines, 0)]}
    spare = max_lines - len(allotted)
    while spare > 0 and any(allotted[c] < needs[c] for c in allotted):
        for category in allotted:
            if spare > 0 and allotted[category] < needs[category]:
                allotted[category] += 1
                spare -= 1
    return allotted


def _fit(lines: list[list[str]], allowed: int, fits: Fits) -> list[str]:
    """The first `allowed` lines; the last one ends in '+N more' when items were left out."""
    kept = [list(line) for line in lines[:allowed]]
    hidden = sum(len(line) for line in lines[allowed:])
    while hidden:
        tail = f" +{hidden} more"
        if fits(SEPARATOR.join(kept[-1]) + tail):
            kept[-1][-1] += tail
            break
        if len(kept[-1]) == 1:
            kept[-1][0] = _ending_with(kept[-1][0], tail, fits)
            break
        kept[-1].pop()
        hidden += 1
    return [SEPARATOR.join(line) for line in kept]


def _ending_with(text: str, tail: str, fits: Fits) -> str:
    """`text`, shortened as needed, then `tail`, on one line that fits."""
    return shorten(text, lambda line: fits(line + tail)) + tail
