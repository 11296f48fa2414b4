#!/usr/bin/env bash
# Runs every suite against the build in $1: ctest (C++, C ABI, sandbox, CLI), then each
# scripts/test-*.sh (Python, Go, Rust, ...). Fails when any suite fails, after running all.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
failed=()
(cd "$build" && ctest --output-on-failure -j "$(nproc)" --timeout 300) || failed+=(ctest)
for suite in "$root"/scripts/test-*.sh; do
    [ -e "$suite" ] || continue
    name=$(basename "$suite" .sh)
    echo "=== $name"
    bash "$suite" "$build" || failed+=("$name")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED suites: ${failed[*]}"
    exit 1
fi
echo "all suites passed"
