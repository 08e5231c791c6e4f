# CMake toolchain file: cross-compile Krait for AArch64 Linux with Debian's aarch64-linux-gnu
# GCC and the arm64 multiarch libraries (tools/install_deps_arm64.sh), and run the built
# programs (unit tests, krait itself in the differential tests) under qemu-aarch64
# (binfmt_misc is not mounted on these machines, so the emulator is named explicitly).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
find_program(KRAIT_QEMU_AARCH64 qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${KRAIT_QEMU_AARCH64})
# Libraries and headers from the arm64 multiarch directories under /usr; programs (the host
# python3.11 the tests and build scripts run with) from the host.
set(CMAKE_FIND_ROOT_PATH /usr)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config (FindEXPAT uses it) must report the arm64 .pc files, not the host's.
find_program(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config REQUIRED)
# The host interpreter's sysconfig names its own (x86-64) LIBPL; the arm64 static libpython
# sits beside it (CMakeLists.txt reads this instead of asking the interpreter).
set(KRAIT_PY_LIBPL /usr/lib/python3.11/config-3.11-aarch64-linux-gnu)
