#!/bin/bash
# Runs a command and prints each of its threads' CPU seconds (sampled every 0.1 s until
# it exits): which thread of a replay sets the pace (docs/performance.md).
# usage: tools/thread-cpu.sh COMMAND [ARGS...]
set -uo pipefail
if [ $# -lt 1 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
"$@" &
pid=$!
declare -A cpu name
tick=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
    for t in /proc/"$pid"/task/*; do
        stat=$(cat "$t/stat" 2>/dev/null) || continue
        tid=${t##*/}
        read -r -a fields <<<"${stat##*) }"  # the fields after the command name
        cpu[$tid]=$((fields[11] + fields[12]))  # utime + stime, in ticks
        comm=$(cat "$t/comm" 2>/dev/null) && [ -n "$comm" ] && name[$tid]=$comm
    done
    sleep 0.1
done
wait "$pid"
rc=$?
for tid in "${!cpu[@]}"; do
    awk -v t="$tid" -v n="${name[$tid]:-?}" -v c="${cpu[$tid]}" -v k="$tick" 'BEGIN { printf "thread %s (%s): %.2f s CPU\n", t, n, c / k }'
done | sort -t: -k2 -rn
exit $rc
