package org.plumly.store.cassandra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plumly.store.cassandra.internal.Records.DANA;
import static org.plumly.store.cassandra.internal.Records.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.plumly.api.Activity;
import org.plumly.api.ActivityId;
import org.plumly.api.Direction;
import org.plumly.api.OpportunityId;
import org.plumly.api.RawContent;
import org.plumly.api.TenantId;
import org.plumly.api.UserId;
import org.plumly.api.store.ActivityStore;
import org.plumly.api.store.InvalidCursorException;
import org.plumly.api.store.Page;
import org.plumly.api.store.PageRequest;
import org.plumly.api.tone.SentenceTone;
import org.plumly.api.tone.ToneScores;
import org.plumly.api.tone.ToneVerdict;

class CassandraActivityStoreTest {
    private final ActivityStore store = TestStores.shared().activities;
    private final TenantId tenant = TestStores.newTenant();
    private final OpportunityId renewal = OpportunityId.of("crm:renewal");

    @Test
    void anActivityReadsBackAsItWasWritten() {
        Activity mail = mail(tenant, "m1", "2026-11-03T14:00:00.123Z", renewal);

        store.put(mail);

        assertThat(store.find(tenant, mail.id())).contains(mail);
    }

    @Test
    void aTimelineIsNewestFirstAcrossMonthsAndPagesWithoutGapsOrRepeats() {
        List<Activity> written = new ArrayList<>();
        String[] days = {"2026-08-30T10:00:00Z", "2026-09-02T10:00:00Z", "2026-09-15T10:00:00Z", "2026-09-30T23:59:59Z",
                "2026-10-01T00:00:00Z", "2026-11-01T08:00:00Z", "2026-11-20T08:00:00Z"};
        for (int i = 0; i < days.length; i++) {
            written.add(mail(tenant, "t" + i, days[i], renewal));
        }
        store.putAll(written);
        List<Activity> newestFirst = new ArrayList<>(written);
        Collections.reverse(newestFirst);

        for (int size : new int[] {1, 2, 3, 7, 50}) {
            assertThat(readAll(request -> store.timeline(tenant, renewal, request), size))
                    .as("page size %d", size)
                    .containsExactlyElementsOf(newestFirst);
        }
    }

    @Test
    void twoActivitiesOfTheSameMillisecondAreBothKept() {
        store.put(mail(tenant, "same-a", "2026-11-03T14:00:00Z", renewal));
        store.put(mail(tenant, "same-b", "2026-11-03T14:00:00Z", renewal));

        assertThat(store.timeline(tenant, renewal, PageRequest.first(10)).items()).extracting(a -> a.id().value())
                .containsExactlyInAnyOrder("mail:same-a", "mail:same-b");
    }

    @Test
    void storingTheSameActivitiesAgainDuplicatesNothing() {
        List<Activity> batch = IntStream.range(0, 30).mapToObj(i -> mail(tenant, "r" + i, "2026-10-%02dT09:00:00Z".formatted(i % 28 + 1), renewal)).toList();

        store.putAll(batch);
        store.putAll(batch);
        store.put(batch.get(0));

        assertThat(readAll(request -> store.timeline(tenant, renewal, request), 7)).hasSize(30).doesNotHaveDuplicates();
        assertThat(readAll(request -> store.byOwner(tenant, DANA, request), 11)).hasSize(30);
    }

