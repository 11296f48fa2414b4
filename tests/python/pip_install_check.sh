#!/usr/bin/env bash
# Packaging check (slow: compiles the core again, outside the main build): `python -m build`
# makes an sdist and a wheel (the wheel built from the sdist), the wheel installs into a fresh
# venv and works, and `pip install .` from the repository root does too.
# Usage: tests/python/pip_install_check.sh PYTHON   (run by YV_TEST_PIP_INSTALL=1 scripts/test-python.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
py=${1:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$py" -m venv "$work/tools"
"$work/tools/bin/pip" install -q --disable-pip-version-check build
"$work/tools/bin/python" -m build --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; exit 1; }
ls "$work/dist"/libyativo-*.tar.gz "$work/dist"/libyativo-*.whl >/dev/null

smoke='
import libyativo as yv
body = b"{\"id\":\"e1\",\"type\":\"t\",\"data\":{}}"
assert yv.verify_webhook(body, yv.sign_webhook(body, "s"), "s").id == "e1"
assert len(yv.totp("JBSWY3DPEHPK3PXP")) == 6
assert issubclass(yv.RateLimitError, yv.YativoError)
print("libyativo", yv.__version__, "from", yv.__file__)
'
"$py" -m venv "$work/wheel"
"$work/wheel/bin/pip" install -q --disable-pip-version-check "$work/dist"/libyativo-*.whl
(cd "$work" && "$work/wheel/bin/python" -c "$smoke")

"$py" -m venv "$work/src"
"$work/src/bin/pip" install -q --disable-pip-version-check "$root"
(cd "$work" && "$work/src/bin/python" -c "$smoke")
echo "packaging check passed"
