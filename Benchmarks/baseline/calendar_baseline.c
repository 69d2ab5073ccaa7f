/*
 * calendar_baseline: the C baseline for the calendar benchmark.
 *
 * Does the same libical work as Samverkan's export and expansion, directly against libical and
 * with no Swift in between: it reads the series Samverkan would export (one per line, written by
 * `samverkan-benchmarks calendar` to a TSV file), then
 *   (a) builds one VCALENDAR with a compact Europe/Stockholm VTIMEZONE and one VEVENT series per
 *       line (RRULE with UTC UNTIL, EXDATEs, RECURRENCE-ID overrides) and serializes it;
 *   (b) expands every series over its window with icalrecur_iterator.
 * It prints one line per part: "export <seconds> <bytes>" and "expand <seconds> <occurrences>".
 *
 * Input columns (tab-separated): uid, summary, dtstart (local YYYYMMDDTHHMMSS), dtend,
 * rrule, until (UTC YYYYMMDDTHHMMSSZ), exdates (comma-separated local), overrides
 * (comma-separated recurrence-id=newstart=newend, local), window end (local YYYYMMDDTHHMMSS),
 * category. Every event also gets STATUS, CATEGORIES and an ORGANIZER with CN, as Samverkan's do.
 *
 * Build: cc -O2 -o calendar_baseline calendar_baseline.c -lical
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_FIELDS 10

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct {
    char *field[MAX_FIELDS];
} series_t;

static struct icaltimetype local_time(const char *text) {
    struct icaltimetype t = icaltime_from_string(text);
    t.zone = NULL;
    return t;
}

static icalproperty *with_tzid(icalproperty *p) {
    icalproperty_add_parameter(p, icalparameter_new_tzid("Europe/Stockholm"));
    return p;
}

static icalcomponent *compact_vtimezone(icaltimezone *zone) {
    icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
    icalproperty *tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
    icalproperty_set_tzid(tzid, "Europe/Stockholm");
    icaltimezone_truncate_vtimezone(vtz, icaltime_from_string("19700101T000000"),
                                    icaltime_from_string("20370101T000000"), 1);
    return vtz;
}

static icalcomponent *event(const series_t *s, const char *start, const char *end, const char *recurrence_id) {
    icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(ev, icalproperty_new_uid(s->field[0]));
    icalcomponent_add_property(ev, icalproperty_new_sequence(0));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(time(NULL), 0, icaltimezone_get_utc_timezone())));
    icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtstart(local_time(start))));
    icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtend(local_time(end))));
    if (recurrence_id) {
        icalcomponent_add_property(ev, with_tzid(icalproperty_new_recurrenceid(local_time(recurrence_id))));
    }
    icalcomponent_add_property(ev, icalproperty_new_summary(s->field[1]));
    icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(ev, icalproperty_new_categories(s->field[9]));
    icalproperty *organizer = icalproperty_new_organizer("mailto:samverkan@region-sverige.invalid");
    icalproperty_add_parameter(organizer, icalparameter_new_cn("Region Sverige (benchmark)"));
    icalcomponent_add_property(ev, organizer);
    return ev;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s SERIES.tsv\n", argv[0]); return 2; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 1; }
    size_t count = 0, capacity = 2048;
    series_t *series = malloc(capacity * sizeof *series);
    char *line = NULL; size_t len = 0;
    while (getline(&line, &len, in) > 0) {
        line[strcspn(line, "\n")] = 0;
        if (count == capacity) series = realloc(series, (capacity *= 2) * sizeof *series);
        char *copy = strdup(line), *save = NULL;
        for (int i = 0; i < MAX_FIELDS; i++) series[count].field[i] = strtok_r(i ? NULL : copy, "\t", &save);
        count++;
    }
    free(line);
    fclose(in);
    icaltimezone *zone = icaltimezone_get_builtin_timezone("Europe/Stockholm");

    /* (a) export */
    double t0 = now();
    icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Samverkan//baseline//SV"));
    icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalproperty *name = icalproperty_new_x("Samverkansmöten – benchmark");
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(cal, name);
    icalcomponent_add_component(cal, compact_vtimezone(zone));
    for (size_t i = 0; i < count; i++) {
        series_t *s = &series[i];
        icalcomponent *master = event(s, s->field[2], s->field[3], NULL);
        struct icalrecurrencetype rule = icalrecurrencetype_from_string(s->field[4]);
        rule.until = icaltime_from_string(s->field[5]);
        icalcomponent_add_property(master, icalproperty_new_rrule(rule));
        if (strcmp(s->field[6], "-") != 0) {
            char *list = strdup(s->field[6]), *save = NULL;
            for (char *d = strtok_r(list, ",", &save); d; d = strtok_r(NULL, ",", &save))
                icalcomponent_add_property(master, with_tzid(icalproperty_new_exdate(local_time(d))));
            free(list);
        }
        icalcomponent_add_component(cal, master);
        if (strcmp(s->field[7], "-") != 0) {
            char *list = strdup(s->field[7]), *save = NULL;
            for (char *o = strtok_r(list, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
                char *rid = strtok(o, "="), *ns = strtok(NULL, "="), *ne = strtok(NULL, "=");
                icalcomponent_add_component(cal, event(s, ns, ne, rid));
            }
            free(list);
        }
    }
    char *text = icalcomponent_as_ical_string_r(cal);
    size_t bytes = strlen(text);
    FILE *out = fopen("/dev/null", "w");
    fwrite(text, 1, bytes, out);
    fclose(out);
    icalmemory_free_buffer(text);
    icalcomponent_free(cal);
    double export_seconds = now() - t0;

    /* (b) expand */
    t0 = now();
    long occurrences = 0;
    for (size_t i = 0; i < count; i++) {
        series_t *s = &series[i];
        struct icalrecurrencetype rule = icalrecurrencetype_from_string(s->field[4]);
        struct icaltimetype start = icaltime_from_string(s->field[2]);
        start.zone = zone;
        struct icaltimetype end = icaltime_from_string(s->field[8]);
        icalrecur_iterator *it = icalrecur_iterator_new(rule, start);
        for (struct icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t); t = icalrecur_iterator_next(it)) {
            if (icaltime_compare_date_only(t, end) > 0) break;
            occurrences++;
        }
        icalrecur_iterator_free(it);
    }
    double expand_seconds = now() - t0;
    printf("export %.6f %zu\n", export_seconds, bytes);
    printf("expand %.6f %ld\n", expand_seconds, occurrences);
    return 0;
}
