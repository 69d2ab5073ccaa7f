#!/usr/bin/env python3
"""Recomputes `samverkan report compliance` independently and compares.

Usage: check_report.py DATABASE STRUCTURES.json SCHEDULE.json REPORT.json REPORT.csv TODAY

- DATABASE: the SQLite file the report read (plain SQL here, no Samverkan code);
- STRUCTURES.json: `samverkan structures --format json` (members, principals, standing agenda);
- SCHEDULE.json: `samverkan schedule --from FROM --to TO --format json` for the report's period,
  used only when the database has no meeting register (`meetings` table) for the period: the
  planned meetings are otherwise read from that table (plain SQL: planned date in the period;
  `skipped` and `extra` rows are not expected; a `moved` row is held on its new day);
- REPORT.json / REPORT.csv: the report, `--by municipality`, in both formats (CSV with decimal comma);
- TODAY: the SAMVERKAN_TODAY the report was made with.

Attendance: a member organisation is present at a meeting when a person of it is marked present
or has a substitute (`minutes_attendance`), or the organisation itself is marked present
(`minutes_organisation_attendance`, when the database has it). RUG, group level and structures
whose members with a configured participant are all on one side score the share of member
organisations present; the others score 1 when every side among the members was present. Each
structure's attendance per member organisation (meetings attended of held ones) is recomputed, and
each standing agenda item is counted under its own structure's title (id and title together).
Corrections waiting for approval (the latest record of a chain unapproved, an earlier one approved)
are counted by their meeting date and compared with `pendingCorrections` and the CSV's total row.

The JSON is also validated against Docs/compliance-report.schema.json (python `jsonschema`).

Prints one JSON object {"ok": bool, "structures": n, "problems": [...]}; exit 0 when ok, 1 when not,
2 for a bad command line.
"""
import csv
import datetime
import json
import os
import sqlite3
import statistics
import sys


def chain_roots(rows):
    """Each record's chain root, following `amends_id` back (rows start with id, amends_id)."""
    parent = {row[0]: row[1] for row in rows if row[1] is not None}
    roots = {}
    for row in rows:
        root, seen = row[0], {row[0]}
        while root in parent and parent[root] not in seen:
            root = parent[root]
            seen.add(root)
        roots[row[0]] = root
    return roots


def counting_minutes(db):
    """The ids of the minutes that count: of each correction chain (`amends_id`), the latest approved
    record, or the latest record when none is approved; until a correction of approved minutes is
    approved, the original counts. Worked out here from `amends_id` and `approved_at` alone."""
    rows = db.execute("SELECT id, amends_id, approved_at IS NOT NULL FROM minutes").fetchall()
    approved = {i for i, _, ok in rows if ok}
    chains = {}
    for minutes_id, root in chain_roots(rows).items():
        chains.setdefault(root, []).append(minutes_id)
    counting = set()
    for members in chains.values():
        chosen = [m for m in members if m in approved] or members
        counting.add(max(chosen))
    return counting


def first_approvals(db):
    """The day each record's chain (`amends_id`) was first approved: a correction approved later
    does not make a timely justering of the meeting late. Records of no approved chain are absent."""
    rows = db.execute("SELECT id, amends_id, approved_on FROM minutes").fetchall()
    root_of = chain_roots(rows)
    first = {}
    for minutes_id, _, approved_on in rows:
        if approved_on is not None:
            root = root_of[minutes_id]
            first[root] = min(first.get(root, approved_on), approved_on)
    return {i: first[r] for i, r in root_of.items() if r in first}


def pending_corrections(db, period_from, period_to):
    """How many corrections of approved minutes wait for approval: chains (`amends_id`) whose latest
    record is not approved while an earlier one is; counted by the meeting date of that record."""
    rows = db.execute("SELECT id, amends_id, meeting_date, approved_at IS NOT NULL FROM minutes").fetchall()
    corrected = {a for _, a, _, _ in rows if a is not None}
    by_id = {i: (a, day, ok) for i, a, day, ok in rows}
    count = 0
    for minutes_id, (parent, day, ok) in by_id.items():
        if ok or parent is None or minutes_id in corrected or not (period_from <= day <= period_to):
            continue
        seen, up = {minutes_id}, parent
        while up is not None and up not in seen and up in by_id:
            if by_id[up][2]:
                count += 1
                break
            seen.add(up)
            up = by_id[up][0]
    return count


