#!/usr/bin/env bash
# The sandbox under load and abuse (issue 10): 30 s of wrk with 64 keep-alive connections on an
# authenticated call — zero errors, memory flat — then a corpus of malformed HTTP that must never
# crash or hang it. LOAD_SECONDS overrides the 30 s.
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
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
# A warm-up so that memory measured later is the steady state.
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$session" >"$tmp/auth.lua"
wrk -t2 -c64 -d3s -s "$tmp/auth.lua" "$base/accounts/get-accounts" >/dev/null
rss_start=$(rss)
wrk -t2 -c64 -d"${seconds}s" -s "$tmp/auth.lua" "$base/accounts/get-accounts" >"$tmp/wrk.out" &
wrk_pid=$!
sleep $((seconds / 2)); rss_mid=$(rss)
wait $wrk_pid
rss_end=$(rss)
cat "$tmp/wrk.out"
status=0
if grep -qE "Socket errors|Non-2xx" "$tmp/wrk.out"; then echo "FAIL: wrk saw errors"; status=1; fi
requests=$(awk '/requests in/ {print $1}' "$tmp/wrk.out")
[ "${requests:-0}" -gt 1000 ] || { echo "FAIL: only ${requests:-0} requests"; status=1; }
echo "RSS KiB: after warm-up $rss_start, mid-run $rss_mid, end $rss_end"
# Flat: the second half of the run may not grow memory by more than 10 % (+2 MiB slack).
limit=$((rss_mid + rss_mid / 10 + 2048))
[ "$rss_end" -le "$limit" ] || { echo "FAIL: memory grew from $rss_mid to $rss_end KiB"; status=1; }
python3 "$root/tests/sandbox/load/abuse.py" 127.0.0.1 "$port" || status=1
kill -0 $pid || { echo "FAIL: the sandbox died"; status=1; }
[ $status = 0 ] && echo "sandbox load and abuse: passed"
exit $status
