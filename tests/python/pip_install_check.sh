#!/usr/bin/env bash
# Packaging check (slow: compiles the core twice more, outside the main build):
# - scripts/build-wheel.sh makes the sdist and the wheel from it, repaired by auditwheel;
# - the wheel is tagged manylinux, and every library the extension loads is either a copy inside
#   the wheel (libyativo.libs/) or on that manylinux policy's list (libc, libstdc++, ...): it
#   needs no libcurl, OpenSSL or anything else installed on the machine;
# - installed into a fresh venv, it runs the quick start (docs/examples/python/quickstart.py)
#   against a sandbox, from a directory outside the repository, and verifies TLS with the CAs
#   Python's ssl module finds (libyativo/_tls.py);
# - `pip install .` from the repository root works too (the README's command).
# Usage: tests/python/pip_install_check.sh PYTHON BUILD_DIR   (run by scripts/test-python.sh;
# needs YV_SANDBOX)
set -euo pipefail
# The caller's PYTHONPATH (test-python.sh points it at the build tree's module) would make the
# installed wheel's Python import that module instead: each step below sets its own.
unset PYTHONPATH
root=$(cd "$(dirname "$0")/../.." && pwd)
py=${1:-python3}
build=$(cd "${2:-$root/build}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$root/scripts/build-wheel.sh" "$work/dist" "$build"
ls "$work/dist"/libyativo-*.tar.gz >/dev/null
wheel=$(ls "$work/dist"/libyativo-*-manylinux_*.whl)
tag=$(basename "$wheel" .whl | sed 's/.*-\(manylinux_[0-9]*_[0-9]*\)_.*/\1/')
echo "wheel: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB), policy $tag"

"$py" -m venv "$work/wheel"
"$work/wheel/bin/pip" install -q --disable-pip-version-check "$wheel"
policy=$(ls "$build"/wheel-tools/lib/python3*/site-packages/auditwheel/policy/manylinux-policy.json)
"$work/wheel/bin/python" - "$policy" "$tag" <<'PY'
import glob, json, os, subprocess, sys
import libyativo
policy_file, tag = sys.argv[1], sys.argv[2]
allowed = set(next(p for p in json.load(open(policy_file)) if p["name"] == tag)["lib_whitelist"])
pkg = os.path.dirname(libyativo.__file__)
assert pkg.startswith(sys.prefix + os.sep), f"libyativo imported from {pkg}, not the wheel's venv"
bundled = os.path.realpath(os.path.join(os.path.dirname(pkg), "libyativo.libs"))
ext = glob.glob(os.path.join(pkg, "_core*.so"))[0]
out = subprocess.run(["ldd", ext], capture_output=True, text=True, check=True).stdout
bad, inside = [], []
for line in out.splitlines():
    parts = line.split()
    name = parts[0]
    path = os.path.realpath(parts[2]) if len(parts) > 2 and parts[1] == "=>" else ""
    if name.startswith("linux-vdso") or "ld-linux" in name:
        continue
    if path.startswith(bundled + os.sep):
        inside.append(name)
    elif name not in allowed:
        bad.append(f"{name} => {path or 'not found'}")
assert not bad, "the extension loads libraries from outside the wheel and the policy:\n" + "\n".join(bad)
assert any(n.startswith("libcurl") for n in inside) and any(n.startswith("libssl") for n in inside), inside
print(f"ldd: {len(inside)} libraries from the wheel, the rest on the {tag} list")
PY

# The quick start against a sandbox, with the wheel's libyativo (run from outside the repository:
# the source tree's bindings/python must not be what is imported).
(cd "$work" && PYTHONPATH="$root/tests/python" "$work/wheel/bin/python" - "$root" <<'PY'
import os, subprocess, sys
import libyativo as yv
from sandbox import Sandbox
root = sys.argv[1]
assert "site-packages" in yv.__file__, yv.__file__
sb = Sandbox("--totp-period", "30")
try:
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        asset = c.assets.add(c.accounts.create("treasury").id, "solana", "USDC_SOL")
    sb.deposit(asset.id, "10")
    env = dict(os.environ, YATIVO_BASE_URL=sb.base_url, YATIVO_ACCESS_TOKEN=sb.session_token,
               YATIVO_TOTP_SECRET=sb.totp_secret)
    env.pop("PYTHONPATH")
    proc = subprocess.run([sys.executable, os.path.join(root, "docs/examples/python/quickstart.py")],
                          capture_output=True, text=True, env=env, timeout=120)
    sys.stdout.write(proc.stdout)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "balance USDC_SOL 10" in proc.stdout and "sent 0.5" in proc.stdout, proc.stdout
finally:
    sb.stop()
print("quick start ran with the installed wheel")
PY
)

# TLS with the bundled libcurl: given no CA option, the wheel verifies with the CAs Python's ssl
# module finds (here SSL_CERT_FILE naming the test CA), not with a path baked into libcurl.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/tls.key" -out "$work/tls.pem" 2>/dev/null
(cd "$work" && SSL_CERT_FILE="$work/tls.pem" PYTHONPATH="$root/tests/python" \
    "$work/wheel/bin/python" - "$work/tls.pem" "$work/tls.key" <<'PY'
import sys
import libyativo as yv
from sandbox import Sandbox
sb = Sandbox("--tls-cert", sys.argv[1], "--tls-key", sys.argv[2])
try:
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url, max_retries=0) as c:
        assert c.accounts.list() == []
finally:
    sb.stop()
print("TLS verified with the system's CA settings")
PY
)

"$py" -m venv "$work/src"
"$work/src/bin/pip" install -q --disable-pip-version-check "$root"
(cd "$work" && "$work/src/bin/python" -c 'import libyativo as yv; assert len(yv.totp("JBSWY3DPEHPK3PXP")) == 6; print("pip install .:", yv.__version__)')
echo "packaging check passed"
