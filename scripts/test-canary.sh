#!/usr/bin/env bash
# Secret canary (part of `make test`, as one of scripts/test-*.sh): runs the C ABI (log callback
# at DEBUG), the CLI (human and --json output, error paths) and the Python module (repr, str and
# errors) against a sandbox seeded with known canary secrets; the secrets the run creates (API
# key secrets, access tokens, webhook secrets) are collected too. Then every byte of output
# (stdout, stderr, log lines) is searched for every canary (scripts/scan-secrets.sh, which also
# runs a control): zero hits required, and the C and CLI runs must have produced DEBUG lines.
# Allowed places, by design: the sandbox's start line (it prints its seeds), and the outputs whose
# job is to show a secret once (`keys create`/`token` stdout), which go to the secrets list.
# usage: test-canary.sh BUILD_DIR
set -euo pipefail
export YATIVO_LOG=debug  # the CLI and Python clients (no hook) log at debug to stderr, scanned
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
work=$(mktemp -d)
sandbox_pid=
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
[ -z "${YV_CANARY_KEEP:-}" ] || trap '[ -n "$sandbox_pid" ] && kill "$sandbox_pid"; echo "kept $work"' EXIT

totp_secret=CANARYTOTPSECRETQQQQQQQQQQQQQQQQ
session=yvsess_canary_SESSION_5b8c21
out=$work/out      # everything scanned
mkdir -p "$out"
secrets=$work/secrets.txt
printf '%s\n' "$totp_secret" "$session" ys_canary_WRONG_secret_C_7f3a \
    yvsess_canary_WRONG_session_9d2e ys_canary_WRONG_secret_CLI_41c0 \
    ys_canary_WRONG_secret_PY_a1d3 >"$secrets"

"$build/sandbox/yativo-sandbox" --port 0 --rate-limit 0 --totp-period 2 \
    --totp-secret "$totp_secret" --session-token "$session" >"$work/sandbox-start.txt" \
    2>"$out/sandbox.stderr" &
sandbox_pid=$!
for _ in $(seq 100); do grep -qs base_url "$work/sandbox-start.txt" && break; sleep 0.05; done
base=$(sed -n 's/.*"base_url": *"\([^"]*\)".*/\1/p' "$work/sandbox-start.txt")
[ -n "$base" ] || { echo "sandbox did not start" >&2; exit 1; }

echo "--- C ABI"
cc -std=c99 -Wall -Wextra -pedantic -Werror -I "$root/capi/include" "$root/tests/canary/canary.c" \
    -o "$work/canary" -L "$build/capi" -lyativo -Wl,-rpath,"$build/capi"
"$work/canary" "$base" "$session" "$totp_secret" "$secrets" >"$out/c.stdout" 2>"$out/c.stderr" ||
    { cat "$out/c.stdout" "$out/c.stderr"; echo "C canary run failed" >&2; exit 1; }
debug_lines=$(grep -c '^LOG 0 ' "$out/c.stdout" || true)

echo "--- CLI"
cli=$build/cli/yativo
run_cli() {  # NAME ARGS...: stdout and stderr both scanned; the exit status is not the point
    local name=$1; shift
    "$cli" --base-url "$base" --totp-period 2 "$@" >"$out/cli-$name.stdout" 2>"$out/cli-$name.stderr" || true
}
export YATIVO_TOTP_SECRET=$totp_secret
# keys create prints the new secret once, by design: its stdout feeds the secrets list.
YATIVO_ACCESS_TOKEN=$session "$cli" --base-url "$base" --totp-period 2 --json keys create --name cli-canary \
    --permissions read,write,transactions,webhooks >"$work/created.json" 2>"$out/cli-create.stderr"
key=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["api_key"])' "$work/created.json")
secret=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["api_secret"])' "$work/created.json")
echo "$secret" >>"$secrets"
"$cli" --base-url "$base" --api-key "$key" --api-secret "$secret" token >"$work/token.txt" \
    2>"$out/cli-token.stderr"
