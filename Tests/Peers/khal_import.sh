#!/usr/bin/env bash
# Import a calendar into a throwaway khal (Debian package `khal`) and list what khal sees.
#
# Usage: khal_import.sh CALENDAR.ics FROM TO
#   FROM, TO   days written YYYY-MM-DD; both inclusive (khal treats a date as the whole day).
#
# Prints one line per occurrence that khal lists in the window, sorted:
#   UID YYYY-MM-DDTHH:MM        (start in Europe/Stockholm; an all-day event shows YYYY-MM-DD)
# An event that spans midnight is listed once per day by khal; repeated lines are dropped.
#
# Exit status: 0 when khal imported the file and listed the window; 1 when the import or the listing
# failed, or khal reported an error or warning (its messages go to stderr, prefixed "khal:");
# 2 for a wrong command line or a missing khal.
#
# Nothing outside a temporary directory is touched: the configuration, the vdir (one .ics file per
# UID) and khal's SQLite cache all live there and are removed on exit. Known to work with khal 0.10.5
# (Debian bookworm); `{uid}` and `{start}` are format keys of `khal list` since 0.10.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $(basename "$0") CALENDAR.ics FROM TO   (days as YYYY-MM-DD, both inclusive)" >&2
  exit 2
fi
ics="$1" from="$2" to="$3"
if ! command -v khal >/dev/null; then
  echo "khal_import.sh: khal is not installed (apt-get install khal)" >&2
  exit 2
fi
if [ ! -r "$ics" ]; then
  echo "khal_import.sh: cannot read $ics" >&2
  exit 2
fi
for day in "$from" "$to"; do
  if ! [[ "$day" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
    echo "khal_import.sh: $day is not a day written YYYY-MM-DD" >&2
    exit 2
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/khal-peer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=khal_setup.sh
. "$(dirname "$0")/khal_setup.sh"
khal_setup "$work" samverkan

run_khal() {  # run_khal STEP ARGS... : output to $work/STEP.out/.err, fail on status or messages
  local step="$1"; shift
  local status=0
  khal -c "$work/config/khal.conf" "$@" >"$work/$step.out" 2>"$work/$step.err" </dev/null || status=$?
  if grep -q '^Traceback' "$work/$step.err"; then  # khal crashed: its last line says why
    tail -n 1 "$work/$step.err" | sed "s/^/khal: $step crashed: /" >&2
  elif [ -s "$work/$step.err" ]; then
    sed "s/^/khal: $step: /" "$work/$step.err" >&2
  fi
  if [ "$status" -ne 0 ]; then
    echo "khal_import.sh: khal $step failed with status $status" >&2
    return 1
  fi
  if grep -qiE 'error|warning|critical|could not|traceback' "$work/$step.err"; then
    echo "khal_import.sh: khal $step reported problems (see above)" >&2
    return 1
  fi
}

run_khal import import -a samverkan --batch "$ics" || exit 1
imported=$(find "$work/vdir/samverkan" -name '*.ics' | wc -l)
if [ "$imported" -eq 0 ] && grep -q '^BEGIN:VEVENT' "$ics"; then
  echo "khal_import.sh: khal imported nothing from $ics" >&2
  exit 1
fi

run_khal list list -a samverkan --format '{uid} {start}' --day-format '' "$from" "$to" || exit 1
grep -v '^[[:space:]]*$' "$work/list.out" | LC_ALL=C sort -k2,2 -k1,1 -u || true
