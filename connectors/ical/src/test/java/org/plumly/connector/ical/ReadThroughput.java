package org.plumly.connector.ical;

import static org.plumly.connector.ical.Ics.NOW;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.plumly.connector.testkit.RecordingSink;

/**
 * Measures how many events a read takes per second, from a 2,000-event file and from a 2,000-event
 * CalDAV collection on a local Radicale; a tool to run by hand, not a test: {@code mvn -f
 * connectors/ical/pom.xml test-compile exec:java -Dexec.mainClass=org.plumly.connector.ical.ReadThroughput
 * -Dexec.classpathScope=test}.
 */
public final class ReadThroughput {
    private static final int RUNS = 3;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private ReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path folder = Files.createTempDirectory("ical-throughput");
        String calendar = events(events);
        Files.writeString(folder.resolve("dana.ics"), calendar);
        measure("file", events, Runs.of(Map.of("source", "file", "file", "dana.ics")).withFiles(folder));
        try (Radicale radicale = Radicale.start(Files.createDirectories(folder.resolve("radicale")), "dana", "dana-app-password")) {
            URI collection = radicale.mkcalendar("work");
            radicale.putCollection(collection, calendar);
            measure("CalDAV collection", events, Runs.of(Map.of("source", "caldav", "url", collection.toString(),
                    "username", "dana", "password", "dana-app-password")));
        }
    }

    private static void measure(String source, int events, Runs runs) throws Exception {
        for (int run = 1; run <= RUNS; run++) {
            long started = System.nanoTime();
            RecordingSink sink = runs.readAll();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s run %d: %d meetings (%d rejected) in %.2f s = %.0f events/s, %d checkpoints%n", source, run,
                    sink.records().size(), sink.rejections().size(), seconds, events / seconds, sink.checkpoints().size());
        }
    }

    /** One-hour meetings six hours apart back from now, in Berlin time, each with an organizer and three attendees. */
    static String events(int count) {
        StringBuilder events = new StringBuilder(SharedTimeZonesTest.BERLIN);
        for (int i = 0; i < count; i++) {
            LocalDateTime start = LocalDateTime.ofInstant(NOW.minus(Duration.ofHours(6L * i)), ZoneId.of("Europe/Berlin"));
            events.append(Ics.event("meeting-" + i + "@northwind.example",
                    "DTSTART;TZID=Europe/Berlin:" + LOCAL.format(start), "DTEND;TZID=Europe/Berlin:" + LOCAL.format(start.plusHours(1)),
                    "SUMMARY:Pricing review " + i, "LOCATION:Room " + (i % 7), "SEQUENCE:0", "STATUS:CONFIRMED",
                    "DESCRIPTION:Agenda: pricing\\, terms\\, next steps.",
                    "ORGANIZER;CN=\"Dana Reyes\":mailto:dana@northwind.example",
                    "ATTENDEE;CN=\"Lee Park\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:lee@globex.example",
                    "ATTENDEE;CN=\"Kim Ode\";ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;RSVP=FALSE:mailto:kim@globex.example",
                    "ATTENDEE;CN=\"Sam Roy\";ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:sam@northwind.example"));
        }
        return Ics.calendar(events.toString());
    }
}