cat "$work/token.txt" >>"$secrets"
for fmt in human json; do
    j=(); [ $fmt = json ] && j=(--json)
    YATIVO_ACCESS_TOKEN=$session run_cli "list-$fmt" "${j[@]}" keys list
    run_cli "request-$fmt" "${j[@]}" --api-key "$key" --api-secret "$secret" request GET /apikey/list
    run_cli "wrong-secret-$fmt" "${j[@]}" --api-key "$key" --api-secret ys_canary_WRONG_secret_CLI_41c0 \
        request GET /apikey/list
    YATIVO_ACCESS_TOKEN=yvsess_canary_WRONG_session_9d2e run_cli "wrong-session-$fmt" "${j[@]}" \
        keys create --name x --permissions read
    run_cli "header-mode-$fmt" "${j[@]}" --auth headers --api-key "$key" \
        --api-secret ys_canary_WRONG_secret_CLI_41c0 request POST /balance/check --data '{"asset_id":"x"}'
    run_cli "bad-totp-$fmt" "${j[@]}" --totp-secret "${totp_secret}1" totp
done
unset YATIVO_TOTP_SECRET

echo "--- Python"
py=$root/.venv/bin/python
if [ -x "$py" ] && PYTHONPATH="$build/python" "$py" -c 'import libyativo' 2>/dev/null; then
    PYTHONPATH="$build/python" "$py" - "$base" "$session" "$totp_secret" "$secrets" \
        >"$out/py.stdout" 2>"$out/py.stderr" <<'PY' || { cat "$out/py.stderr"; exit 1; }
import sys, traceback
import libyativo
base, session, totp, secrets_file = sys.argv[1:5]
admin = libyativo.YativoCrypto(access_token=session, auth="bearer", base_url=base, totp_secret=totp,
                               totp_period=2)
print(repr(admin))
key = admin.api_keys.create(name="py-canary", permissions=["read", "write", "webhooks"])
with open(secrets_file, "a") as f:
    f.write(key.api_secret + "\n")
print(repr(key)); print(str(key))
c = libyativo.YativoCrypto(key.api_key, key.api_secret, base_url=base)
print(repr(c))
tok = c.token()
with open(secrets_file, "a") as f:
    f.write(tok.access_token + "\n")
print(repr(tok)); print(str(tok))
print(repr(c.api_keys.list()))
wh = c.webhooks.create(url="https://example.com/h", events=["transaction.completed"])
with open(secrets_file, "a") as f:
    f.write(wh.secret + "\n")
print(repr(wh)); print(str(wh))
for bad in (libyativo.YativoCrypto(key.api_key, "ys_canary_WRONG_secret_PY_a1d3", base_url=base),
            libyativo.YativoCrypto(access_token="yvsess_canary_WRONG_session_9d2e", auth="bearer",
                                   base_url=base, totp_secret=totp, totp_period=2)):
    print(repr(bad))
    try:
        bad.api_keys.create(name="x", permissions=["read"])
    except libyativo.YativoError as e:
        print(repr(e)); print(str(e)); print(vars(e) if hasattr(e, "__dict__") else "")
        traceback.print_exc()
PY
elif [ -n "${YV_CANARY_REQUIRE_PYTHON:-}" ]; then
    echo "canary: the Python module is not built in $build (scripts/test-python.sh builds it)" >&2
    exit 1
else
    echo "(Python module not built in $build: skipped)"
fi

echo "--- scan"
n_files=$(ls "$out" | wc -l)
bash "$root/scripts/scan-secrets.sh" "$secrets" "$out"/* || { echo "canary: secrets found" >&2; exit 1; }
cli_debug=$(cat "$out"/cli-*.stderr | grep -c '^yativo debug: ' || true)
py_debug=$(grep -c '^yativo debug: ' "$out/py.stderr" 2>/dev/null || true)
py_debug=${py_debug:-0}
if [ "$debug_lines" -lt 5 ] || [ "$cli_debug" -lt 5 ] ||
   { [ -n "${YV_CANARY_REQUIRE_PYTHON:-}" ] && [ "$py_debug" -lt 5 ]; }; then
    echo "canary: only $debug_lines DEBUG lines from C, $cli_debug from the CLI, $py_debug from" \
        "Python; the scan proves little" >&2
    exit 1
fi
echo "canary: $(wc -l <"$secrets") canaries, $n_files outputs, DEBUG lines: C $debug_lines, CLI $cli_debug, Python $py_debug; 0 leaks"
