#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a while on its seed corpus.
#   usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 120 seconds, all three targets)
# Targets: FuzzFrontMatter (front matter, YAML, items, conditions, templates, GFM), FuzzProfile (profiles,
# units, versions, limits), FuzzReview (plan readers: cmark-gfm and libxml2, sections, heading matching).
# New inputs that find new paths are kept in .fuzz-corpus/<target>/ (ignored by git); a crash leaves a
# crash-* file to reproduce with `Fuzz/.build/release/<target> crash-file`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-120}
shift || true
targets=("$@")
(( ${#targets[@]} )) || targets=(FuzzFrontMatter FuzzProfile FuzzReview)
declare -A corpus=([FuzzFrontMatter]=front-matter [FuzzProfile]=profile [FuzzReview]=review)

cd "$root/Fuzz"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
for target in "${targets[@]}"; do
  work="$root/.fuzz-corpus/$target"
  mkdir -p "$work"
  echo "== $target for ${seconds}s"
  ".build/release/$target" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "$work" "Corpus/${corpus[$target]}"
done
