"""The Slack app: Bolt listeners that turn payloads into core calls and results into Block Kit."""
