#!/usr/bin/env bash
# Regenerates the README's screenshots with `snapshot`; tests/render.rs checks they are current.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/shenzhen-dash
"$bin" snapshot --tab overview --size 120x40 --format svg > docs/screenshots/overview-dark.svg
"$bin" snapshot --tab rd --size 100x30 --format svg --theme light > docs/screenshots/rd-light.svg
