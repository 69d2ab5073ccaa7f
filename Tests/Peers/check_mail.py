"""Reads the messages an SMTP sink received and prints them as JSON, decoded by Python's own
e-mail parser (policy.default decodes RFC 2047 names) and python `icalendar`.

Usage: check_mail.py FOLDER
Prints a list, one object per message: rcpt (envelope recipients), from, to, reply_to,
subject, message_id, text (the text/plain part), content_method (the method= parameter of
the text/calendar part), ical_method and uids (from icalendar), defects.
"""
import email
import glob
import json
import os
import sys
from email import policy

import icalendar

result = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.eml"))):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=policy.default)
    with open(path[:-4] + ".rcpt") as f:
        rcpt = [line.strip() for line in f if line.strip()]
    item = {
        "rcpt": rcpt,
        "from": [a.display_name + " <" + a.addr_spec + ">" for a in message["From"].addresses],
        "to": [a.display_name + " <" + a.addr_spec + ">" for a in message["To"].addresses],
        "reply_to": [a.addr_spec for a in message["Reply-To"].addresses] if message["Reply-To"] else [],
        "subject": str(message["Subject"]),
        "message_id": str(message["Message-ID"]),
        "text": "",
        "content_method": None,
        "ical_method": None,
        "uids": [],
        "defects": [str(d) for d in message.defects],
    }
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            item["text"] = part.get_content()
        elif part.get_content_type() == "text/calendar":
            item["content_method"] = part.get_param("method")
            calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
            item["ical_method"] = str(calendar.get("METHOD"))
            item["uids"] = sorted({str(e.get("UID")) for e in calendar.walk("VEVENT")})
    result.append(item)
print(json.dumps(result, ensure_ascii=False))
