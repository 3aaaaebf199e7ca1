#!/usr/bin/env bash
# Set up if needed, start PostgreSQL and a Chroma server on loopback, then lint and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
source scripts/services.sh
.venv/bin/python -m pytest "$@"
