#!/usr/bin/env bash
# Builds the same synthetic corpus with Preflight and with Hugo, alternating, and prints the medians
# of wall time and peak memory and their ratios (Preflight / Hugo).
#   usage: Benchmarks/compare-with-hugo.sh [RUNS] [ITEMS]   (default 5 runs of 10,000 items)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
items=${2:-10000}
# Corpus and outputs on tmpfs when there is one: on ext4, deleting and recreating Hugo's 10,000 pages
# made every run slower than the last (system time 2.5 s, then 4.3, 6.7, 8.8), which would flatter
# Preflight. BENCH_TMP chooses another place.
base=${BENCH_TMP:-/dev/shm}
[[ -d "$base" && -w "$base" ]] || base=/tmp
work=$(mktemp -d "$base/preflight-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
[[ -x "$root/.build/release/preflight" ]] || (cd "$root" && swift build -c release --product preflight)
python3 "$root/Benchmarks/generate_corpus.py" "$work/corpus" "$items"

for ((run = 1; run <= runs; run++)); do
  rm -rf "$work/out-pf" "$work/cache-pf" "$work/out-hugo"
  /usr/bin/time -f "%e %M" -o "$work/pf.$run" "$root/.build/release/preflight" build \
    --base "$work/corpus/preflight/Content" --out "$work/out-pf" --cache-dir "$work/cache-pf" >/dev/null
  (cd "$work/corpus/hugo" && /usr/bin/time -f "%e %M" -o "$work/hugo.$run" hugo --quiet -d "$work/out-hugo" >/dev/null)
  echo "run $run: preflight $(cat "$work/pf.$run") · hugo $(cat "$work/hugo.$run")   (seconds, peak KB)"
done

python3 - "$work" "$runs" <<'PY'
import statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
def read(name):
    rows = [open(f"{work}/{name}.{run}").read().split() for run in range(1, runs + 1)]
    return statistics.median(float(r[0]) for r in rows), statistics.median(float(r[1]) for r in rows)
pf, hugo = read("pf"), read("hugo")
print(f"median wall time: preflight {pf[0]:.2f} s, hugo {hugo[0]:.2f} s, ratio {pf[0] / hugo[0]:.2f} (target ≤ 0.33)")
print(f"median peak memory: preflight {pf[1] / 1024:.0f} MB, hugo {hugo[1] / 1024:.0f} MB, ratio {pf[1] / hugo[1]:.2f} (target ≤ 0.25)")
PY
