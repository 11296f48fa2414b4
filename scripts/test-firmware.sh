#!/usr/bin/env bash
# What firmware needs (issue 19), part of `make test`: a gateway's whole session
# (tests/capi/firmware_flow.c: 2FA key creation, token, reads, send_funds, webhook verify) runs
# under strace over TLS verified by a CA given in memory, and the trace must show
#   - no file written: no open/openat/creat with a write flag, no rename, unlink, mkdir, link,
#     chmod, truncate... outside /dev/null, /dev/tty and /proc;
#   - no system CA store opened (/etc/ssl, /usr/lib/ssl/certs, /etc/pki): the in-memory CA is the
#     only trust.
# Controls: the same check flags a trace of `touch`; the flow without the in-memory CA fails to
# verify and its trace shows libcurl opening the system store (so the store check can fail); the
# trace holds the flow's own read-only opens (so an empty trace cannot pass).
# usage: test-firmware.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
flow=$build/tests/capi/yv_firmware_flow
with_sandbox=$build/tests/capi/yv_with_sandbox
for f in "$flow" "$with_sandbox" "$build/sandbox/yativo-sandbox"; do
    [ -x "$f" ] || { echo "missing $f: build first" >&2; exit 1; }
done
command -v strace >/dev/null || bash "$root/scripts/install-deps.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# File writes and store reads in an strace -e trace=%file log ($1); prints them, returns 1 if any.
writes_re='(open|openat|openat2)\(.*O_(WRONLY|RDWR|CREAT|TRUNC|APPEND)|(^|[ ])(creat|rename|renameat2?|unlink|unlinkat|mkdir|mkdirat|rmdir|link|linkat|symlink|symlinkat|chmod|fchmodat|chown|lchown|fchownat|truncate|utimes|utimensat|mknod|mknodat)\('
allowed_re='"(/dev/null|/dev/tty|/proc/[^"]*)"'
store_re='"(/etc/ssl|/usr/lib/ssl/certs|/usr/local/ssl|/etc/pki)[^"]*"'
check_trace() {
    local bad
    bad=$(grep -E "$writes_re" "$1" | grep -vE "$allowed_re" || true)
    bad+=$(grep -E "$store_re" "$1" || true)
    [ -z "$bad" ] || { echo "$bad"; return 1; }
}

# Control: a process that writes a file is caught.
strace -f -qq -e trace=%file -o "$work/control.trace" touch "$work/written"
if check_trace "$work/control.trace" >/dev/null; then
    echo "control: the check did not catch touch writing a file" >&2
    exit 1
fi

# The sandbox serves a self-signed certificate; the flow gets it as PEM text in its environment.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=yativo-firmware \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/tls.key" -out "$work/tls.pem" 2>/dev/null
YATIVO_TEST_CA_PEM=$(cat "$work/tls.pem")
export YATIVO_TEST_CA_PEM
# Empty stores for anything that reads the environment (OpenSSL, curl's tool conventions).
: >"$work/empty.pem"
mkdir "$work/empty.d"
export SSL_CERT_FILE=$work/empty.pem SSL_CERT_DIR=$work/empty.d CURL_CA_BUNDLE=$work/empty.pem

SECONDS=0
run_flow() {  # TRACE: the flow against a TLS sandbox, under strace
    "$with_sandbox" --rate-limit 0 --totp-period 2 --tls-cert "$work/tls.pem" \
        --tls-key "$work/tls.key" -- strace -f -qq -e trace=%file -o "$1" "$flow" 2
}
if YATIVO_TEST_CA_PEM=none run_flow "$work/control-store.trace" >"$work/control.out" 2>&1; then
    echo "control: the flow verified the server with no CA given" >&2
    exit 1
fi
grep -qE "$store_re" "$work/control-store.trace" ||
    { echo "control: without the in-memory CA no system store was opened" >&2; exit 1; }
run_flow "$work/flow.trace"
took=$SECONDS

grep -q 'libyativo\.so' "$work/flow.trace" ||
    { echo "the trace holds none of the flow's own opens: strace saw nothing" >&2; exit 1; }
if ! check_trace "$work/flow.trace"; then
    echo "FAILED: the library wrote to the filesystem or read a system CA store (above)" >&2
    exit 1
fi
echo "firmware flow under strace: $(wc -l <"$work/flow.trace") file calls, no write, no CA" \
    "store opened (${took} s)"