    @Test
    void anActivityThatMovesLeavesItsOldTimelines() {
        OpportunityId other = OpportunityId.of("crm:expansion");
        Activity meeting = mail(tenant, "moved", "2026-11-03T14:00:00Z", renewal);
        store.put(meeting);

        Activity rescheduledElsewhere = new Activity(tenant, meeting.id(), meeting.kind(), meeting.direction(), Instant.parse("2026-12-01T10:00:00Z"),
                null, meeting.subject(), meeting.participants(), UserId.of("crm:sam"), other, meeting.account(), false, meeting.source());
        store.put(rescheduledElsewhere);

        assertThat(store.timeline(tenant, renewal, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.byOwner(tenant, DANA, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.timeline(tenant, other, PageRequest.first(10)).items()).containsExactly(rescheduledElsewhere);
        assertThat(store.byOwner(tenant, UserId.of("crm:sam"), PageRequest.first(10)).items()).containsExactly(rescheduledElsewhere);
    }

    @Test
    void aFieldEmptiedAtTheSourceIsEmptiedInTheStore() {
        Activity mail = mail(tenant, "cleared", "2026-11-03T14:00:00Z", renewal);
        store.put(mail);
        Activity withoutSubject = new Activity(tenant, mail.id(), mail.kind(), mail.direction(), mail.occurredAt(), null, null,
                mail.participants(), mail.owner(), mail.opportunity(), null, false, mail.source());

        store.put(withoutSubject);

        assertThat(store.find(tenant, mail.id())).contains(withoutSubject);
        assertThat(store.timeline(tenant, renewal, PageRequest.first(5)).items()).containsExactly(withoutSubject);
    }

    @Test
    void rawContentIsKeptApartAndWholeEvenWhenLarge() {
        byte[] mime = new byte[CassandraActivityStore.CONTENT_CHUNK_BYTES * 5 + 17];
        new Random(7).nextBytes(mime);
        ActivityId id = ActivityId.of("mail:large");

        store.putContent(tenant, id, new RawContent("message/rfc822", mime));
        store.putContent(tenant, ActivityId.of("mail:small"), new RawContent("message/rfc822", "Subject: hi\r\n\r\nhello".getBytes()));

        RawContent read = store.content(tenant, id).orElseThrow();
        assertThat(read.mediaType()).isEqualTo("message/rfc822");
        assertThat(read.bytes()).isEqualTo(mime);
        assertThat(new String(store.content(tenant, ActivityId.of("mail:small")).orElseThrow().bytes())).endsWith("hello");
        assertThat(store.content(tenant, ActivityId.of("mail:none"))).isEmpty();
    }

    @Test
    void aToneVerdictReadsBackWithItsSentencesAndOnlyForTheMessagesThatHaveOne() {
        ToneVerdict verdict = new ToneVerdict(new ToneScores(0.05, 0.15, 0.80), List.of(
                new SentenceTone("Thanks for the call.", 0, 20, new ToneScores(0.6, 0.3, 0.1)),
                new SentenceTone("Honestly, the price is a deal breaker for us.", 21, 66, new ToneScores(0.02, 0.08, 0.90))),
                "tone-test 1");
        ActivityId classified = ActivityId.of("mail:classified");
        ActivityId quiet = ActivityId.of("mail:quiet");
        ToneVerdict noSentences = new ToneVerdict(new ToneScores(0.1, 0.8, 0.1), List.of(), "tone-test 1");

        store.putTone(tenant, classified, verdict, Instant.parse("2026-11-25T10:00:00Z"));
        store.putTone(tenant, quiet, noSentences, Instant.parse("2026-11-25T10:00:01Z"));

        assertThat(store.tones(tenant, List.of(classified, quiet, ActivityId.of("mail:never-classified"), classified)))
                .isEqualTo(Map.of(classified, verdict, quiet, noSentences));
        assertThat(store.tones(tenant, List.of())).isEmpty();
    }

    @Test
    void aMessageClassifiedAgainHasOneVerdictTheNewest() {
        ActivityId id = ActivityId.of("mail:again");
        store.putTone(tenant, id, new ToneVerdict(new ToneScores(0.1, 0.1, 0.8), List.of(
                new SentenceTone("First.", 0, 6, new ToneScores(0.1, 0.1, 0.8)),
                new SentenceTone("Second.", 7, 14, new ToneScores(0.1, 0.1, 0.8))), "tone-test 1"), Instant.parse("2026-11-25T10:00:00Z"));
        ToneVerdict newer = new ToneVerdict(new ToneScores(0.7, 0.2, 0.1), List.of(
                new SentenceTone("Only one now.", 0, 13, new ToneScores(0.7, 0.2, 0.1))), "tone-test 2");

        store.putTone(tenant, id, newer, Instant.parse("2026-11-26T10:00:00Z"));

        assertThat(store.tones(tenant, List.of(id))).containsExactly(Map.entry(id, newer));
    }

    @Test
    void anInboundMailThatTurnsOutToBeAColleaguesLosesItsVerdictAndOneThatStaysInboundKeepsIt() {
        Activity inbound = mail(tenant, "colleague", "2026-11-03T14:00:00Z", renewal);
        Activity stays = mail(tenant, "customer", "2026-11-03T15:00:00Z", renewal);
        ToneVerdict verdict = new ToneVerdict(new ToneScores(0.1, 0.2, 0.7), List.of(), "tone-test 1");
        store.putAll(List.of(inbound, stays));
        store.putTone(tenant, inbound.id(), verdict, Instant.parse("2026-11-25T10:00:00Z"));
        store.putTone(tenant, stays.id(), verdict, Instant.parse("2026-11-25T10:00:00Z"));

        store.putAll(List.of(inbound.resolvedTo(Direction.INTERNAL, inbound.owner(), inbound.opportunity(), inbound.account()), stays));

        assertThat(store.tones(tenant, List.of(inbound.id(), stays.id()))).containsOnlyKeys(stays.id());
    }

    @Test
    void aCursorFromAnotherTimelineIsRefused() {
        store.putAll(List.of(mail(tenant, "c1", "2026-11-01T10:00:00Z", renewal), mail(tenant, "c2", "2026-11-02T10:00:00Z", renewal)));
        Page<Activity> first = store.timeline(tenant, renewal, PageRequest.first(1));

        assertThat(first.hasNext()).isTrue();
        assertThatThrownBy(() -> store.timeline(tenant, OpportunityId.of("crm:other"), first.nextRequest(1)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.byOwner(tenant, DANA, first.nextRequest(1))).isInstanceOf(InvalidCursorException.class);
    }

    static <T> List<T> readAll(Function<PageRequest, Page<T>> list, int size) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        while (request != null) {
            Page<T> page = list.apply(request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            all.addAll(page.items());
            request = page.nextRequest(size);
        }
        return all;
    }
}
