#!/usr/bin/env bash
# Instructions executed (valgrind's callgrind) by shenzhen-dash and the baseline over the same
# sessions in a tmux pane: launch → first frame → q, and the same with one → in between. Unlike
# times, the counts do not move with the machine's load, so small changes show; they leave out
# what the kernel does (page faults, the pty). Needs valgrind and tmux; ~30 s.
#
#   benches/instructions.sh             # 120x40
#   benches/instructions.sh 80x24
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-120x40}
cols=${size%x*}
rows=${size#*x}
cargo build --release --quiet --bin shenzhen-dash --example baseline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Waits up to 60 s for a condition, polling every 0.2 s.
wait_until() {
  for _ in $(seq 300); do
    if "$@"; then return 0; fi
    sleep 0.2
  done
  echo "timed out: $*" >&2
  return 1
}

# run NAME MARKER BINARY PRESSES: prints the instructions of one session.
run() {
  local name=$1 marker=$2 binary=$3 presses=$4
  local socket="instructions-$$-$name-$presses" out="$work/$name-$presses.out"
  local tmux=(tmux -L "$socket" -f /dev/null)
  "${tmux[@]}" new-session -d -x "$cols" -y "$rows" \
    "env -u COLORTERM -u NO_COLOR valgrind --tool=callgrind --callgrind-out-file=$out $binary 2>/dev/null; sleep 30"
  screen() { "${tmux[@]}" capture-pane -p; }
  shows_marker() { screen | grep -qF "$marker"; }
  wait_until shows_marker
  for _ in $(seq "$presses"); do
    local before
    before=$(screen)
    "${tmux[@]}" send-keys Right
    changed() { [[ "$(screen)" != "$before" ]]; }
    wait_until changed
  done
  "${tmux[@]}" send-keys q
  finished() { grep -q '^totals:' "$out" 2>/dev/null; }
  wait_until finished
  "${tmux[@]}" kill-server
  awk '/^totals:/ { print $2 }' "$out"
}

printf '%s, instructions (callgrind)\n' "$size"
printf '%-16s %14s %14s %14s\n' program "to first frame" "one → redraw" "whole session"
declare -A first redraw
for program in shenzhen-dash baseline; do
  if [[ $program == shenzhen-dash ]]; then
    marker="q quit" binary=target/release/shenzhen-dash
  else
    marker="per year" binary=target/release/examples/baseline
  fi
  a=$(run "$program" "$marker" "$binary" 0)
  b=$(run "$program" "$marker" "$binary" 1)
  first[$program]=$a
  redraw[$program]=$((b - a))
  printf '%-16s %14d %14d %14d\n' "$program" "$a" "$((b - a))" "$b"
done
awk -v a="${first[shenzhen-dash]}" -v b="${first[baseline]}" \
  -v c="${redraw[shenzhen-dash]}" -v d="${redraw[baseline]}" \
  'BEGIN { printf "%-16s %13.2fx %13.2fx\n", "ratio", a / b, c / d }'
