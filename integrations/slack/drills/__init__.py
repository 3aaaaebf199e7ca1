"""Reliability drills against the real HTTP app (`cuemap serve` under gunicorn, in its own
process) and a fake Slack Web API on 127.0.0.1: load, crash and restart, two processes on one
database. Run them with `scripts/loadtest.py`; the tests in tests/reliability run them too."""
