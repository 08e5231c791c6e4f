#!/usr/bin/python3.11
"""The README's option list must name every option and log channel the binary knows.

The binary's `-X jit-help` output is generated from runtime/options.def and
runtime/log_channels.def, so this keeps the README in step with the tables.
"""
import argparse
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--krait", required=True)
ap.add_argument("--readme", required=True)
args = ap.parse_args()

help_text = subprocess.run([args.krait, "-X", "jit-help"], capture_output=True, text=True,
                           check=True).stdout
readme = open(args.readme).read()
wanted = re.findall(r"-X (jit[\w-]*)\s+/\s+(KRAIT_\w+)", help_text)
channels = re.findall(r"^  (\w+)  ", help_text.split("Log channels:")[1], re.M)
missing = [f"-X {x} / {e}" for x, e in wanted if f"`-X {x}" not in readme or f"`{e}" not in readme]
missing += [f"log channel {c}" for c in channels if f"`{c}`" not in readme]
if not wanted or not channels:
    sys.exit("could not parse -X jit-help output:\n" + help_text)
if missing:
    sys.exit("README.md does not document: " + ", ".join(missing))
print(f"README documents all {len(wanted)} options and {len(channels)} log channels")
