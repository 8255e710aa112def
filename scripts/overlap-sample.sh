#!/bin/sh
# Samples the Overlaps pairs (seed 7, up to 12 per kind) from the documents
# of `make compare` and ../shared/corpus-real, prints each pair with both
# texts, its shared terms and its label from
# export/testdata/overlaps-labelled.csv, and the precision per kind.
# See docs/overlaps.md.
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
make -s build
rc=0
./bin/planmap extract -q -o "$OUT/" "$SHARED/corpus" "$SHARED/bench/real-docs" "$SHARED/corpus-real/docs" || rc=$?
[ "$rc" = 0 ] || [ "$rc" = 3 ]
PLANMAP_OVERLAPS="$OUT/overlaps.csv" go test -count=1 -run '^TestOverlapSample$' -v ./export | grep -v '^=== RUN'
