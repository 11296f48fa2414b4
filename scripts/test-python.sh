#!/usr/bin/env bash
# The Python suite: pytest (tests/python) against the module of the main CMake build in $1, with
# the sandbox of that build. Makes or refreshes .venv (pytest, pybind11, mypy, installed only
# when missing) and builds just the module target: the core is compiled once, by CMake, not
# again by pip, for the test run. Then the packaging check (tests/python/pip_install_check.sh:
# `python -m build` and `pip install .`, about 2-3 minutes on 2 cores since both compile the
# core again) runs unless YV_TEST_PIP_INSTALL=0.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
venv="$root/.venv"
py="$venv/bin/python"

# .venv (pytest and mypy besides pybind11) and the module of the main build, with the sandbox.
bash "$root/scripts/python-module.sh" "$build" pytest mypy

export PYTHONPATH="$build/python"
export YV_SANDBOX="$build/sandbox/yativo-sandbox"
export YV_REPO_ROOT="$root"
unset YATIVO_API_KEY YATIVO_API_SECRET YATIVO_ACCESS_TOKEN YATIVO_BASE_URL YATIVO_TOTP_SECRET

set +e
# -rA: the captured output of passing tests too (stdout, stderr and the core's YATIVO_LOG lines),
# for the secret scan of scripts/run-tests.sh.
"$py" -m pytest -q -rA -p no:cacheprovider "$root/tests/python"
rc=$?
set -e
if [ $rc -eq 5 ]; then
    echo "pytest ran no test: failing"
    exit 1
fi
[ $rc -eq 0 ] || exit $rc

if [ "${YV_TEST_PIP_INSTALL:-1}" != 0 ]; then
    bash "$root/tests/python/pip_install_check.sh" "$py" "$build"
fi
