#!/usr/bin/env bash
# Instructions executed (valgrind's callgrind) by shenzhen-dash and the baseline over the same
# session in a tmux pane: launch → first frame, one → redraw, q → exit, each counted apart.
# Unlike times, the counts do not move with the machine's load, so small changes show; they
# leave out what the kernel does (page faults, the pty). Needs valgrind and tmux; ~20 s.
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

# run NAME MARKER BINARY: prints the instructions to the first frame, of one → redraw and of
# the exit, from counts that callgrind_control dumps while the program waits for a key.
run() {
  local name=$1 marker=$2 binary=$3
  local socket="instructions-$$-$name" out="$work/$name.out"
  local tmux=(tmux -L "$socket" -f /dev/null)
  "${tmux[@]}" new-session -d -x "$cols" -y "$rows" \
    "env -u COLORTERM -u NO_COLOR valgrind --tool=callgrind --callgrind-out-file=$out $binary 2>/dev/null; sleep 30"
  screen() { "${tmux[@]}" capture-pane -p; }
  shows_marker() { screen | grep -qF "$marker"; }
  # A dump is written once the program has taken the request: wait for its file.
  dump() {
    local part="$out.$2"
    callgrind_control --dump="$1" "$binary" >/dev/null 2>&1
    dumped() { grep -qs '^totals:' "$part"; }
    wait_until dumped
  }
  wait_until shows_marker
  dump first-frame 1
  local before
  before=$(screen)
  "${tmux[@]}" send-keys Right
  changed() { [[ "$(screen)" != "$before" ]]; }
  wait_until changed
  dump redraw 2
  "${tmux[@]}" send-keys q
  finished() { grep -q '^totals:' "$out" 2>/dev/null; }
  wait_until finished
  "${tmux[@]}" kill-server
  for part in "$out.1" "$out.2" "$out"; do
    awk '/^totals:/ { printf "%s ", $2 }' "$part"
  done
}

printf '%s, instructions (callgrind)\n' "$size"
printf '%-16s %14s %14s %14s\n' program "to first frame" "one → redraw" "exit"
declare -A first redraw
for program in shenzhen-dash baseline; do
  if [[ $program == shenzhen-dash ]]; then
    marker="q quit" binary=target/release/shenzhen-dash
  else
    marker="per year" binary=target/release/examples/baseline
  fi
  read -r a b c <<<"$(run "$program" "$marker" "$binary")"
  first[$program]=$a
  redraw[$program]=$b
  printf '%-16s %14d %14d %14d\n' "$program" "$a" "$b" "$c"
done
awk -v a="${first[shenzhen-dash]}" -v b="${first[baseline]}" \
  -v c="${redraw[shenzhen-dash]}" -v d="${redraw[baseline]}" \
  'BEGIN { printf "%-16s %13.2fx %13.2fx\n", "ratio", a / b, c / d }'
