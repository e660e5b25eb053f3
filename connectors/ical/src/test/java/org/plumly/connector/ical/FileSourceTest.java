package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plumly.connector.ical.Ics.NOW;
import static org.plumly.connector.ical.Ics.calendar;
import static org.plumly.connector.ical.Ics.event;
import static org.plumly.connector.ical.Ics.meeting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Activity;
import org.plumly.api.ActivityKind;
import org.plumly.api.Direction;
import org.plumly.api.Participant;
import org.plumly.api.Participant.Response;
import org.plumly.api.Participant.Role;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingSink;

/** The meetings of a calendar file in the import folder: how events, series, time zones and answers come out. */
class FileSourceTest {
    @TempDir
    Path imports;
    private Path file;

    @BeforeEach
    void folder() throws IOException {
        file = Files.createDirectories(imports.resolve("calendar")).resolve("dana.ics");
    }

    private Runs runs(String... more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("source", "file", "file", "calendar/dana.ics",
                "mailbox", "dana@northwind.example", "windowPastDays", "30", "windowFutureDays", "30"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return Runs.of(settings).withFiles(imports);
    }

    private void write(String text) throws IOException {
        Files.writeString(file, text);
    }

    @Test
    void anEventBecomesAMeetingWithItsOrganizerAndTheAnswersOfItsAttendees() throws Exception {
        write(calendar(event("pricing-1@northwind.example",
                "DTSTART:20261201T150000Z", "DTEND:20261201T160000Z", "SUMMARY:Pricing review",
                "ORGANIZER;CN=Dana Reyes:mailto:Dana@Northwind.example",
                "ATTENDEE;CN=Lee Park;PARTSTAT=ACCEPTED:mailto:lee@globex.example",
                "ATTENDEE;PARTSTAT=TENTATIVE:mailto:kim@globex.example",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:ash@globex.example",
                "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bo@globex.example",
                "ATTENDEE:mailto:cy@globex.example",
                "ATTENDEE;PARTSTAT=DELEGATED:mailto:di@globex.example",
                "ATTENDEE;CUTYPE=ROOM;PARTSTAT=ACCEPTED:urn:uuid:4c1d2c1a-room-7",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:not-an-address")));

        RecordingSink sink = runs().readAll();

        assertThat(sink.rejections()).isEmpty();
        Activity meeting = Runs.meeting(sink, "pricing-1@northwind.example");
        assertThat(meeting.kind()).isEqualTo(ActivityKind.MEETING);
        assertThat(meeting.tenant()).isEqualTo(Runs.TENANT);
        assertThat(meeting.id().value()).isEqualTo(meeting.source().entityId()).isEqualTo("dana-calendar:pricing-1@northwind.example");
        assertThat(meeting.source().stream()).isEqualTo("events");
        assertThat(meeting.occurredAt()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(meeting.endsAt()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(meeting.subject()).isEqualTo("Pricing review");
        assertThat(meeting.cancelled()).isFalse();
        assertThat(meeting.direction()).as("organized by the mailbox, with guests from elsewhere").isEqualTo(Direction.OUTBOUND);
        assertThat(meeting.owner()).isNull();
        assertThat(meeting.opportunity()).isNull();
        assertThat(meeting.account()).isNull();
        assertThat(meeting.participants()).containsExactly(
                new Participant("dana@northwind.example", "Dana Reyes", Role.ORGANIZER, null),
                new Participant("lee@globex.example", "Lee Park", Role.ATTENDEE, Response.ACCEPTED),
                new Participant("kim@globex.example", null, Role.ATTENDEE, Response.TENTATIVE),
                new Participant("ash@globex.example", null, Role.ATTENDEE, Response.DECLINED),
                new Participant("bo@globex.example", null, Role.ATTENDEE, Response.NEEDS_ACTION),
                new Participant("cy@globex.example", null, Role.ATTENDEE, Response.NEEDS_ACTION),
                new Participant("di@globex.example", null, Role.ATTENDEE, null));
    }

    @Test
    void directionFollowsWhoOrganizedAndWhoCame() throws Exception {
        write(calendar(
                event("theirs", "DTSTART:20261201T150000Z", "ORGANIZER:mailto:lee@globex.example", "ATTENDEE:mailto:dana@northwind.example"),
                event("internal", "DTSTART:20261201T150000Z", "ORGANIZER:mailto:dana@northwind.example", "ATTENDEE:mailto:sam@northwind.example"),
                event("nobody", "DTSTART:20261201T150000Z")));

        RecordingSink sink = runs().readAll();
        RecordingSink withoutMailbox = runs("mailbox", "").readAll();

        assertThat(Runs.meeting(sink, "theirs").direction()).isEqualTo(Direction.INBOUND);
        assertThat(Runs.meeting(sink, "internal").direction()).isEqualTo(Direction.INTERNAL);
        assertThat(Runs.meeting(sink, "nobody").direction()).isEqualTo(Direction.INTERNAL);
        assertThat(Runs.meetings(withoutMailbox)).extracting(Activity::direction).containsOnly(Direction.INTERNAL);
    }

    @Test
    void aWeeklySeriesIsExpandedWithinTheWindowWithItsExcludedMovedAndCancelledInstances() throws Exception {
        write(calendar(
                event("weekly@northwind.example", "DTSTART:20261005T090000Z", "DTEND:20261005T093000Z", "SUMMARY:Pipeline review",
                        "RRULE:FREQ=WEEKLY", "EXDATE:20261109T090000Z", "ORGANIZER:mailto:dana@northwind.example"),
                event("weekly@northwind.example", "RECURRENCE-ID:20261116T090000Z", "DTSTART:20261117T140000Z",
                        "DTEND:20261117T150000Z", "SUMMARY:Pipeline review (moved)", "ORGANIZER:mailto:dana@northwind.example"),
                event("weekly@northwind.example", "RECURRENCE-ID:20261130T090000Z", "DTSTART:20261130T090000Z",
                        "DTEND:20261130T093000Z", "SUMMARY:Pipeline review", "STATUS:CANCELLED")));

        RecordingSink sink = runs().readAll();

        // window: 30 days back from NOW (2026-10-26T10:00Z) to the end of the day 30 days ahead (2026-12-26T00:00Z)
        assertThat(sink.rejections()).isEmpty();
        assertThat(Runs.sourceIds(sink)).containsExactlyInAnyOrder(
                "weekly@northwind.example/20261102T090000Z", "weekly@northwind.example/20261109T090000Z",
                "weekly@northwind.example/20261116T090000Z", "weekly@northwind.example/20261123T090000Z",
                "weekly@northwind.example/20261130T090000Z", "weekly@northwind.example/20261207T090000Z",
                "weekly@northwind.example/20261214T090000Z", "weekly@northwind.example/20261221T090000Z");
        Activity regular = Runs.meeting(sink, "weekly@northwind.example/20261123T090000Z");
        assertThat(regular.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(regular.endsAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(regular.subject()).isEqualTo("Pipeline review");
        assertThat(regular.cancelled()).isFalse();
        assertThat(Runs.meeting(sink, "weekly@northwind.example/20261109T090000Z").cancelled()).as("taken out by EXDATE").isTrue();
        Activity moved = Runs.meeting(sink, "weekly@northwind.example/20261116T090000Z");
        assertThat(moved.occurredAt()).isEqualTo(Instant.parse("2026-11-17T14:00:00Z"));
        assertThat(moved.endsAt()).isEqualTo(Instant.parse("2026-11-17T15:00:00Z"));
        assertThat(moved.subject()).isEqualTo("Pipeline review (moved)");
        assertThat(moved.cancelled()).isFalse();
        assertThat(Runs.meeting(sink, "weekly@northwind.example/20261130T090000Z").cancelled()).as("overridden as cancelled").isTrue();
        assertThat(Runs.meetings(sink)).filteredOn(Activity::cancelled).hasSize(2);
    }

    @Test
    void aSeriesInATimeZoneKeepsItsLocalTimeAcrossTheChangeOfDaylightSavingTime() throws Exception {
        write(calendar(event("berlin-series", "DTSTART;TZID=Europe/Berlin:20261019T100000", "DTEND;TZID=Europe/Berlin:20261019T110000",
                "RRULE:FREQ=WEEKLY;COUNT=3")));

        RecordingSink sink = runs("windowPastDays", "60").readAll();

        assertThat(Runs.sourceIds(sink)).containsExactly("berlin-series/20261019T080000Z", "berlin-series/20261026T090000Z",
                "berlin-series/20261102T090000Z");
        assertThat(Runs.meeting(sink, "berlin-series/20261026T090000Z").endsAt()).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
    }

    @Test
    void timeZonesAllDayEventsAndFloatingTimesBecomeInstants() throws Exception {
        String outlookZone = String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
                "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE", "");
        write(calendar(outlookZone,
                event("iana", "DTSTART;TZID=Europe/Berlin:20260701T100000", "DURATION:PT45M"),
                event("outlook", "DTSTART;TZID=W. Europe Standard Time:20260115T100000", "DTEND;TZID=W. Europe Standard Time:20260115T113000"),
                event("utc", "DTSTART:20260701T100000Z"),
                event("all-day", "DTSTART;VALUE=DATE:20260701", "DTEND;VALUE=DATE:20260703"),
                event("all-day-no-end", "DTSTART;VALUE=DATE:20260701"),
                event("floating", "DTSTART:20260701T100000", "DTEND:20260701T110000")));

        RecordingSink utc = runs().readAll();
        RecordingSink newYork = runs("timeZone", "America/New_York").readAll();

        assertThat(utc.rejections()).isEmpty();
        assertThat(Runs.meeting(utc, "iana").occurredAt()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(Runs.meeting(utc, "iana").endsAt()).isEqualTo(Instant.parse("2026-07-01T08:45:00Z"));
        assertThat(Runs.meeting(utc, "outlook").occurredAt()).as("by the VTIMEZONE of the file").isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(Runs.meeting(utc, "outlook").endsAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
        assertThat(Runs.meeting(utc, "utc").occurredAt()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(Runs.meeting(utc, "utc").endsAt()).as("a date-time without an end lasts no time").isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(Runs.meeting(utc, "all-day").occurredAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(Runs.meeting(utc, "all-day").endsAt()).isEqualTo(Instant.parse("2026-07-03T00:00:00Z"));
        assertThat(Runs.meeting(utc, "all-day-no-end").endsAt()).as("a date without an end lasts the day").isEqualTo(Instant.parse("2026-07-02T00:00:00Z"));
        assertThat(Runs.meeting(utc, "floating").occurredAt()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));

        assertThat(Runs.meeting(newYork, "floating").occurredAt()).isEqualTo(Instant.parse("2026-07-01T14:00:00Z"));
        assertThat(Runs.meeting(newYork, "all-day").occurredAt()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
        assertThat(Runs.meeting(newYork, "iana").occurredAt()).as("a TZID time does not move").isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
    }

    @Test
    void theCalendarsOwnTimeZoneReadsItsFloatingTimesBeforeTheSetting() throws Exception {
        write(calendar("X-WR-TIMEZONE:Asia/Tokyo\r\n", event("floating", "DTSTART:20260701T100000")));

        RecordingSink sink = runs("timeZone", "America/New_York").readAll();

        assertThat(Runs.meeting(sink, "floating").occurredAt()).isEqualTo(Instant.parse("2026-07-01T01:00:00Z"));
    }

    @Test
    void anEventInAnUnknownTimeZoneIsRejected() throws Exception {
        write(calendar(event("mars", "DTSTART;TZID=Mars/Olympus:20260701T100000"), meeting("earth", NOW, "Demo")));

        RecordingSink sink = runs().readAll();

        assertThat(Runs.sourceIds(sink)).containsExactly("earth");
        assertThat(sink.rejections()).extracting(r -> r.location() + ": " + r.reason()).containsExactly("dana.ics event 1: malformed DTSTART or unknown TZID");
    }

    @Test
    void aCancelledEventComesCancelled() throws Exception {
        write(calendar(event("called-off", "DTSTART:20261201T150000Z", "STATUS:CANCELLED"), meeting("kept", NOW, "Demo")));

        RecordingSink sink = runs().readAll();

        assertThat(Runs.meeting(sink, "called-off").cancelled()).isTrue();
        assertThat(Runs.meeting(sink, "kept").cancelled()).isFalse();
    }

    @Test
    void anOverriddenInstanceWithoutItsSeriesStillComes() throws Exception {
        write(calendar(event("invited-once", "RECURRENCE-ID:20261202T090000Z", "DTSTART:20261202T100000Z", "SUMMARY:One of theirs")));

        RecordingSink sink = runs().readAll();

        assertThat(Runs.meeting(sink, "invited-once/20261202T090000Z").occurredAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void malformedEventsAreRejectedWithoutTheirContentWhileTheOthersImport() throws Exception {
        write(calendar(meeting("good-1", NOW, "Kick-off with Globex"),
                event("bad-date", "DTSTART:2026-12-0x", "SUMMARY:Secret merger talk"),
                event("no-start", "SUMMARY:Secret merger talk", "ATTENDEE:mailto:lee@globex.example"),
                "BEGIN:VEVENT\r\nDTSTART:20261201T150000Z\r\nSUMMARY:Secret merger talk\r\nEND:VEVENT\r\n",
                event("backwards", "DTSTART:20261201T150000Z", "DTEND:20261201T140000Z"),
                event("good-1", "DTSTART:20261203T150000Z", "SUMMARY:A second event under the same UID"),
                meeting("good-2", NOW.plusSeconds(86_400), "Follow-up with Globex")));

        RecordingSink sink = runs().readAll();

        assertThat(Runs.sourceIds(sink)).containsExactly("good-1", "good-2");
        assertThat(sink.rejections()).extracting(r -> r.location() + ": " + r.reason()).containsExactlyInAnyOrder(
                "dana.ics event 2: malformed DTSTART",
                "dana.ics event 3: no DTSTART",
                "dana.ics event 4: no UID",
                "dana.ics event 5: ends before it starts",
                "dana.ics event 6: a second event with the UID of dana.ics event 1");
        assertThat(sink.rejections()).allSatisfy(rejection -> assertThat(rejection.reason()).doesNotContain("Secret", "lee@", "2026"));
        assertThat(sink.endsWithCheckpoint()).isTrue();
    }

    @Test
    void aFileThatIsNoCalendarIsMisconfiguredAndOneCutShortIsTransient() throws Exception {
        write("<html><body>Sign in</body></html>");
        assertThatThrownBy(() -> runs().readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED));
        assertThat(Runs.connector(NOW).check(runs().context(Runs.connector(NOW))).passed()).isFalse();

        write(calendar(meeting("whole", NOW, "Demo")).replace("END:VCALENDAR\r\n", "BEGIN:VEVENT\r\nUID:half\r\n"));
        assertThatThrownBy(() -> runs().readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.TRANSIENT));
    }

    @Test
    void aMissingFileIsMisconfiguredAndFailsTheCheck() {
        IcalConnector connector = Runs.connector(NOW);
        assertThat(connector.check(runs("file", "calendar/nobody.ics").context(connector)).reason())
                .contains("calendar/nobody.ics");
        assertThatThrownBy(() -> runs("file", "../outside.ics").readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED));
    }

    @Test
    void anUnchangedFileIsSkippedUntilItChangesOrTheWindowMoves() throws Exception {
        write(calendar(meeting("a", NOW, "Demo"), meeting("b", NOW.plusSeconds(3_600), "Pricing")));
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
        RecordingSink first = runs().readAll();
        StreamState saved = first.lastCheckpoint().orElseThrow();
        assertThat(saved.cursor()).containsKeys("origin", "horizon", "size", "modified");

        RecordingSink unchanged = runs().read(saved);
        assertThat(unchanged.records()).isEmpty();
        assertThat(unchanged.lastCheckpoint()).contains(saved);

        RecordingSink nextDay = runs().read(NOW.plus(1, ChronoUnit.DAYS), saved);
        assertThat(Runs.sourceIds(nextDay)).as("the window moved: recurrences may have new instances").containsExactly("a", "b");

        write(calendar(meeting("a", NOW, "Demo"), meeting("b", NOW.plusSeconds(3_600), "Pricing, moved"), meeting("c", NOW, "New")));
        Files.setLastModifiedTime(file, FileTime.from(NOW));
        RecordingSink changed = runs().read(saved);
        assertThat(Runs.sourceIds(changed)).containsExactly("a", "b", "c");
    }

    @Test
    void aStateOfAnotherFileIsNoPositionInThisOne() throws Exception {
        write(calendar(meeting("a", NOW, "Demo")));
        StreamState saved = runs().readAll().lastCheckpoint().orElseThrow();
        Files.copy(file, file.resolveSibling("lee.ics"));

        assertThat(Runs.sourceIds(runs("file", "calendar/lee.ics").read(saved))).containsExactly("a");
        assertThatThrownBy(() -> runs().read(saved.with("size", "many"))).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.INVALID_STATE));
    }

    @Test
    void aBigFileComesInBatchesAndAStoppedReadReadsItAgain() throws Exception {
        write(calendar(meeting("a", NOW, "1"), meeting("b", NOW, "2"), meeting("c", NOW, "3"), meeting("d", NOW, "4"),
                meeting("e", NOW, "5")));
        RecordingSink all = runs("batchSize", "2").readAll();
        assertThat(all.checkpoints()).hasSize(3);
        assertThat(all.checkpoints().subList(0, 2)).as("within the read: the state it started from")
                .allSatisfy(state -> assertThat(state.cursor()).doesNotContainKeys("size", "modified"));

        IcalConnector connector = Runs.connector(NOW);
        Runs runs = runs("batchSize", "2");
        RecordingSink stopped = RecordingSink.stoppingAfterCheckpoints(1);
        connector.read(runs.context(connector), StreamState.initial("events"), stopped);
        assertThat(stopped.records()).hasSize(2);
        assertThat(stopped.refusedAfterStop()).isZero();
        assertThat(Runs.sourceIds(runs.read(stopped.lastCheckpoint().orElseThrow()))).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void settingsThatCannotWorkAreMisconfigured() {
        for (List<String> bad : List.of(List.of("source", "outlook"), List.of("windowPastDays", "-1"), List.of("timeZone", "Mars/Olympus"),
                List.of("mailbox", "dana"), List.of("file", ""), List.of("password", "no-user"))) {
            assertThatThrownBy(() -> runs(bad.toArray(String[]::new)).readAll()).as("%s", bad)
                    .isInstanceOfSatisfying(ConnectorException.class,
                            failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.MISCONFIGURED));
        }
    }
}
