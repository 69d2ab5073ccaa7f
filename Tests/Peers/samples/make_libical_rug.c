/* Writes libical-rug.ics the way ICALENDAR.md suggests a libical exporter does it (libical 3.0.16):
 * built-in Europe/Stockholm, icaltimezone_truncate_vtimezone(vtz, 2025-01-01, 2027-01-01, 1),
 * TZID rewritten on the clone, a monthly series with two EXDATEs and one RECURRENCE-ID override.
 * Not part of any build. Writes to the file named by its one argument, or to standard output without
 * one; regenerate, from this folder, with:
 *   cc make_libical_rug.c -o make_libical_rug -lical && ./make_libical_rug libical-rug.ics && rm make_libical_rug
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  if (argc > 2) { fprintf(stderr, "usage: make_libical_rug [OUTPUT.ics]\n"); return 2; }
  icaltimezone *z = icaltimezone_get_builtin_timezone("Europe/Stockholm");
  if (!z) { fprintf(stderr, "no zone\n"); return 1; }
  icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(z));
  icaltimetype s = icaltime_from_string("20250101T000000"), e = icaltime_from_string("20270101T000000");
  icaltimezone_truncate_vtimezone(vtz, s, e, 1);
  { icalproperty *tp = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY); icalproperty_set_tzid(tp, "Europe/Stockholm"); }
  icalcomponent *cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
      icalproperty_new_version("2.0"), icalproperty_new_prodid("-//Samverkan//libical test//SV"),
      icalproperty_new_method(ICAL_METHOD_PUBLISH), 0);
  icalproperty *wr = icalproperty_new_x("RUG Halland – Nära vård"); icalproperty_set_x_name(wr, "X-WR-CALNAME");
  icalcomponent_add_property(cal, wr);
  icalcomponent_add_component(cal, vtz);
  const char *uid = "rug@samverkan.example";
  for (int k = 0; k < 2; k++) {
    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_set_uid(ev, uid);
    icalcomponent_set_dtstamp(ev, icaltime_from_string("20241201T120000Z"));
    icalproperty *org = icalproperty_new_organizer("mailto:samordnare@samverkan.example");
    icalproperty_add_parameter(org, icalparameter_new_cn("Regionens samordnare, Nära vård"));
    icalcomponent_add_property(ev, org);
    icalcomponent_set_summary(ev, k ? "RUG – regional utvecklingsgrupp (flyttad, påsk)" : "RUG – regional utvecklingsgrupp; Halmstad, Laholm, Hylte, Falkenberg, Varberg och Kungsbacka");
    icalcomponent_set_description(ev, "Rad ett\nRad två med åäö och ett långt stycke text som måste vikas vid 75 oktetter utan att dela ett tecken: ÅÄÖåäöÅÄÖåäöÅÄÖåäö");
    const char *ds = k ? "20250409T090000" : "20250109T090000";
    const char *de = k ? "20250409T110000" : "20250109T110000";
    icalproperty *p = icalproperty_new_dtstart(icaltime_from_string(ds)); icalproperty_add_parameter(p, icalparameter_new_tzid("Europe/Stockholm")); icalcomponent_add_property(ev, p);
    p = icalproperty_new_dtend(icaltime_from_string(de)); icalproperty_add_parameter(p, icalparameter_new_tzid("Europe/Stockholm")); icalcomponent_add_property(ev, p);
    if (!k) {
      struct icalrecurrencetype r = icalrecurrencetype_from_string("FREQ=MONTHLY;BYDAY=2TH;UNTIL=20261210T080000Z");
      icalcomponent_add_property(ev, icalproperty_new_rrule(r));
      const char *ex[] = {"20250710T090000", "20260709T090000"};
      for (int i = 0; i < 2; i++) { p = icalproperty_new_exdate(icaltime_from_string(ex[i])); icalproperty_add_parameter(p, icalparameter_new_tzid("Europe/Stockholm")); icalcomponent_add_property(ev, p); }
    } else {
      p = icalproperty_new_recurrenceid(icaltime_from_string("20250410T090000")); icalproperty_add_parameter(p, icalparameter_new_tzid("Europe/Stockholm")); icalcomponent_add_property(ev, p);
    }
    icalcomponent_add_component(cal, ev);
  }
  FILE *out = argc == 2 ? fopen(argv[1], "w") : stdout;
  if (!out) { perror(argv[1]); return 1; }
  fputs(icalcomponent_as_ical_string(cal), out);
  if (out != stdout && fclose(out) != 0) { perror(argv[1]); return 1; }
  return 0;
}
