#!/usr/bin/env python3
"""Check a Samverkan iCalendar export against Samverkan's own schedule, with independent peers.

Usage:
    check_ics.py CALENDAR.ics SCHEDULE.json [--from YYYY-MM-DD --to YYYY-MM-DD]
                 [--structure ID ...] [--pretty]

CALENDAR.ics is what Samverkan exported; SCHEDULE.json is Samverkan's own schedule:

    {"schemaVersion": 1, "from": "2025-01-01", "to": "2026-12-31",
     "occurrences": [{"structure": "rug", "uid": "rug@samverkan.example",
                      "start": "2025-01-09T09:00:00+01:00", "end": "2025-01-09T11:00:00+01:00",
                      "status": "scheduled" | "moved" | "skipped" | "cancelled" | "extra",
                      "originalStart": "...", "reason": "..."}, ...]}

What is checked (the project's shared iCalendar notes, ICALENDAR.md, say why):

1. Parsing: the file must parse with python `icalendar` (Calendar.from_ical) *and* with `vobject`
   (readOne). Warnings the parsers raise while guessing (for instance a libical-prefixed TZID) are
   problems too.
2. Expansion: `recurring_ical_events.of(cal).between(...)` over the window (default: the schedule's
   `from`..`to`, both days inclusive, days taken in Europe/Stockholm). The set of
   (UID, start instant, end instant) must equal the schedule's `scheduled` and `moved` occurrences
   whose local start day lies in the window, and its `extra` ones; `skipped` and `cancelled` ones (and
   the original time of `moved` ones) must not appear. Matched occurrences must also show the same wall-clock time in Europe/Stockholm
   as the schedule wrote, and the schedule's UTC offsets must be Stockholm's.
   A second, independent expansion with vobject/python-dateutil (which uses the file's own
   VTIMEZONE, not the system zone database) must agree with recurring-ical-events.
   (recurring-ical-events/icalendar resolve a known TZID such as Europe/Stockholm through the system
   zone database and ignore the file's VTIMEZONE, so only this second expansion and the offset
   comparison below notice a wrong VTIMEZONE. Before vobject reads the file, UTC UNTILs inside
   VTIMEZONE observances are rewritten to local time to dodge a python-dateutil bug that drops the
   last transition of libical's truncated zones; see text_for_vobject.)
   The window: recurring-ical-events' `between(a, b)` is half-open and returns events that merely
   overlap it, reading date bounds in each event's own zone; the checker asks for a day more on each
   side and keeps occurrences whose Stockholm start day is in the window, as it does for the
   schedule.
   Outlook's rules on series are checked on the expansion: no two occurrences of one UID on the same
   day, and a moved occurrence may not pass its neighbour.
3. Structure, read from the raw content lines: CRLF line ends, physical lines of at most 75 octets
   that do not split a UTF-8 character, no blank lines; VERSION, PRODID and METHOD present; every
   TZID used has a VTIMEZONE; the VTIMEZONE is exactly `Europe/Stockholm` in the compact Outlook form
   (one STANDARD and one DAYLIGHT, FREQ=YEARLY with one nth-weekday BYDAY, no RDATE) and gives the same
   UTC offsets as the system's Europe/Stockholm over the window; no floating DTSTART/DTEND/
   RECURRENCE-ID/EXDATE; RRULE UNTIL in UTC when DTSTART has a TZID; no monthly rule with several nth
   weekdays; EXDATE with the series' TZID and time of day; RECURRENCE-ID overrides share a master's
   UID (except in METHOD:CANCEL) and carry its TZID and time of day; no RDATE anywhere; DTSTAMP in UTC;
   METHOD:PUBLISH has X-WR-CALNAME, exactly one ORGANIZER per event and no ATTENDEE;
   METHOD:REQUEST has one ORGANIZER and ATTENDEEs with CN, ROLE and RSVP; text values (SUMMARY,
   LOCATION, DESCRIPTION, COMMENT, and the calendar's NAME and X-WR-CALNAME) escape `,` and `;`.

Output: one JSON object on stdout,
    {"ok": bool, "expanded": N, "expected": N, "missing": ["UID START", ...],
     "unexpected": ["UID START", ...], "missingCount": N, "unexpectedCount": N, "problems": [...]}
`missing` (in the schedule, not in the calendar) and `unexpected` (in the calendar, not in the
schedule) hold at most 20 entries each; START is the local Stockholm time with its offset. The exit
status is 0 when ok, 1 otherwise, 2 for a wrong command line. Every failure (unreadable file, parse
error, a library exception) is reported in `problems`, never as a traceback.

`--structure ID` (repeatable) compares with only those structures' occurrences, for an export of
some structures. `--pretty` indents the JSON for reading by hand.

Needs only the standard library plus icalendar, vobject and recurring-ical-events
(Tests/requirements.txt); run it with the project's venv: `.venv/bin/python Tests/Peers/check_ics.py`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import traceback
import warnings
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

ZONE_NAME = "Europe/Stockholm"
STHLM = ZoneInfo(ZONE_NAME)
UTC = dt.timezone.utc
MAX_LISTED = 20
MAX_PROBLEMS = 200

RE_UTC_DATETIME = re.compile(r"^\d{8}T\d{6}Z$")
RE_LOCAL_DATETIME = re.compile(r"^\d{8}T\d{6}$")
RE_DATE = re.compile(r"^\d{8}$")
RE_NTH_WEEKDAY = re.compile(r"^([+-]?\d{1,2})(MO|TU|WE|TH|FR|SA|SU)$")
TEXT_PROPERTIES = {"SUMMARY", "LOCATION", "DESCRIPTION", "COMMENT"}
# The calendar's name: RFC 7986 NAME and X-WR-CALNAME are TEXT too (MS-OXCICAL reads X-WR-CALNAME as Text).
CALENDAR_TEXT_PROPERTIES = {"NAME", "X-WR-CALNAME"}


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)


# --------------------------------------------------------------------------------------------
# Raw content lines (our own minimal reader, so structural checks see exactly what was written)
# --------------------------------------------------------------------------------------------

class Prop:
    def __init__(self, name: str, params: dict[str, str], value: str, line: int) -> None:
        self.name, self.params, self.value, self.line = name, params, value, line

    def param(self, key: str) -> str | None:
        return self.params.get(key.upper())


class Comp:
    def __init__(self, name: str, line: int) -> None:
        self.name, self.line = name, line
        self.props: list[Prop] = []
        self.children: list[Comp] = []

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> Prop | None:
        found = self.all(name)
        return found[0] if found else None

    def walk(self, name: str | None = None):
        if name is None or self.name == name:
            yield self
        for child in self.children:
            yield from child.walk(name)

    def label(self) -> str:
        uid = self.first("UID")
        rid = self.first("RECURRENCE-ID")
        text = f"{self.name} (line {self.line})"
        if uid is not None:
            text = f"{self.name} {uid.value}"
            if rid is not None:
                text += f" RECURRENCE-ID {rid.value}"
        return text


def split_unquoted(text: str, sep: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse_content_line(text: str, line: int) -> Prop | None:
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = text[:i], text[i + 1:]
            break
    else:
        return None
    pieces = split_unquoted(head, ";")
    params: dict[str, str] = {}
    for piece in pieces[1:]:
        key, _, val = piece.partition("=")
        params[key.strip().upper()] = val.strip('"')
    return Prop(pieces[0].strip().upper(), params, value, line)


def check_bytes_and_read(data: bytes, report: Report) -> list[Comp]:
    """Checks line ends, line lengths and folding; returns the top-level components."""
    if data.startswith(b"\xef\xbb\xbf"):
        report.add("the file starts with a UTF-8 byte-order mark")
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        report.add(f"the file is not valid UTF-8: {error}")
        text = data.decode("utf-8", errors="replace")

    bare_lf = len(re.findall(rb"(?<!\r)\n", data))
    bare_cr = len(re.findall(rb"\r(?!\n)", data))
    if bare_lf:
        report.add(f"{bare_lf} line(s) end with LF instead of CRLF")
    if bare_cr:
        report.add(f"{bare_cr} bare CR character(s) (lines must end with CRLF)")
    if data and not data.endswith(b"\r\n"):
        report.add("the last line does not end with CRLF")

    physical = re.split(rb"\r?\n", data)
    if physical and physical[-1] == b"":
        physical = physical[:-1]
    long_lines, split_chars, blank = [], [], []
    for number, raw in enumerate(physical, start=1):
        raw = raw.rstrip(b"\r")
        if len(raw) > 75:
            long_lines.append(f"{number} ({len(raw)} octets)")
        if raw == b"":
            blank.append(str(number))
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            split_chars.append(str(number))
    if long_lines:
        report.add("physical lines longer than 75 octets: line " + ", ".join(long_lines[:10])
                   + (f" and {len(long_lines) - 10} more" if len(long_lines) > 10 else ""))
    if split_chars:
        report.add("folding splits a UTF-8 character (or invalid UTF-8) on line "
                   + ", ".join(split_chars[:10]))
    if blank:
        report.add("blank lines (not allowed in iCalendar) on line " + ", ".join(blank[:10]))

    # Unfold: a line starting with space or tab continues the previous one.
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(re.split(r"\r?\n", text), start=1):
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif line:
            logical.append((number, line))

    roots: list[Comp] = []
    stack: list[Comp] = []
    for number, line in logical:
        prop = parse_content_line(line, number)
        if prop is None:
            report.add(f"line {number}: not a content line (no ':'): {line[:60]!r}")
            continue
        if prop.name == "BEGIN":
            comp = Comp(prop.value.strip().upper(), number)
            (stack[-1].children if stack else roots).append(comp)
            stack.append(comp)
        elif prop.name == "END":
            name = prop.value.strip().upper()
            if not stack or stack[-1].name != name:
                report.add(f"line {number}: END:{name} does not close "
                           + (f"BEGIN:{stack[-1].name}" if stack else "anything"))
                if stack and any(c.name == name for c in stack):
                    while stack and stack[-1].name != name:
                        stack.pop()
                    stack.pop()
            else:
                stack.pop()
        elif stack:
            stack[-1].props.append(prop)
        else:
            report.add(f"line {number}: property {prop.name} outside any component")
    for comp in stack:
        report.add(f"BEGIN:{comp.name} on line {comp.line} is never closed")
    return roots


# --------------------------------------------------------------------------------------------
# Structural checks
# --------------------------------------------------------------------------------------------

def value_form(prop: Prop) -> tuple[str, str | None]:
    """('utc' | 'tzid' | 'floating' | 'date' | 'bad', tzid) for one DATE-TIME-ish value."""
    value = prop.value.strip()
    if prop.param("VALUE") == "DATE" or RE_DATE.match(value):
        return "date", None
    if RE_UTC_DATETIME.match(value):
        return ("bad" if prop.param("TZID") else "utc"), prop.param("TZID")
    if RE_LOCAL_DATETIME.match(value):
        return ("tzid" if prop.param("TZID") else "floating"), prop.param("TZID")
    return "bad", prop.param("TZID")


def time_part(value: str) -> str | None:
    value = value.strip()
    return value[9:15] if len(value) >= 15 and value[8:9] == "T" else None


def parse_rrule(value: str) -> dict[str, str]:
    parts = {}
    for item in value.split(";"):
        key, _, val = item.partition("=")
        if key:
            parts[key.strip().upper()] = val.strip()
    return parts


def check_text_escaping(comp: Comp, report: Report, names: set[str] = TEXT_PROPERTIES) -> None:
    for prop in comp.props:
        if prop.name not in names:
            continue
        value = prop.value
        i = 0
        while i < len(value):
            ch = value[i]
            if ch == "\\":
                if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                    report.add(f"{comp.label()}: {prop.name} (line {prop.line}) has a backslash "
                               "that escapes nothing")
                    break
                i += 2
                continue
            if ch in ",;":
                report.add(f"{comp.label()}: {prop.name} (line {prop.line}) has an unescaped "
                           f"{ch!r} (text values must escape , ; \\ and newlines)")
                break
            i += 1


def check_vtimezone(vtz: Comp, report: Report) -> None:
    tzid = vtz.first("TZID")
    name = tzid.value if tzid else None
    if name != ZONE_NAME:
        report.add(f"VTIMEZONE TZID is {name!r}, must be exactly {ZONE_NAME!r}")
    standard = [c for c in vtz.children if c.name == "STANDARD"]
    daylight = [c for c in vtz.children if c.name == "DAYLIGHT"]
    if len(standard) != 1 or len(daylight) != 1:
        report.add(f"VTIMEZONE {name}: has {len(standard)} STANDARD and {len(daylight)} DAYLIGHT "
                   "observances; Outlook wants exactly one of each")
    for obs in standard + daylight:
        where = f"VTIMEZONE {name} {obs.name} (line {obs.line})"
        if obs.all("RDATE"):
            report.add(f"{where}: uses RDATE (Outlook wants the compact RRULE form)")
        rules = obs.all("RRULE")
        if len(rules) != 1:
            report.add(f"{where}: has {len(rules)} RRULE properties, wants exactly one")
            continue
        rule = parse_rrule(rules[0].value)
        byday = [d for d in rule.get("BYDAY", "").split(",") if d]
        if rule.get("FREQ") != "YEARLY" or len(byday) != 1 or not RE_NTH_WEEKDAY.match(byday[0]) \
                or not rule.get("BYMONTH") or "," in rule.get("BYMONTH", ""):
            report.add(f"{where}: RRULE {rules[0].value!r} is not FREQ=YEARLY with one BYMONTH and "
                       "one nth-weekday BYDAY")
        for key in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
            if obs.first(key) is None:
                report.add(f"{where}: lacks {key}")


def structural_checks(roots: list[Comp], report: Report) -> dict:
    """Returns facts other checks need: method, tzids."""
    calendars = [c for c in roots if c.name == "VCALENDAR"]
    if len(calendars) != 1:
        report.add(f"the file holds {len(calendars)} VCALENDAR objects, expected exactly one")
    if not calendars:
        return {"method": None}
    cal = calendars[0]
    for name in ("VERSION", "PRODID"):
        if cal.first(name) is None:
            report.add(f"VCALENDAR lacks {name}")
    if cal.first("VERSION") is not None and cal.first("VERSION").value.strip() != "2.0":
        report.add(f"VERSION is {cal.first('VERSION').value!r}, expected 2.0")
    methods = cal.all("METHOD")
    method = methods[0].value.strip().upper() if methods else None
    if not methods:
        report.add("VCALENDAR lacks METHOD")
    elif len(methods) > 1:
        report.add("VCALENDAR has more than one METHOD")
    if method == "PUBLISH" and cal.first("X-WR-CALNAME") is None:
        report.add("METHOD:PUBLISH calendar lacks X-WR-CALNAME")
    check_text_escaping(cal, report, CALENDAR_TEXT_PROPERTIES)

    # Time zones.
    vtimezones = [c for c in cal.children if c.name == "VTIMEZONE"]
    defined = Counter(tz.first("TZID").value for tz in vtimezones if tz.first("TZID"))
    for tzid, count in defined.items():
        if count > 1:
            report.add(f"VTIMEZONE {tzid!r} is defined {count} times")
    for vtz in vtimezones:
        check_vtimezone(vtz, report)
    for comp in cal.walk():
        if comp.name in ("VTIMEZONE", "STANDARD", "DAYLIGHT"):
            continue
        for prop in comp.props:
            tzid = prop.param("TZID")
            if tzid is not None and tzid not in defined:
                report.add(f"{comp.label()}: {prop.name} uses TZID={tzid!r}, which has no VTIMEZONE "
                           "in the file")

    # RDATE anywhere (VTIMEZONE observances are reported above, with their own wording).
    for comp in cal.walk():
        if comp.name in ("STANDARD", "DAYLIGHT"):
            continue
        for prop in comp.all("RDATE"):
            report.add(f"{comp.label()}: uses RDATE (line {prop.line}); Outlook drops or rejects it")

    events = [c for c in cal.children if c.name == "VEVENT"]
    masters: dict[str, list[Comp]] = defaultdict(list)
    overrides: dict[str, list[Comp]] = defaultdict(list)
    for ev in events:
        uids = ev.all("UID")
        if len(uids) != 1:
            report.add(f"{ev.label()}: has {len(uids)} UID properties, wants exactly one")
            continue
        (overrides if ev.first("RECURRENCE-ID") else masters)[uids[0].value].append(ev)
    for uid, found in masters.items():
        if len(found) > 1:
            report.add(f"UID {uid} is used by {len(found)} VEVENTs without RECURRENCE-ID "
                       "(a duplicate meeting in every client)")

    for ev in events:
        label = ev.label()
        # DTSTAMP
        stamps = ev.all("DTSTAMP")
        if len(stamps) != 1:
            report.add(f"{label}: has {len(stamps)} DTSTAMP properties, wants exactly one")
        for stamp in stamps:
            if not RE_UTC_DATETIME.match(stamp.value.strip()) or stamp.param("TZID"):
                report.add(f"{label}: DTSTAMP {stamp.value!r} is not in UTC")
        # DTSTART / DTEND / RECURRENCE-ID / EXDATE are never floating.
        starts = ev.all("DTSTART")
        if len(starts) != 1:
            report.add(f"{label}: has {len(starts)} DTSTART properties, wants exactly one")
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            for prop in ev.all(name):
                form, _ = value_form(prop)
                if form == "floating":
                    report.add(f"{label}: {name} {prop.value!r} is a floating time (no TZID, no Z)")
                elif form == "bad":
                    report.add(f"{label}: {name} {prop.value!r} is not a valid date-time"
                               + (" (a UTC value must not have TZID)" if prop.param("TZID") else ""))
        if ev.first("DTEND") is not None and ev.first("DURATION") is not None:
            report.add(f"{label}: has both DTEND and DURATION")
        dtstart = starts[0] if starts else None
        start_form, start_tzid = value_form(dtstart) if dtstart else (None, None)
        start_time = time_part(dtstart.value) if dtstart else None

        # RRULE
        rules = ev.all("RRULE")
        if len(rules) > 1:
            report.add(f"{label}: has {len(rules)} RRULE properties")
        for prop in rules:
            rule = parse_rrule(prop.value)
            until = rule.get("UNTIL")
            if until is not None:
                if start_form in ("tzid", "utc") and not RE_UTC_DATETIME.match(until):
                    report.add(f"{label}: RRULE UNTIL={until} is not in UTC (must end with Z when "
                               "DTSTART is a date-time with a zone, RFC 5545 §3.3.10)")
                if start_form == "date" and not RE_DATE.match(until):
                    report.add(f"{label}: RRULE UNTIL={until} must be a DATE when DTSTART is")
            if "UNTIL" in rule and "COUNT" in rule:
                report.add(f"{label}: RRULE has both UNTIL and COUNT")
            byday = [d for d in rule.get("BYDAY", "").split(",") if d]
            if rule.get("FREQ") == "MONTHLY":
                nth = [d for d in byday if RE_NTH_WEEKDAY.match(d)]
                if len(byday) > 1 and (nth or rule.get("BYSETPOS")):
                    report.add(f"{label}: RRULE {prop.value!r} has several nth weekdays in one "
                               "monthly rule, which Outlook cannot receive (use separate series)")
        # EXDATE
        exdates = ev.all("EXDATE")
        if exdates and not rules:
            report.add(f"{label}: has EXDATE but no RRULE")
        for prop in exdates:
            for value in [v for v in prop.value.split(",") if v.strip()]:
                single = Prop(prop.name, prop.params, value, prop.line)
                form, tzid = value_form(single)
                if form == "date":
                    report.add(f"{label}: EXDATE {value} is date-only (ignored by some clients); "
                               "write the exact local start with TZID")
                elif form == "utc" and start_form == "tzid":
                    report.add(f"{label}: EXDATE {value} is in UTC (ignored by some clients); write "
                               f"EXDATE;TZID={start_tzid}:<local start>")
                elif form == "floating":
                    report.add(f"{label}: EXDATE {value} is a floating time (no TZID)")
                elif form == "bad":
                    report.add(f"{label}: EXDATE {value!r} is not a valid date-time")
                if form in ("tzid", "utc") and start_form in ("tzid", "utc"):
                    if tzid != start_tzid and form == start_form == "tzid":
                        report.add(f"{label}: EXDATE {value} has TZID={tzid}, DTSTART has "
                                   f"TZID={start_tzid}")
                    if time_part(value) != start_time and form == start_form:
                        report.add(f"{label}: EXDATE {value} is not at DTSTART's time of day "
                                   f"({start_time}), so it removes nothing")
        # RECURRENCE-ID
        rid = ev.first("RECURRENCE-ID")
        if rid is not None:
            if len(ev.all("RECURRENCE-ID")) > 1:
                report.add(f"{label}: has more than one RECURRENCE-ID")
            if rid.param("RANGE"):
                report.add(f"{label}: RECURRENCE-ID;RANGE={rid.param('RANGE')} is not supported "
                           "by Outlook")
            uid = ev.first("UID").value if ev.first("UID") else None
            master_list = masters.get(uid, [])
            if not master_list:
                if method != "CANCEL":
                    report.add(f"{label}: no master VEVENT with the same UID in the file")
            else:
                master = master_list[0]
                mstart = master.first("DTSTART")
                if master.first("RRULE") is None:
                    report.add(f"{label}: overrides a VEVENT that has no RRULE")
                if mstart is not None:
                    mform, mtzid = value_form(mstart)
                    rform, rtzid = value_form(rid)
                    if (mform, mtzid) != (rform, rtzid):
                        report.add(f"{label}: RECURRENCE-ID is {rform}"
                                   + (f" TZID={rtzid}" if rtzid else "")
                                   + f" but the master's DTSTART is {mform}"
                                   + (f" TZID={mtzid}" if mtzid else ""))
                    elif time_part(rid.value) != time_part(mstart.value):
                        report.add(f"{label}: RECURRENCE-ID is not at the master's time of day "
                                   f"({time_part(mstart.value)}), so it matches no occurrence")
        # Method-specific rules.
        organizers = ev.all("ORGANIZER")
        attendees = ev.all("ATTENDEE")
        if method == "PUBLISH":
            if attendees:
                report.add(f"{label}: METHOD:PUBLISH must not have ATTENDEE "
                           f"({len(attendees)} found)")
            if len(organizers) != 1:
                report.add(f"{label}: METHOD:PUBLISH wants exactly one ORGANIZER "
                           f"({len(organizers)} found)")
        elif method == "REQUEST":
            if len(organizers) != 1:
                report.add(f"{label}: METHOD:REQUEST wants exactly one ORGANIZER "
                           f"({len(organizers)} found)")
            if not attendees:
                report.add(f"{label}: METHOD:REQUEST without ATTENDEE shows as a plain attachment")
            for att in attendees:
                lacking = [k for k in ("CN", "ROLE", "RSVP") if att.param(k) is None]
                if lacking:
                    report.add(f"{label}: ATTENDEE {att.value} lacks " + ", ".join(lacking))
        check_text_escaping(ev, report)
    return {"method": method}


# --------------------------------------------------------------------------------------------
# Schedule
# --------------------------------------------------------------------------------------------

def parse_instant(text, what: str, report: Report):
    if not isinstance(text, str):
        report.add(f"schedule: {what} is not a string: {text!r}")
        return None
    raw = text.strip()
    try:
        value = dt.datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith("Z") else raw)
    except ValueError:
        report.add(f"schedule: {what} {text!r} is not an ISO 8601 date-time")
        return None
    if value.tzinfo is None:
        report.add(f"schedule: {what} {text!r} has no UTC offset")
        return None
    # The offset written must be Stockholm's at that instant (a wrong offset is a DST bug).
    local = value.astimezone(STHLM)
    if local.utcoffset() != value.utcoffset():
        report.add(f"schedule: {what} {text!r} is written with offset {fmt_offset(value)}, "
                   f"but Stockholm is at {fmt_offset(local)} then ({local.isoformat()})")
    return value


def fmt_offset(value: dt.datetime) -> str:
    off = value.utcoffset() or dt.timedelta(0)
    sign = "-" if off < dt.timedelta(0) else "+"
    minutes = abs(int(off.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def parse_day(text, what: str, report: Report) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        report.add(f"{what} {text!r} is not a date written YYYY-MM-DD")
        return None


def load_schedule(path: str, report: Report):
    try:
        with open(path, "rb") as handle:
            doc = json.loads(handle.read().decode("utf-8"))
    except OSError as error:
        report.add(f"cannot read the schedule {path}: {error.strerror or error}")
        return None
    except (ValueError, UnicodeDecodeError) as error:
        report.add(f"the schedule {path} is not valid UTF-8 JSON: {error}")
        return None
    if not isinstance(doc, dict):
        report.add("the schedule is not a JSON object")
        return None
    if doc.get("schemaVersion") != 1:
        report.add(f"schedule: schemaVersion is {doc.get('schemaVersion')!r}, this checker reads 1")
    if not isinstance(doc.get("occurrences"), list):
        report.add("schedule: `occurrences` is missing or not a list")
        return None
    return doc


class Occ:
    """One occurrence: uid, start, end (aware datetimes); optional written wall-clock."""

    def __init__(self, uid: str, start, end, written: dt.datetime | None = None,
                 original=None) -> None:
        self.uid, self.start, self.end, self.written, self.original = uid, start, end, written, original

    def key(self):
        return (self.uid, as_utc(self.start), as_utc(self.end))

    def local_day(self) -> dt.date:
        if isinstance(self.start, dt.datetime):
            return as_local(self.start).date()
        return self.start

    def text(self) -> str:
        return f"{self.uid} {describe(self.start)}"


def as_local(value: dt.datetime) -> dt.datetime:
    # A floating (naive) time is read as Stockholm time; the structural checks report it.
    return (value.replace(tzinfo=STHLM) if value.tzinfo is None else value).astimezone(STHLM)


def as_utc(value):
    if isinstance(value, dt.datetime):
        return as_local(value).astimezone(UTC)
    return value  # a date (all-day); never equal to a schedule's date-time


def describe(value) -> str:
    if isinstance(value, dt.datetime):
        return as_local(value).isoformat()
    return f"{value.isoformat()} (all-day)" if value is not None else "?"


# --------------------------------------------------------------------------------------------
# Expansion with recurring-ical-events and, independently, vobject/dateutil
# --------------------------------------------------------------------------------------------

def record_warnings(caught, source: str, report: Report) -> None:
    for warning in caught:
        if issubclass(warning.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        report.add(f"{source} warned: {warning.category.__name__}: {warning.message}")


def expand_rie(cal, first: dt.date, last: dt.date, report: Report) -> list[Occ]:
    import recurring_ical_events

    # recurring-ical-events' window is half-open [start, stop) and returns every event that
    # *overlaps* it; date bounds are read in each event's own zone. Widen by a day on each side and
    # select by local (Stockholm) start day ourselves, so both sides use one rule.
    occurrences = []
    for ev in recurring_ical_events.of(cal).between(first - dt.timedelta(days=1),
                                                    last + dt.timedelta(days=2)):
        start = ev["DTSTART"].dt if "DTSTART" in ev else None
        if start is None:
            report.add(f"recurring-ical-events returned an event without DTSTART (UID {ev.get('UID')})")
            continue
        if "DTEND" in ev:
            end = ev["DTEND"].dt
        elif "DURATION" in ev:
            end = start + ev["DURATION"].dt
        else:
            end = start if isinstance(start, dt.datetime) else start + dt.timedelta(days=1)
        rid = ev["RECURRENCE-ID"].dt if "RECURRENCE-ID" in ev else None
        occ = Occ(str(ev.get("UID", "")), start, end, original=rid)
        if first <= occ.local_day() <= last:
            occurrences.append(occ)
    return occurrences


def text_for_vobject(text: str) -> str:
    """Works around a python-dateutil bug before vobject reads the file's VTIMEZONE.

    RFC 5545 §3.6.5 wants an observance's RRULE UNTIL in UTC, as libical writes it
    (`icaltimezone_truncate_vtimezone`: `UNTIL=20260329T010000Z` for the last DST start in range).
    dateutil's tzical parses that RRULE with ignoretz=True and compares the UTC UNTIL with the
    observance's local wall-clock DTSTART, so the last transition (02:00 local > 01:00) is lost and
    every time after it reads an hour off. Rewriting UNTIL as local wall time (UTC + TZOFFSETFROM)
    gives dateutil what it understands and keeps this check about the file, not about dateutil.
    """
    lines = [l for l in re.split(r"\r?\n", re.sub(r"\r?\n[ \t]", "", text)) if l]
    out, block, inside = [], [], False
    for line in lines:
        upper = line.upper()
        if upper in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            inside, block = True, [line]
            continue
        if inside:
            block.append(line)
            if upper in ("END:STANDARD", "END:DAYLIGHT"):
                inside = False
                offset = next((b.split(":", 1)[1].strip() for b in block
                               if b.upper().startswith("TZOFFSETFROM")), None)
                match = re.fullmatch(r"([+-])(\d\d)(\d\d)(\d\d)?", offset or "")
                for i, b in enumerate(block):
                    until = re.search(r"UNTIL=(\d{8}T\d{6})Z", b)
                    if b.upper().startswith("RRULE") and until and match:
                        sign = -1 if match.group(1) == "-" else 1
                        delta = dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)),
                                             seconds=int(match.group(4) or 0)) * sign
                        local = dt.datetime.strptime(until.group(1), "%Y%m%dT%H%M%S") + delta
                        block[i] = b.replace(until.group(0), "UNTIL=" + local.strftime("%Y%m%dT%H%M%S"))
                out.extend(block)
            continue
        out.append(line)
    out.extend(block if inside else [])
    return "\r\n".join(out) + "\r\n"


def expand_vobject(vcal, first: dt.date, last: dt.date) -> list[Occ]:
    """Second expansion: vobject + python-dateutil, with the file's own VTIMEZONE definitions."""
    lo = dt.datetime.combine(first - dt.timedelta(days=2), dt.time(), tzinfo=STHLM)
    hi = dt.datetime.combine(last + dt.timedelta(days=3), dt.time(), tzinfo=STHLM)
    events = vcal.contents.get("vevent", [])

    def end_of(ev, start):
        if "dtend" in ev.contents:
            return ev.dtend.value
        if "duration" in ev.contents:
            return start + ev.duration.value
        return start

    overridden = defaultdict(set)
    result = []
    for ev in events:
        if "recurrence-id" in ev.contents:
            uid = ev.uid.value
            overridden[uid].add(as_utc(ev.recurrence_id.value))
            start = ev.dtstart.value
            result.append(Occ(uid, start, end_of(ev, start)))
    for ev in events:
        if "recurrence-id" in ev.contents:
            continue
        uid = ev.uid.value
        start = ev.dtstart.value
        duration = end_of(ev, start) - start
        rules = ev.getrruleset(addRDate=True)
        if rules is None:
            starts = [start]
        elif isinstance(start, dt.datetime) and start.tzinfo is not None:
            starts = rules.between(lo, hi, inc=True)
        else:
            starts = rules.between(lo.replace(tzinfo=None), hi.replace(tzinfo=None), inc=True)
        for s in starts:
            if as_utc(s) not in overridden[uid]:
                result.append(Occ(uid, s, s + duration))
    return [o for o in result if first <= o.local_day() <= last]


