#!/bin/sh
# Checks the C++ files changed since BASE (default: main) against the house rules:
# clang-format (.clang-format) and clang-tidy (.clang-tidy, using the build's
# compile_commands.json). Exit 0 clean, 1 findings, 2 cannot run.
#   tools/lint.sh [BASE] [BUILD_DIR]      e.g. tools/lint.sh origin/main build
set -u
base=${1:-main}
build=${2:-build}
root=$(git rev-parse --show-toplevel) || exit 2
cd "$root" || exit 2
fmt=$(command -v clang-format-14 || command -v clang-format) || { echo "lint: clang-format not found" >&2; exit 2; }
tidy=$(command -v clang-tidy-14 || command -v clang-tidy) || { echo "lint: clang-tidy not found" >&2; exit 2; }
mb=$(git merge-base "$base" HEAD) || { echo "lint: unknown base '$base'" >&2; exit 2; }

# Committed changes since the base, plus what is not committed yet; deleted files skipped.
files=$( { git diff --name-only --diff-filter=d "$mb" -- '*.cpp' '*.h'; git ls-files --others --exclude-standard -- '*.cpp' '*.h'; } | sort -u)
if [ -z "$files" ]; then echo "lint: no C++ changes since $base"; exit 0; fi

rc=0
for f in $files; do
    if ! "$fmt" --style=file --dry-run --Werror "$f" 2>/dev/null; then
        echo "$f: not formatted as .clang-format says (run: $fmt -i $f)"
        rc=1
    fi
done

if [ ! -f "$build/compile_commands.json" ]; then
    echo "lint: $build/compile_commands.json missing (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON); clang-tidy skipped" >&2
    exit 2
fi
srcs=$(printf '%s\n' $files | grep '\.cpp$' | grep -v '^tests/fuzz/')
if [ -n "$srcs" ]; then
    # Only our headers are reported (HeaderFilterRegex): Qt's and moc's are not ours.
    out=$("$tidy" -p "$build" --quiet $srcs 2>/dev/null | grep -E 'warning:|error:')
    if [ -n "$out" ]; then
        echo "$out"
        rc=1
    fi
fi
[ $rc -eq 0 ] && echo "lint: $(printf '%s\n' $files | wc -l) changed files clean"
exit $rc
