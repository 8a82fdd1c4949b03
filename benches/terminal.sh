#!/usr/bin/env bash
# Terminal benchmark: shenzhen-dash against examples/baseline.rs in a real pseudo-terminal
# (80x24 and 120x40 by default). Builds both release binaries, then runs benches/terminal.py,
# which needs only python3. Not part of `cargo test`; see docs/PERFORMANCE.md.
#
#   benches/terminal.sh                     # 7 runs per size, 9 → presses, 5 s idle
#   benches/terminal.sh --runs 9 --json /tmp/terminal.json
#   benches/terminal.sh --help              # every option
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin shenzhen-dash --example baseline
exec python3 benches/terminal.py "$@"
