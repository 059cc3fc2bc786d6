#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest.
# Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/installer/setup.sh"
build_dir=${VIGIL_BUILD_DIR:-build}
cd "$root"
ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 600 "$@"
