#!/usr/bin/env bash
# The sandbox under load and abuse (issue 10): 30 s of wrk with 64 keep-alive connections on an
# authenticated call — zero errors, memory flat — then a corpus of malformed HTTP that must never
# crash or hang it. LOAD_SECONDS overrides the 30 s.
#
# Controls first (a few seconds): each verdict must fail on what it exists to catch — wrk runs
# against faults that answer 500 and that drop connections, a growing memory series, and a
# server that never answers for abuse.py's hang detection. A control not caught fails the run.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
exe="$build/sandbox/yativo-sandbox"
seconds=${LOAD_SECONDS:-30}
command -v wrk >/dev/null || { echo "wrk is missing (scripts/install-deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
"$exe" --port 0 --rate-limit 0 >"$tmp/line" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do [ -s "$tmp/line" ] && break; sleep 0.05; done
read -r base session < <(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["base_url"], d["session_token"])' "$(head -n1 "$tmp/line")")
port=${base#http://127.0.0.1:}; port=${port%%/*}
root_url=${base%/api/v1}
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$session" >"$tmp/auth.lua"

# wrk_verdict FILE: fails, saying why, on socket errors, non-2xx answers or too few requests.
wrk_verdict() {
    local out=$1 requests failed=0
    if grep -q "Socket errors" "$out"; then echo "wrk saw socket errors"; failed=1; fi
    if grep -q "Non-2xx" "$out"; then echo "wrk saw non-2xx answers"; failed=1; fi
    requests=$(awk '/requests in/ {print $1}' "$out")
    if [ "${requests:-0}" -le 1000 ]; then echo "wrk made only ${requests:-0} requests"; failed=1; fi
    return $failed
}

# memory_verdict MID END (KiB): the second half of the run may not grow memory by more than
# 10 % (+2 MiB slack).
memory_verdict() {
    local mid=$1 end=$2
    local limit=$((mid + mid / 10 + 2048))
    if [ "$end" -gt "$limit" ]; then echo "memory grew from $mid to $end KiB"; return 1; fi
}

# control_post PATH JSON: a control request to the sandbox; fails unless it answers 200.
control_post() {
    python3 - "$root_url$1" "$2" <<'EOF'
import sys, urllib.request
req = urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST",
                             headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=10) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
}

controls_missed=0
# control_caught NAME REASON OUTPUT_FILE VERDICT_STATUS: the verdict failed, for REASON.
control_caught() {
    if [ "$4" != 0 ] && grep -q "$2" "$3"; then
        echo "control: $1 caught ($2)"
    else
        echo "FAIL: control $1 NOT caught (wanted: $2); the verdict said:"; cat "$3"
        controls_missed=1
    fi
}

# wrk_control NAME REASON FAULT_JSON: a short wrk run while every request takes the fault.
wrk_control() {
    local name=$1 reason=$2 fault=$3 verdict=0
    control_post /__sandbox/faults "$fault"
    wrk -t1 -c8 -d2s -s "$tmp/auth.lua" "$base/accounts/get-accounts" >"$tmp/control.out"
    # Reset also clears the faults; the session token stays valid.
    control_post /__sandbox/reset ""
    wrk_verdict "$tmp/control.out" >"$tmp/verdict" || verdict=$?
    control_caught "$name" "$reason" "$tmp/verdict" "$verdict"
}

wrk_control "wrk against 500 answers" "non-2xx" \
    '{"path":"/accounts/get-accounts","count":1000000,"mode":"respond","status":500}'
wrk_control "wrk against dropped connections" "socket errors" \
    '{"path":"/accounts/get-accounts","count":1000000,"mode":"drop_before"}'
verdict=0; memory_verdict 10000 20000 >"$tmp/verdict" || verdict=$?
control_caught "memory growing from 10000 to 20000 KiB" "memory grew" "$tmp/verdict" "$verdict"
if ! memory_verdict 10000 10000 >"$tmp/verdict"; then
    echo "FAIL: memory_verdict refuses a flat series:"; cat "$tmp/verdict"; controls_missed=1
fi
# abuse.py --control exits 0 when its hang detection fired against a server that never answers.
if python3 "$root/tests/sandbox/load/abuse.py" --control --timeout 1 >"$tmp/verdict" &&
    grep -q "no answer and no close" "$tmp/verdict"; then
    echo "control: abuse.py against a server that never answers caught (no answer and no close)"
else
    echo "FAIL: control abuse.py hang detection NOT caught:"; cat "$tmp/verdict"; controls_missed=1
fi
[ $controls_missed = 0 ] || { echo "FAIL: a control was not caught; the checks below prove nothing"; exit 1; }

# A warm-up so that memory measured later is the steady state.
wrk -t2 -c64 -d3s -s "$tmp/auth.lua" "$base/accounts/get-accounts" >/dev/null
rss_start=$(rss)
wrk -t2 -c64 -d"${seconds}s" -s "$tmp/auth.lua" "$base/accounts/get-accounts" >"$tmp/wrk.out" &
wrk_pid=$!
sleep $((seconds / 2)); rss_mid=$(rss)
wait $wrk_pid
rss_end=$(rss)
cat "$tmp/wrk.out"
status=0
wrk_verdict "$tmp/wrk.out" || { echo "FAIL: wrk"; status=1; }
echo "RSS KiB: after warm-up $rss_start, mid-run $rss_mid, end $rss_end"
memory_verdict "$rss_mid" "$rss_end" || { echo "FAIL: memory"; status=1; }
python3 "$root/tests/sandbox/load/abuse.py" 127.0.0.1 "$port" || status=1
kill -0 $pid || { echo "FAIL: the sandbox died"; status=1; }
[ $status = 0 ] && echo "sandbox load and abuse: passed"
exit $status
