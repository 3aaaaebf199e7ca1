"""`cuemap bench`: ingest, latency, cold start, Slack acknowledgement, memory and scale."""
