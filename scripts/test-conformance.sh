#!/usr/bin/env bash
# The conformance suite: the official Python SDK (PyPI yativo-crypto-sdk 1.0.1, unchanged) calls
# every one of its 117 methods against the sandbox of the build in $1 (tests/conformance,
# pytest). Makes BUILD/official-sdk-venv once (the pinned SDK, pytest and pyotp, installed only
# when missing) and builds only the sandbox target. Fails loudly when the SDK cannot be
# installed: a suite that silently skipped would prove nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
venv="$build/official-sdk-venv"
py="$venv/bin/python"
sdk_pin="yativo-crypto-sdk==1.0.1"

if [ ! -x "$py" ] || ! "$py" -c 'import sys' 2>/dev/null; then
    python3 -m venv --clear "$venv"
fi
# The installed SDK must be exactly the pinned release; pytest and pyotp may be any version.
have_sdk=$("$py" -c 'import importlib.metadata as m; print(m.version("yativo-crypto-sdk"))' \
    2>/dev/null || true)
need=()
[ "$have_sdk" = "1.0.1" ] || need+=("$sdk_pin")
for mod in pytest pyotp; do
    "$py" -c "import $mod" 2>/dev/null || need+=("$mod")
done
if [ ${#need[@]} -gt 0 ]; then
    if ! "$py" -m pip install -q --disable-pip-version-check "${need[@]}"; then
        echo "test-conformance: FAILED to install ${need[*]} into $venv" >&2
        echo "test-conformance: the official SDK is the subject of this suite; nothing was tested" >&2
        exit 1
    fi
fi
if ! "$py" -c 'import importlib.metadata as m, yativo
assert m.version("yativo-crypto-sdk") == "1.0.1", m.version("yativo-crypto-sdk")' ; then
    echo "test-conformance: $venv does not hold $sdk_pin" >&2
    exit 1
fi

cmake --build "$build" --target yativo-sandbox -j "$(nproc)"

export YV_SANDBOX="$build/sandbox/yativo-sandbox"
export YV_REPO_ROOT="$root"
unset YATIVO_API_KEY YATIVO_API_SECRET YATIVO_ACCESS_TOKEN YATIVO_BASE_URL YATIVO_TOTP_SECRET

set +e
# --assert=plain: a failing assertion shows its own message (secrets redacted by the tests), not
# pytest's dump of the compared values; --tb=short: no function arguments in tracebacks (the
# long style prints them, and the SDK's frames hold tokens, key secrets and 2FA codes).
"$py" -m pytest -q -p no:cacheprovider --assert=plain --tb=short "$root/tests/conformance" "${@:2}"
rc=$?
set -e
if [ $rc -eq 5 ]; then
    echo "pytest ran no test: failing"
    exit 1
fi
exit $rc
