#!/usr/bin/env bash
# ctest cli.completion: `yativo completion bash` loaded into bash completes commands, subcommands
# (hand-written and generated), options, after a value-taking global option and after an
# operand; the zsh and fish scripts and the manual page come from the same tables.
#   usage: completion_test.sh YATIVO
set -euo pipefail
yativo=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$yativo" completion bash >"$work/yativo.bash"
bash -n "$work/yativo.bash"
# complete WORD...: what the completion offers for the last word (COMP_CWORD points at it).
complete() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _yativo
             printf "%s\n" "${COMPREPLY[@]}"' _ "$work/yativo.bash" "$@"
}
# Whole outputs are captured before they are searched: `producer | grep -q` under pipefail fails
# at random when grep exits at its match and the producer dies of SIGPIPE.
expect() {  # expect WANTED WORD...
    local want=$1 offered
    shift
    offered=$(complete "$@")
    grep -qx -- "$want" <<<"$offered" ||
        { echo "completing '$*' does not offer $want: $(tr '\n' ' ' <<<"$offered")" >&2; exit 1; }
}
expect keys yativo ke
expect create yativo keys cr
expect list yativo accounts l
expect send-funds yativo transactions send
expect --name yativo keys create --na
expect get yativo --base-url http://127.0.0.1:1/api/v1 keys g
expect --json yativo keys get key_1 --js
if grep -qx -- --data <<<"$(complete yativo keys create --na)"; then
    echo "keys create is offered another command's option" >&2
    exit 1
fi

"$yativo" completion zsh >"$work/yativo.zsh"
head -n1 "$work/yativo.zsh" | grep -qx '#compdef yativo'
"$yativo" completion fish >"$work/yativo.fish"
grep -q "^complete -c yativo -n __fish_use_subcommand -a keys " "$work/yativo.fish"
grep -q "__fish_seen_subcommand_from accounts.* -a list " "$work/yativo.fish"
set +e
"$yativo" completion tcsh >/dev/null 2>"$work/err"
rc=$?
set -e
[ "$rc" = 2 ] || { echo "completion tcsh exited $rc, not 2 (usage)" >&2; exit 1; }
grep -q "bash, zsh or fish" "$work/err"

"$yativo" manpage >"$work/yativo.1"
grep -q '^\.TH YATIVO 1 ' "$work/yativo.1"
grep -q '^\.SS "keys create"' "$work/yativo.1"
grep -q '^\.SS "accounts list"' "$work/yativo.1"
grep -q '^\\fB\\-\\-base\\-url\\fR' "$work/yativo.1"
echo "completion and manual page: ok"
