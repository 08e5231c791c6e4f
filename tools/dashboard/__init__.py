"""Krait's benchmark history: a store of runner results, statistics to tell a
real change from noise, regression detection and a static HTML dashboard.

Modules, each with one job:
  schema   what a valid run file is (the format tools/bench_run.py writes)
  gbench   conversion to and from Google Benchmark's JSON
  store    reading files, appending to a history directory atomically
  runs     a loaded run: its cells and the samples a comparison uses
  stats    medians, bootstrap intervals, Mann-Whitney, the verdict
  regress  which runs form the baseline, comparing a run with them
  svg      our own SVG line charts with uncertainty bands
  page     the self-contained HTML page (assets: its inline CSS and scripts)
  repo     repository paths and the little git the tools need
  cli_*    the command lines behind tools/bench_{history,regress,dashboard}.py

Standard library only, so everything runs on a bare /usr/bin/python3.11.
"""
