#!/usr/bin/env bash
# CI step after `make test`: the ctest suite again under sanitizers, in build dirs of its own.
#   build-asan: AddressSanitizer + UndefinedBehaviorSanitizer, Debug, every ctest test except the
#               few listed below (each with its reason).
#   build-tsan: ThreadSanitizer, only the targets the `concurrency` label needs, then
#               `ctest -L concurrency`.
# usage: ci-sanitizers.sh [asan|tsan|all]   (default all). Builds use -j2 (the CI machine has 2
# cores); ccache makes a warm rebuild cheap.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
what=${1:-all}
jobs=${YV_JOBS:-2}
bash scripts/install-deps.sh

step() { echo "=== $1 ($(date +%T))"; }
elapsed() { echo "--- $1 took $(( $(date +%s) - $2 )) s"; }

# control NAME FLAGS PATTERN: builds tests/sanitizers/controls/NAME.cpp with FLAGS and requires
# it to fail with PATTERN in its report, under the same *SAN_OPTIONS as the suite: proof that
# this configuration (flags, options, suppressions) does catch that kind of bug.
control() {
    local name=$1 cflags=$2 pattern=$3 dir
    dir=$(mktemp -d)
    g++ -std=c++17 -g $cflags -pthread "tests/sanitizers/controls/$name.cpp" -o "$dir/$name"
    if "$dir/$name" >"$dir/log" 2>&1; then
        echo "control $name: the sanitizer did not fire" >&2; rm -rf "$dir"; exit 1
    fi
    if ! grep -q "$pattern" "$dir/log"; then
        echo "control $name: no \"$pattern\" in:" >&2; cat "$dir/log" >&2; rm -rf "$dir"; exit 1
    fi
    echo "control $name: caught ($pattern)"
    rm -rf "$dir"
}

run_asan() {
    local t0 flags
    t0=$(date +%s)
    flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
    step "ASan+UBSan: configure and build (build-asan)"
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DYV_WERROR=ON -DYV_BUILD_PYTHON=OFF >/dev/null
    cmake --build build-asan -j "$jobs"
    elapsed "asan build" "$t0"
    t0=$(date +%s)
    step "ASan+UBSan: ctest"
    # Exclusions:
    #  - label capi-valgrind: valgrind cannot run an ASan binary (both replace malloc and
    #    reserve the same shadow address ranges); the main run keeps those tests.
    #  - capi.install: compiles a consumer program with the system compiler and no sanitizer
    #    flags against the installed (instrumented) libyativo, which cannot link without the
    #    ASan runtime; installing is not what this run checks, and the main run keeps it.
    # detect_leaks: LeakSanitizer on; a leak fails the test. tests/sanitizers/lsan.supp is
    # empty today (any entry must name an uninstrumented system library and why).
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
    export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    control heap_overflow "$flags" "heap-buffer-overflow"
    control leak "$flags" "detected memory leaks"
    control bad_enum "$flags" "not a valid value for type"
    (cd build-asan && ctest --output-on-failure -j "$jobs" --timeout 600 \
        -LE capi-valgrind -E '^capi\.install$')
    elapsed "asan ctest" "$t0"
}

run_tsan() {
    local t0 flags
    t0=$(date +%s)
    # -Wno-tsan: Boost.Asio (the sandbox's server) calls std::atomic_thread_fence, which GCC
    # warns TSan does not model; with -Werror that stops the build. The sandbox runs under TSan
    # anyway, and a false report there would show as a sandbox failure, not pass silently.
    flags="-fsanitize=thread -fno-omit-frame-pointer -Wno-tsan"
    step "TSan: configure and build (build-tsan)"
    cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
        -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" \
        -DYV_WERROR=ON -DYV_BUILD_PYTHON=OFF -DYV_BUILD_CLI=OFF >/dev/null
    # Only what the concurrency-labelled tests run: the core concurrency suite, the integration
    # suite, the two C ABI suites, the epoll example (and yv_with_sandbox, which runs it), and
    # the sandbox they talk to (itself under TSan too).
    cmake --build build-tsan -j "$jobs" --target core_concurrency_tests integration_tests \
        yv_capi_offline_tests yv_capi_sandbox_tests epoll_loop yv_with_sandbox yativo-sandbox
    elapsed "tsan build" "$t0"
    t0=$(date +%s)
    step "TSan: ctest -L concurrency"
    # libcurl, OpenSSL and liboath are not instrumented; so far no report comes from them and
    # tests/sanitizers/tsan.supp is empty (any entry must say why it is not our bug).
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/sanitizers/tsan.supp"
    control data_race "$flags" "data race"
    (cd build-tsan && ctest --output-on-failure -j "$jobs" --timeout 600 -L concurrency)
    elapsed "tsan ctest" "$t0"
}

case $what in
    asan) run_asan ;;
    tsan) run_tsan ;;
    all) run_asan; run_tsan ;;
    *) echo "usage: $0 [asan|tsan|all]" >&2; exit 2 ;;
esac
