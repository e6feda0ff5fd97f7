#!/usr/bin/env bash
# Rebuilds events/seeds.ndjson: `ingest seeds` into a fresh store, SOURCE_DATE_EPOCH=1767225600.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product chancery >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p events
export SOURCE_DATE_EPOCH=1767225600
bin=$(swift build --show-bin-path)/chancery
"$bin" --store "$tmp/s.sqlite" ingest seeds
"$bin" --store "$tmp/s.sqlite" export --output events/seeds.ndjson
echo "wrote events/seeds.ndjson ($(wc -l < events/seeds.ndjson) events)"
