#!/usr/bin/env bash
# The performance gate (issue 17): instructions per request of the core's P1 loop under callgrind
# against bench/perf-baseline.json (bench/gate.sh), for the build in $1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/bench/gate.sh" "${1:-build}"
