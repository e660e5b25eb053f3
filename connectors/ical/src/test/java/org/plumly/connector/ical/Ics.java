package org.plumly.connector.ical;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** iCalendar text for tests, with CRLF line ends as RFC 5545 has them. */
final class Ics {
    /** The "now" of every test: the connector's clock is fixed at it. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    static String calendar(String... components) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Plumly tests//EN\r\n" + String.join("", components) + "END:VCALENDAR\r\n";
    }

    /** A VEVENT with a UID, a DTSTAMP and the given lines. */
    static String event(String uid, String... lines) {
        StringBuilder event = new StringBuilder("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20260101T000000Z\r\n");
        for (String line : lines) {
            event.append(line).append("\r\n");
        }
        return event.append("END:VEVENT\r\n").toString();
    }

    /** A one-hour meeting of dana@northwind.example with lee@globex.example at {@code start}. */
    static String meeting(String uid, Instant start, String summary) {
        return event(uid, "DTSTART:" + utc(start), "DTEND:" + utc(start.plusSeconds(3_600)), "SUMMARY:" + summary,
                "ORGANIZER;CN=Dana Reyes:mailto:dana@northwind.example",
                "ATTENDEE;CN=Lee Park;PARTSTAT=ACCEPTED:mailto:lee@globex.example");
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
