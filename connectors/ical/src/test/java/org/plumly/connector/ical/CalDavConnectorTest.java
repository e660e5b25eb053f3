package org.plumly.connector.ical;

import static org.plumly.connector.ical.Ics.NOW;
import static org.plumly.connector.ical.Ics.calendar;
import static org.plumly.connector.ical.Ics.event;
import static org.plumly.connector.ical.Ics.meeting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.connector.Connector;
import org.plumly.api.connector.StreamDescriptor;
import org.plumly.connector.testkit.ConnectorContractTest;

/** The test kit's rules, for a CalDAV calendar on a real server (Radicale), two events per batch. */
class CalDavConnectorTest extends ConnectorContractTest {
    private static final AtomicInteger CALENDARS = new AtomicInteger();
    @TempDir
    static Path folder;
    private static Radicale radicale;
    private URI calendar;
    private int changes;

    @BeforeAll
    static void startServer() throws IOException {
        radicale = Radicale.start(folder, "dana", "dana-app-password");
    }

    @AfterAll
    static void stopServer() {
        radicale.close();
    }

    @BeforeEach
    void fillACalendar() throws IOException {
        calendar = radicale.mkcalendar("kit-" + CALENDARS.incrementAndGet());
        radicale.put(calendar, "kickoff.ics", calendar(meeting("kickoff", NOW.minusSeconds(86_400 * 20), "Kick-off")));
        radicale.put(calendar, "demo.ics", calendar(meeting("demo", NOW.minusSeconds(86_400 * 10), "Demo")));
        radicale.put(calendar, "pricing.ics", calendar(meeting("pricing", NOW.plusSeconds(86_400 * 3), "Pricing")));
        radicale.put(calendar, "weekly.ics", calendar(event("weekly", "DTSTART:20261102T090000Z", "DTEND:20261102T093000Z",
                "RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Pipeline review", "ORGANIZER:mailto:dana@northwind.example")));
        radicale.put(calendar, "legal.ics", calendar(meeting("legal", NOW.plusSeconds(86_400 * 8), "Contract review")));
    }

    @Override
    protected Connector newConnector() {
        return new IcalConnector(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("source", "caldav", "url", calendar.toString(), "username", "dana", "password", "dana-app-password",
                "mailbox", "dana@northwind.example", "batchSize", "2");
    }

    @Override
    protected Map<String, String> badCredentialSettings() {
        return Map.of("source", "caldav", "url", calendar.toString(), "username", "dana", "password", "not-the-password",
                "batchSize", "2");
    }

    @Override
    protected Set<String> changeSource(StreamDescriptor stream) throws IOException {
        String uid = "follow-up-" + ++changes;
        radicale.put(calendar, uid + ".ics", calendar(meeting(uid, NOW.plusSeconds(86_400L * (10 + changes)), "Follow-up")));
        return Set.of(uid);
    }
}
