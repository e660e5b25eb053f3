package org.plumly.demo;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A calendar event as every calendar that holds it shows it. {@code recurrence} is null for a single meeting;
 * {@code opportunityId} is empty for internal meetings.
 */
record Meeting(String uid, String summary, String location, String description, ZonedDateTime start, Duration duration,
               SalesUser organizer, List<Attendee> attendees, boolean cancelled, int sequence, String opportunityId,
               Recurrence recurrence) {

    /** Someone invited, with their answer (RFC 5545 PARTSTAT) and role. */
    record Attendee(String name, String email, String partStat, String role) {
    }

    ZonedDateTime end() {
        return start.plus(duration);
    }

    /** The starts of every occurrence up to the horizon: one for a single meeting. */
    List<ZonedDateTime> occurrences(ZonedDateTime horizon) {
        return recurrence == null ? List.of(start) : recurrence.instances(start, horizon);
    }
}
