#!/bin/sh
# The main job: installs what is missing, builds Krait (release) and runs one bundled program
# under /usr/bin/python3.11 and under krait, printing both times and the ratio.
# Usage: tools/demo.sh [bench/programs/<name>.py]   (default: the n-body simulation)
set -eu
cd "$(dirname "$0")/.."
tools/install_deps.sh
# Profile-guided unless already built (docs/pgo.md); KRAIT_PGO=off skips the training run.
if [ ! -x build/release/krait ]; then
  tools/build_release.sh >/dev/null
else
  cmake --build --preset release -j"$(nproc)" >/dev/null
fi
prog=${1:-bench/programs/nbody.py}
exec /usr/bin/python3.11 - "$prog" <<'PY'
import subprocess, sys, time
prog = sys.argv[1]
times = {}
for name, cmd in (("python3.11", ["/usr/bin/python3.11"]), ("krait", ["build/release/krait"])):
    start = time.perf_counter()
    p = subprocess.run(cmd + [prog], capture_output=True, text=True)
    times[name] = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{name} failed on {prog}:\n{p.stderr}")
    print(f"{name:>10}: {times[name]:7.3f} s   {p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ''}")
print(f"{'ratio':>10}: {times['krait'] / times['python3.11']:7.3f}  (krait / python3.11; < 1 is faster)")
PY
