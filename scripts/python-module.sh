#!/usr/bin/env bash
# The Python module of the main CMake build in $1, for the repository's .venv interpreter: makes
# or refreshes .venv with pybind11 and the extra packages named after $1 (installed only when
# missing), turns the module on in that build (with this venv's Python and pybind11) if it was
# configured before the venv existed, then builds only the module `_core` and the sandbox: the
# core is compiled once, by CMake. Used by scripts/test-python.sh and bench/run.sh.
#   usage: scripts/python-module.sh BUILD_DIR [PIP_PACKAGE...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
shift || true
venv="$root/.venv"
py="$venv/bin/python"

if [ ! -x "$py" ] || ! "$py" -c 'import sys' 2>/dev/null; then
    python3 -m venv --clear "$venv"
fi
need=()
for mod in pybind11 "$@"; do
    "$py" -c "import $mod" 2>/dev/null || need+=("$mod")
done
if [ ${#need[@]} -gt 0 ]; then
    "$py" -m pip install -q --disable-pip-version-check "${need[@]}"
fi

cache="$build/CMakeCache.txt"
if [ ! -f "$cache" ] || ! grep -q '^YV_BUILD_PYTHON:BOOL=ON' "$cache" ||
   ! grep -q "^Python_EXECUTABLE:[A-Z]*=$py\$" "$cache" ||
   grep -q '^YV_BUILD_SANDBOX:BOOL=OFF' "$cache"; then
    # -U drops what FindPython cached for another interpreter (its headers, its library).
    cmake -S "$root" -B "$build" -G Ninja -U '_Python_*' -DYV_BUILD_PYTHON=ON -DYV_BUILD_SANDBOX=ON \
        -DPython_EXECUTABLE="$py" -Dpybind11_DIR="$("$py" -m pybind11 --cmakedir)" >/dev/null
fi
cmake --build "$build" --target _core yativo-sandbox -j "$(nproc)"
