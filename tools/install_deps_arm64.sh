#!/bin/sh
# Installs what the AArch64 cross build and its emulated tests need (DESIGN.md §6): the
# aarch64-linux-gnu cross compiler, qemu-user, and the arm64 builds of the libraries Krait
# links (Debian multiarch). Idempotent: when everything is present it prints nothing and exits.
# Installing the arm64 libraries may upgrade some amd64 packages to the matching versions
# (multiarch requires equal versions); nothing is removed. python3.11:arm64 itself cannot be
# co-installed and is not needed: the embedded arm64 CPython reads the shared stdlib in
# /usr/lib/python3.11.
set -eu

PKGS="g++-aarch64-linux-gnu qemu-user pkgconf:arm64 libpython3.11-dev:arm64 libasmjit-dev:arm64
libmimalloc-dev:arm64 libgtest-dev:arm64 libbenchmark-dev:arm64 zlib1g-dev:arm64
libexpat1-dev:arm64"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install_deps_arm64: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install_deps_arm64: done"
