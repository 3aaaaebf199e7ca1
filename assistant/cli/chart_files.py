"""Charts on disk for the terminal: the relapse chain beside the session's note, comparisons.

Files go to `<data dir>/exports/` (next to the database, readable by the clinician only),
recorded under the sessions they show so that erasing a session erases them
(assistant/interview/saved_files.py), unless a path is given. Every path written is returned
so the command can print it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.charts import Chart
from assistant.cli.runtime import escape
from assistant.interview.models import CueMap, Owner
from assistant.interview.saved_files import PRIVATE_DIR, PRIVATE_FILE, SavedFiles

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.interview.service import InterviewService


def saved_files(service: InterviewService) -> SavedFiles:
    if service.files is None:
        raise RuntimeError("this interview service saves no files")
    return service.files


def write_chart(
    chart: Chart, path: Path | None, files: SavedFiles | None, session_ids: list[str]
) -> Path:
    """`chart` to `path`, or under its own file name in the exports folder, recorded under
    the sessions it shows."""
    if path is not None:
        return _write(path, chart.content)
    if files is None:
        raise ValueError("a chart needs a path or the exports folder")
    return files.write(chart.filename, chart.content, session_ids)


def save_finished(
    service: InterviewService, owner: Owner, cue_map: CueMap, files: SavedFiles
) -> list[Path]:
    """The Markdown note with the chain drawn in it (SVG), and the chain as PNG and SVG."""
    note = service.export(owner, cue_map.session_id, "markdown")
    from assistant.charts.chain import chain_chart  # matplotlib: only here

    png, svg = chain_chart(cue_map, "png"), chain_chart(cue_map, "svg")
    picture = f"\n## Relapse chain\n\n![Relapse chain]({svg.filename})\n"
    text = (note.content.rstrip("\n") + "\n" + picture).encode()
    ids = [cue_map.session_id]
    return [
        files.write(note.filename, text, ids),
        files.write(png.filename, png.content, ids),
        files.write(svg.filename, svg.content, ids),
    ]


def announce_saved(
    console: Console,
    service: InterviewService,
    owner: Owner,
    cue_map: CueMap | None,
) -> None:
    """After an interview: save the note and its pictures, and say where (nothing if paused)."""
    if cue_map is None:
        return
    paths = save_finished(service, owner, cue_map, saved_files(service))
    console.print("\nSaved the note and the relapse-chain picture:")
    for path in paths:
        console.print(f"  {escape(str(path))}", highlight=False, soft_wrap=True)


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    path.write_bytes(content)
    path.chmod(PRIVATE_FILE)
    return path
