#!/bin/sh
# The AArch64 build and its tests under emulation: installs the cross toolchain and the arm64
# libraries (tools/install_deps_arm64.sh), cross-builds Krait with the aarch64 preset
# (tools/aarch64-linux-gnu.cmake) and runs its ctest under qemu-aarch64: the unit tests (the
# backend tests execute AArch64 code), every differential program in all three routings, and
# the comparison of trace counters with the native build (arch/trace_counters, which needs
# build/release/krait: built here first when missing). Exits non-zero on any failure.
set -eu
cd "$(dirname "$0")/.."
tools/install_deps.sh
tools/install_deps_arm64.sh
jobs=$(nproc)
if [ ! -x build/release/krait ]; then
  echo "=== release (native, for the trace-counter comparison): configure and build"
  cmake --preset release >/dev/null
  cmake --build --preset release -j"$jobs" --target krait
fi
echo "=== aarch64: configure and build"
cmake --preset aarch64 >/dev/null
cmake --build --preset aarch64 -j"$jobs"
echo "=== aarch64: ctest (under qemu-aarch64)"
ctest --preset aarch64 -j"$jobs"
