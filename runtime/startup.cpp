// The `krait` executable's start-up: the same steps as CPython's Py_BytesMain (pre-initialise
// from argv, read the config, initialise, Py_RunMain), with Krait's work slotted in between:
// option parsing (errors exit 2 before Python runs), allocator and arena choice, the built-in `krait`
// module, the PEP 523 hook, and the stats dump at exit.
#include <Python.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "arenas.h"
#include "big_blocks.h"
#include "prefault.h"
#include "code_info.h"
#include "krait/alloc.h"
#include "krait/krait.h"
#include "krait/log.h"
#include "krait/options.h"
#include "krait/stats.h"

namespace krait {

namespace {

std::string wide_to_utf8(const wchar_t* w) {
  // Py_EncodeLocale is usable after pre-initialisation and honours UTF-8 mode.
  char* s = Py_EncodeLocale(w, nullptr);
  if (!s) return std::string();
  std::string out(s);
  PyMem_Free(s);
  return out;
}

int exit_code_for(const PyStatus& status) {
  if (PyStatus_IsExit(status)) return status.exitcode;
  Py_ExitStatusException(status);  // prints "Fatal Python error" and exits, as python3.11 does
  return 1;
}

// Runs inside Py_FinalizeEx, after the interpreter is gone: C only. It also runs on the
// KeyboardInterrupt path, where Py_RunMain re-raises SIGINT and never returns.
void at_exit() {
  if (log_enabled(LogChannel::k_stats)) {
    // Table counters always; per-opcode hand-off counters only when non-zero.
    for_each_stat(
        [](void*, const char* name, std::uint64_t value) {
          if (value == 0 && std::strncmp(name, "handoff_", 8) == 0) return;
          log_printf(LogChannel::k_stats, "%-28s %llu", name,
                     static_cast<unsigned long long>(value));
        },
        nullptr);
  }
  const std::string& path = options().stats_file;
  if (!path.empty()) {
    if (std::FILE* f = std::fopen(path.c_str(), "w")) {
      std::string json = stats_json();
      std::fwrite(json.data(), 1, json.size(), f);
      std::fclose(f);
    } else {
      std::fprintf(stderr, "krait: cannot write KRAIT_STATS_FILE '%s'\n", path.c_str());
    }
  }
  log_flush();
  free_all_code_infos();
}

}  // namespace

int run_main(int argc, char** argv) {
  PyPreConfig preconfig;
  PyPreConfig_InitPythonConfig(&preconfig);
  PyStatus status = Py_PreInitializeFromBytesArgs(&preconfig, argc, argv);
  if (PyStatus_Exception(status)) return exit_code_for(status);

  // Krait's -X options are read from a throwaway config: reading the config that is then
  // used for initialisation would make CPython read it twice, which loses settings (e.g.
  // -X warn_default_encoding). The real config below is prepared exactly as Py_BytesMain
  // prepares it.
  std::vector<std::string> xoptions;
  // -X options come only from the command line. Without an 'X' in any argument there are
  // none, and the probe (a second argv decoding and config read, ~45,000 instructions of a
  // 35 M instruction start-up) is skipped.
  bool may_have_xoptions = false;
  for (int i = 1; i < argc && !may_have_xoptions; ++i)
    may_have_xoptions = std::strchr(argv[i], 'X') != nullptr;
  if (may_have_xoptions) {
    PyConfig probe;
    PyConfig_InitPythonConfig(&probe);
    PyStatus st = PyConfig_SetBytesArgv(&probe, argc, argv);
    if (!PyStatus_Exception(st)) st = PyConfig_Read(&probe);
    if (PyStatus_Exception(st)) {
      PyConfig_Clear(&probe);
      return exit_code_for(st);
    }
    for (Py_ssize_t i = 0; i < probe.xoptions.length; ++i)
      xoptions.push_back(wide_to_utf8(probe.xoptions.items[i]));
    PyConfig_Clear(&probe);
  }
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  status = PyConfig_SetBytesArgv(&config, argc, argv);
  if (PyStatus_Exception(status)) {
    PyConfig_Clear(&config);
    return exit_code_for(status);
  }

  OptionSources sources;
  sources.getenv = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v) return std::nullopt;
    return std::string(v);
  };
  sources.xoptions = xoptions;
  if (wants_option_help(sources.xoptions)) {
    PyConfig_Clear(&config);
    std::fputs(option_help_text().c_str(), stdout);
    return 0;
  }
  Options opts;
  std::string error;
  if (!parse_options(sources, &opts, &error)) {
    PyConfig_Clear(&config);
    std::fprintf(stderr, "krait: error: %s\n", error.c_str());
    return 2;
  }
  set_options(opts);
  if (!log_init(opts.log, opts.log_file, &error)) {
    PyConfig_Clear(&config);
    std::fprintf(stderr, "krait: error: %s\n", error.c_str());
    return 2;
  }
  if (log_enabled(LogChannel::k_startup)) {
    const auto& table = option_table();
    for (int i = 0; i < static_cast<int>(OptionId::kCount); ++i)
      log_printf(LogChannel::k_startup, "option %s = %s", table[i].name,
                 option_value_text(opts, static_cast<OptionId>(i)).c_str());
  }

  // PYTHONMALLOC is the user's explicit choice of CPython allocator (and the sanitizer runs'
  // way to put every block under AddressSanitizer); it wins over Krait's.
  const char* pymalloc_env = std::getenv("PYTHONMALLOC");
  const bool pymalloc_chosen = pymalloc_env && *pymalloc_env;
  // Big blocks under CPython's own allocators (-X dev's debug hooks included, which sit
  // above malloc), not under PYTHONMALLOC: malloc there is asked to see every block.
  if (opts.big_blocks && !pymalloc_chosen) install_big_blocks();
  if (opts.mimalloc) {
    if (pymalloc_chosen) {
      KRAIT_LOG(startup, "PYTHONMALLOC=%s set: not installing mimalloc", pymalloc_env);
    } else {
      install_mimalloc_for_python();
      KRAIT_LOG(startup, "mimalloc installed for CPython's mem and object domains");
    }
  }

  // Before Py_InitializeFromConfig, which touches nearly every page of the data segment.
  if (opts.prefault) prefault_data_segment();
  // Only obmalloc asks for arenas: with PYTHONMALLOC=malloc or mimalloc this is never called.
  if (opts.arenas) install_arena_allocator(opts.prefault);

  if (PyImport_AppendInittab("krait", PyInit_krait) < 0) {
    PyConfig_Clear(&config);
    std::fprintf(stderr, "krait: error: cannot register the krait module\n");
    return 1;
  }
  status = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(status)) return exit_code_for(status);

  if (opts.jit) install_hook();
  Py_AtExit(at_exit);
  return Py_RunMain();
}

}  // namespace krait
