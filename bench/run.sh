#!/usr/bin/env bash
# The benchmark of issue 8: brief against the stock typst CLI 0.15 on the same templates,
# data and fonts. Prints the machine, the versions, the date and a table of medians.
#
#   bash bench/run.sh                 # 10 runs per measurement (takes a few minutes)
#   BENCH_RUNS=20 bash bench/run.sh   # more runs
#
# Environment:
#   BENCH_RUNS          runs per measurement (default 10; the scale runs use half, at least 3)
#   BRIEF_BIN           the brief binary to measure (default: target/release/brief, built when missing)
#   BRIEF_BENCH_CACHE   where the reference typst CLI is installed (default ~/.cache/brief)
#   BENCH_JSON          also write the raw samples to this file
#
# Everything runs on copies of the project in a temporary folder: out/ of the project is never
# touched. Watchers started for the warm-rebuild measurement are stopped on exit, also on Ctrl-C.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
runs=${BENCH_RUNS:-10}
cache=${BRIEF_BENCH_CACHE:-$HOME/.cache/brief}
typst=$cache/typst-cli/bin/typst
brief=${BRIEF_BIN:-$repo/target/release/brief}

say() { printf 'bench: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1
  fi
}

apt_install() { # package
  say "installing $1 (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "$1" >/dev/null
}

command -v python3 >/dev/null || apt_install python3
[ -x /usr/bin/time ] || apt_install time

# The reference: the stock typst CLI 0.15, in a cache folder of its own.
if ! "$typst" --version 2>/dev/null | grep -q '^typst 0\.15\.'; then
  command -v cargo >/dev/null || { say "cargo is needed to install the typst CLI"; exit 1; }
  say "installing typst-cli 0.15 into $cache/typst-cli (a few minutes)"
  cargo install typst-cli --version '~0.15' --locked --root "$cache/typst-cli"
fi

# The binary under test: a release build.
if [ ! -x "$brief" ]; then
  say "no $brief: building it (cargo build --release)"
  (cd "$repo" && cargo build --release --locked)
fi
if [ -z "${BRIEF_BIN:-}" ] && [ -n "$(find "$repo/src" "$repo/Cargo.toml" -newer "$brief" -print -quit 2>/dev/null)" ]; then
  say "warning: $brief is older than src/: it may not be the code you have (cargo build --release)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench.XXXXXX")
cleanup() {
  # Watchers left by an interrupted run: stop exactly the processes the benchmark started.
  if [ -f "$work/watchers.pids" ]; then
    while read -r pid; do
      kill -INT -- "-$pid" 2>/dev/null || true
    done <"$work/watchers.pids"
    sleep 0.5
    while read -r pid; do
      kill -KILL -- "-$pid" 2>/dev/null || true
    done <"$work/watchers.pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Measure a snapshot of the binary: a rebuild during the run must not change what is measured.
cp "$brief" "$work/brief"

say "measuring $brief against $typst in $work ($runs runs each)"
python3 "$here/bench.py" --repo "$repo" --brief "$work/brief" --brief-origin "$brief" --typst "$typst" \
  --work "$work" --runs "$runs" ${BENCH_JSON:+--json "$BENCH_JSON"}
