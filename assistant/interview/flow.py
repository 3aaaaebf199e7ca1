"""The order of the interview and where the cursor goes next: pure functions over slots.

The interview is every episode question once per episode, episodes in order, then the plan.
A slot is visited once it is answered or skipped. After an answer or a skip the cursor moves to
the next unvisited slot after it, else the first unvisited one before it, else None: every
question has been visited and the session is ready to finish.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.interview.models import PLAN_EPISODE, Slot
from assistant.interview.template import Template


def slots(template: Template, episodes: int) -> list[Slot]:
    return [
        *(Slot(q.id, n) for n in range(1, episodes + 1) for q in template.episode.questions),
        *(Slot(q.id, PLAN_EPISODE) for q in template.plan.questions),
    ]


def first_of_episode(template: Template, episode: int) -> Slot:
    return Slot(template.episode.questions[0].id, episode)


def next_unvisited(order: Sequence[Slot], visited: set[Slot], current: Slot | None) -> Slot | None:
    start = order.index(current) + 1 if current in order else 0
    for slot in [*order[start:], *order[:start]]:
        if slot not in visited:
            return slot
    return None


def previous(order: Sequence[Slot], current: Slot | None) -> Slot:
    """One step back: from the end (cursor None) to the last question; never before the first."""
    if current not in order:
        return order[-1]
    return order[max(order.index(current) - 1, 0)]
