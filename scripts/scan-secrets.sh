#!/usr/bin/env bash
# Searches test output for secrets. usage: scan-secrets.sh SECRETS_FILE OUTPUT_FILE...
# SECRETS_FILE holds one secret per line: what yativo-sandbox --record-secrets handed out during
# the run, plus canaries the tests invented. Lines shorter than 6 characters are ignored (too
# common to mean anything); secrets of 6 to 8 characters (one-time codes) count only as a whole
# word: a 6-digit code turns up inside random hex (request ids) by chance, a leaked one stands
# alone ("code 123456", "\"123456\""). The one place a secret may appear by design is the sandbox's start
# line ({"base_url":..., "session_token":..., "totp_secret":...}), which is skipped.
# Hits are reported as FILE:LINE only — the scanner never prints a secret itself.
# Before scanning, a control: a secret from the list planted in a scratch file must be found.
# Exit 0: no secret found; 1: secrets found (or the control failed); 2: usage.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scan-secrets.sh SECRETS_FILE OUTPUT_FILE..." >&2; exit 2; }
list=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk 'length($0) >= 6' "$list" | sort -u >"$work/secrets"
awk 'length($0) >= 9' "$work/secrets" >"$work/long"
awk 'length($0) < 9' "$work/secrets" >"$work/short"
n_secrets=$(wc -l <"$work/secrets")
[ "$n_secrets" -gt 0 ] || { echo "scan-secrets: no secrets to search for in $list" >&2; exit 1; }

# The start line exactly: {"base_url":"...","session_token":"...","totp_secret":"..."} alone on
# its line (grep -n prefixes the line number).
start_line='^[0-9]+:\{"base_url": ?"[^"]*", ?"session_token": ?"[^"]*", ?"totp_secret": ?"[^"]*"\}$'
# hits FILE: line numbers of FILE holding a secret, the sandbox start line excepted.
hits() {
    {
        [ ! -s "$work/long" ] || grep -naF -f "$work/long" -- "$1" || true
        [ ! -s "$work/short" ] || grep -nawF -f "$work/short" -- "$1" || true
    } | { grep -avE "$start_line" || true; } | cut -d: -f1 | sort -nu
}

# Control: a secret of each kind, inside an ordinary log line, must be found.
for kind in long short; do
    [ -s "$work/$kind" ] || continue
    printf 'a careless log line: secret=%s tail\n' "$(tail -n 1 "$work/$kind")" >"$work/control"
    if [ -z "$(hits "$work/control")" ]; then
        echo "scan-secrets: control failed: a planted $kind secret was not found" >&2
        exit 1
    fi
done

leaks=0 bytes=0
for f in "$@"; do
    [ -f "$f" ] || { echo "scan-secrets: $f is missing" >&2; exit 1; }
    bytes=$((bytes + $(stat -c %s "$f")))
    lines=$(hits "$f" | awk 'NR <= 20' | paste -sd, -)  # awk reads all: no SIGPIPE upstream
    if [ -n "$lines" ]; then
        echo "SECRET LEAK in $f, line(s) $lines"
        leaks=1
    fi
done
if [ $leaks = 1 ]; then
    echo "scan-secrets: secrets found in test output (the files above; the secrets are in $list)" >&2
    exit 1
fi
echo "scan-secrets: $n_secrets secrets, $# files ($((bytes / 1024)) KiB), 0 leaks (control caught)"
