#!/usr/bin/env bash
# One licence and one repository URL everywhere a package manager reads them: LICENSE (MIT),
# pyproject.toml, the Cargo workspace, the Go module path and yativo.pc. A second URL or licence
# creeping into one of them fails make test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
repo=https://github.com/libyativo/libyativo
status=0
fail() {
    echo "test-metadata: $*" >&2
    status=1
}

head -n 1 LICENSE | grep -qx 'MIT License' || fail "LICENSE is not the MIT licence"
python3 - "$repo" <<'PY' || status=1
import sys, tomllib
repo = sys.argv[1]
errors = []
py = tomllib.load(open("pyproject.toml", "rb"))["project"]
if py.get("license", {}).get("text") != "MIT":
    errors.append(f"pyproject.toml: license {py.get('license')!r}, not MIT")
if "License :: OSI Approved :: MIT License" not in py.get("classifiers", []):
    errors.append("pyproject.toml: no MIT classifier")
if py.get("urls", {}).get("Repository") != repo:
    errors.append(f"pyproject.toml: Repository {py.get('urls', {}).get('Repository')!r}")
ws = tomllib.load(open("bindings/rust/Cargo.toml", "rb"))["workspace"]["package"]
if ws.get("license") != "MIT":
    errors.append(f"bindings/rust/Cargo.toml: license {ws.get('license')!r}")
if ws.get("repository") != repo:
    errors.append(f"bindings/rust/Cargo.toml: repository {ws.get('repository')!r}")
for crate in ("yativo", "yativo-sys"):
    pkg = tomllib.load(open(f"bindings/rust/{crate}/Cargo.toml", "rb"))["package"]
    for key in ("license", "repository"):
        if pkg.get(key) != {"workspace": True}:
            errors.append(f"bindings/rust/{crate}/Cargo.toml: {key} is not the workspace's")
for e in errors:
    print("test-metadata: " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
module=$(sed -n 's/^module //p' bindings/go/go.mod)
[ "https://${module%/bindings/go}" = "$repo" ] || fail "go.mod: module $module is not under $repo"
grep -qx "URL: $repo" capi/cmake/yativo.pc.in || fail "yativo.pc.in: URL is not $repo"
# Every other mention of a repository URL names the same one.
others=$(git grep -nI -E 'github\.com/[A-Za-z0-9_.-]+/libyativo' -- ':!scripts/test-metadata.sh' |
    grep -v 'github\.com/libyativo/libyativo' || true)
[ -z "$others" ] || fail "another repository URL: $others"
[ $status = 0 ] && echo "test-metadata: MIT and $repo everywhere"
exit $status
