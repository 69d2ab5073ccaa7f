#!/usr/bin/env python3
"""Sweden's public holidays and customary days off, from the PyPI `holidays` package.

Usage:
    swedish_holidays.py FROM_YEAR TO_YEAR        (both inclusive)

Prints one JSON object, sorted by date: {"YYYY-MM-DD": "Swedish name", ...}. Exit 0, or 2 for a
wrong command line, or 1 when the installed `holidays` cannot give what is needed (a message on
stderr). Ordinary Sundays are NOT included (the Swift side treats every Sunday as a day off itself).

What is included: the public holidays (allmänna helgdagar, Lag 1989:253) plus the three eves that the
Annual Leave Act (Semesterlag 1977:480, 3 a §) treats as Sundays: Midsommarafton, Julafton and
Nyårsafton. Not included: the bank/"from 2 pm" half days and the optional observances.

Where those three eves live depends on the package version (checked with 0.60 and 0.109):
  * holidays < 0.88: in the default PUBLIC category, and `include_sundays` defaults to True (so it
    must be passed as False or every Sunday appears as "Söndag").
  * holidays >= 0.88 (vacanza/holidays PR #3138): they moved to a new DE_FACTO category;
    `include_sundays` defaults to False. Sweden.supported_categories = bank, de_facto, optional,
    public.
This script asks for PUBLIC plus DE_FACTO when supported, and otherwise takes the three eves from
BANK if PUBLIC lacks them, so it gives the same answer on every version >= 0.60.

What each category of holidays 0.109 holds for 2025:
  PUBLIC (13):   01-01 Nyårsdagen, 01-06 Trettondedag jul, 04-18 Långfredagen, 04-20 Påskdagen,
                 04-21 Annandag påsk, 05-01 Första maj, 05-29 Kristi himmelsfärdsdag,
                 06-06 Nationaldagen, 06-08 Pingstdagen, 06-21 Midsommardagen,
                 11-01 Alla helgons dag, 12-25 Juldagen, 12-26 Annandag jul
  DE_FACTO (3):  06-20 Midsommarafton, 12-24 Julafton, 12-31 Nyårsafton
  BANK (12):     the three DE_FACTO eves plus the "(från kl. 14.00)" half days: 01-05 Trettondagsafton,
                 04-17 Skärtorsdagen, 04-30 Valborgsmässoafton, 05-28 Dag före Kristi
                 himmelsfärdsdag, 06-06 Dag före Pingstafton, 06-19 Dag före Midsommarafton,
                 10-31 Allahelgonsafton, 12-23 Dag före Julafton, 12-30 Dag före Nyårsafton
  OPTIONAL (7):  01-05, 04-17, 04-30 and 10-31 half days as in BANK, 04-19 Påskafton,
                 05-30 Klämdag, 06-07 Pingstafton
  (not used)     include_sundays=True adds every Sunday as "Söndag".
So 2025 prints 16 days: PUBLIC + DE_FACTO.

Påskdagen (Easter Sunday) and Pingstdagen (Whit Sunday) ARE included (in PUBLIC); both are always
Sundays, so the Swift side needs them only as Sundays. Other public holidays can also fall on a
Sunday in some years (e.g. Nationaldagen and Annandag jul in 2027); they are listed anyway.
Midsommardagen and Alla helgons dag are always Saturdays.

Dates are the same on 0.60 and 0.109 (checked for 2025-2027); names can change between versions
(0.60 says "Sveriges nationaldag", 0.109 "Nationaldagen"), so tests should compare dates, not names.
Names are asked for in Swedish explicitly (language="sv"): without it the package picks the language
from LANGUAGE/LC_ALL/LC_MESSAGES/LANG, and under LANG=C.UTF-8 it printed English names.
"""

from __future__ import annotations

import json
import sys

EVES = ("Midsommarafton", "Julafton", "Nyårsafton")
ALWAYS_SUNDAY = ("Påskdagen", "Pingstdagen")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(a.isdigit() for a in argv):
        print("usage: swedish_holidays.py FROM_YEAR TO_YEAR   (e.g. 2025 2026)", file=sys.stderr)
        return 2
    first, last = int(argv[0]), int(argv[1])
    if last < first:
        print(f"swedish_holidays.py: {last} is before {first}", file=sys.stderr)
        return 2
    try:
        import holidays
    except ImportError as error:
        print(f"swedish_holidays.py: cannot import the holidays package: {error}", file=sys.stderr)
        return 1

    years = list(range(first, last + 1))
    supported = getattr(holidays.Sweden, "supported_categories", ("public",))
    public = getattr(holidays, "PUBLIC", "public")
    de_facto = getattr(holidays, "DE_FACTO", "de_facto")
    bank = getattr(holidays, "BANK", "bank")

    def sweden(categories):
        return holidays.Sweden(years=years, categories=tuple(categories), language="sv",
                               include_sundays=False)

    categories = [public] + ([de_facto] if de_facto in supported else [])
    try:
        found = {day: name for day, name in sweden(categories).items() if first <= day.year <= last}
        present = {(day.year, n) for day, name in found.items() for n in name.split("; ")}
        if any((year, eve) not in present for year in years for eve in EVES) and bank in supported:
            for day, name in sweden([bank]).items():
                for part in name.split("; "):
                    if part in EVES and (day.year, part) not in present and first <= day.year <= last:
                        found[day] = f"{found[day]}; {part}" if day in found else part
                        present.add((day.year, part))
    except Exception as error:  # noqa: BLE001 - a message, not a traceback
        print(f"swedish_holidays.py: holidays {getattr(holidays, '__version__', '?')} failed: "
              f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1

    # Sanity: every year has the three eves, and no ordinary Sunday slipped in.
    wrong = [f"{year} lacks {eve}" for year in years for eve in EVES if (year, eve) not in present]
    wrong += [f"{day} {name} is an ordinary Sunday" for day, name in found.items()
              if day.weekday() == 6 and name in ("Söndag", "Sunday")]
    if wrong:
        print(f"swedish_holidays.py: holidays {getattr(holidays, '__version__', '?')}: "
              + "; ".join(wrong[:5]), file=sys.stderr)
        return 1

    result = {day.isoformat(): name for day, name in sorted(found.items())}
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
