#!/usr/bin/env bash
# Re-render docs/chain-example.png and docs/compare-example.png from the scripted sessions in
# this folder, through the real `cuemap` command in a throwaway data dir (offline).
set -euo pipefail
cd "$(dirname "$0")/../.."
CUEMAP_DATA_DIR=$(mktemp -d /tmp/cuemap-examples.XXXXXX)
export CUEMAP_DATA_DIR
trap 'rm -rf "$CUEMAP_DATA_DIR"' EXIT
for n in 1 2 3; do
  .venv/bin/cuemap interview --answers "docs/examples/pt-a-session-$n.json" --save \
    --format json --out "$CUEMAP_DATA_DIR/session-$n.json"
done
.venv/bin/cuemap interview --answers docs/examples/pt-a-session-1.json --format png \
  --out docs/chain-example.png
.venv/bin/cuemap compare Pt-A --out docs/compare-example.png
