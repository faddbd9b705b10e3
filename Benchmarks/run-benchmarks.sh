#!/bin/sh
# Runs the package-benchmark suite in this folder (a package of its own, with its own .build).
#
# usage: Benchmarks/run-benchmarks.sh [benchmark arguments...]
#   Benchmarks/run-benchmarks.sh                                 every benchmark on the shipped Content/
#   Benchmarks/run-benchmarks.sh --filter render                 one benchmark (a regular expression)
#   Benchmarks/run-benchmarks.sh baseline update main            store the run as the baseline `main`
#   Benchmarks/run-benchmarks.sh baseline compare main           compare a new run with `main`
#   PREFLIGHT_BENCH_CONTENT=/tmp/corpus/preflight/Content Benchmarks/run-benchmarks.sh
#                                                                 the same on another content folder
#
# Arguments go to `swift package benchmark` unchanged. Both flags are for the macOS plugin sandbox
# (Linux has none): the `build` benchmark writes outside the package, in the temporary folder, and
# baselines are stored in .benchmarkBaselines/ in this folder.
set -eu
cd "$(dirname "$0")"
exec swift package --disable-sandbox --allow-writing-to-package-directory benchmark "$@"
