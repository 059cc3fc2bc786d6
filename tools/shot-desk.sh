#!/usr/bin/env bash
# The "Done when" of issue #10, shown and checked: the console on the demo fleet
# with a database and a sign-off service on a free port, token files for two
# approvers (alice, bob); when the cascade's critical transfer (above the
# two-person limit) asks for approval, alice approves it in the console's
# approval dialog (xdotool: a click on Approve..., her name and the amount
# typed), which leaves it pending "1 of 2"; a sign-off desk (`vigil --desk URL
# --token-file bob.token`) on the same machine shows it, and bob approves it
# there by clicking Approve... and typing the amount. The outcome is read back
# from the service (curl reads only; every decision is a click). Screenshots
# under Xvfb go to OUT (default docs/screenshots): approval-dialog.png (the
# console's dialog, 1 of 2) and console.png, desk.png (the desk and its
# dialog), then desk-approved.png, console-approved.png and
# approval-dialog-approved.png after bob's approval (2 of 2).
# At --speed 10 a request expires after 90 wall seconds (engine time, 15 min).
# Exit 0 when the request was approved by alice and bob and left the queue, 1 otherwise.
# Usage: tools/shot-desk.sh [OUT]   (SPEED=N to change --speed; needs Xvfb, ImageMagick's import, xwininfo, xdotool, curl)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${VIGIL_BUILD_DIR:-$root/build}
out=${1:-$root/docs/screenshots}
speed=${SPEED:-10}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
url=http://127.0.0.1:$port
umask 077  # tokens: owner only
printf 'alice %s\nbob %s\n' "$(openssl rand -hex 32)" "$(openssl rand -hex 32)" > "$work/signoff.tokens"
awk '$1=="bob"{print $2}' "$work/signoff.tokens" > "$work/bob.token"
awk '$1=="alice"{print $2}' "$work/signoff.tokens" > "$work/alice.token"
umask 022
# Fresh settings and layout: what a newcomer sees.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_RUNTIME_DIR"

# Two virtual screens, so no window hides another: the console, with room on the
# right for its approval dialog (moved there), and the desk with its own dialog.
start_x() {  # start_x DISPLAY WxH
  Xvfb "$1" -screen 0 "$2x24" -nolisten tcp > "$work/xvfb${1#:}.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do DISPLAY=$1 xwininfo -root > /dev/null 2>&1 && return 0; sleep 0.2; done
  echo "shot-desk: Xvfb $1 did not start" >&2; exit 1
}
n=$((90 + RANDOM % 100))
console_display=:$n desk_display=:$((n + 1))
start_x "$console_display" 2240x1000
start_x "$desk_display" 1920x1000
export DISPLAY=$console_display

"$build/app/vigil" --speed "$speed" --db "$work/vigil.db" --signoff-tokens "$work/signoff.tokens" \
  --signoff-listen "127.0.0.1:$port" > "$work/console.log" 2>&1 &
pids+=($!)
console_pid=$!
echo "shot-desk: console (pid $console_pid) on $url, logs in $work"

