#!/usr/bin/env bash
# Sanitizers and fuzzing (issue #7): configures and builds the sanitizer build
# (clang-14, ASan+UBSan, VIGIL_SANITIZE=ON), runs its test suite through CTest, then
# runs every libFuzzer target of tests/fuzz for a bounded time. Exits 0 when all is
# clean, 1 when a test failed or a fuzzer found a crash (the input is kept and its
# path printed), 2 when it cannot run. See docs/reliability.md, "Sanitizers and fuzzing".
#
# Environment (defaults in brackets):
#   VIGIL_ASAN_DIR        build directory [build-asan]
#   VIGIL_FUZZ_SECONDS    fuzzing time per target, 0 skips fuzzing [45]
#   VIGIL_FUZZ_TARGETS    space-separated names, e.g. "ndjson gzip" [every fuzz_*.cpp]
#   VIGIL_FUZZ_RSS_MB     memory limit per fuzzer process [2048]
#   VIGIL_FUZZ_TIMEOUT    seconds one input may take before it counts as a hang [30]
#   VIGIL_SKIP_TESTS=1    fuzz only (skip the CTest suite; with VIGIL_FUZZ_TARGETS, build only those)
# Arguments are passed to ctest (e.g. -R record/).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

VIGIL_SETUP_PACKAGES_ONLY=1 installer/setup.sh  # clang-14, libclang-rt-14-dev, ... on a fresh machine

dir=${VIGIL_ASAN_DIR:-build-asan}
seconds=${VIGIL_FUZZ_SECONDS:-45}
rss=${VIGIL_FUZZ_RSS_MB:-2048}
timeout=${VIGIL_FUZZ_TIMEOUT:-30}
for n in "$seconds" "$rss" "$timeout"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "sanitize.sh: VIGIL_FUZZ_* must be whole numbers, got '$n'" >&2; exit 2; }
done

launcher=()
if command -v ccache >/dev/null; then  # relative paths: clones share the cache (installer/setup.sh)
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
fi
if [[ ! -f $dir/build.ninja ]]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
        -DVIGIL_SANITIZE=ON "${launcher[@]}" >/dev/null
fi
# Fuzzing only named targets (VIGIL_SKIP_TESTS=1 VIGIL_FUZZ_TARGETS=...): build just those.
build_targets=()
if [[ ${VIGIL_SKIP_TESTS:-0} == 1 && -n ${VIGIL_FUZZ_TARGETS:-} ]]; then
  for t in $VIGIL_FUZZ_TARGETS; do build_targets+=(--target "fuzz_$t"); done
fi
cmake --build "$dir" -j2 "${build_targets[@]}" 2>&1 |
  { grep -vE '^(\[0/[0-9]+\] Re-checking globbed directories\.\.\.|ninja: no work to do\.)$' || true; }

# The same settings CTest gives each test (cmake/Sanitize.cmake), for the fuzzers.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0}

failed=0
if [[ ${VIGIL_SKIP_TESTS:-0} != 1 ]]; then
  ctest --test-dir "$dir" --output-on-failure -j2 --timeout 900 "$@" || failed=1
fi

if ((seconds > 0)); then
  targets=${VIGIL_FUZZ_TARGETS:-$(cd tests/fuzz && ls fuzz_*.cpp | sed -e 's/^fuzz_//' -e 's/\.cpp$//' | tr '\n' ' ')}
  artifacts=$root/$dir/fuzz-artifacts
  mkdir -p "$artifacts"
  for t in $targets; do
    bin=$dir/tests/fuzz/fuzz_$t
    [[ -x $bin ]] || { echo "sanitize.sh: no fuzz target '$t' ($bin)" >&2; exit 2; }
    # New inputs go to a work corpus in the build dir; the seeds in the tree stay as committed.
    work=$dir/fuzz-corpus/$t
    log=$dir/fuzz-$t.log
    mkdir -p "$work"
    start=$SECONDS
    if "$bin" -max_total_time="$seconds" -rss_limit_mb="$rss" -timeout="$timeout" -print_final_stats=1 \
              -artifact_prefix="$artifacts/$t-" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
      runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
      echo "fuzz_$t: ${runs:-?} runs in $((SECONDS - start)) s, no crash"
    else
      failed=1
      echo "fuzz_$t: FAILED after $((SECONDS - start)) s; log $log" >&2
      grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz check failed|.*runtime error)' "$log" | head -5 >&2 || true
      grep -E 'Test unit written to' "$log" >&2 || true
      echo "  reproduce: $bin <that file>; keep it as a regression input in tests/fuzz/corpus/$t/" >&2
    fi
  done
fi
exit "$failed"
