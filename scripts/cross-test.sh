#!/usr/bin/env bash
# make cross: for each target, libyativo cross-built as a library-only build, then the C ABI tests
# cross-built and run under qemu-user against a native yativo-sandbox on 127.0.0.1.
#
#   scripts/cross-test.sh [TRIPLE...]   (default: aarch64-linux-gnu arm-linux-gnueabihf)
#
# Environment: NATIVE_BUILD_DIR (default build): its yativo-sandbox is used when that build is
# configured (brought up to date with `cmake --build --target yativo-sandbox`, nothing else);
# otherwise the sandbox alone is built in build-cross/native. JOBS (default 2).
#
# Directories (build-cross/): sysroot-<triple> and apt-<arch> (scripts/cross-sysroot.sh),
# <triple>/lib (the library-only build), <triple>/tests (the tests' build; its library is the
# same objects, from ccache).
#
# Run under qemu: every capi.* ctest (the offline, sandbox and out-of-memory suites, the exported
# symbol check, the static link) and the C examples of docs/examples against a sandbox. Not run:
# capi.valgrind.* (valgrind cannot run a foreign binary) and capi.install (it builds a consumer
# with the host's compiler). The capi.example.* tests are run here with qemu put into their
# command: yv_with_sandbox execs the example, and the kernel does not run an ARM binary by itself.
# Not named test-*.sh on purpose: scripts/run-tests.sh (make test) runs every scripts/test-*.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
t_start=$(date +%s)
triples=("$@")
[ ${#triples[@]} -gt 0 ] || triples=(aarch64-linux-gnu arm-linux-gnueabihf)
jobs=${JOBS:-2}
native_build=${NATIVE_BUILD_DIR:-build}
out=$root/build-cross

step() { echo "[cross] $*"; }
# Runs a command with its output in the log $1; on failure shows the log's end and stops.
logged() {
    local log=$1
    shift
    mkdir -p "$(dirname "$log")"
    "$@" >"$log" 2>&1 || { tail -n 60 "$log"; echo "[cross] failed: $* (log: $log)"; exit 1; }
}
elapsed() { echo $(( $(date +%s) - $1 )); }

t0=$(date +%s)
bash scripts/cross-sysroot.sh "${triples[@]}"
step "host tools and sysroots ready ($(elapsed "$t0") s)"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# The native sandbox the tests start (its path is compiled into them).
t0=$(date +%s)
if [ -f "$native_build/build.ninja" ]; then
    logged "$out/native.log" cmake --build "$native_build" --target yativo-sandbox -j "$jobs"
    sandbox=$(cd "$native_build" && pwd)/sandbox/yativo-sandbox
else
    if [ ! -f "$out/native/build.ninja" ]; then
        logged "$out/native.log" cmake -S . -B "$out/native" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            "${launcher[@]}" -DYV_BUILD_TESTS=OFF -DYV_BUILD_CAPI=OFF -DYV_BUILD_CLI=OFF \
            -DYV_BUILD_PYTHON=OFF -DYV_BUILD_BENCH=OFF
    fi
    logged "$out/native.log" cmake --build "$out/native" --target yativo-sandbox -j "$jobs"
    sandbox=$out/native/sandbox/yativo-sandbox
fi
step "native sandbox $sandbox ($(elapsed "$t0") s)"

# Both builds share their compile flags, so the tests' build takes the library's objects from ccache.
common=(-G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel -DYV_WERROR=ON "${launcher[@]}")

failed=()
for t in "${triples[@]}"; do
    toolchain=$root/cmake/toolchains/$t.cmake
    sysroot=$out/sysroot-$t
    qemu=(qemu-$(sed -n 's/^set(YV_QEMU_ARCH \(.*\))$/\1/p' "$toolchain") -L "$sysroot")

    t0=$(date +%s)
    [ -f "$out/$t/lib/build.ninja" ] ||
        logged "$out/$t/lib.log" cmake -S . -B "$out/$t/lib" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
            "${common[@]}" -DYV_LIBRARY_ONLY=ON
    logged "$out/$t/lib.log" cmake --build "$out/$t/lib" -j "$jobs"
    so=$(find "$out/$t/lib" -name 'libyativo.so.*.*.*' | head -n 1)
    "$t-strip" -o "$out/$t/libyativo.so.stripped" "$so"
    step "$t: library-only build $(elapsed "$t0") s; libyativo.so stripped" \
        "$(stat -c %s "$out/$t/libyativo.so.stripped") B, NEEDED:" \
        $("$t-readelf" -d "$so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')

    t0=$(date +%s)
    [ -f "$out/$t/tests/build.ninja" ] ||
        logged "$out/$t/tests.log" cmake -S . -B "$out/$t/tests" \
            -DCMAKE_TOOLCHAIN_FILE="$toolchain" "${common[@]}" -DYV_BUILD_TESTS=ON -DYV_BUILD_SANDBOX=ON -DYV_BUILD_CLI=OFF -DYV_BUILD_PYTHON=OFF \
            -DYV_BUILD_BENCH=OFF \
            -DCMAKE_PROJECT_libyativo_INCLUDE="$root/cmake/toolchains/cross-tests.cmake" \
            -DYV_NATIVE_SANDBOX="$sandbox"
    # The sandbox may have moved (another NATIVE_BUILD_DIR).
    grep -qxF "YV_NATIVE_SANDBOX:UNINITIALIZED=$sandbox" "$out/$t/tests/CMakeCache.txt" ||
        logged "$out/$t/tests.log" cmake "$out/$t/tests" -DYV_NATIVE_SANDBOX="$sandbox"
    # Everything tests/capi defines (and what it needs: libyativo, yv_test_support), nothing else.
    logged "$out/$t/tests.log" cmake --build "$out/$t/tests" -j "$jobs" --target tests/capi/all
    step "$t: tests built in $(elapsed "$t0") s"

    t0=$(date +%s)
    (cd "$out/$t/tests" && ctest -R '^capi\.' -E '^capi\.(valgrind\.|install$|example\.)' \
        -j "$jobs" --timeout 300 --output-on-failure) >"$out/$t/ctest.log" 2>&1 ||
        { tail -n 40 "$out/$t/ctest.log"; failed+=("$t:ctest"); }
    grep -E '^(100% tests|[0-9]+% tests) ' "$out/$t/ctest.log" | sed "s/^/[cross] $t: /" || true
    # The C examples: ctest's own command, with qemu put before the program yv_with_sandbox runs.
    python3 - "$out/$t/tests" "${qemu[@]}" <<'PY' || failed+=("$t:examples")
import json, subprocess, sys
build, qemu = sys.argv[1], sys.argv[2:]
listing = subprocess.run(["ctest", "--show-only=json-v1", "-R", r"^capi\.example\."], cwd=build,
                         check=True, capture_output=True, text=True).stdout
tests = json.loads(listing)["tests"]
if not tests:
    sys.exit("[cross] no capi.example.* test found")
failures = 0
for test in tests:
    cmd = test["command"]
    cut = cmd.index("--") + 1
    run = subprocess.run(cmd[:cut] + qemu + cmd[cut:], cwd=build + "/tests/capi", timeout=120,
                         capture_output=True, text=True)
    print(f"[cross] {test['name']} (under {qemu[0]}): {'passed' if run.returncode == 0 else 'FAILED'}")
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        failures += 1
sys.exit(failures)
PY
    step "$t: tests ran under ${qemu[0]} in $(elapsed "$t0") s"
done

step "total $(elapsed "$t_start") s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "[cross] FAILED: ${failed[*]}"
    exit 1
fi
