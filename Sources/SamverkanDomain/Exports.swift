// Dates, times, zones and recurrence rules come from the iCalendar wrapper; users of the domain
// see them as part of it.
@_exported import SamverkanICal
