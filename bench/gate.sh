#!/usr/bin/env bash
# The instruction gate of issue 17 (make test, via scripts/test-perf-gate.sh): the P1 loop of the
# core (`yv_bench core`, GET /accounts/get-accounts with three accounts in the answer) under
# callgrind, instructions per request from the difference of two loop lengths, against the
# committed baseline bench/perf-baseline.json. Fails when the count exceeds the baseline by more
# than its tolerance (3 %), or when the loop's heap allocations per request (counted exactly,
# outside valgrind) exceed the baseline's. Instruction counts hold still on a loaded machine where
# times do not.
# A deliberate change updates the baseline in the same commit (bash bench/gate.sh BUILD --update),
# with the reason in the commit message.
#   usage: bash bench/gate.sh [BUILD_DIR] [--update]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_arg=${1:-build}
update=0
[ "${2:-}" = --update ] && update=1
mkdir -p "$build_arg"
build=$(cd "$build_arg" && pwd)
out="$build/bench/gate"
bin="$build/bench"
baseline_file="$root/bench/perf-baseline.json"
rm -rf "$out"
mkdir -p "$out"
command -v valgrind >/dev/null || { echo "gate: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cmake --build "$build" --target yv_bench yativo-sandbox -j 2 >"$out/build.log" 2>&1 ||
    { cat "$out/build.log" >&2; exit 1; }
# The measured loop must be the one users run: no debug logging (make test sets YATIVO_LOG).
unset YATIVO_LOG YATIVO_API_KEY YATIVO_API_SECRET YATIVO_ACCESS_TOKEN YATIVO_BASE_URL YATIVO_TOTP_SECRET

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
start_sandbox gate
ir=$(callgrind_ir core 100 400)
curl_ir=$(callgrind_ir curl 100 400)
# Heap allocations per request (malloc, calloc, realloc counted by yv_bench), outside valgrind:
# an exact count, so it holds still on any machine with the same libcurl.
allocs_per_request() {
    "$bin/yv_bench" "$1" "$base" "$key" "$secret" n=1000 warmup=50 |
        python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print(r["allocations"] / r["requests"])'
}
allocs=$(allocs_per_request core)
curl_allocs=$(allocs_per_request curl)

if [ $update = 1 ]; then
    python3 - "$baseline_file" "$ir" "$curl_ir" "$allocs" "$curl_allocs" <<'PY'
import json, platform, subprocess, sys, datetime
path, ir, curl_ir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
allocs, curl_allocs = float(sys.argv[4]), float(sys.argv[5])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
json.dump({
    "core_ir_per_request": ir,
    "raw_curl_ir_per_request": curl_ir,
    "tolerance": 0.03,
    "core_allocations_per_request": allocs,
    "raw_curl_allocations_per_request": curl_allocs,
    "measured": {"date": datetime.date.today().isoformat(), "machine": f"{cpu}, {platform.platform()}",
                 "libcurl": subprocess.run(["curl-config", "--version"], capture_output=True,
                                           text=True).stdout.strip()},
}, open(path, "w"), indent=2)
open(path, "a").write("\n")
PY
    echo "gate: baseline written: core $ir, raw libcurl $curl_ir instructions/request;" \
        "core $allocs, raw libcurl $curl_allocs allocations/request"
    exit 0
fi
python3 - "$baseline_file" "$ir" "$curl_ir" "$allocs" "$curl_allocs" <<'PY'
import json, sys
path, ir, curl_ir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
allocs, curl_allocs = float(sys.argv[4]), float(sys.argv[5])
base = json.load(open(path))
limit = base["core_ir_per_request"] * (1 + base["tolerance"])
ratio = ir / curl_ir
print(f"gate: core {ir} instructions/request (baseline {base['core_ir_per_request']}, limit "
      f"{limit:.0f}); raw libcurl {curl_ir} (baseline {base['raw_curl_ir_per_request']}); "
      f"core / raw {ratio:.3f}")
# Allocations are counted exactly: any whole allocation more per request fails (the fraction
# leaves room for a reconnect during the run).
alloc_limit = base["core_allocations_per_request"] + 0.5
print(f"gate: core {allocs:g} allocations/request (baseline {base['core_allocations_per_request']:g}, "
      f"limit {alloc_limit:g}); raw libcurl {curl_allocs:g} "
      f"(baseline {base['raw_curl_allocations_per_request']:g})")
failed = False
if ir > limit:
    print(f"gate: FAILED: {ir} exceeds the baseline by {ir / base['core_ir_per_request'] - 1:.1%} "
          f"(> {base['tolerance']:.0%}). The profiles are in the gate's output directory; if the "
          "cost is deliberate, run `bash bench/gate.sh BUILD --update` and say why in the commit.")
    failed = True
if allocs > alloc_limit:
    print(f"gate: FAILED: {allocs:g} allocations per request, {allocs - base['core_allocations_per_request']:g} "
          "more than the baseline. If they are deliberate, run `bash bench/gate.sh BUILD --update` "
          "and say why in the commit.")
    failed = True
if failed:
    sys.exit(1)
PY
