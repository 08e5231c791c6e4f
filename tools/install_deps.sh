#!/bin/sh
# Installs everything Krait's build, tests and benchmarks need from Debian packages.
# Idempotent: when every package is already installed it prints nothing and exits at once.
# pypy3 is the benchmark speed peer and the "wrong Python" of a configure test.
# chromium (headless) renders the performance dashboard in its test (tests/dashboard).
# linux-perf: the JIT tools test records a profile and checks perf names trace symbols.
set -eu

# With arguments, installs those packages instead (tools/install_deps_arm64.sh uses that).
PKGS="cmake g++ make pkgconf python3.11 python3.11-dev python3.11-venv libpython3.11-testsuite pypy3
libasmjit-dev libmimalloc-dev libgtest-dev libbenchmark-dev zlib1g-dev libexpat1-dev chromium
linux-perf"
if [ $# -gt 0 ]; then
  PKGS="$*"
fi

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install_deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install_deps: done"
