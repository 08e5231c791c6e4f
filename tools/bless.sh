#!/bin/sh
# Rewrites the IR golden files (tests/ir/*.ir) from the current build and shows what changed.
# Usage: tools/bless.sh [build dir, default build/release]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
/usr/bin/python3.11 "$root/tests/support/run_golden.py" --krait "$build/krait" --bless "$root"/tests/ir/*.py
git -C "$root" --no-pager diff --stat -- tests/ir
