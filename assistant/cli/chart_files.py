"""Charts on disk for the terminal: the relapse chain beside the session's note, comparisons.

Files go to `<data dir>/exports/` (next to the database, readable by the clinician only) unless
a path is given. Every path written is returned so the command can print it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from assistant.charts import Chart
from assistant.interview.models import CueMap, Owner
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.interview.service import InterviewService

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


def exports_dir(settings: Settings) -> Path:
    return settings.data_dir / "exports"


def write_chart(chart: Chart, path: Path | None, directory: Path) -> Path:
    """`chart` to `path`, or under its own file name in `directory`."""
    return _write(path or directory / chart.filename, chart.content)


def save_finished(
    service: InterviewService, owner: Owner, cue_map: CueMap, directory: Path
) -> list[Path]:
    """The Markdown note with the chain drawn in it (SVG), and the chain as PNG and SVG."""
    note = service.export(owner, cue_map.session_id, "markdown")
    from assistant.charts.chain import chain_chart  # matplotlib: only here

    png, svg = chain_chart(cue_map, "png"), chain_chart(cue_map, "svg")
    picture = f"\n## Relapse chain\n\n![Relapse chain]({svg.filename})\n"
    return [
        _write(directory / note.filename, (note.content.rstrip("\n") + "\n" + picture).encode()),
        write_chart(png, None, directory),
        write_chart(svg, None, directory),
    ]


def announce_saved(
    console: Console,
    service: InterviewService,
    owner: Owner,
    cue_map: CueMap | None,
    settings: Settings,
) -> None:
    """After an interview: save the note and its pictures, and say where (nothing if paused)."""
    if cue_map is None:
        return
    paths = save_finished(service, owner, cue_map, exports_dir(settings))
    console.print("\nSaved the note and the relapse-chain picture:")
    for path in paths:
        console.print(f"  {escape(str(path))}", highlight=False, soft_wrap=True)


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    path.write_bytes(content)
    path.chmod(PRIVATE_FILE)
    return path
