#!/usr/bin/env bash
# Pictures of what a reader gets, for the README: the overview of one example as a browser shows it,
# and the first printed page of its checklist (headless Chromium, then pdftoppm).
#   usage: scripts/screenshots.sh [OUTPUT_DIR] [PROFILE]   (installs chromium and poppler-utils when missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
site=$(cd "${1:-$root/Output}" && pwd)
profile=${2:-acme-billing-pg12-to-15}
if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if (( ${#need[@]} )); then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
out="$site/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chrome" \
  --window-size=1100,1400 --screenshot="$out/overview.png" "file://$site/$profile/index.html" >/dev/null 2>&1
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$work/chrome" \
  --print-to-pdf="$work/checklist.pdf" "file://$site/$profile/checklist.html" >/dev/null 2>&1
pdftoppm -f 1 -l 1 -r 70 -png "$work/checklist.pdf" "$work/checklist"
mv "$work"/checklist-*1.png "$out/checklist-page-1.png"
echo "wrote $out/overview.png and $out/checklist-page-1.png"
