# Shared by bench/run.sh and bench/gate.sh (sourced; needs $build, $out, $bin set).
# Sandboxes started here are killed on exit.
sandbox_pids=()
cleanup() {
    for pid in "${sandbox_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT
# start_sandbox NAME FLAGS...: sets base, root_url, key, secret (a read key + 3 accounts).
start_sandbox() {
    local name=$1 line="" i
    shift
    "$build/sandbox/yativo-sandbox" --port 0 --rate-limit 0 "$@" >"$out/$name.line" 2>"$out/$name.err" &
    sandbox_pids+=($!)
    for i in $(seq 100); do
        line=$(head -n1 "$out/$name.line" 2>/dev/null || true)
        [ -n "$line" ] && break
        sleep 0.05
    done
    [ -n "$line" ] || { echo "sandbox $name did not start" >&2; cat "$out/$name.err" >&2; exit 1; }
    read -r base session totp < <(jfield "$line" base_url session_token totp_secret)
    root_url=${base%/api/v1}
    read -r key secret < <(jfield "$("$bin/yv_bench" setup "$base" "$session" "$totp")" api_key api_secret)
}
jfield() {  # jfield JSON NAME...: the fields, space-separated
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(*(d[k] for k in sys.argv[2:]))' "$@"
}
# callgrind_ir CLIENT SHORT LONG: instructions per request of `yv_bench CLIENT` against the
# sandbox of start_sandbox, from the difference of a SHORT- and a LONG-request run under
# callgrind, so start-up and the token exchange cancel; the profiles stay in $out.
callgrind_ir() {
    local client=$1 short=$2 long=$3 n
    for n in "$short" "$long"; do
        valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$client.$n" \
            "$bin/yv_bench" "$client" "$base" "$key" "$secret" n="$n" warmup=20 >/dev/null \
            2>"$out/callgrind.$client.$n.log"
    done
    ir() { sed -n 's/^summary: //p' "$1" | head -n1; }
    echo $((($(ir "$out/callgrind.$client.$long") - $(ir "$out/callgrind.$client.$short")) / (long - short)))
}
