package org.plumly.connector.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plumly.connector.ical.Ics.NOW;
import static org.plumly.connector.ical.Ics.calendar;
import static org.plumly.connector.ical.Ics.event;
import static org.plumly.connector.ical.Ics.meeting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumly.api.Activity;
import org.plumly.api.connector.CheckResult;
import org.plumly.api.connector.ConnectorException;
import org.plumly.api.connector.StreamState;
import org.plumly.connector.testkit.RecordingSink;

/** Incremental CalDAV reads against a real server (Radicale): removals, expired tokens, stops, the moving window. */
class CalDavSyncTest {
    private static final AtomicInteger CALENDARS = new AtomicInteger();
    private static final String PASSWORD = "dana-app-password";
    @TempDir
    static Path folder;
    private static Radicale radicale;
    private URI calendar;

    @BeforeAll
    static void startServer() throws IOException {
        radicale = Radicale.start(folder, "dana", PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        radicale.close();
    }

    @BeforeEach
    void newCalendar() throws IOException {
        calendar = radicale.mkcalendar("sync-" + CALENDARS.incrementAndGet());
    }

    private Runs runs(String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("source", "caldav", "url", calendar.toString(), "username", "dana",
                "password", PASSWORD, "windowPastDays", "30", "windowFutureDays", "30"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return Runs.of(settings);
    }

    private void put(String uid, Instant start) throws IOException {
        radicale.put(calendar, uid + ".ics", calendar(meeting(uid, start, "Meeting " + uid)));
    }

    @Test
    void aDeletedEventComesBackCancelled() throws Exception {
        put("kickoff", NOW.plus(2, ChronoUnit.DAYS));
        put("demo", NOW.plus(3, ChronoUnit.DAYS));
        RecordingSink first = runs().readAll();
        assertThat(Runs.sourceIds(first)).containsExactlyInAnyOrder("kickoff", "demo");
        assertThat(Runs.meetings(first)).noneMatch(Activity::cancelled);

        radicale.delete(calendar, "kickoff.ics");
        RecordingSink next = runs().read(first.lastCheckpoint().orElseThrow());

        Activity cancelled = Runs.meeting(next, "kickoff");
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.id()).isEqualTo(Runs.meeting(first, "kickoff").id());
        assertThat(Runs.sourceIds(next)).containsExactly("kickoff");
        assertThat(next.endsWithCheckpoint()).isTrue();
    }

    @Test
    void anExpiredSyncTokenStartsAFullSyncInsteadOfFailing() throws Exception {
        put("kickoff", NOW);
        put("demo", NOW.plus(1, ChronoUnit.DAYS));
        StreamState saved = runs().readAll().lastCheckpoint().orElseThrow();
        radicale.expireSyncTokens();
        put("pricing", NOW.plus(2, ChronoUnit.DAYS));

        RecordingSink next = runs().read(saved);

        assertThat(Runs.sourceIds(next)).containsExactlyInAnyOrder("kickoff", "demo", "pricing");
        StreamState after = next.lastCheckpoint().orElseThrow();
        assertThat(after.find("syncToken")).isPresent().isNotEqualTo(saved.find("syncToken"));
        assertThat(Runs.sourceIds(runs().read(after))).as("the new token works").isEmpty();
    }

    @Test
    void aSeriesAndItsOverriddenInstancesInOneResourceComeAsInstances() throws Exception {
        radicale.put(calendar, "weekly.ics", calendar(
                event("weekly", "DTSTART:20261102T090000Z", "DTEND:20261102T093000Z", "RRULE:FREQ=WEEKLY;COUNT=4",
                        "EXDATE:20261109T090000Z", "SUMMARY:Pipeline review"),
                event("weekly", "RECURRENCE-ID:20261116T090000Z", "DTSTART:20261116T130000Z", "SUMMARY:Moved", "STATUS:CANCELLED")));

        RecordingSink sink = runs().readAll();

        assertThat(Runs.sourceIds(sink)).containsExactlyInAnyOrder("weekly/20261102T090000Z", "weekly/20261109T090000Z",
                "weekly/20261116T090000Z", "weekly/20261123T090000Z");
        assertThat(Runs.meetings(sink)).filteredOn(Activity::cancelled).extracting(a -> a.source().sourceId())
                .containsExactlyInAnyOrder("weekly/20261109T090000Z", "weekly/20261116T090000Z");
    }

    @Test
    void anEventThatCannotBeAMeetingIsRejectedByItsHrefWhileTheOthersImport() throws Exception {
        put("kickoff", NOW);
        radicale.put(calendar, "backwards.ics", calendar(event("backwards", "DTSTART:20261201T150000Z", "DTEND:20261201T140000Z",
                "SUMMARY:Confidential")));
        put("demo", NOW.plus(1, ChronoUnit.DAYS));

        RecordingSink sink = runs().readAll();

        assertThat(Runs.sourceIds(sink)).containsExactlyInAnyOrder("kickoff", "demo");
        assertThat(sink.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.location()).isEqualTo(calendar.getPath() + "backwards.ics event 1");
            assertThat(rejection.reason()).isEqualTo("ends before it starts");
        });
        assertThat(sink.endsWithCheckpoint()).isTrue();
    }

    @Test
    void aStoppedSyncResumesAndAChangeMadeMeanwhileComesInTheNextSync() throws Exception {
        for (String uid : new String[] {"a", "b", "c", "d", "e"}) {
            put(uid, NOW);
        }
        IcalConnector connector = Runs.connector(NOW);
        Runs runs = runs("batchSize", "2");
        RecordingSink stopped = RecordingSink.stoppingAfterCheckpoints(1);
        connector.read(runs.context(connector), StreamState.initial("events"), stopped);
        assertThat(Runs.sourceIds(stopped)).as("the first batch, in href order").containsExactlyInAnyOrder("a", "b");
        StreamState progress = stopped.lastCheckpoint().orElseThrow();
        assertThat(progress.cursor()).containsKeys("target", "after").doesNotContainKey("syncToken");

        put("a", NOW.plus(5, ChronoUnit.DAYS)); // delivered before the stop, changed since
        RecordingSink resumed = runs.read(progress);
        assertThat(Runs.sourceIds(resumed)).containsExactlyInAnyOrder("c", "d", "e");

        RecordingSink next = runs.read(resumed.lastCheckpoint().orElseThrow());
        assertThat(Runs.sourceIds(next)).containsExactly("a");
        assertThat(Runs.meeting(next, "a").occurredAt()).isEqualTo(NOW.plus(5, ChronoUnit.DAYS));
    }

    @Test
    void whenTheWindowMovesTheNextInstancesOfASeriesComeWithoutItChanging() throws Exception {
        radicale.put(calendar, "weekly.ics", calendar(event("weekly", "DTSTART:20261005T090000Z", "DTEND:20261005T093000Z",
                "RRULE:FREQ=WEEKLY", "SUMMARY:Pipeline review")));
        put("one-off", NOW.plus(2, ChronoUnit.DAYS));
        RecordingSink first = runs().readAll();
        assertThat(Runs.sourceIds(first)).contains("weekly/20261221T090000Z").doesNotContain("weekly/20261228T090000Z");

        RecordingSink sameDay = runs().read(NOW.plus(1, ChronoUnit.HOURS), first.lastCheckpoint().orElseThrow());
        assertThat(sameDay.records()).isEmpty();

        RecordingSink weekLater = runs().read(NOW.plus(7, ChronoUnit.DAYS), first.lastCheckpoint().orElseThrow());
        assertThat(Runs.sourceIds(weekLater)).contains("weekly/20261228T090000Z").doesNotContain("one-off");
        assertThat(weekLater.lastCheckpoint().orElseThrow().find("horizon")).contains("2027-01-02T00:00:00Z");
    }

    @Test
    void badCredentialsFailTheCheckAndTheReadAsUnauthorized() {
        IcalConnector connector = Runs.connector(NOW);
        CheckResult check = connector.check(runs("password", "wrong-password").context(connector));
        assertThat(check.passed()).isFalse();
        assertThat(check.reason()).contains("refused").doesNotContain("wrong-password");

        assertThatThrownBy(() -> runs("password", "wrong-password").readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> runs("username", "", "password", "").readAll()).isInstanceOfSatisfying(ConnectorException.class,
                failed -> assertThat(failed.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
    }

    @Test
    void theCheckTellsACalendarFromAnyOtherAddress() {
        IcalConnector connector = Runs.connector(NOW);
        assertThat(connector.check(runs().context(connector)).passed()).isTrue();
        CheckResult principal = connector.check(runs("url", radicale.base().resolve("/dana/").toString()).context(connector));
        assertThat(principal.passed()).isFalse();
        assertThat(principal.reason()).contains("no CalDAV calendar collection");
    }
}
