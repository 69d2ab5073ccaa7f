#!/usr/bin/env bash
# Follow-up of the sample year: imports the sample Halland minutes of 2025
# (Config/samples/halland-2025-minutes.json, made by scripts/make-sample-history.py) into a throwaway
# database and reports whether the meetings were held as decided.
# Usage: scripts/demo-report.sh [BIN] [CONFIG] [FOLDER]
set -euo pipefail
bin="${1:-.build/debug/samverkan}"
config="${2:-Config/halland.yaml}"
folder="${3:-.build/demo}"
db="$folder/uppfoljning-demo.sqlite"
mkdir -p "$folder"
rm -f "$db" "$db-wal" "$db-shm"
export SAMVERKAN_CONFIG="$config" SAMVERKAN_DATABASE="$db" SAMVERKAN_TODAY=2026-01-15

echo "== samverkan minutes import Config/samples/halland-2025-minutes.json   (an invented year of Halland minutes)"
"$bin" minutes import Config/samples/halland-2025-minutes.json
echo
echo "== samverkan report grants --period 2025"
"$bin" report grants --period 2025
echo
"$bin" report compliance --period 2025 --by care-centre --format csv --output "$folder/uppfoljning-2025-vardcentraler.csv"
"$bin" report compliance --period 2025 --by municipality --format md --output "$folder/uppfoljning-2025.md"
"$bin" report compliance --period 2025 --by municipality --format html --output "$folder/uppfoljning-2025.html"
echo
echo "== samverkan report compliance --period 2025 --by municipality"
"$bin" report compliance --period 2025 --by municipality
echo
echo "The report is also in $folder/: uppfoljning-2025.html (open it in a browser, or print it),"
echo "uppfoljning-2025-vardcentraler.csv (opens in Excel) and uppfoljning-2025.md."
