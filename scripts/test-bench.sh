#!/usr/bin/env bash
# The benchmark smoke test: every benchmark of bench/run.sh once with tiny counts against the
# build in $1, so the bench programs and scripts cannot rot. Installs no peer from PyPI (the
# module's .venv gets pybind11 as for test-python.sh): the Python peers (requests, httpx,
# yativo-crypto-sdk) run only if a `make bench` already made their venvs;
# the report code still runs over whatever was measured. Output stays under $1/bench/out-smoke.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)
bash "$root/bench/run.sh" --smoke "${1:-build}"
echo "test-bench: smoke run took $(($(date +%s) - start)) s"
