#!/usr/bin/env bash
# Installs what is missing, builds, and starts the Vigil console on its built-in
# demo fleet. Extra arguments go to the console (e.g. ./run.sh --lang de).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/installer/setup.sh"
build_dir=${VIGIL_BUILD_DIR:-build}
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
  echo "vigil: no display found (DISPLAY/WAYLAND_DISPLAY unset), so the console cannot open."
  echo "       Run the engine headless instead:  $build_dir/app/vigilctl run --demo --duration 60"
  echo "       or give it a virtual display:     xvfb-run -a ./run.sh"
  exit 2
fi
exec "$root/$build_dir/app/vigil" "$@"
