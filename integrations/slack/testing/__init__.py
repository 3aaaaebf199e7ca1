"""Slack's side of the wire, for the tests and the reliability drills: a fake Web API on
127.0.0.1 that records every call, and requests signed as Slack signs them."""
