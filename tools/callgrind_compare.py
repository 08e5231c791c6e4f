#!/usr/bin/python3.11
"""Instruction counts of bench programs under several interpreters, with callgrind.

Wall-clock times on shared machines move by +-25%; callgrind's instruction counts do not
(the same binary, input and environment give the same count). This tool runs each program
under `valgrind --tool=callgrind` for every interpreter, optionally with smaller sizes
(top-level `NAME = number` assignments rewritten in a temporary copy; a program whose
self-check then fails is still counted, and flagged), subtracts the cost of an empty
program run by the same interpreter (start-up), and prints instructions and ratios to the
first interpreter. It is a profiling aid, not a benchmark: instructions are not time.
With `--cache`, cachegrind also simulates the instruction cache and branch predictor and
each cell shows instructions, I1 misses and mispredicted branches (conditional plus
indirect), start-up subtracted: the per-instruction costs that instruction counts hide.

  tools/callgrind_compare.py fib nbody --set N=24 --set STEPS=5000 \\
      --interp stock=/usr/bin/python3.11 --interp "krait=build/release/krait -X jit-trace=off"
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

# --small: sizes that keep each program's run under callgrind to seconds (the README's
# instruction table uses them).
SMALL = {
    "fib": {"N": 25, "COUNTED_N": 10}, "sum_squares": {"REPEATS": 1, "BASE_N": 100000},
    "string_build": {"RECORDS": 20000}, "generators": {"N": 100000, "TREE_DEPTH": 10, "ROUNDS": 1},
    "richards": {"JOBS": 3000}, "float_points": {"POINTS": 3000, "ROUNDS": 15},
    "nbody": {"STEPS": 10000}, "bytecode_vm": {"PRIME_LIMIT": 2000, "GCD_LIMIT": 20},
    "dot_product": {"LENGTH": 20000, "ROUNDS": 3}, "prefix_sums": {"LENGTH": 20000, "ROUNDS": 3},
    "fannkuch": {"N": 7}, "mandelbrot": {"WIDTH": 60, "HEIGHT": 40},
    "mandelbrot_floats": {"WIDTH": 60, "HEIGHT": 40}, "nqueens": {"N": 7, "GEN_N": 6},
    "raytrace": {"WIDTH": 40, "HEIGHT": 30}, "spectral_norm": {"N": 60, "ITERATIONS": 3},
    "word_count": {"WORDS": 30000}, "collatz": {"LIMIT": 10000}, "histogram": {"SAMPLES": 100000},
    "leibniz": {"TERMS": 300000},
}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")


def parse_interp(spec):
    name, _, command = spec.partition("=")
    if not command:
        raise argparse.ArgumentTypeError(f"want NAME=COMMAND, got {spec!r}")
    words = shlex.split(command)
    env = {}
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        k, _, v = words.pop(0).partition("=")
        env[k] = v
    return name, words, env


def count(words, env, script, cache=False):
    """(instructions, I1 misses, mispredicts) and the program's exit status."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        if cache:
            cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=yes", "--branch-sim=yes",
                   f"--cachegrind-out-file={out}"]
        else:
            cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        proc = subprocess.run(cmd + words + [script], env={**os.environ, **env},
                              capture_output=True, text=True)
        if cache:
            def num(label):
                m = re.search(rf"{label}:\s+([0-9,]+)", proc.stderr)
                if not m:
                    sys.exit(f"cachegrind failed for {' '.join(words)} {script}:\n"
                             f"{proc.stderr[-2000:]}")
                return int(m.group(1).replace(",", ""))
            costs = (num("I   refs"), num("I1  misses"), num("Mispredicts"))
        else:
            m = re.search(r"Collected : (\d+)", proc.stderr)
            if not m:
                sys.exit(f"callgrind failed for {' '.join(words)} {script}:\n{proc.stderr[-2000:]}")
            costs = (int(m.group(1)), 0, 0)
        # The program's own exit status: valgrind passes it through.
        return costs, proc.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("programs", nargs="+", help="bench program names (bench/programs/NAME.py)")
    ap.add_argument("--interp", action="append", type=parse_interp, default=[],
                    help="NAME=COMMAND (repeatable; leading KEY=VALUE words set the environment)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=NUMBER",
                    help="rewrite a top-level `NAME = number` assignment (repeatable)")
    ap.add_argument("--small", action="store_true",
                    help="use the built-in small sizes of each program (before any --set)")
    ap.add_argument("--cache", action="store_true",
                    help="cachegrind: also I1 misses and mispredicted branches")
    args = ap.parse_args()
    interps = args.interp or [parse_interp("stock=/usr/bin/python3.11"),
                              parse_interp(f"krait={ROOT}/build/release/krait")]
    overrides = dict(s.split("=", 1) for s in args.set)
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.py")
        with open(empty, "w") as f:
            f.write("pass\n")
        base = {name: count(words, env, empty, args.cache)[0] for name, words, env in interps}
        width = 44 if args.cache else 22
        header = f"{'program':<20}" + "".join(f"{name:>{width}}" for name, _, _ in interps)
        print(header)
        for prog in args.programs:
            src = open(os.path.join(PROGRAMS, prog + ".py")).read()
            sizes = {**(SMALL.get(prog, {}) if args.small else {}), **overrides}
            for k, v in sizes.items():
                src = re.sub(rf"(?m)^{re.escape(k)} = [0-9_.]+", f"{k} = {v}", src)
            script = os.path.join(tmp, prog + ".py")
            with open(script, "w") as f:
                f.write(src)
            row, first = f"{prog:<20}", None
            for name, words, env in interps:
                costs, rc = count(words, env, script, args.cache)
                n, i1, bm = (c - b for c, b in zip(costs, base[name]))
                first = first or n
                flag = "" if rc == 0 else "!"
                row += f"{n / 1e6:>13.1f}M {n / first:5.2f}{flag:1}"
                if args.cache:
                    row += f" {i1 / 1e3:>8.0f}k I1 {bm / 1e3:>7.0f}k bm"
            print(row, flush=True)
    print("M = million instructions after start-up; ratio to the first interpreter; "
          "! = the program exited non-zero (self-check with changed sizes)"
          + ("; I1 = instruction-cache misses, bm = mispredicted branches" if args.cache else ""))


if __name__ == "__main__":
    main()
