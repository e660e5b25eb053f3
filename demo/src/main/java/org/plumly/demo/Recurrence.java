package org.plumly.demo;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A weekly series on the first start's weekday, with an optional end and cancelled occurrences (EXDATE). */
record Recurrence(int intervalWeeks, ZonedDateTime until, List<ZonedDateTime> exdates) {

    Recurrence {
        exdates = List.copyOf(exdates);
    }

    /** The RRULE value for a series that begins at {@code start}. */
    String rule(ZonedDateTime start) {
        String day = start.getDayOfWeek().name().substring(0, 2).toUpperCase(Locale.ROOT);
        return "FREQ=WEEKLY" + (intervalWeeks > 1 ? ";INTERVAL=" + intervalWeeks : "") + ";BYDAY=" + day
                + (until != null ? ";UNTIL=" + Icalendar.utc(until) : "");
    }

    /** Every start from the first up to the horizon and the series' end; the wall-clock time is kept across DST. */
    List<ZonedDateTime> instances(ZonedDateTime start, ZonedDateTime horizon) {
        List<ZonedDateTime> starts = new ArrayList<>();
        for (ZonedDateTime t = start; !t.isAfter(horizon) && (until == null || !t.isAfter(until));
                t = t.plusWeeks(intervalWeeks)) {
            ZonedDateTime occurrence = t;
            if (exdates.stream().noneMatch(x -> x.toInstant().equals(occurrence.toInstant()))) {
                starts.add(t);
            }
        }
        return starts;
    }
}
