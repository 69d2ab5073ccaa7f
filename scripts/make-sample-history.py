#!/usr/bin/env python3
"""Makes the sample minutes of Config/samples/halland-2025-minutes.json: an invented but plausible
year (2025) of Halland collaboration meetings, recorded through the samverkan command line.

Deterministic (seeded) apart from the wall-clock `createdAt`/`recordedAt` stamps: about 85 % of the planned meetings have minutes, 5 % are cancelled, the
rest are missed; attendance, covered standing items and approval delays vary; a few extra meetings
and action items. No real names or personal data: the people are the configuration's roles.

Usage: scripts/make-sample-history.py [BIN] [CONFIG] [OUTPUT]
"""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/samverkan"
CONFIG = sys.argv[2] if len(sys.argv) > 2 else "Config/halland.yaml"
OUTPUT = sys.argv[3] if len(sys.argv) > 3 else "Config/samples/halland-2025-minutes.json"
LAST = "2025-12-19"  # the last day with minutes; the demo reports 2025 as a past year
REASONS = ["Krockar med krisledningsmöte", "Sjukdom hos ordförande", "För få anmälda", "Flyttat till gruppnivåmöte"]


def run(*args, env=None):
    result = subprocess.run([BIN, *args, "--config", CONFIG], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {result.stderr}")
    return result.stdout


def main():
    rng = random.Random(2025)
    structures = {s["id"]: s for s in json.loads(run("structures", "--format", "json"))["structures"]}
    occurrences = json.loads(run("schedule", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json"))["occurrences"]
    minutes, cancels, approvals = [], [], []
    open_actions = {}  # structure id -> action ids decided and not yet done
    for occurrence in occurrences:
        if occurrence["status"] == "skipped" or occurrence["start"][:10] > LAST:
            continue
        structure = structures[occurrence["structure"]]
        date = occurrence["start"][:10]
        planned = occurrence.get("originalStart", occurrence["start"])[:10]
        roll = rng.random()
        if roll < 0.05:
            cancels.append((structure["id"], date, rng.choice(REASONS)))
            continue
        if roll < 0.15:
            continue  # missed: neither minutes nor a cancellation
        minutes.append(record(rng, structure, date, planned, len(minutes) + 1, open_actions))
        if rng.random() < 0.82:
            approvals.append((len(minutes), date, rng.choice([2, 4, 5, 7, 8, 10, 12, 14, 16, 21, 30])))
    for structure_id, date in [("enskild-vc-varberg-centrum", "2025-03-27"), ("grupp-hylte", "2025-10-08"), ("rug", "2025-06-24")]:
        minutes.append(record(rng, structures[structure_id], date, None, len(minutes) + 1, open_actions))
        approvals.append((len(minutes), date, 6))
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "sample.sqlite")
        draft = os.path.join(folder, "minutes.json")
        with open(draft, "w", encoding="utf-8") as handle:
            json.dump({"schemaVersion": 1, "cancelled": [], "minutes": minutes}, handle, ensure_ascii=False)
        env = dict(os.environ, SAMVERKAN_DATABASE=db)
        run("minutes", "import", draft, env=env)
        for structure_id, date, reason in cancels:
            run("minutes", "cancel", "--structure", structure_id, "--date", date, "--reason", reason, env=env)
        for number, date, delay in approvals:
            day = (datetime.date.fromisoformat(date) + datetime.timedelta(days=delay)).isoformat()
            structure = structures[minutes[number - 1]["structureID"]]
            chair = (structure.get("chair") or {}).get("id") or structure["participants"][0]["id"]
            run("minutes", "approve", str(number), "--date", day, "--by", chair, env=dict(env, SAMVERKAN_TODAY=day))
        export = run("minutes", "export", "--format", "json", env=env)
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write(export)
    print(f"{len(minutes)} minutes ({len(approvals)} approved), {len(cancels)} cancelled meetings -> {OUTPUT}")


def record(rng, structure, date, planned, number, open_actions):
    principal = {m["id"]: m["principal"] for m in structure["members"]}
    attendance = []
    for person in structure["participants"]:
        present = rng.random() < 0.86
        entry = {"personID": person["id"], "organisationID": person["organisation"],
                 "principal": principal.get(person["organisation"], "other"), "present": present}
        attendance.append(entry)
    agenda = [{"itemID": item["id"], "covered": rng.random() < 0.8, "notes": "Genomgång." if rng.random() < 0.5 else ""}
              for item in structure.get("standingAgenda", [])]
    record = {"id": number, "structureID": structure["id"], "date": date, "time": structure["time"],
              "place": structure.get("place") or "Digitalt", "chair": (structure.get("chair") or {}).get("name", ""),
              "secretary": (structure.get("secretary") or {}).get("name", ""), "approvers": [],
              "createdAt": f"{date}T15:00:00.000Z", "attendance": attendance, "agenda": agenda,
              "actionFollowUps": [], "activityFollowUps": [], "items": [], "decisions": [], "newActions": []}
    if planned:
        record["plannedDate"] = planned
    pending = open_actions.setdefault(structure["id"], [])
    for action in list(pending):
        status = "done" if rng.random() < 0.6 else "in-progress"
        record["actionFollowUps"].append({"actionID": action, "status": status, "comment": ""})
        if status == "done":
            pending.remove(action)
    if rng.random() < 0.3:
        due = f"{date[:4]}-{min(int(date[5:7]) + 2, 12):02d}-28"
        action = number  # one action at most per meeting: the minutes number is a free id
        record["newActions"].append({"id": action, "text": "Följa upp rutinen för utskrivning", "due": due,
                                     "responsible": {"kind": "organisation", "id": structure["members"][0]["id"]}})
        pending.append(action)
    return record


if __name__ == "__main__":
    main()
