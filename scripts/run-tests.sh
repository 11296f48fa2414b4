#!/usr/bin/env bash
# Runs every suite against the build in $1: ctest (C++, C ABI, sandbox, CLI), then each
# scripts/test-*.sh (Python, Go, Rust, ...). Fails when any suite fails, after running all.
#
# The secret canary of the whole run (issue 10): every suite runs with YATIVO_LOG=debug (clients
# without a log hook write their debug lines to stderr) and every sandbox records the secrets it
# hands out (YATIVO_SANDBOX_RECORD_SECRETS). Each suite's complete output is kept in
# BUILD/test-logs/, searched for those secrets afterwards (scripts/scan-secrets.sh), and each
# suite must have produced debug lines, or the search would prove little.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)
logs=$build/test-logs
rm -rf "$logs"
mkdir -p "$logs"
export YATIVO_LOG=debug
export YATIVO_SANDBOX_RECORD_SECRETS=$logs/issued-secrets.txt
: >"$YATIVO_SANDBOX_RECORD_SECRETS"
chmod 600 "$YATIVO_SANDBOX_RECORD_SECRETS"

failed=()
(cd "$build" && ctest --output-on-failure -j "$(nproc)" --timeout 300) || failed+=(ctest)
cp "$build/Testing/Temporary/LastTest.log" "$logs/ctest.log" 2>/dev/null || failed+=(ctest-log)
# test-canary.sh last: its Python part needs the venv and module that test-python.sh makes.
export YV_CANARY_REQUIRE_PYTHON=1
suites=$(ls "$root"/scripts/test-*.sh | grep -v '/test-canary\.sh$'; ls "$root"/scripts/test-canary.sh)
for suite in $suites; do
    [ -e "$suite" ] || continue
    name=$(basename "$suite" .sh)
    echo "=== $name"
    # The full output goes to the log; the console is spared the debug lines.
    bash "$suite" "$build" 2>&1 | tee "$logs/$name.log" | grep -v --line-buffered '^yativo debug: '
    [ "${PIPESTATUS[0]}" = 0 ] || failed+=("$name")
done

echo "=== secret scan of the whole run"
# Invented canaries of the test code ("CANARY..." strings) are searched for too.
(umask 077 && { cat "$YATIVO_SANDBOX_RECORD_SECRETS"; echo CANARY; } >"$logs/searched-secrets.txt")
bash "$root/scripts/scan-secrets.sh" "$logs/searched-secrets.txt" "$logs"/*.log ||
    failed+=(secret-scan)
# Debug lines per suite: ctest's log attributes output to each test's directory.
debug_lines() { grep -c '^yativo debug: ' "$1" || true; }
ctest_debug=$(awk '/^Directory: / { dir = $2; sub(".*/tests/", "", dir) }
                   /^yativo debug: / { n[dir]++ }
                   END { for (d in n) printf "%s=%d ", d, n[d] }' "$logs/ctest.log")
echo "debug lines: ctest ${ctest_debug}go=$(debug_lines "$logs/test-go.log")" \
    "python=$(debug_lines "$logs/test-python.log") rust=$(debug_lines "$logs/test-rust.log")"
for dir in core integration capi cli; do
    [[ " $ctest_debug" == *" $dir="* ]] || { echo "no debug lines from tests/$dir"; failed+=("debug-$dir"); }
done
for suite in go python rust; do
    [ "$(debug_lines "$logs/test-$suite.log")" -gt 0 ] ||
        { echo "no debug lines from the $suite suite"; failed+=("debug-$suite"); }
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED suites: ${failed[*]}"
    exit 1
fi
echo "all suites passed"
