#ifndef SAMVERKAN_CLIBICAL_SHIM_H
#define SAMVERKAN_CLIBICAL_SHIM_H

#include <libical/ical.h>

/// `icalerrno` is a macro over a per-thread variable: Swift reads and clears it through these.
static inline icalerrorenum samverkan_icalerrno(void) { return *icalerrno_return(); }
static inline void samverkan_clear_icalerrno(void) { *icalerrno_return() = ICAL_NO_ERROR; }

/// The BYDAY list of a rule is a fixed C array (a 364-element tuple in Swift): count it here.
/// Returns how many BYDAY entries there are; `positioned` receives how many carry an nth position.
static inline int samverkan_recur_by_day_count(const struct icalrecurrencetype *rule, int *positioned) {
    int count = 0, withPosition = 0;
    for (int i = 0; i < ICAL_BY_DAY_SIZE && rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
        count++;
        if (icalrecurrencetype_day_position(rule->by_day[i]) != 0) withPosition++;
    }
    if (positioned) *positioned = withPosition;
    return count;
}

/// Whether a rule has any BYSETPOS, BYYEARDAY or BYWEEKNO part (unsupported by Outlook).
static inline int samverkan_recur_has_exotic_parts(const struct icalrecurrencetype *rule) {
    return rule->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX
        || rule->by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX
        || rule->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX
        || rule->by_second[0] != ICAL_RECURRENCE_ARRAY_MAX
        || rule->by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX
        || rule->by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

#endif
