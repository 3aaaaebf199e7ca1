"""The safety card and the PHI notices as the terminal shows them."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from assistant.safety import SafetyCard
from assistant.screening import ScreenedQuestion


def print_card(console: Console, card: SafetyCard) -> None:
    """The card wraps at any width, never cut: `soft_wrap=False` even on a soft-wrapping
    console (stderr's is), because soft wrap makes rich crop a panel's lines at its border;
    a word longer than the panel is folded onto the next line."""
    panel = Panel(escape(card.to_text()), title="⚠ safety", border_style="red")
    console.print(panel, soft_wrap=False, overflow="fold")


def print_screening(console: Console, screened: ScreenedQuestion) -> None:
    """Before an answer: the safety card for crisis language, the notice for identifiers."""
    if screened.card is not None:
        print_card(console, screened.card)
    if screened.phi_notice:
        console.print(f"[yellow]{escape(screened.phi_notice)}[/yellow]")
