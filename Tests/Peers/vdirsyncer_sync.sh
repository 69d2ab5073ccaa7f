#!/usr/bin/env bash
# Sync a subscription feed with vdirsyncer (Debian package `vdirsyncer`, `type = "http"` storage)
# into a local vdir and list what khal (Debian package `khal`) sees in it.
#
# Usage: vdirsyncer_sync.sh WORKDIR URL FROM TO
#   WORKDIR    kept between calls, so a second call is vdirsyncer's next sync of the same calendar
#              (its status, the vdir and khal's cache live there); the caller removes it.
#   URL        the feed, http://127.0.0.1:PORT/feeds/TOKEN.ics
#   FROM, TO   days written YYYY-MM-DD; both inclusive.
#
# Prints one line per occurrence khal lists in the window, sorted: UID YYYY-MM-DDTHH:MM
# Exit status: 0 when the sync and the listing worked; 1 when vdirsyncer or khal failed or reported
# an error; 2 for a wrong command line or a missing program.
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $(basename "$0") WORKDIR URL FROM TO" >&2
  exit 2
fi
work="$1" url="$2" from="$3" to="$4"
for program in vdirsyncer khal; do
  command -v "$program" >/dev/null || { echo "vdirsyncer_sync.sh: $program is not installed" >&2; exit 2; }
done
# shellcheck source=khal_setup.sh
. "$(dirname "$0")/khal_setup.sh"
khal_setup "$work" feed
mkdir -p "$work/status"

cat >"$work/config/vdirsyncer.conf" <<EOF
[general]
status_path = "$work/status"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "$url"

[storage feed_local]
type = "filesystem"
path = "$work/vdir/feed"
fileext = ".ics"
EOF

step() {  # step NAME COMMAND... : fail on status, a traceback or an error message
  local name="$1"; shift
  local status=0
  "$@" >"$work/$name.out" 2>"$work/$name.err" </dev/null || status=$?
  if [ "$status" -ne 0 ] || grep -qiE '^error|critical|traceback' "$work/$name.err"; then
    sed "s/^/$name: /" "$work/$name.err" >&2
    echo "vdirsyncer_sync.sh: $name failed with status $status" >&2
    return 1
  fi
}

step discover vdirsyncer -c "$work/config/vdirsyncer.conf" discover feed || exit 1
step sync vdirsyncer -c "$work/config/vdirsyncer.conf" sync feed || exit 1
step list khal -c "$work/config/khal.conf" list -a feed --format '{uid} {start}' --day-format '' "$from" "$to" || exit 1
grep -v '^[[:space:]]*$' "$work/list.out" | LC_ALL=C sort -k2,2 -k1,1 -u || true