def compare_zone_offsets(vcal, first: dt.date, last: dt.date, report: Report) -> None:
    """The file's VTIMEZONE must give Stockholm's UTC offsets over the window."""
    for vtz in vcal.contents.get("vtimezone", []):
        try:
            tzid = vtz.tzid.value
            if tzid != ZONE_NAME:
                continue
            tzinfo = vtz.gettzinfo()
        except Exception as error:  # noqa: BLE001 - reported, never raised
            report.add(f"vobject cannot read VTIMEZONE: {type(error).__name__}: {error}")
            continue
        day = dt.datetime.combine(first - dt.timedelta(days=1), dt.time(12), tzinfo=UTC)
        stop = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(12), tzinfo=UTC)
        suspicious = []
        previous = None
        while day <= stop:
            pair = (day.astimezone(STHLM).utcoffset(), day.astimezone(tzinfo).utcoffset())
            if pair[0] != pair[1] or (previous is not None and pair != previous):
                suspicious.append(day)
            previous = pair
            day += dt.timedelta(days=1)
        mismatches = []
        for noon in suspicious:  # look at each quarter hour of the day before and the day itself
            t = noon - dt.timedelta(days=1)
            while t <= noon:
                a, b = t.astimezone(STHLM).utcoffset(), t.astimezone(tzinfo).utcoffset()
                if a != b:
                    mismatches.append((t, a, b))
                    break
                t += dt.timedelta(minutes=15)
        if mismatches:
            t, a, b = mismatches[0]
            days = len({m[0].date() for m in mismatches})
            report.add(f"VTIMEZONE {tzid} gives other UTC offsets than the system's {ZONE_NAME} "
                       f"on about {days} day(s) of the window, first at {t.isoformat()} "
                       f"(system {fmt_delta(a)}, file {fmt_delta(b)})")


