#!/usr/bin/env bash
# `make demo`: the whole API-key lifecycle with the yativo command against a local yativo-sandbox:
# create (2FA) -> token -> list -> get -> set-permissions -> rotate (old secret refused) ->
# revoke (key refused). Usage: scripts/demo.sh BUILD_DIR
#
# Secrets travel the way docs/cli.md recommends: the dashboard session and the TOTP secret in
# YATIVO_* variables, the new key's secret in a file only we can read (@FILE) or on stdin (-).
# Never on the command line, where `ps` and shell history would show them.
set -euo pipefail

build=${1:-build}
yativo="$build/cli/yativo"
sandbox="$build/sandbox/yativo-sandbox"
for exe in "$yativo" "$sandbox"; do
    [ -x "$exe" ] || { echo "demo: $exe is missing; run 'make build' first" >&2; exit 1; }
done

umask 077
work=$(mktemp -d "${TMPDIR:-/tmp}/yativo-demo.XXXXXX")
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill -TERM "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bold=$'\e[1m' dim=$'\e[2m' green=$'\e[32m' red=$'\e[31m' reset=$'\e[0m'
[ -t 1 ] || { bold="" dim="" green="" red="" reset=""; }

step=0
say() { step=$((step + 1)); printf '\n%s%d. %s%s\n' "$bold" "$step" "$1" "$reset"; }
exec 3>&1  # the terminal, even while a command's stdout goes to a file
# show PREFIX ARGS...: the command line a person would type, ARGS quoted where the shell needs it.
show() {
    local line=$1 arg
    shift
    for arg in "$@"; do
        if [[ $arg =~ ^[A-Za-z0-9_./@:,=+-]+$ ]]; then line+=" $arg"; else line+=" '$arg'"; fi
    done
    printf '%s$ %s%s\n' "$dim" "$line" "$reset" >&3
}
fail() { printf '%sdemo failed: %s%s\n' "$red" "$1" "$reset" >&2; exit 1; }

# A string field of one-line JSON (the CLI's --json output): enough for ids, keys and secrets.
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

# --- start the sandbox: a free loopback port, no rate limit, 3-second TOTP steps -------------
"$sandbox" --port 0 --rate-limit 0 --totp-period 3 >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 100); do
    [ -s "$work/sandbox.out" ] && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.err" >&2; fail "the sandbox did not start"; }
    sleep 0.05
done
start=$(head -n 1 "$work/sandbox.out")
base_url=$(json_field base_url <<<"$start")
session_token=$(json_field session_token <<<"$start")
totp_secret=$(json_field totp_secret <<<"$start")
[ -n "$base_url" ] && [ -n "$session_token" ] && [ -n "$totp_secret" ] ||
    fail "unexpected sandbox start line: $start"
echo "yativo-sandbox is serving $base_url (pid $sandbox_pid)"

export YATIVO_BASE_URL="$base_url"
# The dashboard user: session token + TOTP secret, as variables (never in argv).
as_user() {
    show "yativo --totp-period 3" "$@"
    YATIVO_ACCESS_TOKEN="$session_token" YATIVO_TOTP_SECRET="$totp_secret" \
        "$yativo" --totp-period 3 "$@"
}

# --- the lifecycle ----------------------------------------------------------------------------
say "Create an API key as the dashboard user (2FA: a TOTP code is computed from YATIVO_TOTP_SECRET)"
as_user --json keys create --name "demo key" --permissions read,write --expires-in-days 30 \
    >"$work/created.json" || fail "keys create"
key_id=$(json_field id <"$work/created.json")
api_key=$(json_field api_key <"$work/created.json")
json_field api_secret <"$work/created.json" >"$work/secret.txt"
[ -n "$key_id" ] && [ -n "$api_key" ] && [ -s "$work/secret.txt" ] || fail "keys create printed no key"
rm -f "$work/created.json"
echo "created $key_id (api key $api_key); its secret went straight into a file only we can read"

as_key() { # the new key, its secret read from a file (@FILE)
    show "yativo --api-key $api_key --api-secret @secret.txt" "$@"
    "$yativo" --api-key "$api_key" --api-secret "@$work/secret.txt" "$@"
}

say "Exchange the new key and secret for an access token"
as_key token | sed 's/^\(access token *[^.]*\)\..*/\1.…  (shortened here)/' || fail "token"

say "List the keys, authenticated as the new key"
as_key keys list || fail "keys list"

say "Show the key"
as_key keys get "$key_id" || fail "keys get"

say "Narrow its permissions to read (2FA)"
as_user keys set-permissions "$key_id" --permissions read || fail "keys set-permissions"

say "Rotate its secret (2FA); the new secret is shown once"
cp "$work/secret.txt" "$work/old-secret.txt"
as_user --json keys rotate "$key_id" >"$work/rotated.json" || fail "keys rotate"
json_field api_secret <"$work/rotated.json" >"$work/secret.txt"
[ -s "$work/secret.txt" ] || fail "keys rotate printed no new secret"
rm -f "$work/rotated.json"
echo "rotated: the new secret went into the secret file"

say "The old secret is refused (given on stdin this time)"
show "yativo --api-key $api_key --api-secret - token < old-secret.txt"
set +e
"$yativo" --api-key "$api_key" --api-secret - token <"$work/old-secret.txt" >/dev/null
code=$?
set -e
[ "$code" -eq 20 ] || fail "the old secret was not refused with exit code 20 (AUTHENTICATION), got $code"
echo "${green}refused as expected (exit $code: AUTHENTICATION)${reset}"
as_key token >/dev/null || fail "the new secret was refused"
echo "${green}the new secret works${reset}"

say "Revoke the key (2FA)"
as_user keys revoke "$key_id" || fail "keys revoke"

say "The revoked key is refused"
set +e
as_key keys list
code=$?
set -e
[ "$code" -eq 20 ] || fail "the revoked key was not refused with exit code 20 (AUTHENTICATION), got $code"
echo "${green}refused as expected (exit $code: AUTHENTICATION)${reset}"

say "The dashboard still sees it, as revoked"
as_user keys get "$key_id" || fail "keys get (revoked)"

printf '\n%sdemo complete: create -> token -> list -> get -> set-permissions -> rotate -> revoke%s\n' \
    "$green" "$reset"
