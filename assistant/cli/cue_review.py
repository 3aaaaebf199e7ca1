"""The end of an episode in the terminal: the cues found, numbered, for the clinician to confirm.

1. pub (place) · “at the pub” · Pleasant times with others
r 2        remove cue 2            c 3 emotion   re-categorise cue 3
a body headache   add a cue        Enter         keep them (confirm)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from assistant.errors import CueMapError, InvalidAnswerError
from assistant.interview.models import CATEGORY_KINDS, NONE_FITS, Cue, CueReview, Owner

if TYPE_CHECKING:  # the service (its store, its models) loads with the command that uses it
    from assistant.interview.service import InterviewService

HELP = (
    "Enter keeps these cues. [bold]r N[/bold] removes cue N, [bold]c N CATEGORY[/bold] "
    "re-categorises it, [bold]a CATEGORY words[/bold] adds one. Categories: "
    + ", ".join(CATEGORY_KINDS)
    + "."
)


def review_cues(
    service: InterviewService,
    owner: Owner,
    session_id: str,
    episode: int,
    console: Console,
    ask: Callable[[str], str],
) -> CueReview | None:
    """Show the episode's cues until the clinician keeps them (None: input ended first)."""
    review = service.cue_review(owner, session_id, episode)
    while True:
        _show(console, review)
        try:
            line = ask("cues")
        except (EOFError, KeyboardInterrupt):
            return None
        if not line.strip():
            return service.confirm_cues(owner, session_id, episode)
        try:
            review = _edit(service, owner, session_id, review, line.strip())
        except CueMapError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]")


def _show(console: Console, review: CueReview) -> None:
    cues = review.standing()
    console.print(f"\n[bold]Cues found in episode {review.episode}[/bold]")
    if not cues:
        console.print("  none found")
    for n, cue in enumerate(cues, 1):
        said = f" · “{escape(cue.wording)}”" if cue.wording and cue.wording != cue.text else ""
        tags = "none fits" if cue.situation_tags == [NONE_FITS] else ", ".join(cue.situation_tags)
        console.print(
            f"  {n}. {escape(cue.text)} ({cue.category}){said} · IDTS: {tags}", highlight=False
        )
    console.print(HELP)


def _edit(
    service: InterviewService, owner: Owner, session_id: str, review: CueReview, line: str
) -> CueReview:
    action, _, rest = line.partition(" ")
    action = action.lower()
    if action == "a":
        category, _, text = rest.strip().partition(" ")
        return service.add_cue(owner, session_id, review.episode, category.lower(), text)
    number, _, category = rest.strip().partition(" ")
    cue = _numbered(review, number)
    if action == "r":
        return service.remove_cue(owner, session_id, cue.id or 0)
    if action == "c":
        return service.recategorise_cue(owner, session_id, cue.id or 0, category.strip().lower())
    raise _usage()


def _numbered(review: CueReview, number: str) -> Cue:
    cues = review.standing()
    if not number.isdigit() or not 1 <= int(number) <= len(cues):
        raise _usage()
    return cues[int(number) - 1]


def _usage() -> CueMapError:
    return InvalidAnswerError("Type r N, c N CATEGORY, a CATEGORY words, or Enter to keep them.")