api() {  # api WHO PATH [JSON-BODY]: the sign-off service with WHO's token
  local auth="Authorization: Bearer $(cat "$work/$1.token")"
  if [[ $# -ge 3 ]]; then curl -sS -H "$auth" -H 'Content-Type: application/json' -d "$3" "$url$2"
  else curl -sS -H "$auth" "$url$2"; fi
}
# "ID STATE APPROVALS/NEEDED" per pending request, from GET /v1/approvals.
list() {
  api "$1" /v1/approvals 2>/dev/null | python3 -c 'import json,sys
try: d = json.load(sys.stdin)
except Exception: sys.exit(0)
for a in d.get("approvals", []): print(a["id"], a["state"], "%s/%s" % (a["approvals"], a["approvals_needed"]), a["action_kind"], a.get("value_eth", ""))' || true
}
# The largest viewable window whose title starts with $1 (a toolkit also maps
# small helper windows under the same title).
window_id() {
  local best="" area=0 id geo w h
  while read -r id geo; do
    [[ $(xwininfo -id "$id" 2>/dev/null | awk '/Map State/{print $3}') == IsViewable ]] || continue
    w=${geo%%x*}; h=${geo#*x}; h=${h%%+*}
    if (( w * h > area )); then area=$((w * h)); best=$id; fi
  done < <(xwininfo -root -tree | awk -v t="$1" 'index($0, "\"" t) {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+x[0-9]+[+-]/) {print $1, $i; break}}')
  echo "$best"
}
# shot FILE TITLE-PREFIX: the window as it is on screen (cut from the root window).
shot() {
  local id x y w h
  id=$(window_id "$2")
  if [[ -z $id ]]; then echo "shot-desk: no window titled '$2'" >&2; xwininfo -root -tree | grep '"' >&2; return 1; fi
  read -r x y w h < <(xwininfo -id "$id" | awk '/Absolute upper-left X/{x=$4} /Absolute upper-left Y/{y=$4} /Width:/{w=$2} /Height:/{h=$2} END{print x, y, w, h}')
  import -window root -crop "${w}x${h}+${x}+${y}" +repage "$1"
  chmod 644 "$1"
  echo "shot-desk: $1 (${w}x${h})"
}
# move TITLE-PREFIX X: puts a window at X, 0 (there is no window manager).
move() { local id; id=$(window_id "$1"); [[ -n $id ]] && xdotool windowmove "$id" "$2" 0; }

# geometry TITLE-PREFIX: "X Y W H" of the window on screen.
geometry() {
  local id; id=$(window_id "$1")
  [[ -n $id ]] || return 1
  xwininfo -id "$id" | awk '/Absolute upper-left X/{x=$4} /Absolute upper-left Y/{y=$4} /Width:/{w=$2} /Height:/{h=$2} END{print x, y, w, h}'
}
# shot_union FILE TITLE-PREFIX...: the smallest rectangle holding all these windows.
shot_union() {
  local file=$1 t x y w h x0=100000 y0=100000 x1=0 y1=0; shift
  for t in "$@"; do
    read -r x y w h < <(geometry "$t") || { echo "shot-desk: no window titled '$t'" >&2; return 1; }
    (( x < x0 )) && x0=$x; (( y < y0 )) && y0=$y
    (( x + w > x1 )) && x1=$((x + w)); (( y + h > y1 )) && y1=$((y + h))
  done
  import -window root -crop "$((x1 - x0))x$((y1 - y0))+${x0}+${y0}" +repage "$file"
  chmod 644 "$file"
  echo "shot-desk: $file ($((x1 - x0))x$((y1 - y0)))"
}
# click_approve TITLE-PREFIX: a mouse click on the approval dialog's Approve...
# button (bottom right: Approve..., Reject..., Close; measured on the 760x930 dialog).
click_approve() {
  local x y w h
  read -r x y w h < <(geometry "$1") || { echo "shot-desk: no window titled '$1'" >&2; return 1; }
  xdotool mousemove --sync $((x + w - 229)) $((y + h - 24)) click 1
}
# in_prompt TEXT-FOR-EACH-FIELD...: types into the open Approve prompt, one field
# after the other (Tab between them), then Return (its default button, Approve).
in_prompt() {
  local id="" first=1 text
  for _ in $(seq 50); do id=$(window_id "Approve"); [[ -n $id ]] && break; sleep 0.2; done
  [[ -n $id ]] || { echo "shot-desk: the Approve prompt did not open" >&2; return 1; }
  read -r x y w h < <(geometry "Approve")
  xdotool mousemove --sync $((x + w / 2)) $((y + 10))  # no window manager: keys go where the pointer is
  xdotool windowfocus --sync "$id" 2>/dev/null || true
  for text in "$@"; do
    (( first )) || xdotool key Tab
    first=0
    xdotool type --delay 40 "$text"
  done
  sleep 0.5
  xdotool key Return
}

# Wait for the cascade's critical transfer (the demo asks within minutes at --speed 10).
id="" value=""
for _ in $(seq 300); do
  read -r id value < <(list bob | awk '$2=="pending" && $3=="0/2" {print $1, $5; exit}') || true
  [[ -n $id ]] && break
  sleep 1
done
if [[ -z $id ]]; then echo "shot-desk: no two-person request within 300 s" >&2; tail -5 "$work/console.log" >&2; exit 1; fi
echo "shot-desk: approval request $id for $value ETH"
list bob
sleep 3  # the dialog and the timeline catch up
move "Approval needed" 1460
sleep 1

# alice, the console's operator: Approve..., her name, the amount (comment left empty).
click_approve "Approval needed"
in_prompt alice "$value"
for _ in $(seq 20); do list bob | grep -q "^$id pending 1/2" && break; sleep 0.5; done
list bob | grep "^$id " || true
sleep 2
shot "$out/approval-dialog.png" "Approval needed"
shot "$out/console.png" "Vigil — fleet console"

# bob, at the desk on the other screen: the request is listed with alice's vote.
DISPLAY=$desk_display "$build/app/vigil" --desk "$url" --token-file "$work/bob.token" > "$work/desk.log" 2>&1 &
pids+=($!)
sleep 8
export DISPLAY=$desk_display
move "Approval needed" 1100
# The desk's dialog has the "Signed in as" line and, after the decision, the
# answer too: the full screen height keeps its evidence unscrolled; the desk
# window as tall, so the picture has no gap.
xdotool windowsize "$(window_id "Approval needed")" 760 980
xdotool windowsize "$(window_id "Vigil — sign-off desk")" 1100 980
sleep 1
shot_union "$out/desk.png" "Vigil — sign-off desk" "Approval needed"
click_approve "Approval needed"
in_prompt "$value"  # the identity is the token's (read-only); the amount is typed
sleep 8  # the engine executes it; the console's and the desk's dialogs follow
shot_union "$out/desk-approved.png" "Vigil — sign-off desk" "Approval needed" || true
export DISPLAY=$console_display
# The action log tab (right dock, first-run layout of the 1440x944 window), to
# show the decisions and the executed action in words.
cid=$(window_id "Vigil — fleet console")
[[ -n $cid ]] && xdotool mousemove --window "$cid" 1128 677 click 1 && sleep 2
shot "$out/console-approved.png" "Vigil — fleet console" || true
shot "$out/approval-dialog-approved.png" "Approval needed" || true
# The gate's answer, as the service reports it after the engine picked it up.
final=$(api bob "/v1/approvals/$id" | python3 -c 'import json,sys; a = json.load(sys.stdin)["approval"]; print(a["state"], "%s/%s" % (a["approvals"], a["approvals_needed"]), " ".join(d["approver"] + ":" + d["decision"] for d in a.get("decisions", [])))')
echo "shot-desk: $id now: $final"
case $final in approved\ 2/2\ alice:approved\ bob:approved|executed\ 2/2\ alice:approved\ bob:approved) exit 0 ;; *) exit 1 ;; esac
