#!/usr/bin/env python3
"""Deterministic per-loop cost of the bench programs' kernels, in instructions (callgrind).

Wall-clock ratios on this shared 2-core machine move by several percent from run to run; this
tool answers the narrower question "does interpreter A execute the same loops with more
instructions than B?" exactly. It imports a bench program as a module (its `main()` does not
run, its file is not changed), calls the program's own kernel functions with small inputs at
two sizes under `valgrind --tool=callgrind`, and reports the difference, which cancels
start-up, imports and the driver itself:

  tools/loop_cost.py --interp python3.11=/usr/bin/python3.11 \
                     --interp 'krait-nojit=build/release/krait -X jit=off' [PROGRAM ...]

Unlike counting whole programs with start-up subtracted, only the kernels' loops are counted
(no set-up, no self-check). Hash randomisation is fixed (PYTHONHASHSEED=0), so repeated runs
give identical counts.
With `--run PROGRAM SCALE` it is the driver that runs inside the measured interpreter.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROGRAMS = REPO / "bench" / "programs"

# program -> Python source of the kernel call; `m` is the imported program, `s` the scale.
# Sizes are chosen so that one scale unit costs a few million instructions.
KERNELS = {
    "leibniz": "m.leibniz(20_000 * s)",
    "sum_squares": "m.sum_squares(20_000 * s)",
    "collatz": "m.chain_steps(200 * s + 1)",
    "mandelbrot": "m.mandelbrot(12 * s, 15, 60)",
    "mandelbrot_floats": "m.escape_grid(12 * s, 15, 60)",
    "nbody": "m.advance(m.make_system(), 400 * s, 0.01)",
    "spectral_norm": "m.mul_atav([1.0] * (20 * s), 20 * s)",
    "dot_product": "m.dot_indexed(list(range(10_000 * s)), list(range(10_000 * s)))",
    "prefix_sums": "m.running_means([float(i) for i in range(10_000 * s)])",
    "histogram": "m.histogram_range(m.generate(5_000 * s, 7), 64, 1 << 31)",
    "fannkuch": "[m.count_flips(list(p)) for p in __import__('itertools')"
                ".permutations(range(6)) for _ in range(s)]",
}
DEFAULT = ["leibniz", "sum_squares", "collatz", "mandelbrot", "mandelbrot_floats", "nbody",
           "spectral_norm", "dot_product", "prefix_sums", "histogram", "fannkuch"]
SCALES = (1, 3)


def run_kernel(program, scale):
    import importlib.util
    spec = importlib.util.spec_from_file_location(program, PROGRAMS / (program + ".py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    eval(KERNELS[program], {"m": m, "s": scale})  # noqa: S307 (our own table)
    return 0


def instructions(command, program, scale):
    words = shlex.split(command)
    env = dict(os.environ, PYTHONHASHSEED="0")
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        k, v = words.pop(0).split("=", 1)
        env[k] = v
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        cmd = (["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + words +
               [str(Path(__file__).resolve()), "--run", program, str(scale)])
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit("%s failed:\n%s" % (" ".join(cmd), r.stderr[-2000:]))
        m = re.search(r"refs:\s+([\d,]+)", r.stderr)
        return int(m.group(1).replace(",", ""))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("programs", nargs="*", help="programs (default: %s)" % " ".join(DEFAULT))
    p.add_argument("--interp", action="append", metavar="NAME=COMMAND",
                   help="interpreter (repeatable); the first is the baseline")
    p.add_argument("--run", nargs=2, metavar=("PROGRAM", "SCALE"),
                   help="internal: run one kernel in this interpreter")
    args = p.parse_args()
    if args.run:
        return run_kernel(args.run[0], int(args.run[1]))
    interps = [i.split("=", 1) for i in (args.interp or [
        "python3.11=/usr/bin/python3.11", "krait-nojit=build/release/krait -X jit=off"])]
    programs = args.programs or DEFAULT
    for prog in programs:
        if prog not in KERNELS:
            raise SystemExit("no kernel for %r; known: %s" % (prog, " ".join(KERNELS)))
    names = [n for n, _ in interps]
    print("%-18s" % "program" + "".join("%16s" % n for n in names) +
          "".join("%18s" % ("ratio " + n) for n in names[1:]))
    for prog in programs:
        costs = []
        for _, command in interps:
            lo, hi = (instructions(command, prog, s) for s in SCALES)
            costs.append((hi - lo) / (SCALES[1] - SCALES[0]))
        print("%-18s" % prog + "".join("%16s" % f"{c:,.0f}" for c in costs) +
              "".join("%18.3f" % (c / costs[0]) for c in costs[1:]), flush=True)
    print("(instructions per scale unit: callgrind Ir at scale %d minus scale %d, divided by %d)"
          % (SCALES[1], SCALES[0], SCALES[1] - SCALES[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
