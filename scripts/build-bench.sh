#!/usr/bin/env bash
# Builds the server and every benchmark program in one cargo invocation, so they share
# one feature set and one set of compiled crates: building the server alone and then a
# benchmark (whose dev-dependencies turn on more features of the same crates) compiled
# most of the workspace twice, and every run of a benchmark script again.
#   scripts/build-bench.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --locked "$@" -p server -p fieldschool-tests --bin fieldschool --examples
