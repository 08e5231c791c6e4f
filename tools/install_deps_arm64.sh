#!/bin/sh
# Installs what the AArch64 cross build and its emulated tests need (DESIGN.md §6): the
# aarch64-linux-gnu cross compiler, qemu-user, and the arm64 builds of the libraries Krait
# links (Debian multiarch). Idempotent: when everything is present it prints nothing and exits.
# Installing the arm64 libraries may upgrade some amd64 packages to the matching versions
# (multiarch requires equal versions); nothing is removed. python3.11:arm64 itself cannot be
# co-installed and is not needed: the embedded arm64 CPython reads the shared stdlib in
# /usr/lib/python3.11.
set -eu
cd "$(dirname "$0")"

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  $SUDO dpkg --add-architecture arm64  # install_deps.sh runs apt-get update before installing
fi
exec ./install_deps.sh g++-aarch64-linux-gnu qemu-user pkgconf:arm64 libpython3.11-dev:arm64 \
  libasmjit-dev:arm64 libmimalloc-dev:arm64 libgtest-dev:arm64 libbenchmark-dev:arm64 \
  zlib1g-dev:arm64 libexpat1-dev:arm64
