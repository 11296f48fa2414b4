#!/usr/bin/env bash
# CI step: builds the libFuzzer targets of fuzz/ with clang-14 (-fsanitize=fuzzer,address,
# undefined) in build-fuzz and runs each for a bounded time on its committed seed corpus
# (fuzz/corpus/<target>/), failing on any crash, leak, sanitizer report or timeout.
# Needs clang-14 (the compiler; Debian's default gcc has no libFuzzer) and libclang-rt-14-dev
# (the libFuzzer and sanitizer runtimes), installed here when missing.
# usage: ci-fuzz.sh [seconds-per-target] [target...]      (default 20 s, every target)
# New inputs found go to build-fuzz/corpus/<target>/, never into the committed seeds; a crash
# leaves build-fuzz/crash-* to turn into a seed + regression test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode amount webhook totp capi sandbox)
jobs=${YV_JOBS:-2}

bash scripts/install-deps.sh
missing=()
for p in clang-14 libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

t0=$(date +%s)
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1"
# RapidJSON 1.1.0 does null + n in a header (see the file): that check, those headers only.
flags="$flags -fsanitize-ignorelist=$root/fuzz/ubsan-ignorelist.txt"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DYV_WERROR=ON -DYV_BUILD_FUZZ=ON -DYV_BUILD_TESTS=OFF -DYV_BUILD_PYTHON=OFF -DYV_BUILD_CLI=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target "${targets[@]/#/fuzz_}"
echo "--- fuzz build took $(( $(date +%s) - t0 )) s"

export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=()
for t in "${targets[@]}"; do
    mkdir -p "build-fuzz/corpus/$t"
    echo "=== fuzz_$t (${seconds} s)"
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: unbounded growth is a bug.
    if ! (cd build-fuzz && "./fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 "corpus/$t" "$root/fuzz/corpus/$t" \
            2>"fuzz-$t.log"); then
        tail -n 60 "build-fuzz/fuzz-$t.log"
        failed+=("$t")
    else
        grep -E '^stat::number_of_executed_units|^Done' "build-fuzz/fuzz-$t.log" || true
    fi
done
echo "--- fuzzing took $(( $(date +%s) - t0 )) s in all"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz targets FAILED: ${failed[*]} (inputs in build-fuzz/crash-*)"
    exit 1
fi
