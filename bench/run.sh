#!/usr/bin/env bash
# Benchmarks of libyativo (docs/benchmarks.md): make bench, or
#   bash bench/run.sh [--smoke] [BUILD_DIR]
# Full run: every benchmark, at least 5 runs each (interleaved so load drifts hit every client
# alike), a callgrind profile, then bench/results/<date>-<host>.json and docs/benchmarks.md.
# --smoke (make test, via scripts/test-bench.sh): each benchmark once with tiny counts, no peer
# installed from PyPI (peers run only if their venvs already exist), output under BUILD_DIR only.
set -euo pipefail
smoke=0
if [ "${1:-}" = --smoke ]; then
    smoke=1
    shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build_arg=${1:-build}
mkdir -p "$build_arg"
build=$(cd "$build_arg" && pwd)
out="$build/bench/out"
[ $smoke = 0 ] || out="$out-smoke"
rm -rf "$out"
mkdir -p "$out"
runs_file="$out/runs.jsonl"
: >"$runs_file"
log() { echo "bench: $*" >&2; }

if [ $smoke = 1 ]; then
    runs=1 refresh_runs=1 n_cpp=50 n_py=20 n_thr=5 warm=5 refresh_s=3 ttl=2 n_w=10 n_page=6 n_page_py=4
    async_runs=1 async_py_runs=1 async_capped_runs=1 n_async=20 async_delay=50
else
    runs=7 refresh_runs=5 n_cpp=5000 n_py=1000 n_thr=500 warm=200 refresh_s=8 ttl=4 n_w=500 n_page=600 n_page_py=200
    async_runs=5 async_py_runs=3 async_capped_runs=2 n_async=1000 async_delay=200
fi
[ -x /usr/local/go/bin/go ] && export PATH="/usr/local/go/bin:$PATH"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
jobs=$(($(nproc) < 2 ? $(nproc) : 2))

# --- Build: the C/C++ programs through CMake, Go and Rust programs with their tools.
cache="$build/CMakeCache.txt"
if [ ! -f "$cache" ]; then
    cmake -S "$root" -B "$build" -G Ninja >/dev/null
elif grep -q '^YV_BUILD_BENCH:BOOL=OFF' "$cache" || grep -q '^YV_BUILD_SANDBOX:BOOL=OFF' "$cache"; then
    cmake -S "$root" -B "$build" -DYV_BUILD_BENCH=ON -DYV_BUILD_SANDBOX=ON >/dev/null
fi
# The Python module too (P2 measures it), for the .venv interpreter: scripts/python-module.sh
# turns it on in this build when the build was configured without it.
bash "$root/scripts/python-module.sh" "$build" >"$out/python-module.log" 2>&1 ||
    { cat "$out/python-module.log" >&2; exit 1; }
targets=(yv_bench yv_bench_capi yv_bench_static_min yativo yativo-sandbox _core)
cmake --build "$build" --target "${targets[@]}" -j "$jobs" >"$out/build.log" 2>&1 ||
    { cat "$out/build.log" >&2; exit 1; }
