#!/bin/sh
# Installs what is missing, builds the release and the sanitizer configurations, and runs
# every test: release = unit, differential, CLI, runner self-tests and the CPython regression
# subset; asan-ubsan = the same without the CPython subset. Exits non-zero on any failure.
# KRAIT_TEST_PRESETS="release" limits the presets (default: "release asan-ubsan").
set -eu
cd "$(dirname "$0")/.."
tools/install_deps.sh
jobs=$(nproc)
for preset in ${KRAIT_TEST_PRESETS:-release asan-ubsan}; do
  echo "=== $preset: configure and build"
  if [ "$preset" = release ]; then
    # The shipped build: profile-guided (KRAIT_PGO=off skips the training run).
    tools/build_release.sh
  else
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j"$jobs"
  fi
  echo "=== $preset: ctest"
  ctest --preset "$preset" -j"$jobs"
done
