#!/bin/bash
# docs/screenshots/collect.png: the console on live sources. Starts two real anvil
# nodes (tests/peers/node_modules) and a real prometheus-node-exporter on free
# loopback ports, writes a temporary config in resources/collect.yaml's shape,
# runs `vigil --config` under Xvfb, kills one anvil node with SIGKILL half-way
# (its chart line goes to errors, then stops), grabs the console's charts and
# stops every peer by PID.
#   tools/shot-collect.sh [BUILD_DIR] [OUT.png]      (BUILD_DIR default: build)
# Needs xvfb-run, ImageMagick's import and convert, xwininfo, curl.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$root/docs/screenshots/collect.png}
vigil=$build/app/vigil
anvil=${VIGIL_ANVIL:-$root/tests/peers/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil}
exporter=${VIGIL_NODE_EXPORTER:-/usr/bin/prometheus-node-exporter}
before_kill=${SHOT_BEFORE_KILL:-20}  # seconds of healthy data before the kill
after_kill=${SHOT_AFTER_KILL:-12}    # seconds of data after it
for f in "$vigil" "$anvil" "$exporter"; do
    [[ -x $f ]] || { echo "shot-collect: $f: not found or not executable" >&2; exit 2; }
done

tmp=$(mktemp -d /tmp/vigil-shot.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for WHAT CURL-ARGS...: up to 20 s
    local what=$1; shift
    for _ in $(seq 200); do curl -sf -o /dev/null --max-time 1 "$@" && return 0; sleep 0.1; done
    echo "shot-collect: $what did not answer within 20 s" >&2; exit 1
}
rpc() { curl -sf --max-time 1 -H 'Content-Type: application/json' \
        -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$1"; }

pa=$(free_port); pb=$(free_port); pn=$(free_port)
# --block-time 1: the chains move, so height and lag have something to show.
"$anvil" --host 127.0.0.1 --port "$pa" --block-time 1 --silent & pid_a=$!; pids+=("$pid_a")
"$anvil" --host 127.0.0.1 --port "$pb" --block-time 1 --silent & pid_b=$!; pids+=("$pid_b")
"$exporter" --web.listen-address="127.0.0.1:$pn" --no-collector.systemd >"$tmp/exporter.log" 2>&1 & pid_n=$!; pids+=("$pid_n")
for p in "$pa" "$pb"; do
    for _ in $(seq 200); do rpc "$p" >/dev/null && break; sleep 0.1; done
    rpc "$p" >/dev/null || { echo "shot-collect: anvil on port $p did not answer eth_chainId" >&2; exit 1; }
done
wait_for "node exporter on port $pn" "http://127.0.0.1:$pn/metrics"

head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$tmp/ingest.token"
cat > "$tmp/collect.yaml" <<EOF
# resources/collect.yaml's shape, on the ports of this run's peers.
ingest:
  address: 127.0.0.1
  http_port: $(free_port)
  tcp_port: $(free_port)
  token_files: [ingest.token]
metrics:
  address: 127.0.0.1
  port: $(free_port)
rpc:
  interval: 2s
  deadline: 1s
  chains:
    - name: anvil
      chain_id: 31337
      endpoints:
        - name: anvil-a
          url: http://127.0.0.1:$pa
        - name: anvil-b
          url: http://127.0.0.1:$pb
scrape:
  interval: 2s
  deadline: 1s
  keep: [node_load1, node_memory_MemAvailable_bytes, node_network_receive_bytes_total]
  targets:
    - name: node-1
      url: http://127.0.0.1:$pn/metrics
EOF

# Inside Xvfb: the console, the kill, the grab of the console's window.
cat > "$tmp/inside.sh" <<'EOF'
set -eu
"$VIGIL" --config "$CONFIG" --no-store --lang en > "$TMP/vigil.log" 2>&1 &
v=$!
sleep "$BEFORE_KILL"
kill -9 "$KILL_PID"
echo "shot-collect: killed anvil-b (pid $KILL_PID) at $(date -u +%T)"
sleep "$AFTER_KILL"
# The console's top-level window: the biggest one named Vigil (Qt also makes small unmapped ones).
xwininfo -root -tree > "$TMP/windows.txt"
geo=$(awk '/"Vigil/ { for (i = 1; i <= NF; ++i) if ($i ~ /^[0-9]+x[0-9]+[+-]/) print $i }' "$TMP/windows.txt" |
      sort -tx -k1,1nr | head -1)
import -window root "$TMP/root.png"
convert "$TMP/root.png" -crop "$geo" +repage "$OUT"
kill "$v"; wait "$v" || true
EOF
VIGIL=$vigil CONFIG=$tmp/collect.yaml TMP=$tmp KILL_PID=$pid_b OUT=$tmp/shot.png \
BEFORE_KILL=$before_kill AFTER_KILL=$after_kill \
    xvfb-run -a -s "-screen 0 1600x1000x24" bash "$tmp/inside.sh"
[[ -s $tmp/shot.png ]] || { echo "shot-collect: no screenshot taken; vigil said:" >&2; cat "$tmp/vigil.log" >&2; exit 1; }
# The whole window: charts (RPC, gas, the node exporter's host), timeline, incidents.
convert "$tmp/shot.png" +repage -strip "$out"
echo "shot-collect: wrote $out ($(identify -format '%wx%h' "$out"))"