bin="$build/bench"
export PKG_CONFIG_PATH="$build/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export LD_LIBRARY_PATH="$build/capi${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
unset YATIVO_API_KEY YATIVO_API_SECRET YATIVO_ACCESS_TOKEN YATIVO_BASE_URL YATIVO_TOTP_SECRET

# A bench program that does not build fails the smoke test (it rotted unseen once: a crate added
# to the binding without bench/rust/Cargo.lock); a full run goes on without that row.
unbuilt() {
    log "the $1 bench program does not build"
    if [ $smoke = 1 ]; then exit 1; fi
}
go_bin="" rust_bin=""
if command -v go >/dev/null; then
    if (cd "$root/bench/go" && CGO_ENABLED=1 go build -o "$bin/yv-bench-go" .); then
        go_bin="$bin/yv-bench-go"
    else
        unbuilt Go
    fi
else
    log "no Go toolchain: P5 without Go"
fi
if command -v cargo >/dev/null; then
    if (cd "$root/bench/rust" && CARGO_TARGET_DIR="$build/rust-target" cargo build -q --release \
        --locked -j "$jobs"); then
        rust_bin="$build/rust-target/release/yv-bench-rust"
    else
        unbuilt Rust
    fi
else
    log "no cargo: P5 without Rust"
fi

# --- Python: the module is built for the repository's .venv interpreter (scripts/test-python.sh).
# Peers go in venvs of their own under the build dir: requests + httpx (+ aiohttp for the async
# benchmark), and yativo-crypto-sdk alone (it installs a top-level package named `yativo`).
py="$root/.venv/bin/python"
[ -x "$py" ] || py=$(command -v python3)
peers_venv="$build/bench/venv-peers"
official_venv="$build/bench/venv-official"
if [ $smoke = 0 ]; then
    if [ ! -x "$peers_venv/bin/python" ] || ! "$peers_venv/bin/python" -c 'import requests, httpx, aiohttp' 2>/dev/null; then
        "$py" -m venv --clear "$peers_venv"
        "$peers_venv/bin/pip" install -q --disable-pip-version-check requests httpx aiohttp
    fi
    if [ ! -x "$official_venv/bin/python" ] || ! "$official_venv/bin/python" -c 'import yativo' 2>/dev/null; then
        "$py" -m venv --clear "$official_venv"
        "$official_venv/bin/pip" install -q --disable-pip-version-check yativo-crypto-sdk
    fi
fi

# --- Sandboxes, jfield and callgrind_ir: shared with bench/gate.sh.
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

exchanges() { jfield "$(curl -sf "$root_url/__sandbox/stats")" token_exchanges; }
record() { "$@" | tee -a "$runs_file" >&2; }
skip() { echo "{\"bench\":\"$1\",\"client\":\"$2\",\"skipped\":\"$3\"}" | tee -a "$runs_file" >&2; }

# P1w creates accounts with every write: on a sandbox of its own, so the three-account list the
# other benchmarks read keeps its length from run to run.
start_sandbox writes
writes_base=$base writes_key=$key writes_secret=$secret
start_sandbox main
main_base=$base main_key=$key main_secret=$secret
log "sandbox $base, $runs runs"

for r in $(seq "$runs"); do
    log "run $r/$runs"
    echo "{\"bench\":\"round\",\"client\":\"-\",\"run\":$r}" >>"$runs_file"
    # P1: the core vs raw libcurl (and raw libcurl + a JSON parse) in one process, alternating
    # blocks of 100 requests: on a shared machine, separate processes met different loads.
    record "$bin/yv_bench" p1 "$base" "$key" "$secret" n=$n_cpp warmup=$warm block=$((n_cpp < 100 ? n_cpp : 100))
    # P1w: a write with an idempotency key (reuses the connection) vs one without (a connection
    # of its own, SPEC §4), interleaved in one process.
    record "$bin/yv_bench" writes "$writes_base" "$writes_key" "$writes_secret" n=$n_w block=$((n_w < 50 ? n_w : 50))
    # Page: a 100-transaction answer through the core, raw libcurl and raw libcurl + RapidJSON.
    record "$bin/yv_bench" page "$base" "$key" "$secret" n=$n_page warmup=$((n_page < 20 ? 2 : 20)) block=$((n_page < 25 ? 2 : 25))
    # P3: 16 threads; the token exchanges of the shared client are read from the sandbox.
    before=$(exchanges)
    record "$bin/yv_bench" threads-core "$base" "$key" "$secret" n=$n_thr threads=16
    echo "{\"bench\":\"p3x\",\"client\":\"threads-core\",\"token_exchanges\":$(($(exchanges) - before))}" |
        tee -a "$runs_file" >&2
    record "$bin/yv_bench" threads-curl "$base" "$key" "$secret" n=$n_thr threads=16
    # P2: Python clients. The binding runs in the same process as the peers it is compared with,
    # in alternating blocks: requests + httpx in one venv, the official SDK in its own.
    peers=()
    for client in requests httpx; do
        if [ -x "$peers_venv/bin/python" ] && "$peers_venv/bin/python" -c "import $client" 2>/dev/null; then
            peers+=("$client")
        else
            skip p2 "$client" "not installed (smoke runs install nothing; make bench does)"
        fi
    done
    peers_py=""
    if [ ${#peers[@]} -gt 0 ]; then
        peers_py="$peers_venv/bin/python"
        record env PYTHONPATH="$build/python" "$peers_venv/bin/python" "$root/bench/python/bench_py.py" \
            "binding,$(IFS=,; echo "${peers[*]}")" "$base" "$key" "$secret" $n_py $((warm / 4 + 1))
    else
        record env PYTHONPATH="$build/python" "$py" "$root/bench/python/bench_py.py" binding \
            "$base" "$key" "$secret" $n_py $((warm / 4 + 1))
    fi
    # The same page in Python: decoded into Python objects by the binding, requests and httpx.
    record env PYTHONPATH="$build/python" "${peers_py:-$py}" "$root/bench/python/bench_py.py" \
        "binding${peers:+,$(IFS=,; echo "${peers[*]}")}" "$base" "$key" "$secret" $n_page_py 2 \
        $((n_page_py < 10 ? 2 : 10)) page
    if [ -x "$official_venv/bin/python" ] && "$official_venv/bin/python" -c 'import yativo' 2>/dev/null; then
        record env PYTHONPATH="$build/python" "$official_venv/bin/python" "$root/bench/python/bench_py.py" \
            binding,official "$base" "$key" "$secret" $n_py $((warm / 4 + 1))
    else
        skip p2 official "yativo-crypto-sdk not installed (smoke runs install nothing; make bench does)"
    fi
    # P5: the same loop in C, Go and Rust.
    record "$bin/yv_bench_capi" "$base" "$key" "$secret" $n_cpp $warm
    if [ -n "$go_bin" ]; then record "$go_bin" "$base" "$key" "$secret" $n_cpp $warm; else skip p5 go "no Go toolchain"; fi
    if [ -n "$rust_bin" ]; then record "$rust_bin" "$base" "$key" "$secret" $n_cpp $warm; else skip p5 rust "no cargo"; fi
    # P4: an idle client.
    record "$bin/yv_bench" idle "$base" "$key" "$secret"
done

# P4: sizes.
strip -o "$out/libyativo.so.stripped" "$(readlink -f "$build/capi/libyativo.so")"
strip -o "$out/static_min.stripped" "$bin/yv_bench_static_min"
echo "{\"bench\":\"p4\",\"client\":\"sizes\",\"libyativo_so_stripped\":$(stat -c %s "$out/libyativo.so.stripped"),\"static_min_stripped\":$(stat -c %s "$out/static_min.stripped"),\"static_min_needed\":\"$(readelf -d "$bin/yv_bench_static_min" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ' | sed 's/ $//')\"}" |
    tee -a "$runs_file" >&2

# Refresh under load: short token life, the exchange slowed by 200 ms (a sandbox delay fault).
start_sandbox refresh --token-ttl "$ttl"
for r in $(seq "$refresh_runs"); do
    record "$bin/yv_bench" refresh "$base" "$key" "$secret" seconds=$refresh_s threads=4 delay_ms=200
done

# Many calls in flight from one thread (issue 18): n_async list calls started at once, each held
# async_delay ms in the server by a delay fault, on the main sandbox (nothing here writes). Its
# max_in_flight is a high-water mark (P3 took it to 16): the default-cap runs go first, so it
# shows what that cap let through, then the runs at cap n_async. Each run is a process of its
# own, so every client opens its connections afresh; the clients alternate within each round.
# A client and the sandbox each hold one socket per call in flight.
fd_limit=$(ulimit -n)
if [ "$fd_limit" != unlimited ] && [ "$fd_limit" -lt $((n_async + 200)) ]; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    fd_limit=$(ulimit -n)
fi
if [ "$fd_limit" != unlimited ] && [ "$fd_limit" -lt $((n_async + 200)) ]; then
    for client in core-poll core-epoll curl-multi core-poll-default-cap binding httpx aiohttp; do
        case $client in binding | httpx | aiohttp) b=async-py ;; *) b=async ;; esac
        skip $b "$client" "open-file limit $fd_limit < $((n_async + 200)): $n_async calls in flight need a socket each in the client and in the sandbox"
    done
else
    async_args=("$main_base" "$main_key" "$main_secret" n=$n_async delay_ms=$async_delay)
    # At the default cap (defaults::max_host_connections): the calls beyond it wait their turn.
    for r in $(seq "$async_capped_runs"); do
        record "$bin/yv_bench" async-core "${async_args[@]}" cap=0
    done
    for r in $(seq "$async_runs"); do
        record "$bin/yv_bench" async-core "${async_args[@]}" cap=$n_async
        record "$bin/yv_bench" async-curl "${async_args[@]}" cap=$n_async
        record "$bin/yv_bench" async-core "${async_args[@]}" cap=$n_async epoll=1
    done
    for r in $(seq "$async_py_runs"); do
        for client in binding httpx aiohttp; do
            # httpx takes ~20 s of CPU for the 1,000 (its pool is quadratic: bench/analysis.md):
            # one run keeps make bench short.
            if [ $client = httpx ] && [ "$r" -gt 1 ]; then continue; fi
            if [ $client = binding ]; then async_py=$py; else async_py=$peers_venv/bin/python; fi
            if [ $client != binding ] && { [ ! -x "$async_py" ] || ! "$async_py" -c "import $client" 2>/dev/null; }; then
                [ "$r" -gt 1 ] || skip async-py "$client" "not installed (smoke runs install nothing; make bench does)"
                continue
            fi
            record env PYTHONPATH="$build/python" "$async_py" "$root/bench/python/bench_async_py.py" \
                "$client" "$main_base" "$main_key" "$main_secret" $n_async $async_delay $n_async
        done
    done
fi

# Where the time goes: instructions per request under callgrind (deterministic on a shared machine;
# whether perf has hardware counters here is recorded beside it),
# from the difference of two loop lengths; report.py breaks it down by object and function.
if [ $smoke = 0 ] && command -v valgrind >/dev/null; then
    base=$main_base key=$main_key secret=$main_secret
    for client in core curl curl-json; do
        echo "{\"bench\":\"profile\",\"client\":\"$client\",\"ir_per_request\":$(callgrind_ir "$client" 100 600)}" |
            tee -a "$runs_file" >&2
    done
fi

perf_ok=false
if command -v perf >/dev/null && perf stat -x, -e instructions true >/dev/null 2>&1 &&
    ! perf stat -x, -e instructions true 2>&1 | grep -q 'not supported'; then
    perf_ok=true
fi
if [ $smoke = 1 ]; then
    results="$out/results.json" doc="$out/benchmarks.md"
else
    results="$root/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s).json" doc="$root/docs/benchmarks.md"
fi
python3 "$root/bench/report.py" --runs "$runs_file" --out-dir "$out" --results "$results" \
    --doc "$doc" --root "$root" --smoke $smoke --perf "$perf_ok"
log "results: $results"
log "report: $doc"
