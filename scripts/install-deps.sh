#!/usr/bin/env bash
# Installs what Samverkan needs that a fresh Debian machine with only the Swift toolchain lacks.
#   scripts/install-deps.sh build   libical-dev, libsqlite3-dev, tzdata, pkg-config (to build and run)
#   scripts/install-deps.sh benchmark  the build packages, plus nginx-light, wrk, curl and postgresql (make benchmark)
#   scripts/install-deps.sh test    the above, plus khal, vdirsyncer, msmtp (the real mail command the mail
#                                   tests send through) and a Python venv with icalendar, vobject,
#                                   recurring-ical-events, holidays and aiosmtpd (independent peers
#                                   and the SMTP server the tests start on loopback), and Debian's
#                                   postgresql (the tests start a throwaway cluster of their own
#                                   with its initdb and pg_ctl; the system's own cluster is not used)
# Installs only what is missing; uses sudo when not root.
set -euo pipefail
mode="${1:-build}"
cd "$(dirname "$0")/.."

packages=(libical-dev libsqlite3-dev tzdata pkg-config)
if [ "$mode" = test ]; then packages+=(khal msmtp vdirsyncer python3-venv postgresql); fi
if [ "$mode" = benchmark ]; then packages+=(nginx-light wrk curl python3 postgresql); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$mode" = test ] && ! command -v python3 >/dev/null; then missing+=(python3); fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = test ]; then
  venv=.venv
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import icalendar, vobject, recurring_ical_events, holidays, jsonschema, aiosmtpd' 2>/dev/null; then
    echo "Creating the Python venv for the independent iCalendar peers in $venv"
    python3 -m venv "$venv" 2>/dev/null || python3 -m venv --without-pip "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r Tests/requirements.txt
  fi
fi
