"""Clients that send headers and never finish the body do not starve acknowledgements.

`cuemap serve` runs as production runs it (gunicorn, its own process). Twenty clients hold
unfinished bodies for the whole test while a signed slash command, then ten at once, arrive:
each is acknowledged, the lone one in under a second, and the slow clients are still holding
at the end (they were not simply cut off first). Measured while the model is still loading
in the background, the harder moment. The full drill (50 + 50) is
`scripts/loadtest.py --slow-clients 50`.
"""

from __future__ import annotations

from pathlib import Path

from integrations.slack.drills.slow_clients import SlowClientPlan, run_slow_clients


def test_slow_clients_holding_bodies_do_not_delay_a_signed_command(tmp_path: Path) -> None:
    plan = SlowClientPlan(slow_clients=20, commands=10, model_wait_s=None)

    result = run_slow_clients(plan, tmp_path)

    assert result.holding_at_start == 20 and result.holding_at_end == 20
    assert result.lone.acknowledged and result.lone.seconds < 1.0
    assert all(d.acknowledged for d in result.burst)
    assert result.percentile(0.99) < 3.0  # Slack's own limit for an acknowledgement
