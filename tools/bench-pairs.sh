#!/bin/bash
# Alternating A/B runs of two bench_replay binaries on one log, for a VM whose speed
# drifts within minutes: only pairs run back to back compare fairly. Prints each
# pair's rates and the median of the pairwise ratios B/A (docs/performance.md).
# usage: tools/bench-pairs.sh LOG PAIRS BENCH_A BENCH_B
set -euo pipefail
if [ $# -ne 4 ]; then
    echo "usage: $0 LOG PAIRS BENCH_A BENCH_B" >&2
    exit 2
fi
log=$1 pairs=$2 a=$3 b=$4
rate() { "$1" "$log" | grep -o '([0-9]* records/s)' | tr -dc 0-9; }
ratios=()
for i in $(seq "$pairs"); do
    ra=$(rate "$a")
    rb=$(rate "$b")
    r=$(awk -v a="$ra" -v b="$rb" 'BEGIN { printf "%.4f", b / a }')
    ratios+=("$r")
    echo "pair $i: A $ra B $rb records/s, ratio $r"
done
printf '%s\n' "${ratios[@]}" | sort -n |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print "median ratio B/A", m }'
