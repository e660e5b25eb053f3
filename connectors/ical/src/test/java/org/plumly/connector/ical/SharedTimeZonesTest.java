package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.model.ZoneRulesProviderImpl;
import org.junit.jupiter.api.Test;
import org.plumly.api.TenantId;
import org.plumly.api.connector.ConnectorConfig;

/**
 * The members of a CalDAV collection each carry their VTIMEZONE. ical4j builds zone rules for every
 * registry it is given a VTIMEZONE in, and lends each a JVM-wide zone id from a pool of 1,500 until the
 * registry is collected: a read must not spend one per member.
 */
class SharedTimeZonesTest {
    static final String BERLIN = String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
            "BEGIN:STANDARD", "DTSTART:19701025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE", "");

    @Test
    void documentsWithTheSameTimeZonesShareOneZoneIdWithinARead() throws Exception {
        IcalConnector connector = new IcalConnector();
        ConnectorConfig config = new ConnectorConfig(TenantId.of("northwind"), "dana-calendar",
                connector.spec().withDefaults(Map.of("source", "caldav", "url", "https://dav.example/dana/work/")), Set.of());
        Settings settings = Settings.of(config);
        Meetings meetings = new Meetings(config, IcalConnector.EVENTS, settings, Window.around(Ics.NOW, settings));
        ZoneRulesProviderImpl.ZoneIdPool pool = ZoneRulesProviderImpl.getInstance().orElseThrow().getZoneIdPool();
        meetings.read(Ics.calendar(BERLIN, Ics.event("first", "DTSTART;TZID=Europe/Berlin:20260701T100000")), "first.ics");
        int available = pool.availableZoneIds();

        for (int i = 0; i < 200; i++) {
            Meetings.Read read = meetings.read(Ics.calendar(BERLIN,
                    Ics.event("member-" + i, "DTSTART;TZID=Europe/Berlin:20260701T100000")), "member-" + i + ".ics");
            assertThat(read.meetings()).singleElement()
                    .satisfies(meeting -> assertThat(meeting.occurredAt()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z")));
        }

        assertThat(pool.availableZoneIds()).as("zone ids left in ical4j's pool").isGreaterThanOrEqualTo(available);
    }
}
