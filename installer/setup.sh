#!/usr/bin/env bash
# Shared set-up of run.sh and test.sh: installs missing Debian packages (and the
# npm test peers), configures once, builds incrementally. Quiet when nothing is missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "vigil: need root or sudo to install packages" >&2; exit 2; }
  sudo_cmd=(sudo)
fi

mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' installer/debian-packages.txt)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "vigil: installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm test peers (JSON-RPC nodes for integration tests), pinned in tests/peers.
if [[ -f tests/peers/package.json ]] && ! command -v npm >/dev/null; then
  # Debian's npm; a machine with another Node.js distribution keeps its own.
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq nodejs npm >/dev/null
fi
if [[ -f tests/peers/package.json ]] && [[ ! -d tests/peers/node_modules ]]; then
  echo "vigil: installing npm test peers"
  (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# tools/sanitize.sh needs the packages only: it configures its own build directory.
[[ ${VIGIL_SETUP_PACKAGES_ONLY:-0} == 1 ]] && exit 0

build_dir=${VIGIL_BUILD_DIR:-build}
# ccache (when present) with paths relative to this clone, so a fresh clone of the same
# commit -- CI's, or a second worktree -- reuses earlier compilations instead of
# rebuilding everything.
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
fi
if [[ ! -f $build_dir/build.ninja ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
fi
# Incremental build; the two lines ninja prints when nothing changed are dropped so
# a second run is quiet. pipefail keeps a failed build's exit status.
cmake --build "$build_dir" -j2 2>&1 |
  { grep -vE '^(\[0/[0-9]+\] Re-checking globbed directories\.\.\.|ninja: no work to do\.)$' || true; }
