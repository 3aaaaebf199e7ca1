#!/usr/bin/env bash
# Set up, build the index, then run CueMap: the Slack bot when Slack tokens are set, else the console.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/cuemap ingest
exec .venv/bin/cuemap start "$@"