def action_numbers(db):
    """The number (#N) of each action item: the item a correction's item continues, or its own id."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(action_items)")}
    if "continues_id" not in columns:
        return {}
    return dict(db.execute("SELECT id, continues_id FROM action_items WHERE continues_id IS NOT NULL").fetchall())


def recompute(db, structures, schedule, period_from, period_to, today):
    as_of = min(period_to, today)
    counting = counting_minutes(db)
    numbers = action_numbers(db)
    meeting_day = dict(db.execute("SELECT id, meeting_date FROM minutes").fetchall())
    follow_ups = {}
    for minutes_id, action_id, status in db.execute("SELECT minutes_id, action_id, status FROM action_follow_ups"):
        if minutes_id in counting:
            follow_ups.setdefault(numbers.get(action_id, action_id), []).append((meeting_day[minutes_id], minutes_id, status))
    first_approved = first_approvals(db)
    minutes = {}
    for row in db.execute("SELECT id, structure_id, meeting_date, planned_date, approved_on FROM minutes m "
                          "WHERE meeting_date BETWEEN ? AND ?", (period_from, period_to)):
        if row[0] in counting:
            minutes.setdefault(row[1], []).append(
                {"id": row[0], "date": row[2], "planned": row[3], "approved": first_approved.get(row[0], row[4])})
    cancelled = {}
    for structure_id, date in db.execute("SELECT structure_id, meeting_date FROM cancelled_meetings WHERE meeting_date BETWEEN ? AND ?",
                                          (period_from, period_to)):
        cancelled.setdefault(structure_id, set()).add(date)
    by_structure = {}
    for occurrence in register_occurrences(db, period_from, period_to) or schedule["occurrences"]:
        by_structure.setdefault(occurrence["structure"], []).append(occurrence)
    result = {}
    for structure_id, occurrences in by_structure.items():
        structure = structures[structure_id]
        records = list(minutes.get(structure_id, []))
        figures = dict(expected=0, heldPlanned=0, cancelled=0, missed=0, upcoming=0)
        held = []
        for occurrence in occurrences:
            if occurrence["status"] == "skipped":
                continue
            start = occurrence["start"][:10]
            planned = occurrence.get("originalStart", occurrence["start"])[:10]
            match = next((r for r in records if r["planned"] == planned), None) or \
                next((r for r in records if r["planned"] is not None and r["date"] == start), None)
            if match:
                records.remove(match)
                held.append(match)
                figures["heldPlanned"] += 1
                figures["expected"] += 1
            elif occurrence.get("state") == "cancelled" or start in cancelled.get(structure_id, set()) \
                    or planned in cancelled.get(structure_id, set()):
                figures["cancelled"] += 1
                figures["expected"] += 1
            elif start >= today:
                figures["upcoming"] += 1
            else:
                figures["missed"] += 1
                figures["expected"] += 1
        figures["extra"] = len(records)
        held += records
        figures["held"] = len(held)
        figures["compliance"] = min(len(held), figures["expected"]) / figures["expected"] if figures["expected"] else None
        items = [item["id"] for item in structure.get("standingAgenda", [])]
        covered = 0
        for record in held:
            covered += db.execute("SELECT COUNT(*) FROM minutes_agenda WHERE minutes_id = ? AND covered = 1 AND agenda_item_id IN (%s)"
                                  % ",".join("?" * len(items)), [record["id"], *items]).fetchone()[0] if items else 0
        figures["contentShare"] = covered / (len(items) * len(held)) if items and held else None
        members = [m["id"] for m in structure["members"]]
        principal_of = {m["id"]: m["principal"] for m in structure["members"]}
        sides = set(principal_of.values()) & {"region", "municipality"}
        staffed = {principal_of[p["organisation"]] for p in structure.get("participants", []) if p["organisation"] in principal_of}
        member_share = structure["kind"] in ("rug", "group") or len(staffed & {"region", "municipality"}) < 2
        organisation_rows = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'minutes_organisation_attendance'").fetchone()
        scores = []
        attended = {m: 0 for m in members}
        for record in held:
            present = db.execute("SELECT DISTINCT organisation_id, principal FROM minutes_attendance WHERE minutes_id = ? "
                                 "AND (present = 1 OR COALESCE(substitute, '') <> '')", (record["id"],)).fetchall()
            if organisation_rows:
                present += db.execute("SELECT organisation_id, principal FROM minutes_organisation_attendance "
                                      "WHERE minutes_id = ? AND present = 1", (record["id"],)).fetchall()
            orgs = {o for o, _ in present}
            for m in members:
                attended[m] += 1 if m in orgs else 0
            if member_share and members:
                scores.append(sum(1 for m in members if m in orgs) / len(members))
            elif not member_share and sides:
                scores.append(1.0 if sides <= {p for _, p in present} else 0.0)
        figures["attendanceShare"] = sum(scores) / len(scores) if scores else None
        figures["measure"] = "member-share" if member_share else "both-principals"
        figures["organisations"] = [{"id": m, "attended": attended[m], "meetings": len(held)} for m in members]
        # Each standing item under its own structure's title: (id, title) -> covered, meetings.
        figures["items"] = {}
        for item in structure.get("standingAgenda", []):
            covered_item = sum(db.execute("SELECT COUNT(*) FROM minutes_agenda WHERE minutes_id = ? AND covered = 1 AND agenda_item_id = ?",
                                          (r["id"], item["id"])).fetchone()[0] for r in held)
            figures["items"][(item["id"], item["title"])] = (covered_item, len(held))
        days = [(date_number(r["approved"]) - date_number(r["date"])) for r in held if r["approved"]]
        figures["approved"] = len(days)
        figures["median"] = statistics.median(days) if days else None
        figures["inTime"] = sum(1 for d in days if d <= 14)
        actions = []
        for action_id, minutes_id, due, decided in db.execute(
                "SELECT a.id, a.minutes_id, a.due, m.meeting_date FROM action_items a JOIN minutes m ON m.id = a.minutes_id "
                "WHERE a.structure_id = ? AND m.meeting_date BETWEEN ? AND ?", (structure_id, period_from, period_to)):
            if minutes_id not in counting:
                continue
            # The latest follow-up, by meeting day then minutes, from the day it was decided up to as_of,
            # recorded against its number or any item that keeps it.
            recorded = [f for f in follow_ups.get(numbers.get(action_id, action_id), []) if decided <= f[0] <= as_of]
            actions.append((due, max(recorded)[2] if recorded else None))
        figures["actions"] = dict(created=len(actions), done=sum(1 for _, s in actions if s == "done"),
                                  open=sum(1 for _, s in actions if s != "done"),
                                  overdue=sum(1 for due, s in actions if s != "done" and due < as_of))
        result[structure_id] = figures
    return result


def register_occurrences(db, period_from, period_to):
    """The register's meetings planned in the period, shaped like the schedule JSON's occurrences
    (with the register's state); [] when the database has no register rows for the period."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meetings'").fetchone():
        return []
    rows = db.execute("SELECT structure_id, planned_start, start, state FROM meetings "
                      "WHERE planned_date BETWEEN ? AND ? AND state <> 'extra' ORDER BY structure_id, planned_start",
                      (period_from, period_to)).fetchall()
    return [{"structure": structure, "start": start, "originalStart": planned, "state": state,
             "status": "skipped" if state == "skipped" else "scheduled"}
            for structure, planned, start, state in rows]


def date_number(text):
    return datetime.date.fromisoformat(text).toordinal()


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 0.00006


def percent(text):
    return None if text == "" else float(text.replace(",", "."))


def main():
    if len(sys.argv) != 7:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    db_path, structures_path, schedule_path, report_path, csv_path, today = sys.argv[1:]
    structures = {s["id"]: s for s in json.load(open(structures_path, encoding="utf-8"))["structures"]}
    schedule = json.load(open(schedule_path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    period = report["period"]
    expected = recompute(db, structures, schedule, period["from"], period["to"], today)
    problems = []
    # The JSON must follow its documented schema (Docs/compliance-report.schema.json).
    import jsonschema  # from the venv; imported here so the usage message works without it
    schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Docs", "compliance-report.schema.json")
    validator = jsonschema.Draft202012Validator(json.load(open(schema_path, encoding="utf-8")))
    problems += [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(report)][:10]
    rows = {row["id"]: row for row in report["structures"]}
    if set(rows) != set(expected):
        problems.append(f"structures differ: report {sorted(set(rows) - set(expected))}, recomputed {sorted(set(expected) - set(rows))}")
    total_items = {}
    for structure_id, mine in expected.items():
        theirs = rows.get(structure_id, {}).get("figures")
        if theirs is None:
            continue
        for key, (covered, meetings) in mine["items"].items():
            total_items.setdefault(key, [0, 0])
            total_items[key][0] += covered
            total_items[key][1] += meetings
        pairs = [(k, mine[k], theirs[k]) for k in ("expected", "heldPlanned", "extra", "held", "cancelled", "missed", "upcoming")]
        pairs += [("compliance", mine["compliance"], theirs.get("compliance")),
                  ("content.share", mine["contentShare"], theirs["content"].get("share")),
                  ("attendance.share", mine["attendanceShare"], theirs["attendance"].get("share")),
                  ("minutes.approved", mine["approved"], theirs["minutes"]["approved"]),
                  ("minutes.medianDaysToApproval", mine["median"], theirs["minutes"].get("medianDaysToApproval")),
                  ("minutes.approvedWithin14Days", mine["inTime"], theirs["minutes"]["approvedWithin14Days"])]
        pairs += [(f"actions.{k}", v, theirs["actions"][k]) for k, v in mine["actions"].items()]
        pairs += [("attendanceMeasure", mine["measure"], rows[structure_id].get("attendanceMeasure"))]
        reported = [{k: o[k] for k in ("id", "attended", "meetings")} for o in rows[structure_id].get("organisations", [])]
        pairs += [("organisations", mine["organisations"], reported)]
        items = {(i["id"], i.get("title")): (i["covered"], i["meetings"]) for i in theirs["content"]["items"]}
        pairs += [("content.items (id, title)", mine["items"], items)]
        for name, a, b in pairs:
            same = close(a, b) if isinstance(a, float) or isinstance(b, float) or a is None or b is None else a == b
            if not same:
                problems.append(f"{structure_id} {name}: recomputed {a}, report {b}")
    # The total counts each (id, title) apart: one structure's title never stands for another's item.
    reported_total = {(i["id"], i.get("title")): [i["covered"], i["meetings"]] for i in report["total"]["content"]["items"]}
    if reported_total != total_items:
        problems.append(f"total content.items (id, title): recomputed {sorted(total_items.items())}, report {sorted(reported_total.items())}")
    # The CSV, read by a CSV parser, must give the JSON's numbers.
    raw = open(csv_path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("the CSV does not start with a UTF-8 byte-order mark")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    header, body = lines[0], lines[1:]
    index = {name: i for i, name in enumerate(header)}
    csv_rows = {r[index["Struktur-id"]]: r for r in body if r[index["Nivå"]] == "struktur"}
    if set(csv_rows) != set(rows):
        problems.append(f"CSV structures differ from JSON: {sorted(set(csv_rows) ^ set(rows))}")
    for structure_id, r in csv_rows.items():
        f = rows[structure_id]["figures"]
        for column, value in [("Förväntade", f["expected"]), ("Hållna", f["held"]), ("Inställda", f["cancelled"]),
                              ("Missade", f["missed"]), ("Nya åtgärder", f["actions"]["created"]), ("Försenade", f["actions"]["overdue"])]:
            if int(r[index[column]]) != value:
                problems.append(f"CSV {structure_id} {column}: {r[index[column]]}, JSON {value}")
        for column, share in [("Följsamhet %", f.get("compliance")), ("Närvaro %", f["attendance"].get("share")),
                              ("Innehåll %", f["content"].get("share"))]:
            value = percent(r[index[column]])
            if (value is None) != (share is None) or (value is not None and abs(value - round(share * 100, 1)) > 0.051):
                problems.append(f"CSV {structure_id} {column}: {r[index[column]]}, JSON {share}")
    # Attendance per member organisation: one CSV row each for the structures with held meetings.
    csv_organisations = sorted((r[index["Struktur-id"]], r[index["Organisations-id"]], int(r[index["Närvarande möten"]]),
                                int(r[index["Hållna"]])) for r in body if r[index["Nivå"]] == "organisation")
    json_organisations = sorted((s["id"], o["id"], o["attended"], o["meetings"]) for s in report["structures"]
                                if s["figures"]["held"] > 0 for o in s.get("organisations", []))
    if csv_organisations != json_organisations:
        problems.append(f"CSV attendance per organisation differs from JSON: {csv_organisations[:5]} vs {json_organisations[:5]}")
    total = [r for r in body if r[index["Nivå"]] == "total"]
    if len(total) != 1 or int(total[0][index["Förväntade"]]) != report["total"]["expected"]:
        problems.append("the CSV total row does not match the JSON total")
    # Corrections waiting for approval: in the JSON, and on the CSV's total row only.
    pending = pending_corrections(db, period["from"], period["to"])
    if report.get("pendingCorrections") != pending:
        problems.append(f"pendingCorrections: recomputed {pending}, report {report.get('pendingCorrections')}")
    column = index.get("Rättelser som väntar på justering")
    if column is None or len(total) != 1 or total[0][column] != str(pending) or any(r[column] for r in body if r is not total[0]):
        problems.append(f"CSV pending corrections: recomputed {pending} on the total row only")
    print(json.dumps({"ok": not problems, "structures": len(expected), "problems": problems[:50]}, ensure_ascii=False))
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