def fmt_delta(off: dt.timedelta | None) -> str:
    return fmt_offset(dt.datetime(2000, 1, 1, tzinfo=dt.timezone(off or dt.timedelta(0))))


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def run(args) -> dict:
    report = Report()
    result = {"ok": False, "expanded": 0, "expected": 0, "missing": [], "unexpected": [],
              "missingCount": 0, "unexpectedCount": 0, "problems": report.problems}

    # The peers themselves: a missing package is a setup problem, say so plainly.
    import importlib
    for module, package in (("icalendar", "icalendar"), ("vobject", "vobject"),
                            ("recurring_ical_events", "recurring-ical-events")):
        try:
            importlib.import_module(module)
        except ImportError:
            report.add(f"Python package {package} is missing from {sys.executable}: run this "
                       "with .venv/bin/python (scripts/install-deps.sh test creates it)")
    if report.problems:
        return result

    # Read both files first.
    data = None
    try:
        with open(args.calendar, "rb") as handle:
            data = handle.read()
    except OSError as error:
        report.add(f"cannot read the calendar {args.calendar}: {error.strerror or error}")
    schedule = load_schedule(args.schedule, report)

    # Window.
    first = last = None
    if args.from_day:
        first = parse_day(args.from_day, "--from", report)
    elif schedule is not None and "from" in schedule:
        first = parse_day(schedule["from"], "schedule: from", report)
    if args.to_day:
        last = parse_day(args.to_day, "--to", report)
    elif schedule is not None and "to" in schedule:
        last = parse_day(schedule["to"], "schedule: to", report)
    if schedule is not None and (first is None or last is None) and not report.problems:
        report.add("no window: give --from and --to or put `from` and `to` in the schedule")
    if first and last and last < first:
        report.add(f"the window ends ({last}) before it starts ({first})")

    # Expected occurrences.
    expected: list[Occ] = []
    forbidden: list[tuple[str, Occ]] = []
    if schedule is not None:
        for index, item in enumerate(schedule["occurrences"]):
            where = f"occurrences[{index}]"
            if not isinstance(item, dict):
                report.add(f"schedule: {where} is not an object")
                continue
            if args.structure and item.get("structure") not in args.structure:
                continue
            uid, status = item.get("uid"), item.get("status")
            if not isinstance(uid, str) or not uid:
                report.add(f"schedule: {where} has no uid")
                continue
            where = f"{where} ({uid})"
            if status not in ("scheduled", "moved", "skipped", "cancelled", "extra"):
                report.add(f"schedule: {where} has unknown status {status!r}")
                continue
            start = parse_instant(item.get("start"), f"{where} start", report)
            end = parse_instant(item.get("end"), f"{where} end", report)
            if start is None or end is None:
                continue
            if end < start:
                report.add(f"schedule: {where} ends before it starts")
            original = None
            if status in ("moved", "skipped", "cancelled"):
                original = parse_instant(item.get("originalStart"), f"{where} originalStart", report)
            if status in ("scheduled", "moved", "extra"):
                written = dt.datetime.fromisoformat(item["start"].strip().replace("Z", "+00:00"))
                occ = Occ(uid, start, end, written=written.replace(tzinfo=None))
                if first and last and first <= occ.local_day() <= last:
                    expected.append(occ)
                if status == "moved" and original is not None:
                    forbidden.append(("moved away from", Occ(uid, original, None)))
            else:
                forbidden.append((status, Occ(uid, original or start, None)))
    result["expected"] = len(expected)

    if data is None:
        return result

    roots = check_bytes_and_read(data, report)
    structural_checks(roots, report)

    # Parse with icalendar and vobject.
    cal = vcal = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            import icalendar
            cal = icalendar.Calendar.from_ical(data)
            for comp in cal.walk():
                for error in getattr(comp, "errors", []) or []:
                    report.add(f"icalendar: {comp.name}: {error}")
        except Exception as error:  # noqa: BLE001 - reported, never raised
            report.add(f"icalendar cannot parse the file: {type(error).__name__}: {error}")
            cal = None
    record_warnings(caught, "icalendar", report)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            import vobject
            vcal = vobject.readOne(text_for_vobject(data.decode("utf-8", errors="replace")))
        except Exception as error:  # noqa: BLE001
            report.add(f"vobject cannot parse the file: {type(error).__name__}: "
                       f"{str(error) or 'no iCalendar object found'}")
            vcal = None
    record_warnings(caught, "vobject", report)

    if first is None or last is None or last < first:
        return result

    actual: list[Occ] = []
    if cal is not None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                actual = expand_rie(cal, first, last, report)
            except Exception as error:  # noqa: BLE001
                report.add(f"recurring-ical-events cannot expand the file: "
                           f"{type(error).__name__}: {error}")
        record_warnings(caught, "recurring-ical-events", report)
    result["expanded"] = len(actual)

    if vcal is not None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                compare_zone_offsets(vcal, first, last, report)
                second = expand_vobject(vcal, first, last)
                if cal is not None:
                    a = Counter(o.key() for o in actual)
                    b = Counter(o.key() for o in second)
                    only_rie = sorted(a - b, key=lambda k: (str(k[1]), k[0]))
                    only_vob = sorted(b - a, key=lambda k: (str(k[1]), k[0]))
                    for key in only_rie[:10]:
                        report.add(f"vobject/dateutil does not expand {key[0]} {describe(key[1])}, "
                                   "recurring-ical-events does")
                    for key in only_vob[:10]:
                        report.add(f"vobject/dateutil expands {key[0]} {describe(key[1])}, "
                                   "recurring-ical-events does not")
            except Exception as error:  # noqa: BLE001
                report.add(f"vobject/dateutil cannot expand the file: {type(error).__name__}: {error}")
        record_warnings(caught, "vobject", report)

    # Compare with the schedule.
    have = Counter(o.key() for o in actual)
    want = Counter(o.key() for o in expected)
    for key, count in have.items():
        if count > 1:
            report.add(f"{key[0]} {describe(key[1])} appears {count} times in the calendar")
    for key, count in want.items():
        if count > 1:
            report.add(f"schedule: {key[0]} {describe(key[1])} is listed {count} times")
    by_key_actual = {o.key(): o for o in actual}
    by_key_expected = {o.key(): o for o in expected}
    missing = sorted((want - have).keys(), key=lambda k: (str(k[1]), k[0]))
    unexpected = sorted((have - want).keys(), key=lambda k: (str(k[1]), k[0]))
    result["missing"] = [by_key_expected[k].text() for k in missing[:MAX_LISTED]]
    result["unexpected"] = [by_key_actual[k].text() for k in unexpected[:MAX_LISTED]]
    result["missingCount"], result["unexpectedCount"] = len(missing), len(unexpected)

    # Explain near misses: same start with another end, or exactly an hour off.
    for mk in missing:
        for uk in unexpected:
            if mk[0] != uk[0] or not isinstance(uk[1], dt.datetime):
                continue
            if mk[1] == uk[1]:
                report.add(f"{mk[0]} {describe(mk[1])}: ends {describe(uk[2])} in the calendar, "
                           f"{describe(mk[2])} in the schedule")
            elif abs(mk[1] - uk[1]) == dt.timedelta(hours=1) and mk[2] - mk[1] == uk[2] - uk[1]:
                report.add(f"{mk[0]} {describe(mk[1])}: the calendar has it one hour off, at "
                           f"{describe(uk[1])} (time zone or daylight-saving error?)")

    # Same instant must also read as the same Stockholm wall-clock time as the schedule wrote.
    for key, occ in by_key_expected.items():
        if key in have and occ.written is not None:
            local = as_local(by_key_actual[key].start).replace(tzinfo=None)
            if local != occ.written:
                report.add(f"{occ.uid}: the calendar shows {local.isoformat()} in {ZONE_NAME}, "
                           f"the schedule wrote {occ.written.isoformat()}")

    # Skipped occurrences and the original times of moved ones must not appear.
    starts = {(o.uid, as_utc(o.start)) for o in actual}
    for why, occ in forbidden:
        if first <= occ.local_day() <= last and (occ.uid, as_utc(occ.start)) in starts:
            if not any(e.uid == occ.uid and as_utc(e.start) == as_utc(occ.start) for e in expected):
                report.add(f"{occ.uid} {describe(occ.start)} was {why} in the schedule but is in "
                           "the calendar")

    # Outlook's rules for one series: one occurrence a day, moved ones keep their order.
    per_uid: dict[str, list[Occ]] = defaultdict(list)
    for occ in actual:
        per_uid[occ.uid].append(occ)
    for uid, items in per_uid.items():
        days = Counter(o.local_day() for o in items)
        for day, count in sorted(days.items()):
            if count > 1:
                report.add(f"{uid}: {count} occurrences on {day} (Outlook refuses two occurrences "
                           "of one series on one day)")
        ordered = sorted((o for o in items if isinstance(o.original, dt.datetime)),
                         key=lambda o: as_utc(o.original))
        for before, after in zip(ordered, ordered[1:]):
            if isinstance(before.start, dt.datetime) and isinstance(after.start, dt.datetime) \
                    and as_utc(after.start) <= as_utc(before.start):
                report.add(f"{uid}: the occurrence originally at {describe(before.original)} is "
                           f"now at {describe(before.start)}, not before the next one (originally "
                           f"{describe(after.original)}, now {describe(after.start)}); Outlook "
                           "refuses a moved occurrence that passes its neighbour")

    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Compare a Samverkan .ics export with Samverkan's schedule JSON using "
                    "icalendar, vobject and recurring-ical-events, and check the rules in "
                    "ICALENDAR.md. Prints one JSON object; exit 0 when ok, 1 otherwise.")
    parser.add_argument("calendar", metavar="CALENDAR.ics")
    parser.add_argument("schedule", metavar="SCHEDULE.json")
    parser.add_argument("--from", dest="from_day", metavar="YYYY-MM-DD",
                        help="first day of the window (default: the schedule's `from`)")
    parser.add_argument("--to", dest="to_day", metavar="YYYY-MM-DD",
                        help="last day of the window, inclusive (default: the schedule's `to`)")
    parser.add_argument("--structure", action="append", metavar="ID",
                        help="compare with only this structure's occurrences (repeatable)")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON output")
    args = parser.parse_args(argv)

    try:
        result = run(args)
    except Exception as error:  # noqa: BLE001 - the caller gets JSON, never a traceback
        frame = traceback.extract_tb(error.__traceback__)[-1]
        result = {"ok": False, "expanded": 0, "expected": 0, "missing": [], "unexpected": [],
                  "missingCount": 0, "unexpectedCount": 0,
                  "problems": [f"internal error in check_ics.py: {type(error).__name__}: {error} "
                               f"(line {frame.lineno})"]}
    problems = result["problems"]
    if len(problems) > MAX_PROBLEMS:
        result["problems"] = problems[:MAX_PROBLEMS] + [f"… and {len(problems) - MAX_PROBLEMS} more"]
    result["ok"] = not problems and not result["missingCount"] and not result["unexpectedCount"]
    try:
        text = json.dumps(result, ensure_ascii=False, indent=2 if args.pretty else None)
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")  # UTF-8 whatever the locale
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`); nothing left to tell
        sys.stderr.close()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
