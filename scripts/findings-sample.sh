#!/bin/sh
# Samples the findings of every type from the workbook of `make compare`
# (seed 7: up to 8 Gaps rows per type, 12 Overlaps rows per kind), prints
# each with its evidence and its label from
# export/testdata/findings-labelled.csv, and the share true per type.
# See docs/accuracy.md. Extra arguments go to extract (e.g. --as-of today).
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
make -s build
rc=0
./bin/planmap extract -q "$@" -o "$OUT/" "$SHARED/corpus" "$SHARED/bench/real-docs" || rc=$?
[ "$rc" = 0 ] || [ "$rc" = 3 ]
PLANMAP_FINDINGS="$OUT" go test -count=1 -run '^TestFindingsSample$' -v ./export | grep -v '^=== RUN'
