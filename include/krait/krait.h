// Krait's entry points: the executable's main, hook installation and the `krait` module.
#pragma once

#include <cstdint>

struct _object;

namespace krait {

inline constexpr const char* kVersion = "0.1.0";

// The whole `krait` executable: CPython's Py_BytesMain sequence with Krait's option parsing,
// allocator choice and hook installation between initialisation and running.
int run_main(int argc, char** argv);

// Installs/removes the PEP 523 frame-evaluation hook on the current interpreter (GIL held).
void install_hook();
void uninstall_hook();
bool hook_installed();

}  // namespace krait

extern "C" _object* PyInit_krait();
