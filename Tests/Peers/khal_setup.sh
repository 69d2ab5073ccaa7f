# Sourced by khal_import.sh and vdirsyncer_sync.sh: one khal configuration for both.
#
# khal_setup WORK CALENDAR: writes WORK/config/khal.conf with one calendar CALENDAR in the vdir
# WORK/vdir/CALENDAR, Swedish time, ISO dates, and points khal's configuration, data and cache into
# WORK, away from the user's own.
khal_setup() {
  local work="$1" calendar="$2"
  mkdir -p "$work/vdir/$calendar" "$work/data" "$work/config"
  cat >"$work/config/khal.conf" <<CONF
[calendars]
[[$calendar]]
path = $work/vdir/$calendar
type = calendar

[sqlite]
path = $work/data/khal.db

[locale]
local_timezone = Europe/Stockholm
default_timezone = Europe/Stockholm
firstweekday = 0
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M
longdatetimeformat = %Y-%m-%dT%H:%M
unicode_symbols = False

[default]
default_calendar = $calendar
CONF
  export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/data"
  export TZ=Europe/Stockholm LC_ALL=C.UTF-8
  unset PYTHONPATH PYTHONHOME  # khal runs on Debian's /usr/bin/python3, not a venv's
}
