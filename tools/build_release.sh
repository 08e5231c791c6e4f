#!/bin/sh
# Builds the release configuration with profile-guided optimisation of Krait's own code:
# an instrumented `krait` (preset pgo-train) runs CPython's PGO training set
# (tools/pgo_train.py), then build/release is rebuilt from scratch with those profiles.
# KRAIT_PGO=off builds build/release without profiles. docs/pgo.md says why and what it buys.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc)
if [ "${KRAIT_PGO:-on}" = off ]; then
  cmake --preset release -DKRAIT_PGO= >/dev/null
  cmake --build --preset release -j"$jobs"
  exit 0
fi
profiles="$PWD/build/pgo-profile"
echo "=== pgo: instrumented build"
cmake --preset pgo-train >/dev/null
cmake --build --preset pgo-train -j"$jobs"
rm -rf "$profiles"
echo "=== pgo: training"
/usr/bin/python3.11 tools/pgo_train.py build/pgo-train/krait
if ! ls "$profiles"/*.gcda >/dev/null 2>&1; then
  echo "build_release: the training run wrote no profiles to $profiles" >&2
  exit 1
fi
echo "=== pgo: optimised build (build/release)"
cmake --preset release -DKRAIT_PGO=use "-DKRAIT_PGO_DIR=$profiles" >/dev/null
# The objects depend on the profiles, which make does not know: rebuild them all.
cmake --build --preset release -j"$jobs" --clean-first
