"""The interview in the terminal: one question at a time, with back, skip and "why?" anywhere.

Every answer is committed by the service before the next question is shown, so closing the
terminal (or end of input) only pauses the session: `cuemap interview resume ID` goes on.
An answer or label holding identifiers is not stored: the clinician rephrases it or accepts the
redacted version. Crisis language shows the safety card, which must be confirmed to go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape

from assistant.cli.cue_review import review_cues
from assistant.cli.render import print_answer
from assistant.cli.safety_render import print_card
from assistant.errors import CueMapError, PhiFoundError
from assistant.interview.models import CueMap, Owner, QuestionView, SessionView

if TYPE_CHECKING:
    from assistant.interview.service import InterviewService

HELP = (
    "Type the answer, or the number of a suggestion. At any question: [bold]back[/bold], "
    "[bold]skip[/bold], [bold]why[/bold] (why we ask, with sources), [bold]another[/bold] "
    "(map another craving episode), [bold]finish[/bold], [bold]pause[/bold], [bold]help[/bold]. "
    'To answer with one of these words, put it in quotes: "back".'
)
COMMANDS = {
    "back": "back",
    "b": "back",
    "skip": "skip",
    "s": "skip",
    "why": "why",
    "why?": "why",
    "?": "why",
    "another": "another",
    "episode": "another",
    "finish": "finish",
    "done": "finish",
    "pause": "pause",
    "quit": "pause",
    "exit": "pause",
    "help": "help",
}


@dataclass
class InterviewLoop:
    service: InterviewService
    owner: Owner
    console: Console
    ask: Callable[[str], str]
    resume_command: str = "cuemap interview resume"  # the console's own is "interview resume"

    def start(self, label: str) -> SessionView:
        """A new session; a label holding identifiers is rephrased or used redacted."""
        try:
            return self.service.start(self.owner, label)
        except PhiFoundError as found:
            if self._accept_redacted(found):
                return self.service.start(self.owner, found.redacted, phi="redact")
            again = self._read("Pseudonymous label (e.g. Pt-A; never a name)")
            if again is None:
                raise
            return self.start(again)

    def run(self, view: SessionView) -> CueMap | None:
        """Walk the session to the end; the cue map when finished, None when paused."""
        self.console.print(f"\n[bold]Interview {escape(view.label)}[/bold] ({view.session_id})")
        self.console.print(HELP)
        while True:
            if view.safety is not None:
                confirmed = self._confirm_safety(view)
                if confirmed is None:
                    return self._pause(view)
                view = confirmed
            if view.question is None:
                line = self._read("\nEvery question has been visited. Enter to finish")
                if line is None:
                    return self._pause(view)
                if not line.strip() and (finished := self._finish(view)) is not None:
                    return finished
                if not line.strip():
                    continue
            else:
                self._show(view.question)
                line = self._read("answer")
                if line is None:
                    return self._pause(view)
            outcome = self._handle(view, line)
            if isinstance(outcome, SessionView) and outcome.safety is not None:
                outcome = self._confirm_safety(outcome)
                if outcome is None:
                    return self._pause(view)
            if isinstance(outcome, SessionView):
                view = self._offer_episode(view, outcome)
            elif outcome == "finish" and (finished := self._finish(view)) is not None:
                return finished
            elif outcome == "pause":
                return self._pause(view)

    def _read(self, prompt: str) -> str | None:
        try:
            return self.ask(prompt)
        except (EOFError, KeyboardInterrupt):
            return None

    def _handle(self, view: SessionView, line: str) -> SessionView | str | None:
        word = line.strip().lower().lstrip(":/")
        command = COMMANDS.get(word)
        try:
            if command == "back":
                return self.service.back(self.owner, view.session_id)
            if command == "skip":
                return self.service.skip(self.owner, view.session_id)
            if command == "another":
                return self.service.add_episode(self.owner, view.session_id)
            if command == "why":
                self._why(view.question)
                return None
            if command == "help":
                self.console.print(HELP)
                return None
            if command in ("finish", "pause"):
                return command
            return self._answer(view, line)
        except CueMapError as exc:
            self.console.print(f"[red]{escape(str(exc))}[/red]")
            return None

    def _answer(self, view: SessionView, line: str) -> SessionView | None:
        question = view.question
        if question is None:
            self.console.print("Type back or another, or press Enter to finish.")
            return None
        text = _unquoted(line.strip())
        if not text:
            if question.current_answer is None:
                self.console.print("Type an answer, or skip.")
                return None
            return self.service.skip(self.owner, view.session_id)  # keeps the answer
        try:
            return self.service.answer(
                self.owner, view.session_id, question.id, text, question.episode
            )
        except PhiFoundError as found:
            if not self._accept_redacted(found):
                self.console.print("Not saved. Type the answer again without identifiers.")
                return None
            return self.service.answer(
                self.owner, view.session_id, question.id, found.redacted, question.episode, "redact"
            )

    def _accept_redacted(self, found: PhiFoundError) -> bool:
        """Show only the redacted version (never the identifiers) and ask to use it."""
        self.console.print(f"[yellow]{escape(str(found))}[/yellow]")
        self.console.print(f"  redacted: {escape(found.redacted)}", highlight=False)
        line = self._read("Use the redacted version? (y = use it, n = rephrase)")
        return line is not None and line.strip().lower() in ("y", "yes")

    def _confirm_safety(self, view: SessionView) -> SessionView | None:
        """The safety card until the clinician confirms it (None: input ended; still pending)."""
        assert view.safety is not None
        print_card(self.console, view.safety)
        while True:
            line = self._read(f"{view.safety.confirm}: type yes to go on")
            if line is None:
                return None
            if line.strip().lower() in ("y", "yes"):
                return self.service.confirm_safety(self.owner, view.session_id)

    def _offer_episode(self, before: SessionView, after: SessionView) -> SessionView:
        """On leaving the last episode question for the plan, offer another episode first."""
        leaving = before.question is not None and before.question.episode is not None
        entering = after.question is not None and after.question.episode is None
        if not (leaving and entering):
            return after
        assert before.question is not None and before.question.episode is not None
        self._review(after.session_id, before.question.episode)
        line = self._read("\nMap another craving episode before the plan? (y/N)")
        if line and line.strip().lower() in ("y", "yes"):
            return self.service.add_episode(self.owner, after.session_id)
        return after

    def _show(self, question: QuestionView) -> None:
        where = f"Episode {question.episode}" if question.episode else question.section
        self.console.print(
            f"\n[dim]{escape(where)} · {question.position}/{question.total} · "
            f"{escape(question.label)}[/dim]"
        )
        self.console.print(f"[bold]{escape(question.prompt)}[/bold]")
        if question.hint:
            self.console.print(f"  [dim]e.g. {escape(question.hint)}[/dim]")
        if question.quick_picks:
            picks = "  ".join(f"[{n}] {escape(p)}" for n, p in enumerate(question.quick_picks, 1))
            self.console.print(f"  {picks}", highlight=False)
        if question.current_answer is not None:
            self.console.print(
                f"  [dim]current answer: {escape(question.current_answer)} (Enter keeps it)[/dim]"
            )

    def _why(self, question: QuestionView | None) -> None:
        if question is None:
            return
        self.console.print(f"\n[bold]Why we ask:[/bold] {escape(question.label)}")
        print_answer(self.console, self.service.why(question.id))

    def _review(self, session_id: str, episode: int) -> None:
        """The episode's cues for the clinician to keep, remove, re-categorise or add to."""
        review_cues(self.service, self.owner, session_id, episode, self.console, self.ask)

    def _finish(self, view: SessionView) -> CueMap | None:
        """Finish after the cues of every episode are confirmed; an unanswered plan is said
        and finishing then needs a yes (the map will say it is not complete)."""
        for episode in range(1, view.episodes + 1):
            if not self.service.cue_review(self.owner, view.session_id, episode).confirmed:
                self._review(view.session_id, episode)
        if not self.service.plan_answered(self.owner, view.session_id):
            self.console.print("[yellow]The relapse-prevention plan is unanswered.[/yellow]")
            line = self._read("Finish anyway? The map will be marked not complete (y/N)")
            if not line or line.strip().lower() not in ("y", "yes"):
                self.console.print("Not finished: go back to the plan, or pause.")
                return None
        cue_map = self.service.finish(self.owner, view.session_id)
        note = self.service.export(self.owner, view.session_id, "markdown")
        self.console.print()
        self.console.print(Markdown(note.content))
        return cue_map

    def _pause(self, view: SessionView) -> CueMap | None:
        """Nothing to save (every answer already is): say how to resume; no cue map."""
        self.console.print("\nPaused; every answer is saved. Resume with:")
        self.console.print(f"  {self.resume_command} {view.session_id}", soft_wrap=True)
        return None


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1].strip()
    return text
